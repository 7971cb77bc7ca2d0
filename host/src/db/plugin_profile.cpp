#include "db/plugin_profile.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <stdexcept>

#include "db/his_sql.h"
#include "hisx/database.h"
#include "hisx/problem.h"

namespace hisx::host {

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// The HIS could not be reached, as SOCI's backends word it.
bool is_unreachable(const std::string& what) {
  static const char* const kSigns[] = {"server closed the connection",
                                       "could not connect",
                                       "Connection refused",
                                       "no connection to the server",
                                       "Lost connection",
                                       "Can't connect",
                                       "gone away",
                                       "Communication link failure",
                                       "connection is bad",
                                       "terminating connection"};
  return std::any_of(std::begin(kSigns), std::end(kSigns),
                     [&](const char* sign) { return what.find(sign) != std::string::npos; });
}

Poco::Logger& his_log() { return Poco::Logger::get("hisx.his"); }

[[noreturn]] void statement_failed(const std::string& plugin, const std::string& statement,
                                   const std::exception& e) {
  if (dynamic_cast<const sdk::Problem*>(&e) != nullptr || sdk::is_retryable(e)) throw;
  const std::string what = e.what();
  his_log().error("HIS profile statement '%s' (plugin %s) failed: %s", statement, plugin, what);
  if (is_unreachable(what)) {
    throw sdk::Problem(503, "his-unavailable",
                       "Không kết nối được HIS (câu lệnh '" + statement +
                           "'); thử lại sau. The HIS cannot be reached (statement '" + statement +
                           "'); try again shortly.")
        .with("statement", statement);
  }
  throw sdk::Problem(502, "his-statement-failed",
                     "Câu lệnh HIS '" + statement +
                         "' bị lỗi; bộ phận CNTT xem nhật ký máy chủ. The HIS profile statement '" +
                         statement + "' failed; IT finds the database's message in the server log.")
      .with("statement", statement);
}

[[noreturn]] void value_failed(const std::string& plugin, const std::string& statement,
                               const ValueError& e) {
  his_log().error("HIS profile statement '%s' (plugin %s) returned a value hisx cannot use: %s",
                  statement, plugin, std::string(e.what()));
  throw sdk::Problem(502, "his-statement-failed",
                     "Câu lệnh HIS '" + statement +
                         "' trả về giá trị không hợp lệ; bộ phận CNTT xem nhật ký máy chủ. The HIS "
                         "profile statement '" +
                         statement + "' returned a value hisx cannot use: " + e.what())
      .with("statement", statement);
}

}  // namespace

std::vector<sdk::HisRow> shape_rows(const sdk::StatementSpec& spec, const HisResult& result,
                                    const HisConventions& conventions) {
  std::vector<std::string> names;
  std::vector<std::size_t> positions;
  for (const auto& column : spec.columns) {
    const auto it = std::find(result.columns.begin(), result.columns.end(), column.name);
    if (it == result.columns.end()) {
      throw ValueError("the SQL returns no column " + column.name + " (name it with AS)");
    }
    names.push_back(column.name);
    positions.push_back(static_cast<std::size_t>(it - result.columns.begin()));
  }
  std::vector<sdk::HisRow> rows;
  rows.reserve(result.rows.size());
  for (std::size_t r = 0; r < result.rows.size(); ++r) {
    std::vector<Poco::Dynamic::Var> values;
    values.reserve(names.size());
    for (std::size_t c = 0; c < names.size(); ++c) {
      try {
        values.push_back(
            read_column(spec.columns[c], result.rows[r].values()[positions[c]], conventions));
      } catch (const ValueError& e) {
        throw ValueError("column " + names[c] + " (row " + std::to_string(r + 1) + ") " + e.what());
      }
    }
    rows.emplace_back(names, std::move(values));
  }
  return rows;
}

std::optional<sdk::HisParams> bind_params(const sdk::StatementSpec& spec,
                                          const ProfileFile::Statement& statement,
                                          const sdk::HisParams& given,
                                          const HisConventions& conventions) {
  sdk::HisParams bound;
  for (const auto& name : statement.params) {
    const auto param = std::find_if(spec.params.begin(), spec.params.end(),
                                    [&](const sdk::StatementParam& p) { return p.name == name; });
    if (param == spec.params.end()) {
      throw std::invalid_argument("the SQL uses :" + name + ", which hisx does not bind");
    }
    const auto value = given.find(name);
    if (value == given.end()) throw std::invalid_argument("no value for parameter :" + name);
    auto v = bind_param(*param, value->second, contains(statement.integer_ids, name), conventions);
    if (!v) return std::nullopt;
    bound[name] = std::move(*v);
  }
  return bound;
}

struct PluginProfile::Ready {
  const DeclaredStatement* declared = nullptr;
  const ProfileFile::Statement* statement = nullptr;
  std::optional<sdk::HisParams> params;
};

PluginProfile::PluginProfile(std::string plugin, const ProfileFile& file,
                             std::vector<DeclaredStatement> declared)
    : plugin_(std::move(plugin)), file_(file) {
  for (auto& d : declared) {
    const std::string name = d.spec.name;
    declared_.emplace(name, std::move(d));
  }
}

PluginProfile::~PluginProfile() = default;

bool PluginProfile::has(const std::string& statement) const {
  return declared_.count(statement) > 0 && file_.has(statement);
}

PluginProfile::Ready PluginProfile::prepare(const std::string& statement, sdk::StatementKind kind,
                                            const sdk::HisParams& params) const {
  const auto it = declared_.find(statement);
  if (it == declared_.end()) {
    throw std::logic_error("plugin '" + plugin_ + "' ran HIS statement '" + statement +
                           "', which its manifest does not declare; add it to his_statements "
                           "or optional_his_statements");
  }
  if (it->second.spec.kind != kind) {
    throw std::logic_error(
        "HIS statement '" + statement + "' is a " +
        (kind == sdk::StatementKind::kQuery ? "command: use execute()" : "query: use query()"));
  }
  const ProfileFile::Statement* st = file_.find(statement);
  if (st == nullptr) {
    throw std::logic_error("plugin '" + plugin_ + "' ran the optional HIS statement '" + statement +
                           "', which the profile does not define; ask has() first");
  }
  try {
    return {&it->second, st, bind_params(it->second.spec, *st, params, file_.conventions())};
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument("HIS profile statement '" + statement + "': " + e.what());
  }
}

std::vector<sdk::HisRow> PluginProfile::query(soci::session& session, const std::string& statement,
                                              const sdk::HisParams& params) const {
  const Ready ready = prepare(statement, sdk::StatementKind::kQuery, params);
  if (!ready.params) return {};
  HisResult result;
  try {
    result =
        run_his_query(session, ready.statement->sql, ready.statement->bind_names, *ready.params);
  } catch (const std::exception& e) {
    statement_failed(plugin_, statement, e);
  }
  try {
    return shape_rows(ready.declared->spec, result, file_.conventions());
  } catch (const ValueError& e) {
    value_failed(plugin_, statement, e);
  }
}

long long PluginProfile::execute(soci::session& session, const std::string& statement,
                                 const sdk::HisParams& params) const {
  const Ready ready = prepare(statement, sdk::StatementKind::kCommand, params);
  if (!ready.params) return 0;
  try {
    return run_his_command(session, ready.statement->sql, ready.statement->bind_names,
                           *ready.params);
  } catch (const std::exception& e) {
    statement_failed(plugin_, statement, e);
  }
}

}  // namespace hisx::host
