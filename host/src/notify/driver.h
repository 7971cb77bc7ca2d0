#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "hisx/notifier.h"

namespace hisx::host {

/// One message as a driver sends it.
struct OutgoingMessage {
  std::string id;                              ///< The message id (receivers deduplicate on it).
  std::string channel;                         ///< The channel it was queued on.
  std::string to;                              ///< Recipient, as the driver expects it.
  std::string subject;                         ///< May be empty.
  std::string text;                            ///< The text.
  Poco::JSON::Object::Ptr data;                ///< Extra template fields; may be null.
  int attempt = 1;                             ///< Which attempt this is (1 for the first).
  std::vector<sdk::Attachment> attachments{};  ///< Files sent with it (e-mail only).
};

/// What one attempt came to.
struct Delivery {
  enum class Outcome {
    kSent,    ///< The remote side accepted the message.
    kRetry,   ///< A passing failure (time-out, 5xx, 4xx SMTP reply): try again later.
    kFailed,  ///< The remote side refused it for good (4xx HTTP, 5xx SMTP): do not retry.
  };
  Outcome outcome = Outcome::kSent;
  std::string reason;  ///< Why it was not sent; empty when sent. Never holds a secret.

  static Delivery sent() { return {Outcome::kSent, {}}; }
  static Delivery retry(std::string reason) { return {Outcome::kRetry, std::move(reason)}; }
  static Delivery failed(std::string reason) { return {Outcome::kFailed, std::move(reason)}; }
};

/// Sends messages of one channel. Called from the sender thread only, outside any database
/// transaction. Must not throw for a remote failure: it returns kRetry or kFailed with the
/// reason (an exception is treated as kRetry).
class Driver {
 public:
  virtual ~Driver();
  virtual Delivery deliver(const OutgoingMessage& message) = 0;
  /// Whether messages of this channel may carry attachments (e-mail and the log do).
  virtual bool takes_attachments() const { return false; }
};

/// The first `max_bytes` of a remote answer, for an error reason: control characters become
/// spaces and a UTF-8 sequence is never cut in half.
std::string excerpt(const std::string& text, std::size_t max_bytes = 300);

}  // namespace hisx::host
