#include "db/his_sql.h"

#include <Poco/Types.h>

#include <cctype>
#include <cstdio>
#include <deque>
#include <stdexcept>

#include "db/sql_text.h"

namespace hisx::host {

namespace {

// Values SOCI reads through `use` must outlive execute(); a NULL needs a variable and an
// indicator of its own.
struct Bound {
  std::deque<std::string> nulls;
  std::deque<soci::indicator> indicators;
};

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

void bind(soci::statement& st, const std::vector<std::string>& names, const sdk::HisParams& params,
          Bound& bound) {
  for (const auto& name : names) {
    const auto it = params.find(parameter_of(name));
    if (it == params.end()) throw std::invalid_argument("no value for parameter :" + name);
    std::visit(Overloaded{
                   [&](std::monostate) {
                     bound.nulls.emplace_back();
                     bound.indicators.push_back(soci::i_null);
                     st.exchange(soci::use(bound.nulls.back(), bound.indicators.back(), name));
                   },
                   [&](const long long& v) { st.exchange(soci::use(v, name)); },
                   [&](const double& v) { st.exchange(soci::use(v, name)); },
                   [&](const std::string& v) { st.exchange(soci::use(v, name)); },
               },
               it->second);
  }
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string iso_text(const std::tm& t) {
  char buf[80];  // Room for any int values, so GCC can prove no truncation.
  if (t.tm_hour == 0 && t.tm_min == 0 && t.tm_sec == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday);
  } else {
    // No zone: the profile's time convention says which (db/his_values.h).
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.tm_year + 1900, t.tm_mon + 1,
                  t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec);
  }
  return buf;
}

Poco::Dynamic::Var value_of(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return {};
  const auto& props = row.get_properties(i);
  switch (props.get_data_type()) {
    case soci::dt_string:
    case soci::dt_xml:
      return row.get<std::string>(i);
    case soci::dt_double:
      return row.get<double>(i);
    case soci::dt_integer:
      return static_cast<Poco::Int64>(row.get<int>(i));
    case soci::dt_long_long:
      return static_cast<Poco::Int64>(row.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return static_cast<Poco::Int64>(row.get<unsigned long long>(i));
    case soci::dt_date:
      return iso_text(row.get<std::tm>(i));
    case soci::dt_blob:
      break;
  }
  throw std::runtime_error("column '" + props.get_name() +
                           "' is binary, which profile statements cannot return; cast it to "
                           "text in the SQL");
}

}  // namespace

HisResult run_his_query(soci::session& session, const std::string& sql,
                        const std::vector<std::string>& names, const sdk::HisParams& params) {
  Bound bound;
  soci::row row;
  soci::statement st(session);
  st.exchange(soci::into(row));
  bind(st, names, params, bound);
  st.alloc();
  // One round trip on PostgreSQL (no separate server-side prepare).
  st.prepare(sql, soci::details::st_one_time_query);
  st.define_and_bind();

  HisResult result;
  bool got = st.execute(true);
  // The row is described on execute, with or without data.
  for (std::size_t i = 0; i < row.size(); ++i) {
    result.columns.push_back(lower(row.get_properties(i).get_name()));
  }
  for (; got; got = st.fetch()) {
    std::vector<Poco::Dynamic::Var> values;
    values.reserve(row.size());
    for (std::size_t i = 0; i < row.size(); ++i) values.push_back(value_of(row, i));
    result.rows.emplace_back(result.columns, std::move(values));
  }
  return result;
}

long long run_his_command(soci::session& session, const std::string& sql,
                          const std::vector<std::string>& names, const sdk::HisParams& params) {
  Bound bound;
  soci::statement st(session);
  bind(st, names, params, bound);
  st.alloc();
  st.prepare(sql, soci::details::st_one_time_query);
  st.define_and_bind();
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace hisx::host
