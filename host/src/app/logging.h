#pragma once

#include <string>

namespace hisx::host {

/// Sends every logger's output to standard error as
/// `2026-11-23 08:00:00.123 [Information] hisx.http: text`, at `level` and above.
void setup_logging(const std::string& level);

}  // namespace hisx::host
