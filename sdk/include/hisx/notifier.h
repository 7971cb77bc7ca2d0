#pragma once

#include <Poco/JSON/Object.h>
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "hisx/export.h"

namespace hisx::sdk {

/// A file sent with a message, such as the daily report as a PDF. Since 2.0.
struct Attachment {
  std::string filename;      ///< e.g. "bao-cao-2026-12-01.pdf": no folders, no control characters.
  std::string content_type;  ///< e.g. "application/pdf".
  std::string content;       ///< The file's bytes.
};

/// A message to a patient or staff member.
struct Message {
  std::string channel;  ///< "sms", "zalo", "push", "email", … mapped to a driver in the config.
  std::string to;       ///< Phone number, e-mail address or app account, as the driver expects.
  std::string subject;  ///< Subject (e-mail) or title (push); may be empty.
  std::string text;     ///< The message text (Vietnamese first).
  Poco::JSON::Object::Ptr data;  ///< Extra fields for the driver's body template; may be null.
  std::string dedupe_key;  ///< When not empty, a second message with the same key is not queued.
  /// Files sent with the message: by e-mail (SMTP channels) only, at most 10 MB in all.
  /// Since 2.0.
  std::vector<Attachment> attachments{};
};

/// Where a message is.
struct MessageStatus {
  std::string id;
  /// "queued" (waiting for an attempt), "sending" (a host is delivering it now), "sent" or
  /// "failed" (for good; see last_error).
  std::string state;
  int attempts = 0;        ///< Delivery attempts started so far.
  std::string last_error;  ///< Why the last attempt failed (empty when none did).
  std::string sent_at;     ///< ISO-8601 UTC, when sent.
};

/// Sends messages through the configured drivers (webhook, SMTP, log), via an outbox table in
/// the store database with retries and backoff.
class HISX_SDK_API Notifier {
 public:
  virtual ~Notifier();
  /// Queues `message` inside the caller's store transaction; it is sent after the commit,
  /// at least once (receivers deduplicate on the id). Returns the message id (the existing
  /// one when `dedupe_key` was already used). Throws std::invalid_argument for a channel
  /// that is not configured, an empty `to` or `text`, or attachments on a channel that cannot
  /// carry them (webhooks) or that are too large or badly named.
  virtual std::string send(soci::session& store_tx, const Message& message) = 0;
  /// The state of a message, or nothing for an unknown id.
  virtual std::optional<MessageStatus> status(const std::string& id) const = 0;
};

}  // namespace hisx::sdk
