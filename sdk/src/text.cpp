#include "hisx/text.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace hisx::sdk {

namespace {

// Every Vietnamese letter that carries a mark, grouped by the ASCII letter it folds to.
// Written out in full (rather than derived from Unicode decomposition data) so that a reader
// can check the alphabet at a glance and the SDK needs no ICU.
constexpr std::pair<char, std::string_view> kFoldGroups[] = {
    {'a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
    {'d', "đĐÐ"},  // Ð (U+00D0, Icelandic eth) is often typed for Đ by mistake.
    {'e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
    {'i', "ìíỉĩịÌÍỈĨỊ"},
    {'o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
    {'u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
    {'y', "ỳýỷỹỵỲÝỶỸỴ"},
};

// Decodes the UTF-8 sequence at `s[i]`. Returns the code point and its length, or length 0
// when the bytes there are not a valid sequence.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  std::size_t len = 0;
  char32_t cp = 0;
  if (b0 < 0x80) return {b0, 1};
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    return {0, 0};
  }
  if (i + len > s.size()) return {0, 0};
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  return {cp, len};
}

// Code point → folded ASCII letter, sorted for binary search.
const std::vector<std::pair<char32_t, char>>& fold_table() {
  static const std::vector<std::pair<char32_t, char>> table = [] {
    std::vector<std::pair<char32_t, char>> t;
    for (const auto& [ascii, letters] : kFoldGroups) {
      for (std::size_t i = 0; i < letters.size();) {
        const auto [cp, len] = decode(letters, i);
        t.emplace_back(cp, ascii);
        i += len;
      }
    }
    std::sort(t.begin(), t.end());
    return t;
  }();
  return table;
}

bool is_combining_mark(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

}  // namespace

std::string fold_search_text(std::string_view utf8) {
  const auto& table = fold_table();
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const auto [cp, len] = decode(utf8, i);
    if (len == 0) {  // Not UTF-8: keep the byte as it is.
      out.push_back(utf8[i++]);
      continue;
    }
    if (len == 1) {
      const char c = utf8[i];
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (is_combining_mark(cp)) {
      // Dropped: the base letter before it was already written.
    } else {
      const auto it = std::lower_bound(table.begin(), table.end(), std::make_pair(cp, '\0'));
      if (it != table.end() && it->first == cp) {
        out.push_back(it->second);
      } else {
        out.append(utf8.substr(i, len));
      }
    }
    i += len;
  }
  return out;
}

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace hisx::sdk
