#pragma once

#include <string>
#include <vector>

namespace hisx::sdk {

/// One forward-only schema step of a plugin, applied once to the `store` database and
/// recorded in `hisx_schema_migrations` with a checksum of its SQL. Changing the SQL of an
/// applied migration is refused at start-up: add a new migration instead.
struct Migration {
  int version = 0;             ///< 1, 2, 3, … in order, unique within the plugin.
  std::string name;            ///< Short description, e.g. "create bookings".
  std::string sql;             ///< Statements separated by ";" lines, portable SQL.
  std::string sql_postgresql;  ///< Replaces `sql` on PostgreSQL when not empty.
  std::string sql_mysql;       ///< Replaces `sql` on MySQL/MariaDB when not empty.
};

}  // namespace hisx::sdk
