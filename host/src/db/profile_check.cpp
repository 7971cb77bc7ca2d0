#include "db/profile_check.h"

#include <soci/odbc/soci-odbc.h>
#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <optional>

#include "db/his_sql.h"
#include "db/plugin_profile.h"

namespace hisx::host {

namespace {

std::string joined(const std::vector<std::string>& items, const std::string& prefix = "") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + prefix + item;
  return out;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::string param_list(const sdk::StatementSpec& spec) {
  std::vector<std::string> names;
  for (const auto& p : spec.params) names.push_back(p.name);
  return names.empty() ? std::string("no parameters") : joined(names, ":");
}

// The spec's parameters as the check binds them: `texts` (a spec's sample or probe) where
// given, else a harmless value of each type, then through the profile's bindings.
std::optional<sdk::HisParams> check_params(const sdk::StatementSpec& spec,
                                           const ProfileFile::Statement& st,
                                           const HisConventions& conventions,
                                           const std::map<std::string, std::string>& texts) {
  sdk::HisParams given;
  for (const auto& p : spec.params) {
    const auto it = texts.find(p.name);
    given[p.name] = sample_value(p, it == texts.end() ? nullptr : &it->second);
  }
  return bind_params(spec, st, given, conventions);
}

void check_query(soci::session& s, const ProfileFile& profile, const ProfileFile::Statement& st,
                 const sdk::StatementSpec& spec, std::vector<std::string>& problems) {
  const std::string& backend = profile.backend();
  HisConventions conventions = profile.conventions();
  conventions.strict_codes = true;
  const auto params = check_params(spec, st, conventions, {});
  if (!params) return;
  std::string sql = st.sql;
  // Wrapped, the query returns no rows whatever the data. SQL Server refuses ORDER BY in a
  // derived table, so through ODBC the query runs as written and only its first row is read.
  if (backend != "odbc") sql = "SELECT * FROM (\n" + st.sql + "\n) hisx_check WHERE 1 = 0";
  const HisResult result = run_his_query(s, sql, st.bind_names, *params);
  std::vector<std::string> missing;
  for (const auto& column : spec.columns) {
    if (!contains(result.columns, column.name)) missing.push_back(column.name);
  }
  if (!missing.empty()) {
    problems.push_back(std::string(missing.size() == 1 ? "missing column " : "missing columns ") +
                       joined(missing) + "; the SQL returns: " +
                       (result.columns.empty() ? "no columns" : joined(result.columns)) +
                       " (name them with AS)");
    return;
  }

  // One sample row shows whether the values fit their types and vocabularies.
  // Through ODBC the SQL runs as written, so a sample over a period (all visits) is skipped.
  const bool bounded = spec.params.empty() || spec.sample.count("limit") > 0;
  if (spec.params.empty() || (!spec.sample.empty() && (backend != "odbc" || bounded))) {
    const auto sample = check_params(spec, st, conventions, spec.sample);
    // One row is enough, and the database may stop there (through ODBC, as written).
    const std::string one =
        backend == "odbc" ? st.sql : "SELECT * FROM (\n" + st.sql + "\n) hisx_sample LIMIT 1";
    HisResult rows = run_his_query(s, one, st.bind_names, *sample);
    if (rows.rows.size() > 1) rows.rows.erase(rows.rows.begin() + 1, rows.rows.end());
    try {
      shape_rows(spec, rows, conventions);
    } catch (const ValueError& e) {
      problems.push_back(std::string("on a sample row, ") + e.what());
    }
  }

  // A search for a text nothing matches must find nothing.
  if (!spec.probe.empty()) {
    const auto probe = check_params(spec, st, conventions, spec.probe);
    const HisResult rows = run_his_query(s, st.sql, st.bind_names, *probe);
    if (!rows.rows.empty()) {
      std::string with;
      for (const auto& [name, value] : spec.probe) {
        with += (with.empty() ? ":" : ", :") + name + " = '" + value + "'";
      }
      problems.push_back(
          "returned " + std::to_string(rows.rows.size()) + " row(s) for " + with +
          ", which should match nothing: the condition matches every row" +
          (backend == "mysql"
               ? "; on MySQL and MariaDB `||` means OR, not concatenation: write "
                 "CONCAT('%', :q, '%')"
               : "; check the WHERE clause (concatenation, LIKE patterns, OR precedence)"));
    }
  }
}

// Asks the ODBC driver for the result's columns (SQLNumResultCols), which makes a driver that
// put off preparing prepare on the server now; a refusal carries the driver's own message,
// which SOCI leaves out there.
void describe_through_odbc(soci::statement& prepared) {
  auto* backend = static_cast<soci::odbc_statement_backend*>(prepared.get_backend());
  try {
    backend->prepare_for_describe();
  } catch (const soci::soci_error& e) {
    SQLCHAR state[SQL_SQLSTATE_SIZE + 1] = {};
    SQLCHAR message[SQL_MAX_MESSAGE_LENGTH + 1] = {};
    SQLINTEGER native = 0;
    SQLSMALLINT length = 0;
    std::string detail;
    if (SQLGetDiagRec(SQL_HANDLE_STMT, backend->hstmt_, 1, state, &native, message, sizeof message,
                      &length) == SQL_SUCCESS) {
      detail = std::string(": ") + reinterpret_cast<const char*>(message);
    }
    throw std::runtime_error(e.what() + detail);
  }
}

// Commands are checked without changing HIS data: SQLite and PostgreSQL prepare them on the
// server, which resolves every table, column and type; MySQL and MariaDB explain them (EXPLAIN
// INSERT/UPDATE/DELETE plans without running); through ODBC they are prepared and described.
// Nothing is ever executed, so a table that cannot roll back (MyISAM) is safe too.
void check_command(soci::session& s, const ProfileFile& profile, const ProfileFile::Statement& st,
                   const sdk::StatementSpec& spec) {
  soci::transaction tx(s);
  if (profile.backend() == "mysql") {
    const auto params = check_params(spec, st, profile.conventions(), {});
    if (params) run_his_query(s, "EXPLAIN " + st.sql, st.bind_names, *params);
  } else {
    soci::statement prepared(s);
    prepared.alloc();
    prepared.prepare(st.sql);
    // An ODBC driver may put off preparing until the first run; asking for the result's
    // columns (SQLNumResultCols) makes it prepare on the server now.
    if (profile.backend() == "odbc") describe_through_odbc(prepared);
  }
  tx.rollback();
}

void check_bindings(const ProfileFile& profile, const ProfileFile::Statement& st,
                    const sdk::StatementSpec& spec, std::vector<std::string>& problems) {
  for (const auto& p : st.params) {
    if (std::none_of(spec.params.begin(), spec.params.end(),
                     [&](const sdk::StatementParam& d) { return d.name == p; })) {
      problems.push_back("uses parameter :" + p + ", which hisx does not bind (it binds " +
                         param_list(spec) + ")");
    }
  }
  for (const auto& p : st.integer_ids) {
    const auto d = std::find_if(spec.params.begin(), spec.params.end(),
                                [&](const sdk::StatementParam& d) { return d.name == p; });
    if (d != spec.params.end() && d->type != sdk::ValueType::kId) {
      problems.push_back("params." + p + ": only id parameters take `integer`; :" + p + " is " +
                         std::string(to_string(d->type)) + "; remove it from " +
                         profile.file().filename().string());
    }
  }
}

}  // namespace

std::vector<ProfileIssue> check_profile(const ProfileFile& profile, sdk::Database& his,
                                        const std::vector<DeclaredStatement>& statements) {
  // A statement one plugin needs and another uses when present is needed.
  std::vector<DeclaredStatement> unique;
  for (const auto& d : statements) {
    auto it = std::find_if(unique.begin(), unique.end(),
                           [&](const DeclaredStatement& u) { return u.spec.name == d.spec.name; });
    if (it == unique.end()) {
      unique.push_back(d);
    } else {
      it->required = it->required || d.required;
      // Name the plugins that need it (those that only use it when present come after).
      for (const auto& plugin : d.plugins) {
        if (std::find(it->plugins.begin(), it->plugins.end(), plugin) == it->plugins.end()) {
          if (d.required) {
            it->plugins.insert(it->plugins.begin(), plugin);
          } else {
            it->plugins.push_back(plugin);
          }
        }
      }
    }
  }

  std::vector<ProfileIssue> issues;
  for (const auto& d : unique) {
    const std::string& name = d.spec.name;
    const ProfileFile::Statement* st = profile.find(name);
    if (st == nullptr) {
      if (d.required) {
        std::string anchor;
        for (char c : name) {
          if (c != '.') anchor += c;
        }
        std::string needed_by;
        for (const auto& plugin : d.plugins) needed_by += (needed_by.empty() ? "" : ", ") + plugin;
        issues.push_back(
            {name, "not defined in " + profile.file().string() +
                       (d.plugins.empty()       ? ""
                        : d.plugins.size() == 1 ? " (the plugin " + needed_by + " needs it)"
                                                : " (the plugins " + needed_by + " need it)") +
                       "; add it under statements: (docs/his-profile.md#" + anchor +
                       " gives its parameters and columns)"});
      }
      continue;
    }
    std::vector<std::string> problems;
    check_bindings(profile, *st, d.spec, problems);
    if (problems.empty()) {
      try {
        const auto s_lease = his.session();
        soci::session& s = *s_lease;
        if (d.spec.kind == sdk::StatementKind::kQuery) {
          check_query(s, profile, *st, d.spec, problems);
        } else {
          check_command(s, profile, *st, d.spec);
        }
      } catch (const std::exception& e) {
        std::string problem = std::string("the database refused the SQL: ") + e.what();

        if (problem.find("Unknown data type") != std::string::npos) {
          problem +=
              "; a column that is a bare NULL has no type on MySQL and MariaDB: write "
              "CAST(NULL AS CHAR) AS <column>";
        }
        problems.push_back(problem);
      }
    }
    for (const auto& p : problems) issues.push_back({name, p});
  }
  return issues;
}

std::string format_issues(const std::filesystem::path& file,
                          const std::vector<ProfileIssue>& issues) {
  if (issues.empty()) return "";
  const std::string count = std::to_string(issues.size());
  std::string out = "Hồ sơ HIS " + file.string() + " không khớp với cơ sở dữ liệu HIS (" + count +
                    " lỗi).\nThe HIS profile " + file.string() +
                    " does not fit the HIS database (" + count +
                    (issues.size() == 1 ? " problem" : " problems") + "):\n";
  for (const auto& issue : issues) {
    std::string problem = issue.problem;
    // Database messages span lines (PostgreSQL points at the SQL); keep them under the item.
    while (!problem.empty() && problem.back() == '\n') problem.pop_back();
    for (auto pos = problem.find('\n'); pos != std::string::npos;
         pos = problem.find('\n', pos + 1)) {
      problem.insert(pos + 1, "      ");
    }
    out += "  - " + issue.statement + ": " + problem + "\n";
  }
  out +=
      "Sửa các câu lệnh trên trong hồ sơ (xem docs/his-profile.md) rồi khởi động lại.\n"
      "Fix these statements in the profile (see docs/his-profile.md) and start again; "
      "`hisx profile check` repeats this check.\n";
  return out;
}

}  // namespace hisx::host
