#include "mllp.h"

#include <vector>

#include "hl7_escape.h"

namespace hisx::hl7 {

std::string frame(std::string_view message) {
  std::string out;
  out.reserve(message.size() + 3);
  out += kStartBlock;
  out.append(message);
  out += kEndBlock;
  out += kCarriageReturn;
  return out;
}

std::optional<std::string> take_frame(std::string& buffer) {
  const std::size_t start = buffer.find(kStartBlock);
  if (start == std::string::npos) {
    buffer.clear();
    return std::nullopt;
  }
  const std::size_t end = buffer.find(std::string{kEndBlock, kCarriageReturn}, start + 1);
  if (end == std::string::npos) {
    buffer.erase(0, start);
    return std::nullopt;
  }
  std::string message = buffer.substr(start + 1, end - start - 1);
  buffer.erase(0, end + 2);
  return message;
}

namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  std::size_t from = 0;
  for (;;) {
    const std::size_t at = text.find(separator, from);
    out.push_back(text.substr(from, at == std::string_view::npos ? at : at - from));
    if (at == std::string_view::npos) return out;
    from = at + 1;
  }
}

std::vector<std::string_view> segments(std::string_view message) {
  std::vector<std::string_view> out;
  std::size_t from = 0;
  while (from < message.size()) {
    const std::size_t at = message.find_first_of("\r\n", from);
    const auto line = message.substr(from, at == std::string_view::npos ? at : at - from);
    if (!line.empty()) out.push_back(line);
    if (at == std::string_view::npos) break;
    from = at + 1;
  }
  return out;
}

std::string_view field(const std::vector<std::string_view>& fields, std::size_t n) {
  return n < fields.size() ? fields[n] : std::string_view{};
}

}  // namespace

std::optional<Acknowledgment> parse_ack(std::string_view message) {
  std::optional<Acknowledgment> ack;
  std::string errors;
  for (const auto seg : segments(message)) {
    const auto fields = split(seg, '|');
    if (fields[0] == "MSA") {
      ack = Acknowledgment{std::string(field(fields, 1)), unescape(field(fields, 2)),
                           unescape(field(fields, 3))};
    } else if (fields[0] == "ERR") {
      // ERR-8 user message, else ERR-7 diagnostic information, else ERR-3 the HL7 error code.
      std::string_view what = field(fields, 8);
      if (what.empty()) what = field(fields, 7);
      if (what.empty()) what = field(fields, 3);
      if (!what.empty()) errors += (errors.empty() ? "" : "; ") + unescape(what);
    }
  }
  if (ack && !errors.empty()) ack->text += (ack->text.empty() ? "" : "; ") + errors;
  return ack;
}

std::string make_ack(std::string_view message, std::string_view code, std::string_view text) {
  std::vector<std::string_view> msh;
  for (const auto seg : segments(message)) {
    if (seg.substr(0, 4) == "MSH|") {
      msh = split(seg, '|');
      break;
    }
  }
  // In the split MSH, index n is MSH-(n+1): [1] encoding characters, [2] sending application…
  std::string out = "MSH|^~\\&|" + std::string(field(msh, 4)) + "|" + std::string(field(msh, 5)) +
                    "|" + std::string(field(msh, 2)) + "|" + std::string(field(msh, 3)) + "|" +
                    std::string(field(msh, 6)) + "||ACK|" + "ACK" + std::string(field(msh, 9)) +
                    "|" + std::string(field(msh, 10)) + "|" + std::string(field(msh, 11)) + "\r";
  out += "MSA|" + std::string(code) + "|" + std::string(field(msh, 9));
  if (!text.empty()) out += "|" + escape(text);
  return out + "\r";
}

}  // namespace hisx::hl7
