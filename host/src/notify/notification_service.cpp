#include "notify/notification_service.h"

#include <algorithm>
#include <stdexcept>

namespace hisx::host {

NotificationService::NotificationService(sdk::Database& store, const sdk::Clock& clock,
                                         NotifyConfig config, sdk::Metrics* metrics)
    : NotificationService(store, clock, config, make_drivers(config, clock), metrics) {}

NotificationService::NotificationService(sdk::Database& store, const sdk::Clock& clock,
                                         NotifyConfig config, Drivers drivers,
                                         sdk::Metrics* metrics)
    : config_(std::move(config)),
      clock_(clock),
      drivers_(std::move(drivers)),
      store_(store),
      sender_(store_, drivers_, config_, clock_, sender_name(),
              metrics ? &metrics->counter("hisx_notification_attempts_total",
                                          "Notification delivery attempts on this host, by "
                                          "channel and outcome (sent, retry, failed)")
                      : nullptr) {}

NotificationService::~NotificationService() { stop(); }

namespace {

constexpr std::size_t kMaxAttachmentBytes = 10 * 1024 * 1024;

void check_attachments(const sdk::Message& message, const Driver& driver) {
  if (message.attachments.empty()) return;
  if (!driver.takes_attachments()) {
    throw std::invalid_argument("channel '" + message.channel +
                                "' cannot carry attachments; send files through an e-mail "
                                "(smtp) channel");
  }
  std::size_t total = 0;
  for (const auto& file : message.attachments) {
    const bool plain_name = !file.filename.empty() && file.filename.size() <= 255 &&
                            file.filename.find_first_of("/\\") == std::string::npos &&
                            std::none_of(file.filename.begin(), file.filename.end(), [](char c) {
                              return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
                            });
    if (!plain_name) {
      throw std::invalid_argument("attachment name '" + file.filename +
                                  "' must be 1 to 255 characters without folders or control "
                                  "characters");
    }
    if (file.content_type.empty() || file.content_type.size() > 100 ||
        file.content_type.find('/') == std::string::npos) {
      throw std::invalid_argument("attachment '" + file.filename +
                                  "' needs a content type such as application/pdf");
    }
    total += file.content.size();
  }
  if (total > kMaxAttachmentBytes) {
    throw std::invalid_argument("attachments of " + std::to_string(total) +
                                " bytes exceed the 10 MB a message may carry");
  }
}

}  // namespace

std::string NotificationService::send(soci::session& store_tx, const sdk::Message& message) {
  if (drivers_.find(message.channel) == drivers_.end()) {
    std::string names;
    for (const auto& [name, driver] : drivers_) names += (names.empty() ? "" : ", ") + name;
    throw std::invalid_argument("unknown notification channel '" + message.channel +
                                "'; configured channels: " + (names.empty() ? "none" : names) +
                                " (notify.channels)");
  }
  if (message.to.empty()) throw std::invalid_argument("a message needs a recipient (to)");
  if (message.to.size() > 320) {
    throw std::invalid_argument("the recipient (to) is longer than 320 characters");
  }
  if (message.text.empty()) throw std::invalid_argument("a message needs a text");
  if (message.subject.size() > 1000) {
    throw std::invalid_argument("the subject is longer than 1000 characters");
  }
  if (message.dedupe_key.size() > 200) {
    throw std::invalid_argument("the dedupe key is longer than 200 characters");
  }
  check_attachments(message, *drivers_.at(message.channel));
  return store_.insert(store_tx, message, clock_.now());
}

std::optional<sdk::MessageStatus> NotificationService::status(const std::string& id) const {
  auto n = store_.find(id);
  if (!n) return std::nullopt;
  return sdk::MessageStatus{n->id, n->state, n->attempts, n->last_error, n->sent_at};
}

std::optional<Notification> NotificationService::find(const std::string& id) const {
  return store_.find(id);
}

std::vector<Notification> NotificationService::list(const NotificationFilter& filter) const {
  return store_.list(filter);
}

std::map<std::string, long long> NotificationService::count_by_state() const {
  return store_.count_by_state();
}

std::vector<std::string> NotificationService::channels() const {
  std::vector<std::string> out;
  for (const auto& [name, driver] : drivers_) out.push_back(name);
  return out;
}

void NotificationService::start() { sender_.start(); }
void NotificationService::stop() { sender_.stop(); }
void NotificationService::wake() { sender_.wake(); }
int NotificationService::deliver_due() { return sender_.deliver_due(); }

std::vector<sdk::Attachment> NotificationService::attachments(const std::string& id) const {
  return store_.attachments(id);
}

}  // namespace hisx::host
