#include "app/cli_events.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli_options.h"
#include "app/host.h"
#include "events/event_docs.h"
#include "hisx/event_schemas.h"

namespace hisx::host {

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

bool events_command_is_offline(const std::vector<std::string>& args) {
  return !args.empty() && args[0] == "docs";
}

int run_events_docs(const std::vector<std::string>& args) {
  const auto opts = options_of({args.begin() + 1, args.end()}, {"check", "write"});
  if (opts.size() > 1) throw UsageError("events docs takes --check FILE or --write FILE, not both");
  const std::string section = event_docs_markdown(sdk::standard_events());
  if (opts.empty()) {
    std::cout << section;
    return 0;
  }
  if (auto it = opts.find("check"); it != opts.end()) {
    const std::string text = read_file(it->second);
    if (with_event_docs(text, section) == text) return 0;
    std::cerr << "hisx: " << it->second
              << " does not list the events as the SDK declares them; regenerate it with\n"
                 "  build/bin/hisx events docs --write docs/events.md\n";
    return 1;
  }
  const std::string& path = opts.at("write");
  const std::string text = with_event_docs(read_file(path), section);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
  std::cout << "wrote the events section of " << path << "\n";
  return 0;
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
