#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hisx/export.h"

namespace hisx::sdk::documents {

/// How much of a QR code may be lost (smudged, torn, covered by a logo) and still be read.
/// Nothing below M is offered: slips are handled and receipts fade.
enum class QrErrorCorrection {
  M,  ///< About 15% of the code may be lost; the default.
  Q,  ///< About 25%.
  H,  ///< About 30%.
};

/// A QR code's module matrix: `size()` × `size()` modules, each dark or light, without the
/// quiet zone. Immutable; copy it freely.
class HISX_SDK_API QrCode {
 public:
  /// Encodes `utf8` as one 8-bit (byte mode) segment, in the smallest version that holds it
  /// at `level`. The bytes are stored as they are: a phone reads them back as UTF-8.
  /// Throws std::invalid_argument when `utf8` is empty or too long for any QR code at `level`.
  static QrCode encode(std::string_view utf8, QrErrorCorrection level = QrErrorCorrection::M);

  /// Modules per side: 21 for version 1, 4 more per version, 177 for version 40.
  int size() const noexcept { return size_; }
  /// The QR version (1–40) chosen for the text.
  int version() const noexcept { return version_; }
  /// The error-correction level it was encoded with.
  QrErrorCorrection level() const noexcept { return level_; }
  /// True when the module in column `x`, row `y` (0-based, from the top left) is dark.
  /// Throws std::out_of_range outside the matrix.
  bool dark(int x, int y) const;
  /// How many modules are dark.
  std::size_t dark_count() const noexcept;

 private:
  QrCode(int size, int version, QrErrorCorrection level, std::vector<bool> modules);

  int size_;
  int version_;
  QrErrorCorrection level_;
  std::vector<bool> modules_;  // Row by row, size_ * size_.
};

/// How a QR code is drawn as an image.
struct QrImageOptions {
  /// Pixels per module side (at least 1).
  int module_px = 8;
  /// Light modules around the code on each side. A QR code needs 4 to be found by a reader,
  /// so a smaller value is raised to 4.
  int quiet_zone = 4;
};

/// The code as a PNG image (black on white, 8-bit RGB): (size + 2 × quiet zone) × module_px
/// pixels per side. Throws std::invalid_argument when `options.module_px` is below 1.
HISX_SDK_API std::string render_png(const QrCode& code, const QrImageOptions& options = {});

/// The code as an SVG document: a white square and one black `<path>` of unit squares, in a
/// view box of modules, `width` and `height` in pixels of `options.module_px`. Throws
/// std::invalid_argument when `options.module_px` is below 1.
HISX_SDK_API std::string render_svg(const QrCode& code, const QrImageOptions& options = {});

}  // namespace hisx::sdk::documents
