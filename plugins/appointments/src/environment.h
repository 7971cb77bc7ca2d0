#pragma once

#include <string>

#include "appointment_settings.h"
#include "hisx/context.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// What the plugin's services and routes share for as long as the plugin runs: the host's
/// context, the checked settings and the hospital's time zone.
struct Environment {
  sdk::Context& context;
  AppointmentSettings settings;
  TimeZone zone;

  /// Now, from the host's clock, to the second.
  Instant now() const { return std::chrono::floor<std::chrono::seconds>(context.clock().now()); }
  /// now() as stored: "YYYY-MM-DDTHH:MM:SSZ".
  std::string now_text() const { return format_utc(now()); }
};

}  // namespace hisx::appointments
