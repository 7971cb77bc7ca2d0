#include "db/his_profile_file.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <stdexcept>

#include "config/config.h"
#include "db/his_sql.h"
#include "db/sql_text.h"
#include "hisx/his_statements.h"

namespace hisx::host {

ProfileFile::ProfileFile(std::filesystem::path file, std::string name, std::string description,
                         std::string backend, std::map<std::string, Statement> statements,
                         HisConventions conventions)
    : file_(std::move(file)),
      name_(std::move(name)),
      description_(std::move(description)),
      backend_(std::move(backend)),
      statements_(std::move(statements)),
      conventions_(std::move(conventions)) {}

ProfileFile::~ProfileFile() = default;

bool ProfileFile::has(const std::string& statement) const {
  return statements_.count(statement) > 0;
}

const ProfileFile::Statement* ProfileFile::find(const std::string& statement) const {
  const auto it = statements_.find(statement);
  return it == statements_.end() ? nullptr : &it->second;
}

std::vector<std::string> ProfileFile::statement_names() const {
  std::vector<std::string> names;
  for (const auto& [name, _] : statements_) names.push_back(name);
  return names;
}

const ProfileFile::Statement& ProfileFile::require(const std::string& statement,
                                                   const sdk::HisParams& params) const {
  const Statement* st = find(statement);
  if (st == nullptr) {
    throw std::out_of_range("HIS profile '" + name_ + "' (" + file_.string() +
                            ") has no statement '" + statement + "'");
  }
  std::string missing;
  for (const auto& p : st->params) {
    if (params.count(p) == 0) missing += (missing.empty() ? ":" : ", :") + p;
  }
  if (!missing.empty()) {
    throw std::invalid_argument("HIS profile statement '" + statement + "' needs a value for " +
                                missing);
  }
  return *st;
}

namespace {

// Database errors keep their type (with_transaction retries on their text) and gain the
// statement's name.
[[noreturn]] void rethrow_named(const std::string& statement, const soci::soci_error& e) {
  throw soci::soci_error("HIS profile statement '" + statement + "': " + e.what());
}

}  // namespace

std::vector<sdk::HisRow> ProfileFile::query(soci::session& session, const std::string& statement,
                                            const sdk::HisParams& params) const {
  const Statement& st = require(statement, params);
  try {
    return run_his_query(session, st.sql, st.bind_names, params).rows;
  } catch (const soci::soci_error& e) {
    rethrow_named(statement, e);
  }
}

long long ProfileFile::execute(soci::session& session, const std::string& statement,
                               const sdk::HisParams& params) const {
  const Statement& st = require(statement, params);
  try {
    return run_his_command(session, st.sql, st.bind_names, params);
  } catch (const soci::soci_error& e) {
    rethrow_named(statement, e);
  }
}

namespace {

constexpr const char* kSqlKeys[] = {"sql", "sql_sqlite3", "sql_postgresql", "sql_mysql",
                                    "sql_odbc"};

std::string at_line(const YAML::Node& node) {
  const auto mark = node.Mark();
  if (mark.line < 0) return "";
  return " (line " + std::to_string(mark.line + 1) + ")";
}

class ProfileReader {
 public:
  ProfileReader(std::filesystem::path file, std::string backend)
      : file_(std::move(file)), backend_(std::move(backend)) {}

  std::unique_ptr<ProfileFile> read() {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file_, ec)) {
      fail("his_profile",
           "the HIS profile file does not exist or is not a file; point "
           "his_profile at a profile such as config/his-profiles/demo.yaml");
    }
    YAML::Node root;
    try {
      root = YAML::LoadFile(file_.string());
    } catch (const YAML::ParserException& e) {
      fail("", "not valid YAML at line " + std::to_string(e.mark.line + 1) + ", column " +
                   std::to_string(e.mark.column + 1) + ": " + e.msg + "; fix the syntax");
    } catch (const YAML::Exception& e) {
      fail("", std::string("cannot be read: ") + e.what());
    }
    if (!root.IsMap()) {
      fail("", "the file must be a mapping with the keys profile, description and statements");
    }

    for (const auto& kv : root) {
      const auto key = kv.first.as<std::string>();
      if (key != "profile" && key != "description" && key != "statements" && key != "time" &&
          key != "values") {
        fail(key, "unknown key" + at_line(kv.first) +
                      "; a profile has only profile, description, time, values and statements");
      }
    }
    const std::string name = scalar(root["profile"], "profile", true,
                                    "give the profile a name, e.g. `profile: my-hospital`");
    const std::string description = scalar(root["description"], "description", false, "");
    HisConventions conventions;
    const std::string time = scalar(root["time"], "time", false, "");
    if (time == "local") {
      conventions.local_time = true;
    } else if (!time.empty() && time != "utc") {
      fail("time", "is '" + time + "'" + at_line(root["time"]) +
                       "; write `time: utc` when the HIS stores UTC, `time: local` when it "
                       "stores the hospital's wall-clock time");
    }
    conventions.value_maps = read_values(root["values"]);

    const YAML::Node statements = root["statements"];
    if (!statements || statements.IsNull()) {
      fail("statements", "missing; list the profile's statements under `statements:`");
    }
    if (!statements.IsMap()) {
      fail("statements", "must be a mapping of statement names (e.g. patient.get) to their SQL" +
                             at_line(statements));
    }
    std::map<std::string, ProfileFile::Statement> parsed;
    for (const auto& kv : statements) {
      const auto statement = kv.first.as<std::string>();
      parsed[statement] = read_statement(statement, kv.second);
    }
    return std::make_unique<ProfileFile>(file_, name, description, backend_, std::move(parsed),
                                         std::move(conventions));
  }

 private:
  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    throw ConfigError(file_.string(), key, problem);
  }

  std::string scalar(const YAML::Node& node, const std::string& key, bool required,
                     const std::string& fix) const {
    if (!node || node.IsNull()) {
      if (required) fail(key, "missing; " + fix);
      return "";
    }
    if (!node.IsScalar()) fail(key, "must be text" + at_line(node));
    return node.as<std::string>();
  }

  // `values: {gender: {map: {M: male, F: female}}}`: per vocabulary, the HIS's code → hisx's.
  std::map<std::string, std::map<std::string, std::string>> read_values(const YAML::Node& node) {
    std::map<std::string, std::map<std::string, std::string>> maps;
    if (!node || node.IsNull()) return maps;
    if (!node.IsMap()) {
      fail("values", "must map vocabulary names to `{map: {HIS code: value}}`" + at_line(node));
    }
    for (const auto& kv : node) {
      const auto name = kv.first.as<std::string>();
      const std::string key = "values." + name;
      const sdk::Vocabulary* vocabulary = sdk::find_vocabulary(name);
      if (vocabulary == nullptr) {
        std::string known;
        for (const auto& v : sdk::standard_vocabularies())
          known += (known.empty() ? "" : ", ") + v.name;
        fail(key, "is no vocabulary hisx knows" + at_line(kv.first) + "; use one of " + known);
      }
      const YAML::Node map = kv.second["map"];
      if (!kv.second.IsMap() || kv.second.size() != 1 || !map || !map.IsMap()) {
        fail(key, "must be `{map: {HIS code: value}}`" + at_line(kv.second));
      }
      auto& codes = maps[name];
      for (const auto& entry : map) {
        const auto code = entry.first.as<std::string>();
        if (!entry.second.IsScalar())
          fail(key + ".map." + code, "must be one value" + at_line(entry.second));
        const auto value = entry.second.as<std::string>();
        if (std::find(vocabulary->values.begin(), vocabulary->values.end(), value) ==
            vocabulary->values.end()) {
          std::string allowed;
          for (const auto& v : vocabulary->values) allowed += (allowed.empty() ? "" : ", ") + v;
          fail(key + ".map." + code, "maps onto '" + value + "'" + at_line(entry.second) +
                                         ", which is not one of " + allowed);
        }
        codes[code] = value;
      }
    }
    return maps;
  }

  // `params: {id: integer}`: id parameters the HIS compares with whole-number columns.
  std::vector<std::string> read_param_types(const std::string& key, const YAML::Node& node) {
    std::vector<std::string> integers;
    if (!node || node.IsNull()) return integers;
    if (!node.IsMap()) fail(key, "must map parameter names to integer or text" + at_line(node));
    for (const auto& kv : node) {
      const auto param = kv.first.as<std::string>();
      const std::string type = kv.second.IsScalar() ? kv.second.as<std::string>() : "";
      if (type == "integer") {
        integers.push_back(param);
      } else if (type != "text") {
        fail(key + "." + param, "must be integer or text" + at_line(kv.second) +
                                    ": how the HIS's column compares with this id");
      }
    }
    return integers;
  }

  ProfileFile::Statement read_statement(const std::string& statement, const YAML::Node& node) {
    const std::string key = "statements." + statement;
    if (!node.IsMap()) {
      fail(key, "must be a mapping with `sql:` (and optional backend variants)" + at_line(node));
    }
    for (const auto& kv : node) {
      const auto sub = kv.first.as<std::string>();
      const bool known =
          sub == "description" || sub == "params" ||
          std::find(std::begin(kSqlKeys), std::end(kSqlKeys), sub) != std::end(kSqlKeys);
      if (!known) {
        fail(key + "." + sub, "unknown key" + at_line(kv.first) +
                                  "; use sql, sql_sqlite3, sql_postgresql, sql_mysql, sql_odbc, "
                                  "params or description");
      }
    }
    std::string chosen = "sql";
    if (node["sql_" + backend_]) chosen = "sql_" + backend_;
    // Every variant is validated, so that a mistake in another backend's SQL shows now and
    // not when the hospital moves to that backend.
    std::string sql;
    for (const char* variant : kSqlKeys) {
      const YAML::Node v = node[variant];
      if (!v && std::string(variant) != "sql") continue;
      const std::string text = statement_sql(key + "." + variant, v);
      if (chosen == variant) sql = text;
    }
    ProfileFile::Statement parsed{sql, sql_parameters(sql)};
    // SOCI's ODBC backend binds a name at its first use only: each use gets a name of its own.
    if (backend_ == "odbc") parsed.sql = with_distinct_parameters(sql);
    parsed.bind_names = sql_parameters(parsed.sql);
    parsed.integer_ids = read_param_types(key + ".params", node["params"]);
    for (const auto& p : parsed.integer_ids) {
      if (std::find(parsed.params.begin(), parsed.params.end(), p) == parsed.params.end()) {
        fail(key + ".params." + p, "names :" + p + ", which the SQL does not use");
      }
    }
    return parsed;
  }

  // The single SQL statement in `node`, without a trailing ';'.
  std::string statement_sql(const std::string& key, const YAML::Node& node) const {
    if (!node || node.IsNull()) {
      fail(key, "missing; write the statement's SQL, e.g. `sql: SELECT … WHERE id = :id`");
    }
    if (!node.IsScalar()) fail(key, "must be SQL text" + at_line(node));
    const auto parts = split_sql_statements(node.as<std::string>());
    if (parts.empty()) fail(key, "is empty" + at_line(node) + "; write the statement's SQL");
    if (parts.size() > 1) {
      fail(key, "holds " + std::to_string(parts.size()) + " SQL statements" + at_line(node) +
                    "; a profile statement is exactly one");
    }
    return parts.front();
  }

  std::filesystem::path file_;
  std::string backend_;
};

}  // namespace

std::unique_ptr<ProfileFile> load_profile(const std::filesystem::path& file,
                                          const std::string& backend) {
  return ProfileReader(file, backend).read();
}

}  // namespace hisx::host
