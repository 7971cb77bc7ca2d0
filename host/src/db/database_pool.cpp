#include "db/database_pool.h"

#include <soci/mysql/soci-mysql.h>
#include <soci/odbc/soci-odbc.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cctype>
#include <vector>

namespace hisx::host {

namespace {

// Only the factories linked into the host: SOCI's load-by-name would dlopen a second copy
// of a backend from wherever the library path points.
const soci::backend_factory* find_factory(const std::string& backend) {
  if (backend == "sqlite3") return soci::factory_sqlite3();
  if (backend == "postgresql") return soci::factory_postgresql();
  if (backend == "mysql") return soci::factory_mysql();
  if (backend == "odbc") return soci::factory_odbc();
  return nullptr;
}

// libpq and SOCI's MySQL parser both take a backslash as "the next character is part of the
// value". Quoting ('a b') is no use: SOCI 4.0 splits the string on blanks before libpq sees it.
std::string escaped_value(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '\'' || c == '"' || std::isspace(static_cast<unsigned char>(c))) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

// ODBC attribute values in braces may hold ';'; a '}' inside is doubled.
std::string braced_value(const std::string& value) {
  std::string out = "{";
  for (char c : value) {
    out += c;
    if (c == '}') out += '}';
  }
  return out + "}";
}

std::string full_connection(const DatabaseConfig& cfg) {
  if (cfg.password.empty()) return cfg.connection;
  if (cfg.backend == "postgresql" || cfg.backend == "mysql") {
    return cfg.connection + " password=" + escaped_value(cfg.password);
  }
  if (cfg.backend == "odbc") return cfg.connection + ";PWD=" + braced_value(cfg.password);
  return cfg.connection;
}

// Drivers sometimes echo parts of the connection string; the password never leaves here.
std::string without_password(std::string text, const std::string& password) {
  if (password.empty()) return text;
  for (auto pos = text.find(password); pos != std::string::npos;
       pos = text.find(password, pos + 3)) {
    text.replace(pos, password.size(), "***");
  }
  return text;
}

// Settings every session of a backend needs before first use.
void prepare_session(soci::session& s, const std::string& backend, int busy_timeout_ms) {
  if (backend == "sqlite3") {
    // WAL lets readers run beside the one writer; FULL makes a commit durable on power loss
    // (a booking or payment must not vanish); the busy timeout makes a second writer wait
    // instead of failing at once.
    std::string mode;
    s << "PRAGMA journal_mode=WAL", soci::into(mode);
    s << "PRAGMA synchronous=FULL";
    s << "PRAGMA busy_timeout=" + std::to_string(busy_timeout_ms);
    s << "PRAGMA foreign_keys=ON";
  } else if (backend == "postgresql") {
    // hisx stores and returns times in UTC; timestamptz values are rendered in UTC.
    s << "SET TIME ZONE 'UTC'";
  } else if (backend == "mysql") {
    s << "SET time_zone = '+00:00'";
  }
}

}  // namespace

std::unique_ptr<soci::session> open_session(const DatabaseConfig& cfg) {
  const soci::backend_factory* factory = find_factory(cfg.backend);
  if (factory == nullptr) {
    throw ConfigError(
        "the configuration", cfg.key + ".backend",
        "unknown database backend '" + cfg.backend + "'; use one of " + supported_backends());
  }
  auto s = std::make_unique<soci::session>();
  try {
    s->open(*factory, full_connection(cfg));
    prepare_session(*s, cfg.backend, cfg.busy_timeout_ms);
  } catch (const std::exception& e) {
    throw DatabaseError("cannot open " + cfg.key + " (" + cfg.backend +
                        "): " + without_password(e.what(), cfg.password));
  }
  return s;
}

const char* supported_backends() { return "sqlite3, postgresql, mysql, odbc"; }

DatabasePool::DatabasePool(const DatabaseConfig& cfg)
    : key_(cfg.key),
      backend_(cfg.backend),
      password_(cfg.password),
      busy_timeout_ms_(cfg.busy_timeout_ms),
      lease_timeout_(cfg.lease_timeout_ms),
      pool_size_(cfg.pool_size > 0 ? static_cast<std::size_t>(cfg.pool_size) : 1),
      pool_(pool_size_) {
  const soci::backend_factory* factory = find_factory(cfg.backend);
  if (factory == nullptr) {
    throw ConfigError(
        "the configuration", cfg.key + ".backend",
        "unknown database backend '" + cfg.backend + "'; use one of " + supported_backends());
  }
  if (cfg.pool_size < 1) {
    throw ConfigError("the configuration", cfg.key + ".pool_size",
                      "pool_size is " + std::to_string(cfg.pool_size) + "; it must be 1 or more");
  }
  if (cfg.lease_timeout_ms < 0) {
    // SOCI takes a negative timeout as "wait forever": the very hang the bound prevents.
    throw ConfigError(
        "the configuration", cfg.key + ".lease_timeout_ms",
        "lease_timeout_ms is " + std::to_string(cfg.lease_timeout_ms) + "; it must be 0 or more");
  }
  const std::string connection = full_connection(cfg);
  for (int i = 0; i < cfg.pool_size; ++i) {
    soci::session& s = pool_.at(static_cast<std::size_t>(i));
    try {
      s.open(*factory, connection);
      prepare_session(s, backend_, busy_timeout_ms_);
    } catch (const std::exception& e) {
      throw DatabaseError("cannot open " + cfg.key + " (" + cfg.backend +
                          "): " + without_password(e.what(), cfg.password));
    }
  }
}

DatabasePool::~DatabasePool() = default;

bool DatabasePool::check_session(soci::session& s, std::string& message) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      // The server may have restarted since the session was opened: reconnect once, and
      // since a new connection has none of the session settings, apply them again.
      if (attempt > 0) {
        s.reconnect();
        prepare_session(s, backend_, busy_timeout_ms_);
      }
      int one = 0;
      s << "SELECT 1", soci::into(one);
      if (one == 1) return true;
      message = "SELECT 1 returned " + std::to_string(one);
    } catch (const std::exception& e) {
      message = without_password(e.what(), password_);
    }
  }
  return false;
}

bool DatabasePool::ping(std::string* error) {
  // A short wait for the first session: a pool busy for seconds is itself "not ready".
  // Every other idle session is checked too, so that a database restart heals the whole
  // pool at the next /readyz rather than failing each session's next request.
  constexpr int kLeaseTimeoutMs = 2000;
  std::vector<std::size_t> leased;
  std::size_t pos = 0;
  if (!pool_.try_lease(pos, kLeaseTimeoutMs)) {
    if (error != nullptr) *error = key_ + ": no free connection within 2 s";
    return false;
  }
  leased.push_back(pos);
  while (leased.size() < pool_size_ && pool_.try_lease(pos, 0)) leased.push_back(pos);

  bool ok = true;
  std::string message;
  for (std::size_t p : leased) {
    if (!check_session(pool_.at(p), message)) ok = false;
  }
  for (std::size_t p : leased) pool_.give_back(p);
  if (!ok && error != nullptr) *error = key_ + " (" + backend_ + "): " + message;
  return ok;
}

std::shared_ptr<DatabasePool> open_database(const DatabaseConfig& cfg) {
  return std::make_shared<DatabasePool>(cfg);
}

}  // namespace hisx::host
