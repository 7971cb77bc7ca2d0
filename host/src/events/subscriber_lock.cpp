#include "events/subscriber_lock.h"

namespace hisx::host {

SubscriberLock::SubscriberLock(soci::session& s, const std::string& backend,
                               const std::string& subscriber)
    : session_(s), subscriber_(subscriber), advisory_(backend == "postgresql") {
  if (!advisory_) {
    held_ = true;
    return;
  }
  int got = 0;
  session_ << "SELECT CASE WHEN pg_try_advisory_lock(1751741304, hashtext(:s)) THEN 1 ELSE 0 END",
      soci::into(got), soci::use(subscriber_);
  held_ = got == 1;
}

SubscriberLock::~SubscriberLock() {
  if (!advisory_ || !held_) return;
  try {
    int released = 0;
    session_ << "SELECT CASE WHEN pg_advisory_unlock(1751741304, hashtext(:s)) THEN 1 ELSE 0 END",
        soci::into(released), soci::use(subscriber_);
  } catch (...) {
    // A broken connection: the server released the lock with the session.
  }
}

}  // namespace hisx::host
