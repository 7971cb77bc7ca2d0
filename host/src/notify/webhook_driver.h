#pragma once

#include <Poco/Net/Context.h>
#include <Poco/URI.h>

#include "hisx/clock.h"
#include "notify/body_template.h"
#include "notify/driver.h"
#include "notify/notify_config.h"

namespace hisx::host {

/// POSTs each message as a JSON body (from the channel's template) to the configured URL,
/// signed with `X-Hisx-Signature` (see docs/notifications.md). A 2xx answer is sent; 408,
/// 429, 5xx, time-outs and connection errors are retried; any other answer fails the
/// message with the status and the start of the answer as the reason.
class WebhookDriver final : public Driver {
 public:
  /// `config` must be valid (read_notify_config() checked it).
  WebhookDriver(WebhookConfig config, const sdk::Clock& clock);
  Delivery deliver(const OutgoingMessage& message) override;

 private:
  WebhookConfig config_;
  BodyTemplate body_;
  Poco::URI uri_;
  Poco::Net::Context::Ptr tls_;  // Only for https URLs.
  const sdk::Clock& clock_;
};

}  // namespace hisx::host
