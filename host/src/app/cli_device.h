#pragma once

#include <string>
#include <vector>

namespace hisx::host {

class Host;

/// Usage lines of `hisx device …`, for the CLI's help.
extern const char* const kDeviceUsage;

/// `hisx device create|list|revoke …` on a host whose databases and services are open: loads
/// the plugins (for their device scopes), migrates like `apikey`, then runs the subcommand.
/// `create` prints the token once, as the last line of stdout. Returns the exit code: 0, 1 when
/// the subcommand failed, 64 for a usage error or a refused value (printed on stderr).
int run_device_command(Host& host, const std::vector<std::string>& args);

}  // namespace hisx::host
