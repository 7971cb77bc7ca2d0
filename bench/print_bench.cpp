// Printing cost: an app-linking slip as PDF (A5) and the QR block as PNG, as the app_link
// plugin renders them, beside the bare libqrencode + cairo calls that do the same drawing
// without hisx's layout (a QR code painted into an image surface and written as PNG; a PDF
// page with that image and a few lines of cairo's toy text). One thread, so the rates are per
// core; ratios, not absolute rates, are what compare across machines. No timed assertion.
// Run by bench/run.
#include <cairo-pdf.h>
#include <cairo.h>
#include <qrencode.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <stdexcept>
#include <string>

#include "hisx/documents/qr.h"
#include "printing/print_documents.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace docs = hisx::sdk::documents;

constexpr auto kRun = std::chrono::milliseconds(1500);  // per measurement
const std::string kLink = "https://app.example.vn/link?c=7Q4K92XM";

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Renders per second of `work`, run for kRun after one warm-up call; `sink` keeps the output
// from being optimised away.
double rate(const std::function<std::size_t()>& work, std::size_t& sink) {
  sink += work();
  const auto start = Clock::now();
  long n = 0;
  while (Clock::now() - start < kRun) {
    sink += work();
    ++n;
  }
  return n / std::chrono::duration<double>(Clock::now() - start).count();
}

// libqrencode's code painted into an 8-pixel-per-module image surface with a 4-module quiet
// zone: what render_png() draws.
cairo_surface_t* bare_qr_surface() {
  QRcode* code = QRcode_encodeString8bit(kLink.c_str(), 0, QR_ECLEVEL_Q);
  if (!code) throw std::runtime_error("libqrencode failed");
  const int px = 8, quiet = 4, side = (code->width + 2 * quiet) * px;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side);
  cairo_t* cr = cairo_create(surface);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int y = 0; y < code->width; ++y) {
    for (int x = 0; x < code->width; ++x) {
      if (code->data[y * code->width + x] & 1) {
        cairo_rectangle(cr, (quiet + x) * px, (quiet + y) * px, px, px);
      }
    }
  }
  cairo_fill(cr);
  cairo_destroy(cr);
  QRcode_free(code);
  return surface;
}

std::size_t bare_qr_png() {
  cairo_surface_t* surface = bare_qr_surface();
  std::string png;
  cairo_surface_write_to_png_stream(surface, append, &png);
  cairo_surface_destroy(surface);
  return png.size();
}

std::size_t bare_slip_pdf() {
  std::string pdf;
  cairo_surface_t* page = cairo_pdf_surface_create_for_stream(append, &pdf, 419.53, 595.28);
  cairo_t* cr = cairo_create(page);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 10);
  double y = 40;
  for (const char* line :
       {"Benh vien Da khoa huyen", "PHIEU LIEN KET UNG DUNG",
        "Nguoi benh / Patient: Nguyen Thi Ngoc Anh", "Ma nguoi benh: BN000123"}) {
    cairo_move_to(cr, 28, y);
    cairo_show_text(cr, line);
    y += 16;
  }
  cairo_surface_t* qr = bare_qr_surface();
  cairo_save(cr);
  cairo_translate(cr, 139, y);
  const double scale = 141.7 / cairo_image_surface_get_width(qr);
  cairo_scale(cr, scale, scale);
  cairo_set_source_surface(cr, qr, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
  cairo_paint(cr);
  cairo_restore(cr);
  y += 160;
  for (const char* line : {"7Q4K-92XM", "1. Install the app", "2. Scan the QR code",
                           "3. Enter your birth date", "Hotline: 1900 1234"}) {
    cairo_move_to(cr, 28, y);
    cairo_show_text(cr, line);
    y += 16;
  }
  cairo_surface_destroy(qr);
  cairo_destroy(cr);
  cairo_surface_finish(page);
  cairo_surface_destroy(page);
  return pdf.size();
}

hisx::app_link::SlipContent sample_slip() {
  hisx::app_link::SlipContent slip;
  slip.hospital_name = "Bệnh viện Đa khoa huyện (demo)";
  slip.app_name = "VnCare";
  slip.patient_name = "Nguyễn Thị Ngọc Ánh";
  slip.patient_code = "BN000123";
  slip.link = kLink;
  slip.code = "7Q4K-92XM";
  slip.hotline = "1900 1234";
  slip.expires = "16:45 04/12/2026";
  return slip;
}

void report(const char* what, double hisx_rate, const char* baseline, double bare_rate) {
  std::printf("%-28s %9.1f /s per core   %-30s %9.1f /s   ratio %.2f\n", what, hisx_rate, baseline,
              bare_rate, bare_rate / hisx_rate);
}

}  // namespace

int main() {
  try {
    const auto slip = sample_slip();
    std::size_t sink = 0;
    const double bare_png = rate(bare_qr_png, sink);
    const double qr_png = rate(
        [] {
          return docs::render_png(docs::QrCode::encode(kLink, docs::QrErrorCorrection::Q)).size();
        },
        sink);
    const double block_png = rate([&] { return hisx::app_link::qr_block_png(slip).size(); }, sink);
    const double bare_pdf = rate(bare_slip_pdf, sink);
    const double slip_pdf = rate(
        [&] { return hisx::app_link::slip_pdf(slip, hisx::app_link::SlipSize::A5).size(); }, sink);
    std::printf(
        "print bench (one thread; ratio = bare rate / hisx rate: the cost of hisx's layout)\n");
    report("QR PNG (render_png)", qr_png, "bare libqrencode + cairo PNG", bare_png);
    report("QR block PNG (label)", block_png, "bare libqrencode + cairo PNG", bare_png);
    report("slip PDF A5 (slip_pdf)", slip_pdf, "bare cairo PDF page + QR", bare_pdf);
    std::printf("(%zu bytes rendered)\n", sink);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_print: %s\n", e.what());
    return 1;
  }
}
