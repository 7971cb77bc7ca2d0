#include "testing/harness_config.h"

#include <cstdlib>
#include <sstream>
#include <vector>

#ifndef HISX_TESTING_PLUGIN_DIR
#error "HISX_TESTING_PLUGIN_DIR must name the build's plugin folder"
#endif
#ifndef HISX_TESTING_PROFILE
#error "HISX_TESTING_PROFILE must name the demo HIS profile"
#endif

namespace hisx::host {

namespace {

// A YAML double-quoted scalar.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::vector<std::filesystem::path> plugin_paths(const testing::HarnessOptions& options) {
  if (!options.plugin_paths.empty()) return options.plugin_paths;
  std::vector<std::filesystem::path> paths;
  for (const char* name : {"HISX_PLUGIN_DIR", "HISX_FIXTURE_PLUGIN_DIR"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') paths.emplace_back(value);
  }
  if (paths.empty()) paths.emplace_back(HISX_TESTING_PLUGIN_DIR);
  return paths;
}

}  // namespace

std::string harness_config_text(const testing::HarnessOptions& options,
                                const std::filesystem::path& data_dir) {
  std::ostringstream y;
  y << "data_dir: " << quoted(data_dir.string()) << "\n"
    << "timezone: Asia/Ho_Chi_Minh\n"
    << "log: {level: warning, access: false}\n"
    << "database:\n"
    << "  his: {backend: sqlite3, connection: " << quoted("db=" + (data_dir / "hisx.db").string())
    << ", pool_size: 4}\n"
    << "  migrate_on_start: true\n"
    << "his_profile: " << quoted(HISX_TESTING_PROFILE) << "\n"
    << "demo: {seed_on_empty: true, patients: " << options.demo_patients
    << ", days: " << options.demo_days << ", seed: 42}\n"
    << "plugins:\n  paths: [";
  const auto paths = plugin_paths(options);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    y << (i == 0 ? "" : ", ") << quoted(paths[i].string());
  }
  y << "]\n  enabled: [";
  for (std::size_t i = 0; i < options.plugins.size(); ++i) {
    y << (i == 0 ? "" : ", ") << quoted(options.plugins[i]);
  }
  y << "]\n"
    << "notify:\n  channels:\n";
  for (const char* channel : {"sms", "zalo", "push", "email"}) {
    y << "    " << channel << ": {driver: log}\n";
  }
  return y.str();
}

}  // namespace hisx::host
