#pragma once

#include <optional>
#include <string>
#include <vector>

#include "civil_time.h"
#include "time_zone.h"

namespace hisx::appointments {

/// Readers of FHIR search parameter values. Each throws a 400 sdk::Problem (type
/// "validation") naming the parameter when the value is malformed or unsupported: FHIR
/// answers a search it cannot run with 400 and an OperationOutcome.

/// The instants a date parameter admits: from (inclusive) and before (exclusive), each
/// open when absent.
struct InstantRange {
  std::optional<Instant> from;
  std::optional<Instant> before;
  /// True when `t` lies in the range.
  bool contains(Instant t) const { return (!from || t >= *from) && (!before || t < *before); }
};

/// A date parameter `[prefix]value` (R4 search, "date"): prefix eq (default), ge, gt, le or
/// lt; value YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.fff]][Z|±hh:mm]. A value
/// stands for the whole interval of its precision (a day is 00:00 to 24:00 on the hospital's
/// clock when it carries no zone), and the prefix compares a resource's instant with it:
/// eq inside, ge from its start, gt from its end, lt before its start, le before its end.
InstantRange parse_date_param(const std::string& name, const std::string& text,
                              const TimeZone& zone);

/// A reference parameter: "Type/123" or "123"; the id (positive). Another type is refused.
long long parse_reference_param(const std::string& name, const std::string& text,
                                const std::string& type);

/// A token parameter: comma-separated codes, each "code" or "system|code" (the system, when
/// given, must be `system`). Returns the codes.
std::vector<std::string> parse_token_param(const std::string& name, const std::string& text,
                                           const std::string& system);

/// `_count`: a whole number 0 or more, capped at `max` (a server may return fewer).
int parse_count_param(const std::string& text, int max);

}  // namespace hisx::appointments
