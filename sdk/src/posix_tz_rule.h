#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "hisx/civil_time.h"

namespace hisx::sdk::detail {

/// A POSIX TZ rule such as "CET-1CEST,M3.5.0,M10.5.0/3" or "<+07>-7": the footer of a TZif
/// file (RFC 8536 §3.3), which gives the zone's offsets after the file's last transition.
class PosixTzRule {
 public:
  /// The rule of `text`; nothing when it is empty or not a rule this reader understands.
  static std::optional<PosixTzRule> parse(std::string_view text);

  /// The offset from UTC at instant `t`.
  std::chrono::seconds offset_at(Instant t) const;

  /// One end of daylight saving time: a day rule and a local time of day.
  struct Change {
    enum class Kind { kJulianNoLeap, kZeroBasedDay, kMonthWeekDay } kind = Kind::kMonthWeekDay;
    int day = 0;                      ///< Jn: 1–365; n: 0–365; Mm.w.d: d (0 = Sunday).
    int month = 0;                    ///< Mm.w.d: m.
    int week = 0;                     ///< Mm.w.d: w (5 = last).
    std::chrono::seconds time{7200};  ///< Local time of the change (default 02:00).
  };

 private:
  std::chrono::seconds std_offset_{0};  ///< East of UTC, as hisx counts (the rule's sign inverted).
  std::optional<std::chrono::seconds> dst_offset_;
  Change start_{};  ///< Into daylight saving time, in standard time.
  Change end_{};    ///< Out of it, in daylight saving time.
};

}  // namespace hisx::sdk::detail
