#include "notify/driver.h"

namespace hisx::host {

Driver::~Driver() = default;

std::string excerpt(const std::string& text, std::size_t max_bytes) {
  std::string out = text.substr(0, max_bytes);
  if (text.size() > max_bytes) {
    // Cut before a UTF-8 sequence that the limit split: find the last lead byte and check
    // that all its continuation bytes made it in.
    std::size_t lead = out.size();
    while (lead > 0 && (static_cast<unsigned char>(out[lead - 1]) & 0xC0) == 0x80) --lead;
    if (lead > 0) {
      const auto b = static_cast<unsigned char>(out[lead - 1]);
      const std::size_t length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      if (lead - 1 + length > out.size()) out.resize(lead - 1);
    }
    out += "…";
  }
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

}  // namespace hisx::host
