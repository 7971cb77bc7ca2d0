#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "hisx/clock.h"
#include "hisx/metrics.h"
#include "notify/drivers.h"
#include "notify/notification_store.h"
#include "notify/notify_config.h"

namespace hisx::host {

/// Delivers due messages from the outbox: claims a batch (with a lease, so that no other
/// host sends them at the same time), sends each through its channel's driver outside any
/// database transaction, and records the outcome: sent, failed with the reason, or queued
/// again after the backoff delay. Delivery is at least once: a crash after the remote side
/// accepted a message but before the outcome was recorded sends it again once the lease
/// runs out, with the same message id for the receiver to deduplicate on.
class Sender {
 public:
  /// `owner` names this host in claims; unique among the hosts sharing the database.
  /// `attempts_total`, when given, counts attempts by channel and outcome.
  Sender(NotificationStore& store, const Drivers& drivers, const NotifyConfig& config,
         const sdk::Clock& clock, std::string owner, sdk::Counter* attempts_total = nullptr);
  ~Sender();
  Sender(const Sender&) = delete;
  Sender& operator=(const Sender&) = delete;

  /// One pass: claims due messages and delivers them. Returns how many it claimed.
  int deliver_due();

  /// Starts the background thread that calls deliver_due() every poll interval.
  void start();
  /// Stops it: waits for the message being sent, hands the rest of the batch back.
  void stop();
  /// Makes the thread look for due messages now (e.g. after a message was committed).
  void wake();

  /// This host's name in claims.
  const std::string& owner() const { return owner_; }

 private:
  void run();
  void deliver_one(const Notification& message);
  bool stopping() const;

  NotificationStore& store_;
  const Drivers& drivers_;
  const NotifyConfig& config_;
  const sdk::Clock& clock_;
  std::string owner_;
  sdk::Counter* attempts_total_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
  std::thread thread_;
};

/// A name for this process in claims: host name, process id and a random suffix.
std::string sender_name();

}  // namespace hisx::host
