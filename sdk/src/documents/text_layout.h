#pragma once

#include <string_view>

#include "cairo_handles.h"
#include "hisx/documents/align.h"

// Text set with pango in DejaVu Sans, shared by the PDF pages and the ESC/POS raster lines.

namespace hisx::sdk::documents::detail {

/// The one font family of hisx documents: it covers Vietnamese, and Debian's
/// fonts-dejavu-core installs it.
inline constexpr const char* kFontFamily = "DejaVu Sans";

/// A pango context that measures text in the units of the cairo user space it is drawn in
/// (points on a PDF page, dots on a raster), with unhinted metrics so that a measurement made
/// without a surface matches the drawing.
PangoContextPtr make_text_context();

/// What a block of text looks like: size in user-space units, weight, alignment, and the width
/// it wraps to (between words, or inside a word longer than the width).
struct TextLook {
  double size = 10;
  bool bold = false;
  Align align = Align::Left;
  double width = 0;
};

/// A laid-out block of UTF-8 text. Throws std::invalid_argument naming `what` when the text is
/// not valid UTF-8.
PangoLayoutPtr make_layout(PangoContext* context, std::string_view utf8, const TextLook& look,
                           std::string_view what);

/// One line of a laid-out block, in user-space units from the top of the block.
struct LineBox {
  PangoLayoutLine* line;  ///< Owned by the layout.
  double x;               ///< Left edge of the line, alignment included.
  double top;             ///< Top of the line's box.
  double height;          ///< Height of the line's box.
  double baseline;        ///< Baseline, from the top of the line's box.
};

/// Calls `visit(const LineBox&)` for each line of `layout`, top to bottom.
template <typename Visit>
void for_each_line(PangoLayout* layout, Visit visit) {
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    const int baseline = pango_layout_iter_get_baseline(iter);
    const LineBox box{pango_layout_iter_get_line_readonly(iter),
                      static_cast<double>(logical.x) / PANGO_SCALE,
                      static_cast<double>(logical.y) / PANGO_SCALE,
                      static_cast<double>(logical.height) / PANGO_SCALE,
                      static_cast<double>(baseline - logical.y) / PANGO_SCALE};
    visit(box);
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

/// The height of the whole laid-out block.
double layout_height(PangoLayout* layout);

/// Draws one line with its box's top-left corner at (`x`, `top`) in `cr`'s user space.
void draw_line(cairo_t* cr, const LineBox& box, double x, double top);

}  // namespace hisx::sdk::documents::detail
