#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "config/config.h"
#include "db/database_pool.h"
#include "support/pg.h"
#include "support/temp_dir.h"

namespace hisx::test {

/// A fresh database of one backend ("sqlite3": a file in a temp folder; "postgresql": a
/// database in the test cluster) and the host configuration that reaches it.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend, int pool_size = 2);
  /// The configuration for this database under `key`.
  host::DatabaseConfig config(const std::string& key = "database.store") const;
  /// A new pool on this database.
  std::shared_ptr<host::DatabasePool> open(int pool_size = 0) const;
  const TempDir& dir() const { return dir_; }

 private:
  std::string backend_;
  int pool_size_;
  TempDir dir_;
  std::unique_ptr<PgDatabase> pg_;
};

/// Creates a small HIS of our own in `db`: his_patient (2 rows), his_department (2 rows),
/// his_doctor, his_visit (empty). Not the demo HIS: only what these tests need.
void create_his_tables(host::DatabasePool& db);

/// A profile for the tables of create_his_tables() that fits them.
extern const char* const kTestProfile;

/// Writes `text` to `dir/name` and returns the path.
std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name,
                                 const std::string& text);

/// True when `db` has a table called `table`.
bool table_exists(host::DatabasePool& db, const std::string& table);

}  // namespace hisx::test
