#pragma once

#include <filesystem>
#include <string>

#include "hisx/testing/harness.h"

namespace hisx::host {

/// The configuration file of a harness's host in `data_dir`: SQLite in that folder, the demo
/// HIS and its profile, the plugins of `options`, every notify channel on the log driver,
/// warnings-only logging and no access log. `options.overrides` are applied on top by
/// load_config(), as -D would be.
std::string harness_config_text(const testing::HarnessOptions& options,
                                const std::filesystem::path& data_dir);

}  // namespace hisx::host
