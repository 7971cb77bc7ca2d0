#pragma once

#include <string>

namespace hisx::host {

/// True when `scope` is a device scope that `owner` (a plugin's name, or "host") may define:
/// "<owner>.<name>", the name 1–60 of [a-z0-9_.], not starting or ending with '.'.
bool is_device_scope_of(const std::string& owner, const std::string& scope);

}  // namespace hisx::host
