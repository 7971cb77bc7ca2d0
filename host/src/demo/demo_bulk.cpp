#include "demo/demo_bulk.h"

#include <algorithm>
#include <stdexcept>

namespace hisx::host::demo {

namespace {
// Stays under SQLite's historical limit of 999 parameters per statement.
constexpr std::size_t kMaxParameters = 900;
}  // namespace

BulkInsert::BulkInsert(soci::session& session, const std::string& backend, std::string table,
                       std::vector<std::string> columns)
    : session_(session),
      table_(std::move(table)),
      columns_(std::move(columns)),
      positional_(backend == "sqlite3"),
      rows_per_statement_(std::max<std::size_t>(1, kMaxParameters / columns_.size())) {}

void BulkInsert::add(std::vector<Cell> row) {
  if (row.size() != columns_.size()) {
    throw std::logic_error("BulkInsert into " + table_ + ": row has " + std::to_string(row.size()) +
                           " cells for " + std::to_string(columns_.size()) + " columns");
  }
  rows_.push_back(std::move(row));
  if (rows_.size() >= rows_per_statement_) flush();
}

void BulkInsert::flush() {
  if (rows_.empty()) return;
  std::string sql = "INSERT INTO " + table_ + " (";
  for (std::size_t c = 0; c < columns_.size(); ++c) sql += (c ? ", " : "") + columns_[c];
  sql += ") VALUES ";
  std::size_t n = 0;
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    sql += r ? ", (" : "(";
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (c) sql += ", ";
      sql += positional_ ? "?" : ":v" + std::to_string(n++);
    }
    sql += ")";
  }

  // Bound values must stay where they are until the statement ran: deques do not move
  // their elements when they grow.
  std::deque<long long> integers;
  std::deque<std::string> texts;
  std::deque<soci::indicator> indicators;
  soci::details::prepare_temp_type prep = (session_.prepare << sql);
  for (const auto& row : rows_) {
    for (const auto& cell : row) {
      indicators.push_back(cell ? soci::i_ok : soci::i_null);
      if (cell && std::holds_alternative<long long>(*cell)) {
        integers.push_back(std::get<long long>(*cell));
        prep, soci::use(integers.back(), indicators.back());
      } else {
        texts.push_back(cell ? std::get<std::string>(*cell) : std::string{});
        prep, soci::use(texts.back(), indicators.back());
      }
    }
  }
  soci::statement st(prep);
  st.execute(true);
  rows_.clear();
}

}  // namespace hisx::host::demo
