#pragma once

#include <string>
#include <string_view>

#include "hisx/documents/align.h"

namespace hisx::sdk::documents::detail {

/// A 1-bit image: rows of `width_bytes` bytes, the leftmost dot in the most significant bit,
/// 1 for black (what ESC/POS `GS v 0` prints).
struct Raster {
  int width_bytes = 0;
  int height = 0;
  std::string bits;
};

/// UTF-8 text set in DejaVu Sans `size_dots` high, wrapped to `width_dots` (a multiple of 8)
/// and aligned within it. Throws std::invalid_argument when the text is not valid UTF-8.
Raster render_text_raster(std::string_view utf8, int width_dots, int size_dots, bool bold,
                          Align align);

}  // namespace hisx::sdk::documents::detail
