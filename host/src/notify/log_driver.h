#pragma once

#include "notify/driver.h"

namespace hisx::host {

/// The demo driver: writes one information line per message on the logger `hisx.notify`
/// (channel, recipient, subject, text; line breaks shown as "\n") and reports it sent.
class LogDriver final : public Driver {
 public:
  Delivery deliver(const OutgoingMessage& message) override;
  bool takes_attachments() const override { return true; }
};

}  // namespace hisx::host
