#include <algorithm>
#include <stdexcept>
#include <string>

#include "hisx/documents/escpos.h"
#include "raster_text.h"

namespace hisx::sdk::documents {

namespace {

constexpr char kEsc = 0x1B;
constexpr char kGs = 0x1D;
constexpr char kLf = 0x0A;
constexpr int kMaxBandRows = 256;
constexpr int kQuietZone = 4;

char byte(int value) { return static_cast<char>(static_cast<unsigned char>(value)); }

// A 16-bit little-endian parameter (nL nH).
std::string le16(int value) { return {byte(value & 0xFF), byte((value >> 8) & 0xFF)}; }

bool printable_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

// `GS ( k pL pH cn fn …` for the QR code symbol (cn = 49): the function `fn` and its
// parameters; pL pH count cn, fn and the parameters.
std::string qr_function(char fn, std::string_view parameters) {
  std::string command{kGs, '(', 'k'};
  command += le16(static_cast<int>(parameters.size()) + 2);
  command += '1';  // cn 49: QR code.
  command += fn;
  command += parameters;
  return command;
}

char qr_level_byte(QrErrorCorrection level) {
  switch (level) {
    case QrErrorCorrection::M:
      return '1';  // 49
    case QrErrorCorrection::Q:
      return '2';  // 50
    case QrErrorCorrection::H:
      return '3';  // 51
  }
  throw std::invalid_argument("EscPosDocument::qr: unknown error-correction level");
}

}  // namespace

EscPosDocument::EscPosDocument(int dots_width) : dots_width_(dots_width) {
  if (dots_width <= 0 || dots_width % 8 != 0 || dots_width > 65528) {
    throw std::invalid_argument(
        "EscPosDocument: the printer width must be a positive multiple "
        "of 8 dots (576 for 80 mm paper), not " +
        std::to_string(dots_width));
  }
}

EscPosDocument& EscPosDocument::initialize() {
  bytes_ += {kEsc, '@'};
  align_ = Align::Left;
  bold_ = false;
  return *this;
}

EscPosDocument& EscPosDocument::align(Align align) {
  const int n = align == Align::Left ? 0 : align == Align::Center ? 1 : 2;
  bytes_ += {kEsc, 'a', byte(n)};
  align_ = align;
  return *this;
}

EscPosDocument& EscPosDocument::bold(bool on) {
  bytes_ += {kEsc, 'E', byte(on ? 1 : 0)};
  bold_ = on;
  return *this;
}

EscPosDocument& EscPosDocument::line(std::string_view utf8) {
  // A control character is refused before anything is written; text that turns out not to be
  // UTF-8 takes back the lines before it, so that a refused call leaves the bytes as they were.
  for (const char c : utf8) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n') || u == 0x7F) {
      throw std::invalid_argument("EscPosDocument::line: control character " + std::to_string(u) +
                                  " in the text (a printer would read it as a command)");
    }
  }
  const std::size_t before = bytes_.size();
  try {
    std::size_t start = 0;
    while (true) {
      const std::size_t end = std::min(utf8.find('\n', start), utf8.size());
      const std::string_view one = utf8.substr(start, end - start);
      if (printable_ascii(one)) {
        bytes_.append(one);
        bytes_ += kLf;
      } else {
        raster_text(one);
      }
      if (end == utf8.size()) break;
      start = end + 1;
    }
  } catch (...) {
    bytes_.resize(before);
    throw;
  }
  return *this;
}

EscPosDocument& EscPosDocument::raster_text(std::string_view utf8, int size_dots) {
  if (size_dots < 8 || size_dots > 255) {
    throw std::invalid_argument(
        "EscPosDocument::raster_text: the size must be 8 to 255 dots, "
        "not " +
        std::to_string(size_dots));
  }
  const detail::Raster raster =
      detail::render_text_raster(utf8, dots_width_, size_dots, bold_, align_);
  for (int top = 0; top < raster.height; top += kMaxBandRows) {
    const int rows = std::min(kMaxBandRows, raster.height - top);
    bytes_ += {kGs, 'v', '0', '\0'};  // m = 0: normal size.
    bytes_ += le16(raster.width_bytes);
    bytes_ += le16(rows);
    bytes_.append(raster.bits, static_cast<std::size_t>(top) * raster.width_bytes,
                  static_cast<std::size_t>(rows) * raster.width_bytes);
  }
  return *this;
}

EscPosDocument& EscPosDocument::feed(int lines) {
  if (lines < 0 || lines > 255) {
    throw std::invalid_argument("EscPosDocument::feed: 0 to 255 lines, not " +
                                std::to_string(lines));
  }
  bytes_ += {kEsc, 'd', byte(lines)};
  return *this;
}

EscPosDocument& EscPosDocument::cut(Cut cut) {
  // Function B (m = 65 or 66, n = 0): feed to the cutter, then cut, so that the last line
  // printed is above the cut and not left on the next receipt.
  bytes_ += {kGs, 'V', cut == Cut::Full ? 'A' : 'B', '\0'};
  return *this;
}

EscPosDocument& EscPosDocument::qr(std::string_view data, int module_dots,
                                   QrErrorCorrection level) {
  if (module_dots < 1 || module_dots > 16) {
    throw std::invalid_argument("EscPosDocument::qr: the module size must be 1 to 16 dots, not " +
                                std::to_string(module_dots));
  }
  // The printer encodes the data itself; encoding it here too checks that it fits and tells
  // how wide the printer's symbol (the smallest version, as here) will be.
  const QrCode code = QrCode::encode(data, level);
  const int width = (code.size() + 2 * kQuietZone) * module_dots;
  if (width > dots_width_) {
    throw std::invalid_argument("EscPosDocument::qr: the code (" + std::to_string(code.size()) +
                                " modules and a quiet "
                                "zone of 4 on each side, at " +
                                std::to_string(module_dots) + " dots a module) is " +
                                std::to_string(width) + " dots wide, more than the paper's " +
                                std::to_string(dots_width_) + "; use smaller modules or less data");
  }
  bytes_ += qr_function('A', std::string{'2', '\0'});                // 165: model 2.
  bytes_ += qr_function('C', std::string(1, byte(module_dots)));     // 167: module size.
  bytes_ += qr_function('E', std::string(1, qr_level_byte(level)));  // 169: error correction.
  bytes_ += qr_function('P', "0" + std::string(data));               // 180: store (m = 48).
  bytes_ += qr_function('Q', "0");                                   // 181: print (m = 48).
  return *this;
}

}  // namespace hisx::sdk::documents
