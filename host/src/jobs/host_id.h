#pragma once

#include <string>

namespace hisx::host {

/// This process among the hosts sharing a database: "hostname:pid:random" (the random part
/// tells apart a restarted process that got the same pid).
std::string make_host_id();

}  // namespace hisx::host
