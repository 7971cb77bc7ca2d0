#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hisx/clock.h"
#include "hisx/database.h"
#include "hisx/metrics.h"
#include "hisx/notifier.h"
#include "notify/drivers.h"
#include "notify/notification_store.h"
#include "notify/notify_config.h"
#include "notify/sender.h"

namespace hisx::host {

/// The host's notifier: messages are queued in the outbox table in the caller's transaction
/// and sent by a background sender through the channel's driver, with retries and backoff.
class NotificationService final : public sdk::Notifier {
 public:
  /// Builds the drivers from `config`. `metrics`, when given, receives
  /// hisx_notification_attempts_total{channel, outcome}.
  NotificationService(sdk::Database& store, const sdk::Clock& clock, NotifyConfig config,
                      sdk::Metrics* metrics = nullptr);
  /// With the given drivers instead; `config.channels` is not used to build any.
  NotificationService(sdk::Database& store, const sdk::Clock& clock, NotifyConfig config,
                      Drivers drivers, sdk::Metrics* metrics = nullptr);
  ~NotificationService() override;

  /// Throws std::invalid_argument for a channel that is not configured, an empty recipient
  /// or text, or a recipient, subject or dedupe key that is too long.
  std::string send(soci::session& store_tx, const sdk::Message& message) override;
  std::optional<sdk::MessageStatus> status(const std::string& id) const override;

  /// The whole stored message.
  std::optional<Notification> find(const std::string& id) const;
  /// Stored messages, newest first.
  std::vector<Notification> list(const NotificationFilter& filter) const;
  /// The files attached to message `id`, in order (none for an unknown id).
  std::vector<sdk::Attachment> attachments(const std::string& id) const;
  /// How many messages are in each state (states with none are absent), for metrics.
  std::map<std::string, long long> count_by_state() const;
  /// The configured channel names, sorted.
  std::vector<std::string> channels() const;

  /// Starts the background sender.
  void start();
  /// Stops it (idempotent).
  void stop();
  /// Asks the sender to look for due messages now; call after committing a send().
  void wake();
  /// One sending pass in the calling thread (tests); returns how many messages it handled.
  int deliver_due();

 private:
  NotifyConfig config_;
  const sdk::Clock& clock_;
  Drivers drivers_;
  mutable NotificationStore store_;
  Sender sender_;
};

}  // namespace hisx::host
