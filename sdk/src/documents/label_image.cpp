#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "cairo_handles.h"
#include "hisx/documents/label.h"
#include "hisx/text.h"
#include "text_layout.h"

// A label is laid out once (the code's place, each line's layout and place) and then drawn
// either with cairo into a PNG image or written as SVG elements, so that both agree.

namespace hisx::sdk::documents {

namespace {

constexpr int kMinQuietZone = 4;
constexpr double kMaxSizePx = 500;
constexpr double kLineGap = 0.25;  // Of a line's font size, between two lines.

struct PlacedLine {
  detail::PangoLayoutPtr layout;
  std::string text;
  bool bold = false;
  double size = 0;
  double left = 0;      // Where the layout's origin goes.
  double top = 0;       // Top of the line's box.
  double baseline = 0;  // From the label's top.
  double width = 0;
};

struct LabelLayout {
  int width = 0;
  int height = 0;
  int quiet = kMinQuietZone;
  int module_px = 1;
  double code_left = 0;  // Left edge of the code's quiet zone.
  std::vector<PlacedLine> lines;
};

void check_line(const LabelLine& line) {
  if (!(line.size_px >= 0) || line.size_px > kMaxSizePx) {
    throw std::invalid_argument("label: a line's size must be 0 to 500 px");
  }
  for (const char c : line.text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      throw std::invalid_argument("label: a line holds a control character");
    }
  }
}

LabelLayout lay_out(PangoContext* context, const QrCode& code, const std::vector<LabelLine>& lines,
                    const LabelOptions& options) {
  if (options.module_px < 1) {
    throw std::invalid_argument("label: module_px must be at least 1, not " +
                                std::to_string(options.module_px));
  }
  LabelLayout out;
  out.module_px = options.module_px;
  out.quiet = std::max(options.quiet_zone, kMinQuietZone);
  const int code_side = (code.size() + 2 * out.quiet) * options.module_px;
  const double margin = out.quiet * options.module_px;

  double widest = 0;
  for (const LabelLine& line : lines) {
    check_line(line);
    PlacedLine placed;
    placed.text = line.text;
    placed.bold = line.bold;
    placed.size = line.size_px > 0 ? line.size_px : 2.5 * options.module_px;
    placed.layout =
        detail::make_layout(context, line.text, {placed.size, line.bold, Align::Left, 0}, "label");
    pango_layout_set_width(placed.layout.get(), -1);  // One line, never wrapped.
    PangoRectangle logical;
    pango_layout_get_extents(placed.layout.get(), nullptr, &logical);
    placed.width = static_cast<double>(logical.width) / PANGO_SCALE;
    widest = std::max(widest, placed.width);
    out.lines.push_back(std::move(placed));
  }
  out.width = std::max(code_side, static_cast<int>(std::ceil(widest + 2 * margin)));
  out.code_left = (out.width - code_side) / 2.0;

  double y = code_side;
  for (std::size_t i = 0; i < out.lines.size(); ++i) {
    PlacedLine& line = out.lines[i];
    if (i > 0) y += kLineGap * line.size;
    PangoRectangle logical;
    pango_layout_get_extents(line.layout.get(), nullptr, &logical);
    line.top = y;
    line.left = (out.width - line.width) / 2.0 - static_cast<double>(logical.x) / PANGO_SCALE;
    line.baseline =
        y +
        static_cast<double>(pango_layout_get_baseline(line.layout.get()) - logical.y) / PANGO_SCALE;
    y += static_cast<double>(logical.height) / PANGO_SCALE;
  }
  if (!out.lines.empty()) y += margin / 2;
  out.height = static_cast<int>(std::ceil(y));
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::string render_label_png(const QrCode& code, const std::vector<LabelLine>& lines,
                             const LabelOptions& options) {
  const detail::PangoContextPtr context = detail::make_text_context();
  const LabelLayout label = lay_out(context.get(), code, lines, options);
  detail::Surface surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, label.width, label.height));
  detail::Cairo cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_set_source_rgb(cr.get(), 0, 0, 0);

  // Modules on whole pixels, without smoothing, so that they stay sharp.
  const int left = static_cast<int>(label.code_left);
  cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);
  for (int y = 0; y < code.size(); ++y) {
    for (int x = 0; x < code.size(); ++x) {
      if (!code.dark(x, y)) continue;
      cairo_rectangle(cr.get(), left + (label.quiet + x) * label.module_px,
                      (label.quiet + y) * label.module_px, label.module_px, label.module_px);
    }
  }
  cairo_fill(cr.get());
  cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_DEFAULT);
  for (const PlacedLine& line : label.lines) {
    cairo_move_to(cr.get(), line.left, line.top);
    pango_cairo_show_layout(cr.get(), line.layout.get());
  }
  cairo_surface_flush(surface.get());
  return detail::surface_to_png(surface.get());
}

std::string render_label_svg(const QrCode& code, const std::vector<LabelLine>& lines,
                             const LabelOptions& options) {
  const detail::PangoContextPtr context = detail::make_text_context();
  const LabelLayout label = lay_out(context.get(), code, lines, options);
  const std::string w = std::to_string(label.width);
  const std::string h = std::to_string(label.height);
  std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + w + "\" height=\"" +
         h + "\" viewBox=\"0 0 " + w + " " + h + "\">\n";
  svg += "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#ffffff\"/>\n";
  svg += "<path fill=\"#000000\" shape-rendering=\"crispEdges\" transform=\"translate(" +
         number(static_cast<int>(label.code_left)) + " 0) scale(" +
         std::to_string(label.module_px) + ")\" d=\"";
  for (int y = 0; y < code.size(); ++y) {
    for (int x = 0; x < code.size(); ++x) {
      if (!code.dark(x, y)) continue;
      svg += "M" + std::to_string(label.quiet + x) + " " + std::to_string(label.quiet + y) +
             "h1v1h-1z";
    }
  }
  svg += "\"/>\n";
  for (const PlacedLine& line : label.lines) {
    svg += "<text x=\"" + number(label.width / 2.0) + "\" y=\"" + number(line.baseline) +
           "\" text-anchor=\"middle\" font-family=\"DejaVu Sans\" font-size=\"" +
           number(line.size) + "\"" + (line.bold ? " font-weight=\"bold\"" : "") +
           " fill=\"#000000\">" + sdk::escape_markup(line.text) + "</text>\n";
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace hisx::sdk::documents
