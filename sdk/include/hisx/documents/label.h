#pragma once

#include <string>
#include <vector>

#include "hisx/documents/qr.h"
#include "hisx/export.h"

// A label: a QR code with a few lines of text under it, as one image for a slip, a sticker
// or a web page to embed. Since 2.1.

namespace hisx::sdk::documents {

/// One line of text under the code of a label. Since 2.1.
struct LabelLine {
  std::string text;    ///< UTF-8; one line, never wrapped (the label widens to hold it).
  bool bold = false;   ///< Bold weight.
  double size_px = 0;  ///< Font size in pixels; 0: 2.5 × the module size.
};

/// How a label is drawn. Since 2.1.
struct LabelOptions {
  int module_px = 8;   ///< Pixels per module side (at least 1).
  int quiet_zone = 4;  ///< Light modules around the code (raised to 4, as for a QR image).
};

/// The code centred at the top, black on white, and `lines` centred under it in DejaVu Sans
/// (as every hisx document). The label is as wide as the code with its quiet zone, or as the
/// widest line with a margin of one quiet zone on each side, whichever is wider; each line is
/// as tall as its font, with a small gap between lines and a margin of half the quiet zone
/// below the last. A PNG image, 8-bit RGB. Throws std::invalid_argument when
/// `options.module_px` is below 1, a line is not valid UTF-8 or holds a control character,
/// or a size is negative or above 500 px. Since 2.1.
HISX_SDK_API std::string render_label_png(const QrCode& code, const std::vector<LabelLine>& lines,
                                          const LabelOptions& options = {});

/// The same label as an SVG document of the same size in pixels: a white rectangle, the code
/// as one `<path>` and each line as a `<text>` (font-family "DejaVu Sans", escaped for XML),
/// so that it stays searchable text and scales without loss. The widths of the lines are
/// measured with the font as render_label_png() draws it. Throws as render_label_png().
/// Since 2.1.
HISX_SDK_API std::string render_label_svg(const QrCode& code, const std::vector<LabelLine>& lines,
                                          const LabelOptions& options = {});

}  // namespace hisx::sdk::documents
