#include "support/documents/escpos_parser.h"

#include <stdexcept>

namespace hisx::test {

namespace {

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool done() const { return at_ == bytes_.size(); }
  std::size_t at() const { return at_; }
  unsigned char peek() const { return static_cast<unsigned char>(bytes_.at(at_)); }
  unsigned char next() {
    need(1);
    return static_cast<unsigned char>(bytes_[at_++]);
  }
  int next_le16() {
    const int low = next();
    return low | (next() << 8);
  }
  std::string take(std::size_t n) {
    need(n);
    std::string out(bytes_.substr(at_, n));
    at_ += n;
    return out;
  }

 private:
  void need(std::size_t n) const {
    if (bytes_.size() - at_ < n) {
      throw std::runtime_error("ESC/POS stream truncated at byte " + std::to_string(at_) + ": " +
                               std::to_string(n) + " more expected");
    }
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
};

using Kind = EscPosCommand::Kind;

EscPosCommand parse_esc(Reader& in, std::size_t start) {
  const unsigned char op = in.next();
  switch (op) {
    case '@':
      return {Kind::Initialize};
    case 'a':
      return {Kind::Align, in.next()};
    case 'E':
      return {Kind::Bold, in.next()};
    case 'd':
      return {Kind::Feed, in.next()};
    default:
      throw std::runtime_error("unknown command ESC " + std::to_string(op) + " at byte " +
                               std::to_string(start));
  }
}

EscPosCommand parse_gs(Reader& in, std::size_t start) {
  const unsigned char op = in.next();
  if (op == 'V') {
    const int m = in.next();
    if (m == 0 || m == 1 || m == '0' || m == '1') return {Kind::Cut, m};
    return {Kind::Cut, m, in.next()};  // Function B: m 65 or 66 and n.
  }
  if (op == '(' && in.peek() == 'k') {
    in.next();
    const int length = in.next_le16();
    std::string payload = in.take(length);
    if (payload.size() < 2 || payload[0] != '1') {
      throw std::runtime_error("GS ( k at byte " + std::to_string(start) + " is not a QR code");
    }
    EscPosCommand command{Kind::Qr, 100 + static_cast<unsigned char>(payload[1])};
    command.data = payload.substr(2);
    return command;
  }
  if (op == 'v' && in.peek() == '0') {
    in.next();
    EscPosCommand command{Kind::Raster, in.next()};
    command.width_bytes = in.next_le16();
    command.height = in.next_le16();
    command.data = in.take(static_cast<std::size_t>(command.width_bytes) * command.height);
    return command;
  }
  throw std::runtime_error("unknown command GS " + std::to_string(op) + " at byte " +
                           std::to_string(start));
}

}  // namespace

std::string EscPosCommand::describe() const {
  switch (kind) {
    case Kind::Initialize:
      return "ESC @";
    case Kind::Align:
      return "ESC a " + std::to_string(value);
    case Kind::Bold:
      return "ESC E " + std::to_string(value);
    case Kind::Feed:
      return "ESC d " + std::to_string(value);
    case Kind::Cut:
      return "GS V " + std::to_string(value) + " " + std::to_string(extra);
    case Kind::Qr:
      return "GS ( k " + std::to_string(value);
    case Kind::Raster:
      return "GS v 0 " + std::to_string(width_bytes) + "x" + std::to_string(height);
    case Kind::Text:
      return "TEXT " + data;
    case Kind::LineFeed:
      return "LF";
  }
  return "?";
}

std::vector<EscPosCommand> parse_escpos(std::string_view bytes) {
  std::vector<EscPosCommand> commands;
  Reader in(bytes);
  while (!in.done()) {
    const std::size_t start = in.at();
    const unsigned char b = in.next();
    if (b == 0x1B) {
      commands.push_back(parse_esc(in, start));
    } else if (b == 0x1D) {
      commands.push_back(parse_gs(in, start));
    } else if (b == 0x0A) {
      commands.push_back({Kind::LineFeed});
    } else if (b >= 0x20) {
      EscPosCommand text{Kind::Text};
      text.data += static_cast<char>(b);
      while (!in.done() && in.peek() >= 0x20) text.data += static_cast<char>(in.next());
      commands.push_back(text);
    } else {
      throw std::runtime_error("unexpected control byte " + std::to_string(b) + " at byte " +
                               std::to_string(start));
    }
  }
  return commands;
}

std::vector<std::string> describe(const std::vector<EscPosCommand>& commands) {
  std::vector<std::string> out;
  for (const auto& command : commands) out.push_back(command.describe());
  return out;
}

}  // namespace hisx::test
