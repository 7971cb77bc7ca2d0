#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "civil_time.h"

namespace hisx::appointments {

/// The rules of one IANA time zone: which UTC offset applies at which instant. Schedules are
/// written in local wall-clock time and slots are stored in UTC, so every conversion goes
/// through here. Read from the system's compiled zone files (TZif, RFC 8536), because the
/// standard library of GCC 12 has no time zone database and a plugin links nothing else.
class TimeZone {
 public:
  /// The zone `name` ("Asia/Ho_Chi_Minh") from `dir` (default: $TZDIR or
  /// /usr/share/zoneinfo). Throws std::runtime_error naming the zone and the file when it
  /// cannot be read. Instants after the file's last transition keep the last offset (the
  /// system's zone files list transitions up to 2037).
  static TimeZone load(const std::string& name, std::filesystem::path dir = {});
  /// A zone with one offset forever (tests, and zones without daylight saving time).
  static TimeZone fixed(std::string name, std::chrono::seconds offset);

  /// The zone's name.
  const std::string& name() const { return name_; }
  /// The offset of local time from UTC at instant `t` (+07:00 → 25200 s).
  std::chrono::seconds offset_at(Instant t) const;
  /// The wall-clock time at instant `t`.
  LocalTime to_local(Instant t) const;
  /// The instant of wall-clock time `local`. A time that occurs twice (clocks set back) is
  /// the earlier one; a time that never occurs (clocks set forward) is moved forward by the
  /// length of the gap, as a clock on the wall would show it.
  Instant to_utc(LocalTime local) const;

 private:
  TimeZone(std::string name, std::int32_t initial_offset);

  std::string name_;
  std::int32_t initial_offset_;            ///< Before the first transition.
  std::vector<std::int64_t> transitions_;  ///< UTC seconds, increasing.
  std::vector<std::int32_t> offsets_;      ///< Offset from transitions_[i] on.
};

}  // namespace hisx::appointments
