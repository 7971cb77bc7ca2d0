#include "app/cli_events.h"

#include <iostream>

#include "app/cli_docs.h"
#include "app/cli_options.h"
#include "app/host.h"
#include "events/event_docs.h"
#include "hisx/event_schemas.h"

namespace hisx::host {

bool events_command_is_offline(const std::vector<std::string>& args) {
  return !args.empty() && args[0] == "docs";
}

int run_events_docs(const std::vector<std::string>& args) {
  return run_docs_command({"events", "events docs", "docs/events.md", kEventDocsBegin,
                           kEventDocsEnd, event_docs_markdown(sdk::standard_events())},
                          {args.begin() + 1, args.end()});
}

int run_events_command(Host& host, const std::vector<std::string>& args) {
  if (args.size() != 2 || args[0] != "replay") {
    throw UsageError("events needs 'docs' or 'replay SUBSCRIBER'");
  }
  host.load_plugins();
  host.require_migrated();
  const auto due = host.events().replay(args[1]);
  if (!due) {
    std::cerr << "hisx: no subscriber '" << args[1]
              << "' is recorded (GET /api/v1/host/events lists them)\n";
    return 1;
  }
  std::cout << args[1] << ": " << *due << " retained event(s) due again\n";
  return 0;
}

}  // namespace hisx::host
