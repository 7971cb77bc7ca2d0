#pragma once

#include <Poco/Net/Context.h>

#include "hisx/clock.h"
#include "notify/driver.h"
#include "notify/notify_config.h"

namespace hisx::host {

/// Sends each message as a plain-text UTF-8 e-mail through an SMTP relay, with optional
/// STARTTLS and AUTH LOGIN. The subject is RFC 2047 encoded and the body quoted-printable,
/// so Vietnamese arrives intact through any relay. A 5xx reply fails the message; a 4xx
/// reply, a time-out or a connection error is retried.
class SmtpDriver final : public Driver {
 public:
  SmtpDriver(SmtpConfig config, const sdk::Clock& clock);
  Delivery deliver(const OutgoingMessage& message) override;
  bool takes_attachments() const override { return true; }

 private:
  SmtpConfig config_;
  Poco::Net::Context::Ptr tls_;  // Only with starttls.
  const sdk::Clock& clock_;
};

}  // namespace hisx::host
