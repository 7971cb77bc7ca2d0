#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hisx/his_id.h"
#include "sdk_time.h"

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

/// Every value of a repeated date parameter (`date=ge2025-01-01&date=lt2025-02-01`): each
/// read as parse_date_param does, all of them holding at once (the ranges intersect).
InstantRange parse_date_params(const std::string& name, const std::vector<std::string>& texts,
                               const TimeZone& zone);

/// A reference parameter to one of hisx's own resources (Slot, Appointment): "Type/123" or
/// "123"; the id (positive). Another type is refused.
long long parse_reference_param(const std::string& name, const std::string& text,
                                const std::string& type);

/// A reference parameter to a resource keyed by a HIS id (Patient, Location, Schedule,
/// Practitioner): "Type/<FHIR id>" or "<FHIR id>"; the HIS id it stands for (fhir_ids.h).
/// Another type, or an id that stands for no HIS id, is refused.
sdk::HisId parse_his_reference_param(const std::string& name, const std::string& text,
                                     const std::string& type);

/// A token parameter: comma-separated codes, each "code" or "system|code" (the system, when
/// given, must be `system`). Returns the codes.
std::vector<std::string> parse_token_param(const std::string& name, const std::string& text,
                                           const std::string& system);

/// `_count`: a whole number 0 or more, capped at `max` (a server may return fewer).
int parse_count_param(const std::string& text, int max);

/// `_page`: a whole number 1 or more, the page of `_count` matches to return.
int parse_page_param(const std::string& text);

/// Which matches of a search a Bundle holds: page `page` (from 1) of `count` each.
struct Paging {
  static constexpr int kDefaultCount = 100;
  static constexpr int kMaxCount = 500;
  int count = kDefaultCount;
  int page = 1;
  /// How many matches come before this page.
  long long offset() const { return static_cast<long long>(page - 1) * count; }
  /// The number of the last page for `total` matches (1 when there is none, or when `count`
  /// is 0: that asks for the total alone).
  long long last_page(long long total) const {
    return count == 0 || total == 0 ? 1 : (total + count - 1) / count;
  }
};

}  // namespace hisx::appointments
