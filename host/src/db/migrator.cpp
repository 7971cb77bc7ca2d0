#include "db/migrator.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <soci/soci.h>

#include <chrono>
#include <ctime>
#include <thread>

#include "db/sql_text.h"
#include "hisx/database.h"

namespace hisx::host {

namespace {

// The advisory lock key that serialises migrations between hosts sharing one PostgreSQL:
// "hisx" in the high 32 bits, 1 = migrations.
constexpr const char* kPgLockKey = "7523377975160913921";

std::string describe(const std::string& owner, const sdk::Migration& m) {
  return "plugin '" + owner + "' migration " + std::to_string(m.version) + " '" + m.name + "'";
}

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void rollback_quietly(soci::session& s) {
  try {
    s.rollback();
  } catch (...) {
    // The connection may be gone; the server then rolls back by itself.
  }
}

// Starts the migration's transaction. On SQLite it takes the write lock at once, so that
// the "already applied?" check inside it cannot go stale; a long migration of another host
// may hold that lock beyond the busy timeout, hence the retries.
void begin_write(soci::session& s, const std::string& backend) {
  if (backend != "sqlite3") {
    s.begin();
    return;
  }
  for (int attempt = 1;; ++attempt) {
    try {
      s << "BEGIN IMMEDIATE";
      return;
    } catch (const soci::soci_error& e) {
      const std::string what = e.what();
      const bool busy =
          what.find("locked") != std::string::npos || what.find("busy") != std::string::npos;
      if (!busy || attempt >= 10) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100 * attempt));
  }
}

std::string changed_message(const std::string& owner, const sdk::Migration& m,
                            const std::string& recorded, const std::string& now) {
  return describe(owner, m) + " was changed after it was applied (recorded checksum " + recorded +
         ", now " + now + "); restore it and add a new migration instead";
}

// The recorded checksum of (owner, version), or "" when not recorded.
std::string recorded_checksum(soci::session& s, const std::string& owner, int version) {
  std::string checksum;
  soci::indicator ind = soci::i_null;
  s << "SELECT checksum FROM hisx_schema_migrations WHERE plugin = :plugin AND version = "
       ":version",
      soci::into(checksum, ind), soci::use(owner, "plugin"), soci::use(version, "version");
  return s.got_data() && ind == soci::i_ok ? checksum : std::string();
}

}  // namespace

Migrator::Migrator(sdk::Database& store) : store_(store) {}

const std::string& Migrator::effective_sql(const sdk::Migration& m, const std::string& backend) {
  if (backend == "postgresql" && !m.sql_postgresql.empty()) return m.sql_postgresql;
  if (backend == "mysql" && !m.sql_mysql.empty()) return m.sql_mysql;
  return m.sql;
}

std::string Migrator::checksum(const std::string& text) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(text);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

bool Migrator::table_exists() {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  try {
    std::string plugin;
    s << "SELECT plugin FROM hisx_schema_migrations WHERE 1 = 0", soci::into(plugin);
    return true;
  } catch (const soci::soci_error&) {
    return false;
  }
}

void Migrator::ensure_table() {
  if (table_exists()) return;
  const std::string& backend = store_.backend();
  // SQL Server and Oracle (through ODBC) know no CREATE TABLE IF NOT EXISTS.
  const std::string if_not_exists = backend == "odbc" ? "" : "IF NOT EXISTS ";
  const std::string ddl = "CREATE TABLE " + if_not_exists +
                          "hisx_schema_migrations ("
                          "plugin VARCHAR(100) NOT NULL, "
                          "version INTEGER NOT NULL, "
                          "name VARCHAR(200) NOT NULL, "
                          "checksum VARCHAR(64) NOT NULL, "
                          "applied_at VARCHAR(32) NOT NULL, "
                          "PRIMARY KEY (plugin, version))";
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  try {
    if (backend == "postgresql") {
      // Two hosts running CREATE TABLE IF NOT EXISTS at once can still collide in the
      // catalogue; the lock makes them take turns.
      soci::transaction tx(s);
      s << std::string("SELECT pg_advisory_xact_lock(") + kPgLockKey + ")";
      s << ddl;
      tx.commit();
    } else {
      s << ddl;
    }
  } catch (const soci::soci_error& e) {
    if (table_exists()) return;  // Another host created it meanwhile.
    throw MigrationError(
        std::string("cannot create hisx_schema_migrations in the store database: ") + e.what());
  }
}

std::vector<AppliedMigration> Migrator::applied(const std::string& owner) {
  std::vector<AppliedMigration> rows;
  if (!table_exists()) return rows;
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  AppliedMigration row;
  soci::statement st =
      (s.prepare << "SELECT version, name, checksum, applied_at FROM hisx_schema_migrations "
                    "WHERE plugin = :plugin ORDER BY version",
       soci::into(row.version), soci::into(row.name), soci::into(row.checksum),
       soci::into(row.applied_at), soci::use(owner, "plugin"));
  st.execute();
  while (st.fetch()) rows.push_back(row);
  return rows;
}

std::vector<sdk::Migration> Migrator::pending(const std::string& owner,
                                              const std::vector<sdk::Migration>& migrations) {
  const auto recorded = applied(owner);
  std::vector<sdk::Migration> out;
  for (const auto& m : migrations) {
    bool done = false;
    for (const auto& r : recorded) done = done || r.version == m.version;
    if (!done) out.push_back(m);
  }
  return out;
}

void Migrator::apply(const std::string& owner, const std::vector<sdk::Migration>& migrations,
                     const std::function<void(const std::string& line)>& progress) {
  const std::string& backend = store_.backend();

  for (std::size_t i = 0; i < migrations.size(); ++i) {
    const auto& m = migrations[i];
    if (m.version < 1) {
      throw MigrationError(describe(owner, m) +
                           ": versions start at 1; renumber the plugin's migrations");
    }
    if (i > 0 && m.version <= migrations[i - 1].version) {
      const auto& prev = migrations[i - 1];
      throw MigrationError(describe(owner, m) + " follows migration " +
                           std::to_string(prev.version) + " '" + prev.name +
                           "': versions must be unique and strictly increasing; renumber the "
                           "plugin's migrations");
    }
  }

  ensure_table();

  // Refuse before applying anything: a database that ran other SQL than the plugin ships
  // is not one the plugin's code can trust.
  for (const auto& rec : applied(owner)) {
    const sdk::Migration* shipped = nullptr;
    for (const auto& m : migrations) {
      if (m.version == rec.version) shipped = &m;
    }
    if (shipped == nullptr) {
      throw MigrationError("plugin '" + owner + "' migration " + std::to_string(rec.version) +
                           " '" + rec.name + "' was applied to this database on " + rec.applied_at +
                           " but the plugin no longer ships it; install the plugin version "
                           "that has it (migrations are forward-only)");
    }
    const std::string now = checksum(effective_sql(*shipped, backend));
    if (now != rec.checksum)
      throw MigrationError(changed_message(owner, *shipped, rec.checksum, now));
  }

  for (const auto& m : pending(owner, migrations)) {
    const std::string& sql = effective_sql(m, backend);
    const std::string sum = checksum(sql);
    const auto started = std::chrono::steady_clock::now();

    const auto s_lease = store_.session();
    soci::session& s = *s_lease;
    try {
      begin_write(s, backend);
      if (backend == "postgresql") {
        s << std::string("SELECT pg_advisory_xact_lock(") + kPgLockKey + ")";
      }
      // Another host may have applied it since we looked.
      const std::string recorded = recorded_checksum(s, owner, m.version);
      if (!recorded.empty()) {
        rollback_quietly(s);
        if (recorded != sum) throw MigrationError(changed_message(owner, m, recorded, sum));
        if (progress) progress(describe(owner, m) + " already applied by another host");
        continue;
      }

      for (const auto& statement : split_sql_statements(sql)) {
        try {
          s << statement;
        } catch (const soci::soci_error& e) {
          std::string what = describe(owner, m) + " failed";
          what += backend == "mysql"
                      ? " (MySQL commits DDL at once: undo what the statements before it "
                        "created)"
                      : " and was rolled back";
          throw MigrationError(what + ": " + e.what() + "\nstatement: " + statement +
                               "\nFix the migration (or the database) and start again.");
        }
      }

      const std::string at = utc_now();
      try {
        s << "INSERT INTO hisx_schema_migrations (plugin, version, name, checksum, applied_at) "
             "VALUES (:plugin, :version, :name, :checksum, :applied_at)",
            soci::use(owner, "plugin"), soci::use(m.version, "version"), soci::use(m.name, "name"),
            soci::use(sum, "checksum"), soci::use(at, "applied_at");
      } catch (const soci::soci_error& e) {
        if (!sdk::is_duplicate_key(e)) throw;
        // Recorded by another host between our check and our insert.
        rollback_quietly(s);
        if (progress) progress(describe(owner, m) + " already applied by another host");
        continue;
      }
      s.commit();
    } catch (const MigrationError&) {
      rollback_quietly(s);
      throw;
    } catch (const std::exception& e) {
      rollback_quietly(s);
      throw MigrationError(describe(owner, m) + " could not be applied: " + e.what());
    }

    if (progress) {
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count();
      progress("applied " + describe(owner, m) + " (" + std::to_string(ms) + " ms)");
    }
  }
}

}  // namespace hisx::host
