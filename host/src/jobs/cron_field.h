#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hisx::host {

/// What one of the five fields of a cron expression accepts.
struct CronFieldSpec {
  const char* name;  ///< "minute", "hour", "day-of-month", "month", "day-of-week".
  int min;           ///< Smallest value.
  int max;           ///< Largest value.
  /// Names for values min, min+1, … (e.g. JAN…DEC), upper case; empty when none.
  std::vector<std::string> names;
};

/// One parsed field: the values it allows, as bits (bit v set = value v allowed).
struct CronField {
  std::uint64_t bits = 0;
  /// False when the field starts with `*` (the usual test for "unrestricted", which decides
  /// how day-of-month and day-of-week combine).
  bool restricted = false;

  bool has(int value) const { return (bits >> value) & 1U; }
};

/// Parses one field: `*`, numbers or names, lists `a,b`, ranges `a-b`, steps `*/n`, `a-b/n`
/// and `a/n` (from a to the maximum). Throws std::invalid_argument with a message that names
/// the field and the offending part.
CronField parse_cron_field(std::string_view text, const CronFieldSpec& spec);

}  // namespace hisx::host
