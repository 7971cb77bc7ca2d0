#pragma once

#include <string>
#include <string_view>
#include <vector>

// A reader of the ESC/POS commands hisx::documents writes, as a printer walks the stream.
// Anything else (an unknown command, a truncated one) is an error: the tests then fail.

namespace hisx::test {

/// One command of an ESC/POS stream.
struct EscPosCommand {
  /// What the command is.
  enum class Kind {
    Initialize,  ///< ESC @
    Align,       ///< ESC a n: `value` is n.
    Bold,        ///< ESC E n: `value` is n.
    Feed,        ///< ESC d n: `value` is n.
    Cut,         ///< GS V m n: `value` is m, `extra` n.
    Qr,          ///< GS ( k with cn 49: `value` is the function (165…181), `data` the rest.
    Raster,      ///< GS v 0 m: `value` is m, `width_bytes`, `height`, `data` the bits.
    Text,        ///< Printable bytes up to a control byte: `data`.
    LineFeed,    ///< LF
  };
  Kind kind = Kind::Text;
  int value = 0;
  int extra = 0;
  int width_bytes = 0;
  int height = 0;
  std::string data = {};

  /// A short description for comparing sequences: "ESC a 1", "TEXT Total", "GS ( k 180",
  /// "GS v 0 72x28".
  std::string describe() const;
};

/// The commands of `bytes`, in order. Throws std::runtime_error naming the offset of an
/// unknown or truncated command.
std::vector<EscPosCommand> parse_escpos(std::string_view bytes);

/// describe() of each command.
std::vector<std::string> describe(const std::vector<EscPosCommand>& commands);

}  // namespace hisx::test
