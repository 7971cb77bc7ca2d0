#pragma once

#include <soci/soci.h>

#include <string>

namespace hisx::host {

/// Lets one host at a time deliver to a subscriber, so that its events keep their order and
/// its handler never runs twice at once. On PostgreSQL: a session-level advisory lock
/// (two-key form: 1751741304 "hisx", hashtext(subscriber)), tried without waiting and held
/// across the delivery transactions of one pass; released with the session if the host dies.
/// Other backends: always held (SQLite has one writer; the delivery record's key decides).
class SubscriberLock {
 public:
  SubscriberLock(soci::session& s, const std::string& backend, const std::string& subscriber);
  /// Releases the lock when held.
  ~SubscriberLock();
  SubscriberLock(const SubscriberLock&) = delete;
  SubscriberLock& operator=(const SubscriberLock&) = delete;

  /// False when another session holds it: skip the subscriber this pass.
  bool held() const { return held_; }

 private:
  soci::session& session_;
  std::string subscriber_;
  bool advisory_ = false;
  bool held_ = false;
};

}  // namespace hisx::host
