#pragma once

#include <Poco/Logger.h>

#include <string>

#include "hisx/clock.h"
#include "hisx/database.h"
#include "hisx/events.h"
#include "hisx/export.h"
#include "hisx/his_profile.h"
#include "hisx/http.h"
#include "hisx/idempotency.h"
#include "hisx/metrics.h"
#include "hisx/notifier.h"
#include "hisx/rate_limits.h"
#include "hisx/scheduler.h"
#include "hisx/services.h"
#include "hisx/settings.h"
#include "hisx/time_zone.h"

namespace hisx::sdk {

/// What the host gives a plugin in start(). References stay valid until the plugin's stop()
/// returns.
class HISX_SDK_API Context {
 public:
  virtual ~Context();
  /// The plugin's validated settings (`plugins.settings.<name>` in the configuration).
  virtual const Settings& settings() const = 0;
  /// A logger named `hisx.<plugin>`.
  virtual Poco::Logger& logger() const = 0;
  /// The existing HIS database. Reach HIS tables only through profile() statements.
  virtual Database& his() = 0;
  /// The database of hisx's own tables (`hisx_<plugin>_*`); often the same as his().
  virtual Database& store() = 0;
  /// The hospital's HIS profile.
  virtual const HisProfile& profile() const = 0;
  /// Where to register HTTP routes.
  virtual Router& router() = 0;
  /// The clock to read "now" from (injectable in tests).
  virtual const Clock& clock() const = 0;
  /// The hospital's time zone (`timezone` in the configuration, e.g. "Asia/Ho_Chi_Minh"), for
  /// schedules, reminders and report days. Since 2.0 (1.x had `timezone()`, its name).
  virtual const TimeZone& zone() const = 0;
  /// Publish and subscribe to events (transactional outbox).
  virtual EventBus& events() = 0;
  /// Periodic and one-off jobs, run once across hosts.
  virtual Scheduler& scheduler() = 0;
  /// Messages to patients and staff through the configured drivers.
  virtual Notifier& notifier() = 0;
  /// The metrics registry served at /metrics.
  virtual Metrics& metrics() = 0;
  /// Services that plugins publish for each other (hisx/services.h). Since 2.0.
  virtual Services& services() = 0;
  /// Idempotency-Key handling for write routes (hisx/idempotency.h). Since 2.0.
  virtual Idempotency& idempotency() = 0;
  /// Rate limits and lockouts kept in the store database (hisx/rate_limits.h), with buckets
  /// kept under this plugin's name. Since 2.0.
  virtual RateLimits& rate_limits() = 0;
};

}  // namespace hisx::sdk
