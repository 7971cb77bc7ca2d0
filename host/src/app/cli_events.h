#pragma once

#include <string>
#include <vector>

namespace hisx::host {

class Host;

/// True when `args` (after `events`) is a subcommand that needs no host: `docs`.
bool events_command_is_offline(const std::vector<std::string>& args);

/// `hisx events docs [--check FILE | --write FILE]`: prints the generated events section of
/// docs/events.md (from the SDK's declarations), checks that FILE holds it (exit 1 with the
/// command that regenerates it when not), or writes it into FILE. Throws UsageError.
int run_events_docs(const std::vector<std::string>& args);

/// `hisx events replay SUBSCRIBER` on a host whose services are open: every retained event of
/// the subscriber's name is due again for it (a running hisxd delivers them). Returns 0, or 1
/// when no such subscriber is recorded.
int run_events_command(Host& host, const std::vector<std::string>& args);

}  // namespace hisx::host
