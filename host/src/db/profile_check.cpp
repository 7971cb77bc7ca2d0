#include "db/profile_check.h"

#include <soci/mysql/soci-mysql.h>
#include <soci/odbc/soci-odbc.h>
#include <soci/soci.h>

#include <algorithm>

#include "db/his_sql.h"
#include "hisx/his_statements.h"

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

// Binding NULL to every parameter of a command usually violates a NOT NULL or foreign key
// constraint; reaching that check means the SQL itself is valid.
bool is_constraint_violation(const soci::soci_error& e) {
  if (const auto* my = dynamic_cast<const soci::mysql_soci_error*>(&e)) {
    // Column cannot be null, FK fails, duplicate entry, field has no default, check fails.
    const unsigned n = my->err_num_;
    return n == 1048 || n == 1452 || n == 1062 || n == 1364 || n == 3819;
  }
  if (const auto* odbc = dynamic_cast<const soci::odbc_soci_error*>(&e)) {
    return std::string(reinterpret_cast<const char*>(odbc->odbc_error_code())).rfind("23", 0) == 0;
  }
  return false;
}

void check_query(soci::session& s, const std::string& backend, const ProfileFile::Statement& st,
                 const sdk::StatementSpec& spec, std::vector<std::string>& problems) {
  std::string sql = st.sql;
  // Wrapped, the query returns no rows whatever the data. SQL Server refuses ORDER BY in a
  // derived table, so through ODBC the query runs as written and only its first row is read.
  if (backend != "odbc") sql = "SELECT * FROM (\n" + st.sql + "\n) hisx_check WHERE 1 = 0";
  const HisResult result = run_his_query(s, sql, st.params, sample_params(st.params));
  std::vector<std::string> missing;
  for (const auto& column : spec.columns) {
    if (!contains(result.columns, column)) missing.push_back(column);
  }
  if (!missing.empty()) {
    problems.push_back(std::string(missing.size() == 1 ? "missing column " : "missing columns ") +
                       joined(missing) + "; the SQL returns: " +
                       (result.columns.empty() ? "no columns" : joined(result.columns)) +
                       " (name them with AS)");
  }
}

void check_command(soci::session& s, const std::string& backend, const ProfileFile::Statement& st) {
  soci::transaction tx(s);
  if (backend == "sqlite3" || backend == "postgresql") {
    // Both prepare on the server, which resolves every table, column and type without
    // running the statement.
    soci::statement prepared(s);
    prepared.alloc();
    prepared.prepare(st.sql);
  } else {
    try {
      run_his_command(s, st.sql, st.params, null_params(st.params));
    } catch (const soci::soci_error& e) {
      if (!is_constraint_violation(e)) throw;
    }
  }
  tx.rollback();
}

}  // namespace

std::vector<ProfileIssue> check_profile(const ProfileFile& profile, sdk::Database& his,
                                        const std::vector<std::string>& statements) {
  std::vector<ProfileIssue> issues;
  std::vector<std::string> seen;
  for (const auto& name : statements) {
    if (contains(seen, name)) continue;
    seen.push_back(name);
    auto issue = [&](const std::string& problem) { issues.push_back({name, problem}); };

    const sdk::StatementSpec* spec = sdk::find_statement(name);
    if (spec == nullptr) {
      issue(
          "unknown statement: not in the hisx SDK catalogue (hisx/his_statements.h); check "
          "the name in the plugin's manifest");
      continue;
    }
    const ProfileFile::Statement* st = profile.find(name);
    if (st == nullptr) {
      issue("not defined in " + profile.file().string());
      continue;
    }
    for (const auto& p : st->params) {
      if (!contains(spec->params, p)) {
        issue("uses parameter :" + p + ", which hisx does not bind (it binds " +
              (spec->params.empty() ? std::string("no parameters") : joined(spec->params, ":")) +
              ")");
      }
    }

    std::vector<std::string> problems;
    try {
      const auto s_lease = his.session();
      soci::session& s = *s_lease;
      if (spec->kind == sdk::StatementKind::kQuery) {
        check_query(s, profile.backend(), *st, *spec, problems);
      } else {
        check_command(s, profile.backend(), *st);
      }
    } catch (const std::exception& e) {
      problems.push_back(std::string("the database refused the SQL: ") + e.what());
    }
    for (const auto& p : problems) issue(p);
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
