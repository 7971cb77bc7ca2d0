#include "support/his_b.h"

#include <soci/mysql/soci-mysql.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "support/mariadb.h"
#include "support/pg.h"

namespace hisx::test {

namespace {

std::filesystem::path source_dir() {
  const char* src = std::getenv("HISX_SOURCE_DIR");
  if (src == nullptr) throw std::runtime_error("HISX_SOURCE_DIR is not set: run through ctest");
  return src;
}

// The statements of a data file: one per `;` at a line's end (the files hold no other).
std::vector<std::string> statements_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::vector<std::string> out;
  std::string line;
  std::string current;
  while (std::getline(in, line)) {
    current += line + "\n";
    if (!line.empty() && line.back() == ';') {
      current.erase(current.find_last_of(';'));
      out.push_back(current);
      current.clear();
    }
  }
  return out;
}

void create_and_seed(soci::session& s, const std::string& backend) {
  const auto data = source_dir() / "tests/data/his-b";
  for (const auto& sql : statements_of(data / ("schema." + backend + ".sql"))) s << sql;
  for (const auto& sql : statements_of(data / "seed.sql")) s << sql;
}

}  // namespace

HisB make_his_b(const std::string& backend, const std::filesystem::path& dir) {
  HisB his;
  const auto profiles = source_dir() / "config/his-profiles";
  if (backend == "sqlite3") {
    his.backend = "sqlite3";
    his.conninfo = "db=" + (dir / "his-b.db").string();
    his.profile = profiles / "example-sqlite.yaml";
    soci::session s(*soci::factory_sqlite3(), his.conninfo);
    create_and_seed(s, his.backend);
  } else if (backend == "postgresql") {
    his.backend = "postgresql";
    his.database = std::make_shared<PgDatabase>();
    his.conninfo = his.database->conninfo();
    his.profile = profiles / "example-postgresql.yaml";
    soci::session s(*soci::factory_postgresql(), his.conninfo);
    create_and_seed(s, his.backend);
  } else if (backend == "mariadb") {
    his.backend = "mysql";
    his.database = std::make_shared<MariaDatabase>();
    his.conninfo = his.database->conninfo();
    his.profile = profiles / "example-mariadb.yaml";
    soci::session s(*soci::factory_mysql(), his.conninfo);
    create_and_seed(s, his.backend);
    his.overrides = {"database.store.backend=sqlite3",
                     "database.store.connection=db=${data_dir}/store.db"};
  } else if (backend == "odbc") {
    // Through ODBC (Debian's psqlODBC driver) to PostgreSQL: the path of a HIS on SQL Server
    // or Oracle, whose servers cannot run here. The PostgreSQL dialect stays.
    his.backend = "odbc";
    his.database = std::make_shared<PgDatabase>();
    {
      soci::session s(*soci::factory_postgresql(), his.database->conninfo());
      create_and_seed(s, "postgresql");
    }
    std::map<std::string, std::string> keys;
    std::istringstream words(his.database->conninfo());
    for (std::string word; words >> word;) {
      const auto eq = word.find('=');
      if (eq != std::string::npos) keys[word.substr(0, eq)] = word.substr(eq + 1);
    }
    his.conninfo = "Driver={PostgreSQL Unicode};Server=" + keys["host"] + ";Port=" + keys["port"] +
                   ";Database=" + keys["dbname"] + ";UID=" + keys["user"];
    his.profile = profiles / "example-postgresql.yaml";
    his.overrides = {"database.store.backend=sqlite3",
                     "database.store.connection=db=${data_dir}/store.db"};
  } else {
    throw std::invalid_argument("HIS B has no backend '" + backend + "'");
  }
  his.overrides.push_back("database.his.backend=" + his.backend);
  his.overrides.push_back("database.his.connection=" + his.conninfo);
  his.overrides.push_back("his_profile=" + his.profile.string());
  his.overrides.push_back("demo.seed_on_empty=false");
  return his;
}

}  // namespace hisx::test
