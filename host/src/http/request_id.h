#pragma once

#include <optional>
#include <string>

namespace hisx::host {

/// True for 1–64 characters of [A-Za-z0-9._-]: safe to echo in a header and to write in a
/// log line.
bool is_valid_request_id(const std::string& id);

/// A fresh random id (a UUID).
std::string new_request_id();

/// The caller's `X-Request-Id` when it is valid (so that a trace spans nginx, the app backend
/// and hisx), otherwise a fresh one.
std::string request_id_for(const std::optional<std::string>& incoming);

}  // namespace hisx::host
