#include "auth/login_limiter.h"

#include <stdexcept>

namespace hisx::host {

LoginLimiter::LoginLimiter(sdk::Database& store, const sdk::Clock& clock, LoginLimits limits)
    : store_(store, clock), limits_(limits) {
  if (limits_.per_account < 1 || limits_.per_address < 1 || limits_.window.count() < 1) {
    throw std::invalid_argument("login limits must be at least 1");
  }
}

sdk::RateLimit LoginLimiter::per_account() const {
  return {"host:login.account", limits_.per_account, limits_.window};
}

sdk::RateLimit LoginLimiter::per_address() const {
  return {"host:login.address", limits_.per_address, limits_.window};
}

LoginAdmission LoginLimiter::admit(const std::string& account, const std::string& address) {
  const RateAdmission admission =
      store_.admit({{per_account(), account}, {per_address(), address}});
  LoginAdmission out;
  if (!admission.decision.admitted) {
    out.retry_after = admission.decision.retry_after;
    out.limit = admission.refused_by == 0 ? "account" : "address";
    return out;
  }
  out.attempt_id = admission.hit_id;
  return out;
}

void LoginLimiter::succeeded(const std::string& attempt_id) { store_.forget(attempt_id); }

long long LoginLimiter::failures_of_account(const std::string& account) {
  return store_.count(per_account(), account);
}

long long LoginLimiter::failures_from_address(const std::string& address) {
  return store_.count(per_address(), address);
}

}  // namespace hisx::host
