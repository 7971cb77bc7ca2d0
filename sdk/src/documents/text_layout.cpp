#include "text_layout.h"

#include <pango/pangocairo.h>

#include <stdexcept>
#include <string>

namespace hisx::sdk::documents::detail {

PangoContextPtr make_text_context() {
  // The default font map is the calling thread's own (pango ≥ 1.32), so documents may be
  // built on several threads at once.
  PangoContextPtr context(pango_font_map_create_context(pango_cairo_font_map_get_default()));
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context.get(), options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context.get(), FALSE);
  return context;
}

PangoLayoutPtr make_layout(PangoContext* context, std::string_view utf8, const TextLook& look,
                           std::string_view what) {
  if (!g_utf8_validate(utf8.data(), static_cast<gssize>(utf8.size()), nullptr)) {
    throw std::invalid_argument(std::string(what) + ": the text is not valid UTF-8");
  }
  PangoLayoutPtr layout(pango_layout_new(context));
  FontDescription font(pango_font_description_new());
  pango_font_description_set_family(font.get(), kFontFamily);
  pango_font_description_set_weight(font.get(),
                                    look.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font.get(), look.size * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_width(layout.get(), static_cast<int>(look.width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  switch (look.align) {
    case Align::Left:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
      break;
    case Align::Center:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
      break;
    case Align::Right:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
      break;
  }
  pango_layout_set_text(layout.get(), utf8.data(), static_cast<int>(utf8.size()));
  return layout;
}

double layout_height(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<double>(logical.height) / PANGO_SCALE;
}

void draw_line(cairo_t* cr, const LineBox& box, double x, double top) {
  cairo_move_to(cr, x + box.x, top + box.baseline);
  pango_cairo_show_layout_line(cr, box.line);
}

}  // namespace hisx::sdk::documents::detail
