#include "web/url_path.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

namespace hisx::host {

namespace {

// Decodes one segment; nothing for a malformed escape.
std::optional<std::string> decode(const std::string& raw) {
  std::string out;
  try {
    Poco::URI::decode(raw, out);
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
  return out;
}

bool is_safe_segment(const std::string& s) {
  if (s.empty() || s.front() == '.') return false;  // also "." and "..": hidden or upwards
  return s.find_first_of(std::string("/\\\0", 3)) == std::string::npos;
}

}  // namespace

std::optional<UrlPath> parse_url_path(const std::string& raw) {
  UrlPath out;
  std::size_t begin = 0;
  while (begin < raw.size()) {
    const std::size_t end = raw.find('/', begin);
    const std::string part = raw.substr(begin, end == std::string::npos ? end : end - begin);
    const auto segment = decode(part);
    if (!segment || !is_safe_segment(*segment)) return std::nullopt;
    out.segments.push_back(*segment);
    if (end == std::string::npos) return out;
    begin = end + 1;
  }
  // Empty, or ending in '/'.
  out.trailing_slash = true;
  return out;
}

}  // namespace hisx::host
