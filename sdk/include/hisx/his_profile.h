#pragma once

#include <Poco/Dynamic/Var.h>
#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "hisx/export.h"

namespace hisx::sdk {

/// A value bound to a named statement parameter. std::monostate binds SQL NULL.
using HisValue = std::variant<std::monostate, long long, double, std::string>;

/// Named parameters for a profile statement: `:name` in the SQL ⇄ key "name" here.
using HisParams = std::map<std::string, HisValue>;

/// One result row of a profile statement, columns by the names the SDK documents.
class HISX_SDK_API HisRow {
 public:
  HisRow(std::vector<std::string> columns, std::vector<Poco::Dynamic::Var> values);
  /// The value of `column` (empty Var for SQL NULL); throws std::out_of_range if absent.
  const Poco::Dynamic::Var& at(const std::string& column) const;
  /// The value as text, or `fallback` when NULL.
  std::string text(const std::string& column, const std::string& fallback = {}) const;
  /// Column names in result order.
  const std::vector<std::string>& columns() const { return columns_; }
  /// Values in result order (dates as ISO-8601 text, integers as Int64).
  const std::vector<Poco::Dynamic::Var>& values() const { return values_; }

 private:
  std::vector<std::string> columns_;
  std::vector<Poco::Dynamic::Var> values_;
};

/// The hospital's HIS profile: the named SQL statements that map hisx onto this hospital's
/// HIS schema (see docs/his-profile.md). Plugins never write SQL against HIS tables
/// themselves; they run the profile's statements by name.
class HISX_SDK_API HisProfile {
 public:
  virtual ~HisProfile();
  /// The profile's name, e.g. "demo".
  virtual const std::string& name() const = 0;
  /// True when the profile defines `statement` (optional statements may be absent).
  virtual bool has(const std::string& statement) const = 0;
  /// Runs a query statement on `session` and returns its rows. Throws std::out_of_range
  /// for an unknown statement and std::invalid_argument for a missing parameter.
  virtual std::vector<HisRow> query(soci::session& session, const std::string& statement,
                                    const HisParams& params) const = 0;
  /// Runs a command statement (insert/update) and returns the number of affected rows.
  virtual long long execute(soci::session& session, const std::string& statement,
                            const HisParams& params) const = 0;
};

}  // namespace hisx::sdk
