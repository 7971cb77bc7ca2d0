#include "notify/drivers.h"

#include "notify/log_driver.h"
#include "notify/smtp_driver.h"
#include "notify/webhook_driver.h"

namespace hisx::host {

Drivers make_drivers(const NotifyConfig& config, const sdk::Clock& clock) {
  Drivers drivers;
  for (const auto& [name, channel] : config.channels) {
    switch (channel.driver) {
      case DriverKind::kWebhook:
        drivers[name] = std::make_unique<WebhookDriver>(channel.webhook, clock);
        break;
      case DriverKind::kSmtp:
        drivers[name] = std::make_unique<SmtpDriver>(channel.smtp, clock);
        break;
      case DriverKind::kLog:
        drivers[name] = std::make_unique<LogDriver>();
        break;
    }
  }
  return drivers;
}

}  // namespace hisx::host
