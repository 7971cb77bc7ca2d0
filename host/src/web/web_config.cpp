#include "web/web_config.h"

#include "config/config_reader.h"

namespace hisx::host {

WebConfig read_web_config(const ConfigReader& reader, const std::filesystem::path& default_root) {
  reader.only_keys("web", {"root"});
  WebConfig config;
  config.root_given = reader.has("web.root");
  config.root = config.root_given ? reader.path("web.root", "") : default_root;
  return config;
}

std::filesystem::path default_web_root() {
  std::error_code ec;
  const auto program = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const auto prefix = program.parent_path().parent_path();
  const auto build = (prefix / "web").lexically_normal();
  const auto installed = (prefix / "share" / "hisx" / "web").lexically_normal();
  return !std::filesystem::is_directory(build, ec) && std::filesystem::is_directory(installed, ec)
             ? installed
             : build;
}

}  // namespace hisx::host
