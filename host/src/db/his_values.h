#pragma once

#include <Poco/Dynamic/Var.h>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "hisx/his_profile.h"
#include "hisx/his_statements.h"
#include "hisx/time_zone.h"

namespace hisx::host {

/// How a HIS writes what hisx reads from it: its time convention and its own codes for the
/// closed vocabularies (the profile's `time:` and `values:`).
struct HisConventions {
  /// True when the HIS stores wall-clock time in the hospital's zone (`time: local`); false
  /// when it stores UTC (`time: utc`, the default).
  bool local_time = false;
  /// The hospital's zone, for local_time.
  sdk::TimeZone zone = sdk::TimeZone::fixed("UTC", std::chrono::seconds(0));
  /// Per vocabulary: the HIS's code → hisx's value.
  std::map<std::string, std::map<std::string, std::string>> value_maps;
  /// True for the profile check: a code that only a vocabulary's fallback would take (an
  /// unmapped gender read as "unknown") is an error, so that a missing map shows at once.
  bool strict_codes = false;
};

/// A value that does not fit its declared type; the message says what was found and what was
/// expected, without the statement's name (the caller adds it).
class ValueError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// The value of column `column` as a plugin sees it (hisx/his_statements.h, ValueType), from
/// `raw` as run_his_query() read it: ids and decimals as text, instants converted to UTC by
/// `conventions`, codes mapped onto their vocabulary. NULL stays an empty Var. Throws
/// ValueError for a value that does not fit, or a NULL in a column that may not be NULL.
Poco::Dynamic::Var read_column(const sdk::StatementColumn& column, const Poco::Dynamic::Var& raw,
                               const HisConventions& conventions);

/// The value hisx binds for parameter `param`, given `value` from the plugin: ids as text, or
/// as a whole number when `integer_id` (the profile's `params: {name: integer}`); instants in
/// the HIS's convention; codes in the HIS's own code. Returns nothing when the value cannot
/// match any row (an id that is not a whole number for an integer-keyed HIS). Throws
/// ValueError for a value of the wrong type.
std::optional<sdk::HisValue> bind_param(const sdk::StatementParam& param,
                                        const sdk::HisValue& value, bool integer_id,
                                        const HisConventions& conventions);

/// A typed sample of `param` for the profile check: `text` (from StatementSpec::sample or
/// probe) when given, otherwise a harmless value of the type.
sdk::HisValue sample_value(const sdk::StatementParam& param, const std::string* text);

}  // namespace hisx::host
