#pragma once

#include <string>
#include <vector>

namespace hisx::host {

class Host;

/// Usage lines of `hisx user …`, for the CLI's help.
extern const char* const kUserUsage;

/// `hisx user add|list|disable|passwd …` on a host whose databases and services are open:
/// loads the plugins (for their roles), migrates like `apikey`, then runs the subcommand.
/// A password is read from stdin (its first line) when one is piped in; otherwise one is
/// generated and printed once, as the last line of stdout. Returns the exit code: 0, 1 when
/// the subcommand failed, 64 for a usage error or a refused value (printed on stderr).
int run_user_command(Host& host, const std::vector<std::string>& args);

}  // namespace hisx::host
