#include "auth/login_limiter.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "auth/time_text.h"

namespace hisx::host {

namespace {

using std::chrono::system_clock;

std::string random_id() {
  unsigned char bytes[12];
  randombytes_buf(bytes, sizeof bytes);
  std::string hex(sizeof bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, sizeof bytes);
  hex.pop_back();
  return hex;
}

// `column` is "username" or "address", never user input.
long long count_failures(soci::session& s, const std::string& column, const std::string& value,
                         const std::string& since) {
  long long count = 0;
  s << "SELECT COUNT(*) FROM hisx_host_login_attempts WHERE " + column +
           " = :value AND success = 0 AND attempted_at > :since",
      soci::use(value), soci::use(since), soci::into(count);
  return count;
}

// When `value` has `max` or more failures in the window: the time until the max-th newest one
// leaves it, so that one more attempt is allowed then.
std::optional<std::chrono::seconds> wait_for(soci::session& s, const std::string& column,
                                             const std::string& value, const std::string& since,
                                             int max, std::chrono::seconds window,
                                             system_clock::time_point now) {
  if (count_failures(s, column, value, since) < max) return std::nullopt;
  std::vector<std::string> times(static_cast<std::size_t>(max));
  s << "SELECT attempted_at FROM hisx_host_login_attempts WHERE " + column +
           " = :value AND success = 0 AND attempted_at > :since ORDER BY attempted_at DESC",
      soci::use(value), soci::use(since), soci::into(times);
  if (times.empty()) return std::nullopt;
  const auto leaves = parse_time(times.back()) + window;
  const auto wait = std::chrono::ceil<std::chrono::seconds>(leaves - now);
  return std::max(wait, std::chrono::seconds(1));
}

}  // namespace

LoginLimiter::LoginLimiter(sdk::Database& store, const sdk::Clock& clock, LoginLimits limits)
    : store_(store), clock_(clock), limits_(limits) {
  if (limits_.per_account < 1 || limits_.per_address < 1 || limits_.window.count() < 1) {
    throw std::invalid_argument("login limits must be at least 1");
  }
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

LoginAdmission LoginLimiter::admit(const std::string& account, const std::string& address) {
  const auto now = clock_.now();
  const std::string now_text = format_time_ms(now);
  const std::string since = format_time_ms(now - limits_.window);
  const std::string forget_before =
      format_time_ms(now - std::max<std::chrono::seconds>(limits_.window, std::chrono::hours(24)));
  LoginAdmission admission;
  sdk::with_transaction(store_, [&](soci::session& s) {
    admission = {};
    const auto account_wait =
        wait_for(s, "username", account, since, limits_.per_account, limits_.window, now);
    const auto address_wait =
        wait_for(s, "address", address, since, limits_.per_address, limits_.window, now);
    if (account_wait || address_wait) {
      admission.retry_after = std::max(account_wait.value_or(std::chrono::seconds(0)),
                                       address_wait.value_or(std::chrono::seconds(0)));
      admission.limit = account_wait ? "account" : "address";
      return;
    }
    admission.attempt_id = random_id();
    s << "INSERT INTO hisx_host_login_attempts (id, username, address, attempted_at, success) "
         "VALUES (:id, :username, :address, :at, 0)",
        soci::use(admission.attempt_id), soci::use(account), soci::use(address),
        soci::use(now_text);
    s << "DELETE FROM hisx_host_login_attempts WHERE attempted_at < :before",
        soci::use(forget_before);
  });
  return admission;
}

void LoginLimiter::succeeded(const std::string& attempt_id) {
  sdk::with_transaction(store_, [&](soci::session& s) {
    s << "UPDATE hisx_host_login_attempts SET success = 1 WHERE id = :id", soci::use(attempt_id);
  });
}

long long LoginLimiter::failures_of_account(const std::string& account) const {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  return count_failures(s, "username", account, format_time_ms(clock_.now() - limits_.window));
}

long long LoginLimiter::failures_from_address(const std::string& address) const {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  return count_failures(s, "address", address, format_time_ms(clock_.now() - limits_.window));
}

}  // namespace hisx::host
