#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "hisx/civil_time.h"
#include "hisx/export.h"

namespace hisx::sdk {

/// The rules of one IANA time zone: which UTC offset applies at which instant. hisx stores
/// instants in UTC and shows, schedules and reports in the hospital's zone
/// (Context::zone()); every conversion goes through here. The zone's transitions come from
/// the system's tz database (the date/tz library over Debian's tzdata); past the last
/// listed transition the zone file's POSIX rule (RFC 8536 footer) gives the offset, so zones
/// with daylight saving time stay right after 2037. Cheap to copy; thread-safe.
class HISX_SDK_API TimeZone {
 public:
  /// The zone `name` ("Asia/Ho_Chi_Minh"). Throws std::invalid_argument naming the zone when
  /// the system's tz database has no such zone.
  static TimeZone locate(const std::string& name);
  /// A zone with one offset forever, e.g. for tests.
  static TimeZone fixed(std::string name, std::chrono::seconds offset);

  /// The zone's name.
  const std::string& name() const;
  /// The offset of local time from UTC at instant `t` (+07:00 → 25200 s).
  std::chrono::seconds offset_at(Instant t) const;
  /// The wall-clock time at instant `t`.
  LocalTime to_local(Instant t) const;
  /// The instant of wall-clock time `local`. A time that occurs twice (clocks set back) is
  /// the earlier one; a time that never occurs (clocks set forward) is moved forward by the
  /// length of the gap, as a clock on the wall would show it.
  Instant to_utc(LocalTime local) const;
  /// What wall-clock time `local` is in this zone: it happens once, never (clocks were set
  /// forward over it) or twice (clocks were set back).
  struct LocalTimeInfo {
    enum class Kind { kUnique, kSkipped, kRepeated };
    Kind kind = Kind::kUnique;
    /// kUnique: the instant; kSkipped: the instant the clocks jumped forward over `local`;
    /// kRepeated: the earlier of the two instants.
    Instant first;
    Instant second;  ///< kRepeated: the later instant; otherwise equal to `first`.
  };
  LocalTimeInfo lookup(LocalTime local) const;
  /// The calendar day at instant `t`.
  LocalDate date_of(Instant t) const;
  /// Minutes after local midnight at instant `t`.
  int minute_of_day(Instant t) const;
  /// The first instant of local day `day`.
  Instant start_of(LocalDate day) const;
  /// `t` on this zone's wall clock with its offset, "2025-01-06T08:00:00+07:00".
  std::string format(Instant t) const;

  struct Rules;  ///< Internal.

 private:
  explicit TimeZone(std::shared_ptr<const Rules> rules);
  std::shared_ptr<const Rules> rules_;
};

}  // namespace hisx::sdk
