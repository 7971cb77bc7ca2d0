#include "hl7_escape.h"

#include <cctype>

namespace hisx::hl7 {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '|':
        out += "\\F\\";
        break;
      case '^':
        out += "\\S\\";
        break;
      case '~':
        out += "\\R\\";
        break;
      case '\\':
        out += "\\E\\";
        break;
      case '&':
        out += "\\T\\";
        break;
      case '\r':
        out += "\\X0D\\";
        break;
      case '\n':
        out += "\\X0A\\";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The bytes of the hex digits `hex` (an even count), or false when they are not that.
bool decode_hex(std::string_view hex, std::string& out) {
  if (hex.empty() || hex.size() % 2 != 0) return false;
  std::string bytes;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = hex_value(hex[i]);
    const int low = hex_value(hex[i + 1]);
    if (high < 0 || low < 0) return false;
    bytes += static_cast<char>(high * 16 + low);
  }
  out += bytes;
  return true;
}

}  // namespace

std::string unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '\\') {
      out += text[i++];
      continue;
    }
    const std::size_t end = text.find('\\', i + 1);
    if (end == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    const std::string_view code = text.substr(i + 1, end - i - 1);
    if (code == "F") {
      out += '|';
    } else if (code == "S") {
      out += '^';
    } else if (code == "R") {
      out += '~';
    } else if (code == "E") {
      out += '\\';
    } else if (code == "T") {
      out += '&';
    } else if (code.size() > 1 && code[0] == 'X' && decode_hex(code.substr(1), out)) {
      // Decoded into `out`.
    } else {
      out.append(text.substr(i, end - i + 1));
    }
    i = end + 1;
  }
  return out;
}

}  // namespace hisx::hl7
