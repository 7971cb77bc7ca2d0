#include "notify/sender.h"

#include <Poco/Environment.h>
#include <Poco/Logger.h>
#include <Poco/Process.h>
#include <Poco/RandomStream.h>

#include "notify/retry_schedule.h"

namespace hisx::host {

namespace {

constexpr int kBatch = 20;

Poco::Logger& logger() { return Poco::Logger::get("hisx.notify"); }

}  // namespace

std::string sender_name() {
  unsigned char bytes[4];
  Poco::RandomInputStream().read(reinterpret_cast<char*>(bytes), sizeof bytes);
  char suffix[9];
  std::snprintf(suffix, sizeof suffix, "%02x%02x%02x%02x", bytes[0], bytes[1], bytes[2], bytes[3]);
  std::string name =
      Poco::Environment::nodeName() + ":" + std::to_string(Poco::Process::id()) + ":" + suffix;
  return name.size() > 100 ? name.substr(name.size() - 100) : name;
}

Sender::Sender(NotificationStore& store, const Drivers& drivers, const NotifyConfig& config,
               const sdk::Clock& clock, std::string owner, sdk::Counter* attempts_total)
    : store_(store),
      drivers_(drivers),
      config_(config),
      clock_(clock),
      owner_(std::move(owner)),
      attempts_total_(attempts_total) {}

Sender::~Sender() { stop(); }

bool Sender::stopping() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

int Sender::deliver_due() {
  const auto now = clock_.now();
  if (int abandoned = store_.fail_abandoned(now, config_.max_attempts); abandoned > 0) {
    logger().warning(
        "%d notification(s) failed: their last attempt was abandoned by a host "
        "that stopped before recording the outcome",
        abandoned);
  }
  const auto claimed =
      store_.claim_due(owner_, now, now + config_.lease, kBatch, config_.max_attempts);
  for (std::size_t i = 0; i < claimed.size(); ++i) {
    if (stopping()) {
      // Hand the rest back rather than leave it claimed until the lease runs out.
      for (std::size_t j = i; j < claimed.size(); ++j) store_.release(claimed[j].id, owner_);
      break;
    }
    deliver_one(claimed[i]);
  }
  return static_cast<int>(claimed.size());
}

void Sender::deliver_one(const Notification& n) {
  Delivery delivery;
  auto driver = drivers_.find(n.channel);
  if (driver == drivers_.end()) {
    delivery = Delivery::failed("the channel '" + n.channel +
                                "' is not configured (notify.channels) on host " + owner_);
  } else {
    try {
      delivery = driver->second->deliver(
          {n.id, n.channel, n.to, n.subject, n.text, n.data, n.attempts, store_.attachments(n.id)});
    } catch (const std::exception& e) {
      delivery = Delivery::retry(e.what());
    }
  }

  if (attempts_total_ != nullptr) {
    const char* outcome = delivery.outcome == Delivery::Outcome::kSent    ? "sent"
                          : delivery.outcome == Delivery::Outcome::kRetry ? "retry"
                                                                          : "failed";
    attempts_total_->inc({{"channel", n.channel}, {"outcome", outcome}});
  }
  bool recorded = false;
  switch (delivery.outcome) {
    case Delivery::Outcome::kSent:
      recorded = store_.mark_sent(n.id, owner_, clock_.now());
      logger().debug("notification %s sent on channel %s (attempt %d)", n.id, n.channel,
                     n.attempts);
      break;
    case Delivery::Outcome::kFailed:
      recorded = store_.mark_failed(n.id, owner_, delivery.reason);
      logger().warning("notification %s on channel %s failed: %s", n.id, n.channel,
                       delivery.reason);
      break;
    case Delivery::Outcome::kRetry:
      if (n.attempts >= config_.max_attempts) {
        const std::string reason =
            "gave up after " + std::to_string(n.attempts) + " attempts: " + delivery.reason;
        recorded = store_.mark_failed(n.id, owner_, reason);
        logger().warning("notification %s on channel %s failed: %s", n.id, n.channel, reason);
      } else {
        const auto delay = retry_delay(n.attempts, config_.retry_base, config_.retry_max);
        recorded = store_.mark_retry(n.id, owner_, delivery.reason, clock_.now() + delay);
        logger().information("notification %s on channel %s: attempt %d failed (%s); next in %s ms",
                             n.id, n.channel, n.attempts, delivery.reason,
                             std::to_string(delay.count()));
      }
      break;
  }
  if (!recorded) {
    logger().warning(
        "notification %s: this host's claim ran out before the outcome was "
        "recorded; another host may have sent it again",
        n.id);
  }
}

void Sender::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void Sender::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Sender::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void Sender::run() {
  for (;;) {
    int claimed = 0;
    try {
      claimed = deliver_due();
    } catch (const std::exception& e) {
      logger().error("sending notifications: %s", std::string(e.what()));
    }
    std::unique_lock lock(mutex_);
    if (stopping_) return;
    if (claimed >= kBatch) continue;  // More may be due: no pause.
    wake_.wait_for(lock, config_.poll_interval, [this] { return stopping_ || woken_; });
    woken_ = false;
    if (stopping_) return;
  }
}

}  // namespace hisx::host
