#include "app/cli_user.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <stdexcept>

#include "app/cli_options.h"
#include "app/host.h"
#include "auth/credential_rules.h"

namespace hisx::host {

const char* const kUserUsage =
    "  user add --name NAME --role R [--display \"Tên\"]\n"
    "                                       create a staff user; password from stdin, or\n"
    "                                       generated and printed once (last line)\n"
    "  user list                            list staff users (never their passwords)\n"
    "  user disable NAME                    disable a user and end their sessions\n"
    "  user passwd NAME                     set a new password (stdin, or generated)\n";

namespace {

constexpr int kExitUsage = 64;  // EX_USAGE

// The first line piped on stdin; nothing when stdin is a terminal or nothing was piped (e.g.
// </dev/null), in which case the caller generates a password.
std::optional<std::string> piped_password() {
  if (isatty(STDIN_FILENO)) return std::nullopt;
  const std::string all((std::istreambuf_iterator<char>(std::cin)),
                        std::istreambuf_iterator<char>());
  if (all.find_first_not_of("\r\n") == std::string::npos) return std::nullopt;
  std::string line = all.substr(0, all.find('\n'));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The password to set, and whether it was generated (and must be shown).
std::pair<std::string, bool> password_to_set() {
  if (auto piped = piped_password()) return {*piped, false};
  return {generate_password(), true};
}

void show_generated(const std::string& username, const std::string& password) {
  std::cerr << "Mật khẩu được tạo cho '" << username << "', chỉ hiện một lần; hãy lưu ngay. / "
            << "Generated password for '" << username << "', shown once; store it now:\n";
  std::cout << password << std::endl;
}

int add(Host& host, const std::vector<std::string>& rest) {
  auto opts = options_of(rest, {"name", "role", "display"});
  if (!opts.count("name") || !opts.count("role")) {
    throw UsageError("user add needs --name and --role");
  }
  const auto [password, generated] = password_to_set();
  User user;
  try {
    user = host.accounts().add_user(opts["name"], opts["display"], opts["role"], password,
                                    host.roles());
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  std::cerr << "Created user '" << user.username << "' (" << user.display_name << ") with role "
            << user.role << ".\n";
  if (generated) {
    show_generated(user.username, password);
  } else {
    std::cout << "created user " << user.username << " (id " << user.id << ")" << std::endl;
  }
  return 0;
}

int list(Host& host) {
  for (const auto& u : host.accounts().users()) {
    std::cout << u.id << "\t" << u.username << "\t" << u.display_name << "\t" << u.role << "\t"
              << u.created_at << "\t" << (u.disabled() ? "disabled " + u.disabled_at : "active")
              << "\n";
  }
  return 0;
}

int disable(Host& host, const std::string& name) {
  if (!host.accounts().disable_user(name)) {
    std::cerr << "hisx: user '" << name << "' is already disabled\n";
    return 1;
  }
  std::cout << "disabled " << name << "; their sessions have ended\n";
  return 0;
}

int passwd(Host& host, const std::string& name) {
  const auto [password, generated] = password_to_set();
  if (!generated) {
    if (auto problem = password_problem(password); !problem.empty()) throw UsageError(problem);
  }
  host.accounts().set_password(name, password);
  if (generated) {
    show_generated(name, password);
  } else {
    std::cout << "password of " << name << " changed; their sessions have ended" << std::endl;
  }
  return 0;
}

int run(Host& host, const std::vector<std::string>& args) {
  if (args.empty()) throw UsageError("user needs add, list, disable or passwd");
  const std::string& sub = args[0];
  const std::vector<std::string> tail(args.begin() + 1, args.end());
  if (sub != "add" && sub != "list" && sub != "disable" && sub != "passwd") {
    throw UsageError("user needs add, list, disable or passwd");
  }
  if ((sub == "disable" || sub == "passwd") && tail.size() != 1) {
    throw UsageError("user " + sub + " needs the username");
  }
  if (sub == "list" && !tail.empty()) throw UsageError("user list takes no arguments");

  host.load_plugins();  // Their roles may be given to users.
  if (host.config().migrate_on_start) {
    host.migrate([](const std::string& line) { std::cerr << line << "\n"; });
  } else {
    host.require_migrated();
  }
  if (sub == "add") return add(host, tail);
  if (sub == "list") return list(host);
  try {
    return sub == "disable" ? disable(host, tail[0]) : passwd(host, tail[0]);
  } catch (const std::invalid_argument& e) {
    std::cerr << "hisx: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

int run_user_command(Host& host, const std::vector<std::string>& args) {
  try {
    return run(host, args);
  } catch (const UsageError& e) {
    std::cerr << "hisx: " << e.what() << "\n\nusage: hisx [--config FILE] [-D key=value]... "
              << "user ...\n"
              << kUserUsage;
    return kExitUsage;
  }
}

}  // namespace hisx::host
