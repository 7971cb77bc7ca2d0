#pragma once

// What the document tests share: the text a reader sees and a check on ESC/POS rasters.

#include <algorithm>
#include <string>

#include "support/documents/escpos_parser.h"

namespace hisx::fast_lane::testing {

/// What a reader sees, as one line: pdftotext -layout puts a long line's words further apart
/// and wraps lines where the roll does; compare with single spaces.
inline std::string flat(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\f') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  return out;
}

/// Whether a raster band has ink in its top row: a mark above a capital cut off by the band's
/// edge ("TIỀN" printed as "TIÊN").
inline bool cut_at_the_top(const hisx::test::EscPosCommand& c) {
  if (c.kind != hisx::test::EscPosCommand::Kind::Raster) return false;
  return std::any_of(c.data.begin(), c.data.begin() + c.width_bytes,
                     [](char byte) { return byte != 0; });
}

}  // namespace hisx::fast_lane::testing
