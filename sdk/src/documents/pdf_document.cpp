#include <cairo.h>
#include <glib.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

#include "hisx/documents/pdf.h"
#include "pdf_content.h"

namespace hisx::sdk::documents {

using detail::kPtPerMm;

namespace {

std::string mm_text(double mm) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f mm", mm);
  return buf;
}

detail::PageGeometry geometry(const PageSetup& setup) {
  detail::PageGeometry g;
  double width_mm = 0, height_mm = 0;
  switch (setup.paper) {
    case Paper::A4:
      width_mm = 210, height_mm = 297;
      break;
    case Paper::A5:
      width_mm = 148, height_mm = 210;
      break;
    case Paper::Roll80mm:
      if (setup.orientation == Orientation::Landscape) {
        throw std::invalid_argument("PdfDocument: an 80 mm roll has no landscape orientation");
      }
      width_mm = 80;
      g.paged = false;
      break;
  }
  if (setup.orientation == Orientation::Landscape) std::swap(width_mm, height_mm);
  const Margins& m = setup.margins;
  for (const double margin : {m.top_mm, m.right_mm, m.bottom_mm, m.left_mm}) {
    if (!(margin >= 0)) {
      throw std::invalid_argument("PdfDocument: a margin is negative (" + mm_text(margin) + ")");
    }
  }
  if (m.left_mm + m.right_mm >= width_mm) {
    throw std::invalid_argument("PdfDocument: the left and right margins (" +
                                mm_text(m.left_mm + m.right_mm) + ") leave no room on paper " +
                                mm_text(width_mm) + " wide");
  }
  if (g.paged && m.top_mm + m.bottom_mm >= height_mm) {
    throw std::invalid_argument("PdfDocument: the top and bottom margins (" +
                                mm_text(m.top_mm + m.bottom_mm) + ") leave no room on paper " +
                                mm_text(height_mm) + " tall");
  }
  g.width = width_mm * kPtPerMm;
  g.height = height_mm * kPtPerMm;
  g.top = m.top_mm * kPtPerMm;
  g.right = m.right_mm * kPtPerMm;
  g.bottom = m.bottom_mm * kPtPerMm;
  g.left = m.left_mm * kPtPerMm;
  return g;
}

void check_utf8(std::string_view text, const char* what) {
  if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
    throw std::invalid_argument(std::string(what) + ": the text is not valid UTF-8");
  }
}

void check_positive(double value, const char* what) {
  if (!(value > 0) || !std::isfinite(value)) {
    throw std::invalid_argument(std::string(what) + " must be above 0");
  }
}

// Reads PNG bytes into an image surface; null when they are not a PNG image.
std::shared_ptr<cairo_surface_t> decode_png(std::string_view png) {
  struct Reader {
    std::string_view bytes;
    std::size_t at = 0;
  } reader{png};
  cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(
      [](void* closure, unsigned char* data, unsigned int length) {
        auto* r = static_cast<Reader*>(closure);
        if (length > r->bytes.size() - r->at) return CAIRO_STATUS_READ_ERROR;
        std::memcpy(data, r->bytes.data() + r->at, length);
        r->at += length;
        return CAIRO_STATUS_SUCCESS;
      },
      &reader);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return nullptr;
  }
  return {surface, cairo_surface_destroy};
}

}  // namespace

PageSetup PageSetup::a4(Orientation orientation) {
  return {Paper::A4, orientation, {15, 15, 15, 15}};
}

PageSetup PageSetup::a5(Orientation orientation) {
  return {Paper::A5, orientation, {10, 10, 10, 10}};
}

PageSetup PageSetup::roll_80mm() { return {Paper::Roll80mm, Orientation::Portrait, {3, 4, 3, 4}}; }

struct PdfDocument::Impl {
  detail::PdfContent content;
};

PdfDocument::PdfDocument(PageSetup setup) : impl_(std::make_unique<Impl>()) {
  impl_->content.page = geometry(setup);
}

PdfDocument::~PdfDocument() = default;
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;

PdfDocument& PdfDocument::title(std::string title) {
  check_utf8(title, "PdfDocument::title");
  impl_->content.title = std::move(title);
  return *this;
}

PdfDocument& PdfDocument::author(std::string author) {
  check_utf8(author, "PdfDocument::author");
  impl_->content.author = std::move(author);
  return *this;
}

PdfDocument& PdfDocument::subject(std::string subject) {
  check_utf8(subject, "PdfDocument::subject");
  impl_->content.subject = std::move(subject);
  return *this;
}

PdfDocument& PdfDocument::heading(std::string_view text, double size_pt, Align align) {
  return paragraph(text, {.size_pt = size_pt, .bold = true, .align = align, .space_after_mm = 3});
}

PdfDocument& PdfDocument::paragraph(std::string_view text, const TextStyle& style) {
  check_utf8(text, "PdfDocument::paragraph");
  check_positive(style.size_pt, "PdfDocument::paragraph: the font size");
  if (!(style.space_after_mm >= 0)) {
    throw std::invalid_argument("PdfDocument::paragraph: the space after is negative");
  }
  impl_->content.blocks.emplace_back(detail::TextBlock{std::string(text), style});
  return *this;
}

PdfDocument& PdfDocument::image(std::string_view png, double width_mm, Align align) {
  auto surface = decode_png(png);
  if (!surface) {
    throw std::invalid_argument("PdfDocument::image: the " + std::to_string(png.size()) +
                                " bytes given are not a PNG image");
  }
  check_positive(width_mm, "PdfDocument::image: the width");
  const auto& page = impl_->content.page;
  const double width_pt = width_mm * kPtPerMm;
  if (width_pt > page.content_width() + 1e-6) {
    throw std::invalid_argument("PdfDocument::image: the width " + mm_text(width_mm) +
                                " is more than the " + mm_text(content_width_mm()) +
                                " between the margins");
  }
  const double height_pt = width_pt * cairo_image_surface_get_height(surface.get()) /
                           cairo_image_surface_get_width(surface.get());
  if (page.paged && height_pt > page.content_height() + 1e-6) {
    throw std::invalid_argument("PdfDocument::image: at " + mm_text(width_mm) +
                                " wide the image is " + mm_text(height_pt / kPtPerMm) +
                                " tall, more than the " +
                                mm_text(page.content_height() / kPtPerMm) + " between the margins");
  }
  impl_->content.blocks.emplace_back(
      detail::ImageBlock{std::move(surface), width_pt, height_pt, align});
  return *this;
}

PdfDocument& PdfDocument::rule(double thickness_mm) {
  check_positive(thickness_mm, "PdfDocument::rule: the thickness");
  impl_->content.blocks.emplace_back(detail::RuleBlock{thickness_mm * kPtPerMm});
  return *this;
}

PdfDocument& PdfDocument::space(double mm) {
  if (!(mm >= 0) || !std::isfinite(mm)) {
    throw std::invalid_argument("PdfDocument::space: the space must be 0 or more");
  }
  impl_->content.blocks.emplace_back(detail::SpaceBlock{mm * kPtPerMm});
  return *this;
}

PdfDocument& PdfDocument::box(double height_mm, std::string_view caption) {
  return boxes(height_mm, {std::string(caption)});
}

PdfDocument& PdfDocument::boxes(double height_mm, std::vector<std::string> captions) {
  if (captions.empty()) throw std::invalid_argument("PdfDocument::boxes: no captions");
  for (const std::string& caption : captions) check_utf8(caption, "PdfDocument::box");
  check_positive(height_mm, "PdfDocument::box: the height");
  const auto& page = impl_->content.page;
  if (page.paged && height_mm * kPtPerMm > page.content_height() + 1e-6) {
    throw std::invalid_argument("PdfDocument::box: the height " + mm_text(height_mm) +
                                " is more than the " + mm_text(page.content_height() / kPtPerMm) +
                                " between the margins");
  }
  impl_->content.blocks.emplace_back(detail::BoxBlock{height_mm * kPtPerMm, std::move(captions)});
  return *this;
}

PdfDocument& PdfDocument::table(Table table) {
  if (table.columns.empty()) throw std::invalid_argument("PdfDocument::table: no columns");
  check_positive(table.size_pt, "PdfDocument::table: the font size");
  const double content_pt = impl_->content.page.content_width();
  double fixed_pt = 0, shares = 0;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const TableColumn& column = table.columns[c];
    check_utf8(column.header, "PdfDocument::table: a header");
    const std::string what = "PdfDocument::table: the width of column " + std::to_string(c + 1);
    check_positive(column.width.value, what.c_str());
    if (column.width.unit == ColumnWidth::Unit::Mm) {
      fixed_pt += column.width.value * kPtPerMm;
    } else {
      shares += column.width.value;
    }
  }
  if (fixed_pt > content_pt + 1e-6 || (shares > 0 && fixed_pt >= content_pt)) {
    throw std::invalid_argument("PdfDocument::table: the fixed column widths (" +
                                mm_text(fixed_pt / kPtPerMm) + ") leave no room in the " +
                                mm_text(content_width_mm()) + " between the margins");
  }
  std::vector<double> widths;
  for (const TableColumn& column : table.columns) {
    widths.push_back(column.width.unit == ColumnWidth::Unit::Mm
                         ? column.width.value * kPtPerMm
                         : (content_pt - fixed_pt) * column.width.value / shares);
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (table.rows[r].size() != table.columns.size()) {
      throw std::invalid_argument("PdfDocument::table: row " + std::to_string(r + 1) + " has " +
                                  std::to_string(table.rows[r].size()) + " cells for " +
                                  std::to_string(table.columns.size()) + " columns");
    }
    for (const std::string& cell : table.rows[r]) check_utf8(cell, "PdfDocument::table: a cell");
  }
  impl_->content.blocks.emplace_back(detail::TableBlock{std::move(table), std::move(widths)});
  return *this;
}

PdfDocument& PdfDocument::page_break() {
  impl_->content.blocks.emplace_back(detail::PageBreakBlock{});
  return *this;
}

double PdfDocument::content_width_mm() const noexcept {
  return impl_->content.page.content_width() / kPtPerMm;
}

std::string PdfDocument::bytes() const { return detail::render_pdf(impl_->content); }

int PdfDocument::page_count() const { return detail::count_pages(impl_->content); }

}  // namespace hisx::sdk::documents
