#pragma once

#include <string>

#include "fast_lane_settings.h"
#include "hisx/civil_time.h"
#include "hisx/context.h"

namespace hisx::fast_lane {

/// What the plugin's parts share while it runs: the host's context, the checked settings and
/// the hospital's time zone.
struct Environment {
  sdk::Context& context;
  FastLaneSettings settings;
  const sdk::TimeZone& zone;

  /// Now, from the host's clock, to the second.
  sdk::Instant now() const { return sdk::to_instant(context.clock().now()); }
  /// now() as stored: "YYYY-MM-DDTHH:MM:SSZ".
  std::string now_text() const { return sdk::format_utc(now()); }
  /// Today's local date as stored: "YYYY-MM-DD".
  std::string today() const { return sdk::format_date(zone.date_of(now())); }
};

}  // namespace hisx::fast_lane
