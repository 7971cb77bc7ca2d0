#pragma once

#include <string>
#include <string_view>

#include "hisx/documents/align.h"
#include "hisx/documents/qr.h"
#include "hisx/export.h"

namespace hisx::sdk::documents {

/// How a receipt printer cuts the paper once it has fed it to the cutter.
enum class Cut {
  Full,     ///< Through the whole width.
  Partial,  ///< Leaving a small bridge, so that the receipt hangs until it is torn off.
};

/// Builds the bytes to send to an ESC/POS thermal receipt printer (Epson TM and the many
/// compatible ones), command by command in the order called. Plain ASCII lines are sent as
/// text in the printer's own font; any other line (Vietnamese with its diacritics, which the
/// printers' code pages cannot show) is set in DejaVu Sans and sent as a 1-bit raster image
/// (`GS v 0`) as wide as the paper, wrapped to it. The current alignment and bold apply to both.
/// Invalid input throws std::invalid_argument and leaves the bytes as they were.
/// One object is used by one thread at a time; several may be built on different threads.
class HISX_SDK_API EscPosDocument {
 public:
  /// A stream for a printer `dots_width` dots wide: 576 for 80 mm paper at 203 dpi (72 mm
  /// printed), 384 for 58 mm paper. Throws std::invalid_argument unless it is a positive
  /// multiple of 8 no larger than 65528.
  explicit EscPosDocument(int dots_width = 576);

  /// `ESC @`: resets the printer (alignment left, bold off), as the first command of a job.
  EscPosDocument& initialize();
  /// `ESC a n`: alignment of the following lines and QR codes.
  EscPosDocument& align(Align align);
  /// `ESC E n`: bold on or off for the following lines.
  EscPosDocument& bold(bool on = true);
  /// One line of UTF-8 text; "\n" starts another. A line of printable ASCII is sent as text
  /// and a line feed (the printer wraps it itself); any other line as raster_text(line).
  /// Throws std::invalid_argument for a control character (which the printer would take for
  /// a command) or text that is not valid UTF-8.
  EscPosDocument& line(std::string_view utf8);
  /// UTF-8 text set in DejaVu Sans `size_dots` dots high (24 is the printer's own font A),
  /// wrapped to the paper's width and sent as a raster image, in bands of at most 256 rows.
  /// Throws std::invalid_argument for text that is not UTF-8 or a size outside 8–255 dots.
  EscPosDocument& raster_text(std::string_view utf8, int size_dots = 24);
  /// `ESC d n`: feeds `lines` lines (0–255).
  EscPosDocument& feed(int lines);
  /// `GS V m 0`: feeds the paper to the cutter and cuts it.
  EscPosDocument& cut(Cut cut = Cut::Partial);
  /// A QR code (model 2) printed by the printer itself from `data`, `GS ( k` functions 165,
  /// 167, 169, 180 and 181: model, module size, error correction, store the data, print.
  /// Throws std::invalid_argument when `data` is empty or too long for a QR code at `level`,
  /// `module_dots` is outside 1–16, or the code with its quiet zone is wider than the paper.
  EscPosDocument& qr(std::string_view data, int module_dots = 6,
                     QrErrorCorrection level = QrErrorCorrection::M);

  /// The printer's width in dots.
  int dots_width() const noexcept { return dots_width_; }
  /// The bytes so far.
  const std::string& bytes() const noexcept { return bytes_; }

 private:
  int dots_width_;
  Align align_ = Align::Left;
  bool bold_ = false;
  std::string bytes_;
};

}  // namespace hisx::sdk::documents
