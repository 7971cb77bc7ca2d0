#include "raster_text.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

#include "text_layout.h"

namespace hisx::sdk::documents::detail {

namespace {

// A dot is black when the text covers at least half of it.
constexpr unsigned char kBlackFrom = 128;

}  // namespace

Raster render_text_raster(std::string_view utf8, int width_dots, int size_dots, bool bold,
                          Align align) {
  const PangoContextPtr context = make_text_context();
  const TextLook look{static_cast<double>(size_dots), bold, align, static_cast<double>(width_dots)};
  const PangoLayoutPtr layout = make_layout(context.get(), utf8, look, "EscPosDocument");
  // The image spans the lines and every mark drawn beyond them, with a blank dot row above and
  // below the ink: the marks above Vietnamese capitals (Ề, Ố, Ẩ) reach above the font's line
  // and would be cut off by an image exactly as tall as the lines.
  PangoRectangle ink{}, logical{};
  pango_layout_get_pixel_extents(layout.get(), &ink, &logical);
  const int lines_bottom = static_cast<int>(std::ceil(layout_height(layout.get())));
  const int top = ink.height > 0 ? std::min(0, ink.y - 1) : 0;
  const int bottom = ink.height > 0 ? std::max(lines_bottom, ink.y + ink.height + 1) : lines_bottom;
  const int height = std::max(1, bottom - top);

  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_A8, width_dots, height));
  {
    Cairo cr(cairo_create(surface.get()));
    cairo_translate(cr.get(), 0, -top);
    cairo_set_source_rgba(cr.get(), 0, 0, 0, 1);
    pango_cairo_show_layout(cr.get(), layout.get());
  }
  cairo_surface_flush(surface.get());

  Raster raster;
  raster.width_bytes = width_dots / 8;
  raster.height = height;
  raster.bits.assign(static_cast<std::size_t>(raster.width_bytes) * height, '\0');
  const unsigned char* alpha = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width_dots; ++x) {
      if (alpha[y * stride + x] < kBlackFrom) continue;
      char& byte = raster.bits[static_cast<std::size_t>(y) * raster.width_bytes + x / 8];
      byte = static_cast<char>(static_cast<unsigned char>(byte) | (0x80u >> (x % 8)));
    }
  }
  return raster;
}

}  // namespace hisx::sdk::documents::detail
