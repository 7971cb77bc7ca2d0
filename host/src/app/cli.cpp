#include "app/cli.h"

#include <iostream>
#include <map>

#include "app/cli_device.h"
#include "app/cli_docs.h"
#include "app/cli_events.h"
#include "app/cli_options.h"
#include "app/cli_user.h"
#include "app/config_location.h"
#include "app/host.h"
#include "app/logging.h"
#include "app/progress.h"
#include "db/database_pool.h"
#include "db/statement_docs.h"
#include "demo/demo_his.h"
#include "hisx/version.h"
#include "plugins/plugin_error.h"

namespace hisx::host {

namespace {

constexpr int kExitUsage = 64;   // EX_USAGE
constexpr int kExitConfig = 78;  // EX_CONFIG

const char* kUsage =
    "usage: hisx [--config FILE] [-D key=value]... COMMAND\n"
    "\n"
    "commands:\n"
    "  migrate                              apply pending migrations (host and enabled plugins)\n"
    "  profile check                        check the HIS profile against the HIS database\n"
    "  profile docs [--check FILE | --write FILE]\n"
    "                                       print the standard statements section of\n"
    "                                       docs/his-profile.md, check FILE or write it\n"
    "  apikey create --name NAME --role R   create an API key; the key is the last line printed\n"
    "  apikey list                          list API keys (never their secrets)\n"
    "  apikey revoke ID                     revoke an API key\n"
    "  device create --name NAME --scopes S1[,S2…]\n"
    "                                       create a device credential (a board, a kiosk);\n"
    "                                       the token is the last line printed\n"
    "  device list | revoke ID              list or revoke device credentials\n"
    "  user add --name NAME --role R [--display \"Tên\"]\n"
    "                                       create a staff user; password from stdin, or\n"
    "                                       generated and printed once (last line)\n"
    "  user list | disable NAME | passwd NAME   list, disable, set a password (stdin/generated)\n"
    "  demo seed [--patients N] [--days D] [--seed S] [--end-date YYYY-MM-DD]\n"
    "                                       create and fill the demo HIS in an empty database\n"
    "  events docs [--check FILE | --write FILE]\n"
    "                                       print the events section of docs/events.md, check\n"
    "                                       that FILE holds it, or write it into FILE\n"
    "  events replay SUBSCRIBER             deliver every retained event to SUBSCRIBER again\n"
    "  plugins                              load the enabled plugins and list them\n"
    "  version                              print the versions\n";

// Options after the command: `--name value` pairs.

int int_option(const std::map<std::string, std::string>& opts, const std::string& name,
               int fallback) {
  auto it = opts.find(name);
  if (it == opts.end()) return fallback;
  try {
    std::size_t used = 0;
    int v = std::stoi(it->second, &used);
    if (used == it->second.size() && v >= 0) return v;
  } catch (const std::exception&) {
  }
  throw UsageError("--" + name + " expects a whole number, found '" + it->second + "'");
}

std::unique_ptr<Host> open_host(const std::filesystem::path& file,
                                const std::vector<std::string>& defines) {
  auto host = std::make_unique<Host>(load_config(file, defines));
  setup_logging("warning");
  host->open_databases();
  host->open_services();
  return host;
}

void migrate_with_progress(Host& host) {
  host.migrate([](const std::string& line) { std::cerr << line << "\n"; });
}

int cmd_apikey(Host& host, const std::vector<std::string>& rest) {
  if (rest.empty()) throw UsageError("apikey needs create, list or revoke");
  host.load_plugins();
  if (host.config().migrate_on_start)
    migrate_with_progress(host);
  else
    host.require_migrated();
  const std::vector<std::string> tail(rest.begin() + 1, rest.end());
  if (rest[0] == "create") {
    auto opts = options_of(tail, {"name", "role"});
    if (!opts.count("name") || !opts.count("role"))
      throw UsageError("apikey create needs --name and --role");
    std::string key;
    try {
      key = host.api_keys().create(opts["name"], opts["role"], host.roles()).key;
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
    std::cerr << "Created API key '" << opts["name"] << "' with role " << opts["role"]
              << ". It is shown once; store it now:\n";
    std::cout << key << std::endl;
    return 0;
  }
  if (rest[0] == "list") {
    for (const auto& k : host.api_keys().list()) {
      std::cout << k.id << "\t" << k.name << "\t" << k.role << "\thisx_" << k.prefix << "_…\t"
                << k.created_at << "\t"
                << (k.revoked_at.empty() ? "active" : "revoked " + k.revoked_at) << "\n";
    }
    return 0;
  }
  if (rest[0] == "revoke") {
    if (tail.size() != 1) throw UsageError("apikey revoke needs the key's id (see apikey list)");
    long long id = 0;
    try {
      id = std::stoll(tail[0]);
    } catch (const std::exception&) {
      throw UsageError("apikey revoke needs a numeric id, found '" + tail[0] + "'");
    }
    if (!host.api_keys().revoke(id)) {
      std::cerr << "hisx: no active API key with id " << id << "\n";
      return 1;
    }
    std::cout << "revoked " << id << "\n";
    return 0;
  }
  throw UsageError("apikey needs create, list or revoke");
}

int cmd_demo(Host& host, const std::vector<std::string>& rest) {
  if (rest.empty() || rest[0] != "seed") throw UsageError("demo needs 'seed'");
  auto opts = options_of({rest.begin() + 1, rest.end()}, {"patients", "days", "seed", "end-date"});
  DemoSeedOptions o;
  o.patients = int_option(opts, "patients", host.config().demo.patients);
  o.days = int_option(opts, "days", host.config().demo.days);
  o.seed =
      static_cast<unsigned>(int_option(opts, "seed", static_cast<int>(host.config().demo.seed)));
  if (opts.count("end-date")) o.end_date = opts["end-date"];
  o.timezone = host.config().timezone;
  const auto s_lease = host.his().session();
  soci::session& s = *s_lease;
  if (demo_schema_exists(s)) {
    std::cerr << "hisx: the demo HIS already exists in " << host.config().his.key
              << "; seed a fresh database (e.g. -D data_dir=/tmp/new)\n";
    return 1;
  }
  TerminalProgress progress;
  create_demo_schema(s, host.his().backend());
  auto sum =
      seed_demo(s, host.his().backend(), o, [&](std::string_view step, long done, long total) {
        progress.update(std::string(step), done, total);
      });
  progress.finish();
  std::cout << "demo HIS seeded: " << sum.patients << " patients, " << sum.departments
            << " departments, " << sum.clinics << " clinics, " << sum.doctors << " doctors, "
            << sum.visits << " visits, " << sum.orders << " lab/imaging orders, " << sum.invoices
            << " invoices\n";
  return 0;
}

int dispatch(const std::filesystem::path& file, const std::vector<std::string>& defines,
             const std::vector<std::string>& command) {
  const std::string& name = command[0];
  const std::vector<std::string> rest(command.begin() + 1, command.end());
  if (name == "version") {
    std::cout << "hisx " << HISX_VERSION << " (SDK " << sdk::kSdkMajor << "." << sdk::kSdkMinor
              << ")\n";
    return 0;
  }
  if (name == "events" && events_command_is_offline(rest)) return run_events_docs(rest);
  if (name == "profile" && !rest.empty() && rest[0] == "docs") {
    return run_docs_command(
        {"statements", "profile docs", "docs/his-profile.md", kStatementDocsBegin,
         kStatementDocsEnd,
         statement_docs_markdown(sdk::standard_statements(), sdk::standard_vocabularies())},
        {rest.begin() + 1, rest.end()});
  }
  auto host = open_host(file, defines);
  if (name == "migrate") {
    if (!rest.empty()) throw UsageError("migrate takes no arguments");
    host->load_plugins();
    migrate_with_progress(*host);
    std::cout << "migrations up to date\n";
    return 0;
  }
  if (name == "profile") {
    if (rest.size() != 1 || rest[0] != "check") throw UsageError("profile needs 'check' or 'docs'");
    host->load_plugins();
    auto report = host->check_profile();
    if (!report.empty()) {
      std::cerr << report << "\n";
      return 1;
    }
    std::cout << "HIS profile " << host->config().his_profile.string() << ": every statement the "
              << "enabled plugins need works on " << host->config().his.key << "\n";
    return 0;
  }
  if (name == "apikey") return cmd_apikey(*host, rest);
  if (name == "user") return run_user_command(*host, rest);
  if (name == "device") return run_device_command(*host, rest);
  if (name == "demo") return cmd_demo(*host, rest);
  if (name == "events") return run_events_command(*host, rest);
  if (name == "plugins") {
    host->load_plugins();
    for (const auto& p : host->plugins().plugins()) {
      std::cout << p.name << "\t" << p.manifest.version << "\t" << p.path.string() << "\t"
                << p.manifest.description << "\n";
      for (const auto& d : p.his_statements) {
        std::cout << "\tHIS statement " << d.spec.name << (d.required ? "" : " (optional)") << "\n";
      }
    }
    return 0;
  }
  throw UsageError("unknown command '" + name + "'");
}

}  // namespace

int run_cli(const std::vector<std::string>& args) {
  std::string config_file;
  std::vector<std::string> defines;
  std::vector<std::string> command;
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const auto& a = args[i];
      if (!command.empty()) {
        command.push_back(a);
      } else if (a == "-h" || a == "--help") {
        std::cout << kUsage;
        return 0;
      } else if (a == "--config" || a == "-c") {
        if (i + 1 >= args.size()) throw UsageError(a + " needs a file");
        config_file = args[++i];
      } else if (a == "-D") {
        if (i + 1 >= args.size()) throw UsageError("-D needs key=value");
        defines.push_back(args[++i]);
      } else if (a.rfind("-D", 0) == 0) {
        defines.push_back(a.substr(2));
      } else {
        command.push_back(a);
      }
    }
    if (command.empty()) throw UsageError("no command given");
    const auto file =
        config_file.empty() ? default_config_file() : std::filesystem::path(config_file);
    return dispatch(file, defines, command);
  } catch (const UsageError& e) {
    std::cerr << "hisx: " << e.what() << "\n\n" << kUsage;
    return kExitUsage;
  } catch (const ConfigError& e) {
    std::cerr << "hisx: configuration refused: " << e.what() << "\n";
    return kExitConfig;
  } catch (const std::exception& e) {
    std::cerr << "hisx: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace hisx::host
