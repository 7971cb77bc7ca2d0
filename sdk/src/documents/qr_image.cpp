#include <algorithm>
#include <stdexcept>
#include <string>

#include "cairo_handles.h"
#include "hisx/documents/qr.h"

namespace hisx::sdk::documents {

namespace {

constexpr int kMinQuietZone = 4;

int quiet_zone(const QrImageOptions& options) {
  return std::max(options.quiet_zone, kMinQuietZone);
}

void check_module_px(const QrImageOptions& options) {
  if (options.module_px < 1) {
    throw std::invalid_argument("QR image: module_px must be at least 1, not " +
                                std::to_string(options.module_px));
  }
}

}  // namespace

std::string render_png(const QrCode& code, const QrImageOptions& options) {
  check_module_px(options);
  const int quiet = quiet_zone(options);
  const int side = (code.size() + 2 * quiet) * options.module_px;
  detail::Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side));
  detail::Cairo cr(cairo_create(surface.get()));
  cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  for (int y = 0; y < code.size(); ++y) {
    for (int x = 0; x < code.size(); ++x) {
      if (!code.dark(x, y)) continue;
      cairo_rectangle(cr.get(), (quiet + x) * options.module_px, (quiet + y) * options.module_px,
                      options.module_px, options.module_px);
    }
  }
  cairo_fill(cr.get());
  cairo_surface_flush(surface.get());
  return detail::surface_to_png(surface.get());
}

std::string render_svg(const QrCode& code, const QrImageOptions& options) {
  check_module_px(options);
  const int quiet = quiet_zone(options);
  const std::string modules = std::to_string(code.size() + 2 * quiet);
  const std::string pixels = std::to_string((code.size() + 2 * quiet) * options.module_px);
  std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + pixels +
         "\" height=\"" + pixels + "\" viewBox=\"0 0 " + modules + " " + modules +
         "\" shape-rendering=\"crispEdges\">\n";
  svg += "<rect width=\"" + modules + "\" height=\"" + modules + "\" fill=\"#ffffff\"/>\n";
  svg += "<path fill=\"#000000\" d=\"";
  for (int y = 0; y < code.size(); ++y) {
    for (int x = 0; x < code.size(); ++x) {
      if (!code.dark(x, y)) continue;
      svg += "M" + std::to_string(quiet + x) + " " + std::to_string(quiet + y) + "h1v1h-1z";
    }
  }
  svg += "\"/>\n</svg>\n";
  return svg;
}

}  // namespace hisx::sdk::documents
