#pragma once

#include <soci/soci.h>

#include <deque>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hisx::host::demo {

/// One value of a row; std::nullopt is SQL NULL.
using Cell = std::optional<std::variant<long long, std::string>>;

/// Buffers rows for one table and writes them as multi-row
/// `INSERT … VALUES (…), (…), …` statements with bound parameters. SOCI 4.0's vector binding
/// executes once per row on PostgreSQL (a network round trip each); one statement per ~100
/// rows keeps seeding fast on every backend.
class BulkInsert {
 public:
  /// `backend` chooses the placeholders: SQLite resolves named ones by a linear search
  /// each, which turns hundreds per statement quadratic, so it gets positional `?`.
  BulkInsert(soci::session& session, const std::string& backend, std::string table,
             std::vector<std::string> columns);
  /// Adds a row (one cell per column); writes a statement when enough rows are buffered.
  void add(std::vector<Cell> row);
  /// Writes the buffered rows.
  void flush();

 private:
  soci::session& session_;
  std::string table_;
  std::vector<std::string> columns_;
  bool positional_;
  std::size_t rows_per_statement_;
  std::vector<std::vector<Cell>> rows_;
};

}  // namespace hisx::host::demo
