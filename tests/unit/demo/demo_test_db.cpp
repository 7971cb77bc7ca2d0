#include "demo_test_db.h"

#include <soci/mysql/soci-mysql.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdio>
#include <stdexcept>

namespace hisx::test {

DemoDb::DemoDb(std::string backend) : backend_(std::move(backend)) {
  if (backend_ == "sqlite3") {
    dir_ = std::make_unique<TempDir>();
    conninfo_ = "db=" + (dir_->path() / "his.db").string();
    session_ = std::make_unique<soci::session>(*soci::factory_sqlite3(), conninfo_);
  } else if (backend_ == "postgresql") {
    server_db_ = std::make_unique<PgDatabase>();
    conninfo_ = server_db_->conninfo();
    session_ = std::make_unique<soci::session>(*soci::factory_postgresql(), conninfo_);
  } else if (backend_ == "mysql") {
    server_db_ = std::make_unique<MariaDatabase>();
    conninfo_ = server_db_->conninfo();
    session_ = std::make_unique<soci::session>(*soci::factory_mysql(), conninfo_);
    *session_ << "SET time_zone = '+00:00'";  // As the host sets it.
  } else {
    throw std::invalid_argument("unknown test backend " + backend_);
  }
}

long long scalar(soci::session& session, const std::string& sql) {
  long long value = 0;
  soci::indicator ind = soci::i_ok;
  session << sql, soci::into(value, ind);
  return ind == soci::i_null ? 0 : value;
}

std::size_t QueryResult::index(const std::string& column) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == column) return i;
  }
  throw std::out_of_range("result has no column '" + column + "'");
}

const std::optional<std::string>& QueryResult::at(std::size_t r, const std::string& column) const {
  return rows.at(r).at(index(column));
}

namespace {

std::optional<std::string> cell(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return std::nullopt;
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
      return row.get<std::string>(i);
    case soci::dt_integer:
      return std::to_string(row.get<int>(i));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return std::to_string(row.get<unsigned long long>(i));
    case soci::dt_double:
      return std::to_string(row.get<double>(i));
    case soci::dt_date: {
      const std::tm t = row.get<std::tm>(i);
      char buf[80];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", t.tm_year + 1900,
                    t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec);
      return std::string(buf);
    }
    default:
      throw std::runtime_error("unexpected column type in " + row.get_properties(i).get_name());
  }
}

// Binds every parameter by name onto a prepared statement.
soci::details::prepare_temp_type bind_all(soci::session& session, const std::string& sql,
                                          Params& params) {
  soci::details::prepare_temp_type prep = (session.prepare << sql);
  for (auto& [name, value] : params) {
    if (auto* i = std::get_if<long long>(&value)) {
      prep, soci::use(*i, name);
    } else {
      prep, soci::use(std::get<std::string>(value), name);
    }
  }
  return prep;
}

}  // namespace

QueryResult run_query(soci::session& session, const std::string& sql, Params params) {
  QueryResult out;
  soci::rowset<soci::row> rows(bind_all(session, sql, params));
  for (const auto& row : rows) {
    if (out.columns.empty()) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        out.columns.push_back(row.get_properties(i).get_name());
        out.types.push_back(row.get_properties(i).get_data_type());
      }
    }
    std::vector<std::optional<std::string>> cells;
    for (std::size_t i = 0; i < row.size(); ++i) cells.push_back(cell(row, i));
    out.rows.push_back(std::move(cells));
  }
  return out;
}

long long run_command(soci::session& session, const std::string& sql, Params params) {
  soci::statement st(bind_all(session, sql, params));
  st.execute(true);
  return st.get_affected_rows();
}

std::vector<std::string> dump(soci::session& session, const std::string& sql) {
  std::vector<std::string> lines;
  for (const auto& r : run_query(session, sql).rows) {
    std::string line;
    for (const auto& c : r) line += (line.empty() ? "" : "|") + c.value_or("∅");
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace hisx::test
