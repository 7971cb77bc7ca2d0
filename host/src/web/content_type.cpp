#include "web/content_type.h"

#include <Poco/String.h>

#include <map>

namespace hisx::host {

namespace {

std::string extension_of(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  return Poco::toLower(ext);
}

}  // namespace

std::string content_type_for(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> types = {
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"json", "application/json; charset=utf-8"},
      {"map", "application/json; charset=utf-8"},
      {"txt", "text/plain; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
  };
  const auto it = types.find(extension_of(file));
  return it == types.end() ? "application/octet-stream" : it->second;
}

bool is_html(const std::filesystem::path& file) {
  const std::string ext = extension_of(file);
  return ext == "html" || ext == "htm";
}

}  // namespace hisx::host
