#include "app/cli_device.h"

#include <iostream>
#include <sstream>
#include <stdexcept>

#include "app/cli_options.h"
#include "app/host.h"

namespace hisx::host {

const char* const kDeviceUsage =
    "  device create --name NAME --scopes S1[,S2…]\n"
    "                                       create a device credential (a board, a kiosk);\n"
    "                                       the token is the last line printed\n"
    "  device list                          list device credentials (never their tokens)\n"
    "  device revoke ID                     revoke a device credential\n";

namespace {

constexpr int kExitUsage = 64;  // EX_USAGE

std::vector<std::string> split_scopes(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string s; std::getline(in, s, ',');) {
    if (!s.empty()) out.push_back(s);
  }
  return out;
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

int create(Host& host, const std::vector<std::string>& rest) {
  auto opts = options_of(rest, {"name", "scopes"});
  if (!opts.count("name") || !opts.count("scopes")) {
    throw UsageError("device create needs --name and --scopes");
  }
  std::vector<std::string> known;
  for (const auto& scope : host.device_scopes()) known.push_back(scope.name);
  const auto scopes = split_scopes(opts["scopes"]);
  NewDevice created;
  try {
    created = host.devices().create(opts["name"], scopes, known);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  std::cerr << "Đã tạo thiết bị '" << opts["name"] << "' (" << joined(scopes, ", ")
            << "). Mã chỉ hiện một lần; hãy lưu ngay. / Created device '" << opts["name"] << "' ("
            << joined(scopes, ", ") << "). The token is shown once; store it now:\n";
  std::cout << created.token << std::endl;
  return 0;
}

int list(Host& host) {
  for (const auto& d : host.devices().list()) {
    std::cout << d.id << "\t" << d.name << "\t" << joined(d.scopes, ",") << "\thisxdev_" << d.prefix
              << "_…\t" << d.created_at << "\t"
              << (d.revoked_at.empty() ? "active" : "revoked " + d.revoked_at) << "\t"
              << (d.last_seen_at.empty() ? "never seen" : "seen " + d.last_seen_at) << "\n";
  }
  return 0;
}

int revoke(Host& host, const std::vector<std::string>& rest) {
  if (rest.size() != 1) throw UsageError("device revoke needs the device's id (see device list)");
  long long id = 0;
  try {
    std::size_t used = 0;
    id = std::stoll(rest[0], &used);
    if (used != rest[0].size()) throw std::invalid_argument(rest[0]);
  } catch (const std::exception&) {
    throw UsageError("device revoke needs a numeric id, found '" + rest[0] + "'");
  }
  if (!host.devices().revoke(id)) {
    std::cerr << "hisx: no active device with id " << id << "\n";
    return 1;
  }
  std::cout << "revoked " << id << "\n";
  return 0;
}

int run(Host& host, const std::vector<std::string>& args) {
  if (args.empty() || (args[0] != "create" && args[0] != "list" && args[0] != "revoke")) {
    throw UsageError("device needs create, list or revoke");
  }
  const std::vector<std::string> tail(args.begin() + 1, args.end());
  if (args[0] == "list" && !tail.empty()) throw UsageError("device list takes no arguments");
  host.load_plugins();  // Their device scopes may be given to devices.
  if (host.config().migrate_on_start) {
    host.migrate([](const std::string& line) { std::cerr << line << "\n"; });
  } else {
    host.require_migrated();
  }
  if (args[0] == "create") return create(host, tail);
  if (args[0] == "list") return list(host);
  return revoke(host, tail);
}

}  // namespace

int run_device_command(Host& host, const std::vector<std::string>& args) {
  try {
    return run(host, args);
  } catch (const UsageError& e) {
    std::cerr << "hisx: " << e.what() << "\n\nusage: hisx [--config FILE] [-D key=value]... "
              << "device ...\n"
              << kDeviceUsage;
    return kExitUsage;
  }
}

}  // namespace hisx::host
