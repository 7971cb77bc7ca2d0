#include "config/config.h"

#include <Poco/Logger.h>
#include <Poco/Net/IPAddress.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "config/config_reader.h"
#include "config/instant_text.h"
#include "config/overrides.h"
#include "hisx/time_zone.h"

namespace hisx::host {

namespace {

const std::vector<std::string> kBackends = {"sqlite3", "postgresql", "mysql", "odbc"};

std::string expand(std::string text, const std::string& name, const std::string& value) {
  const std::string token = "${" + name + "}";
  for (auto pos = text.find(token); pos != std::string::npos; pos = text.find(token, pos)) {
    text.replace(pos, token.size(), value);
    pos += value.size();
  }
  return text;
}

std::string read_password(const ConfigReader& r, const std::string& key) {
  if (r.has(key + ".password")) {
    r.fail(key + ".password",
           "passwords never go in the configuration file; put the password in an environment "
           "variable named by " +
               key + ".password_env, or in a file named by " + key + ".password_file");
  }
  const std::string env = r.str(key + ".password_env", "");
  const std::string file = r.str(key + ".password_file", "");
  if (!env.empty() && !file.empty()) {
    r.fail(key, "give either password_env or password_file, not both");
  }
  if (!env.empty()) {
    const char* value = std::getenv(env.c_str());
    if (value == nullptr) {
      r.fail(key + ".password_env",
             "the environment variable " + env + " is not set; export it before starting hisx");
    }
    return value;
  }
  if (!file.empty()) {
    const auto path = r.resolve(key + ".password_file", file);
    std::ifstream in(path);
    if (!in) r.fail(key + ".password_file", "cannot read " + path.string());
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
  }
  return {};
}

DatabaseConfig read_database(const ConfigReader& r, const std::string& key,
                             const std::filesystem::path& data_dir) {
  r.only_keys(key, {"backend", "connection", "password_env", "password_file", "password",
                    "pool_size", "busy_timeout_ms", "lease_timeout_ms"});
  DatabaseConfig db;
  db.key = key;
  db.backend = r.required_str(key + ".backend", "one of sqlite3, postgresql, mysql, odbc");
  bool known = false;
  for (const auto& b : kBackends) known = known || b == db.backend;
  if (!known) {
    r.fail(key + ".backend", "unknown backend '" + db.backend +
                                 "'; expected one of sqlite3, postgresql, mysql, odbc");
  }
  db.connection = expand(r.required_str(key + ".connection",
                                        "a SOCI connection string, e.g. \"db=${data_dir}/hisx.db\" "
                                        "or \"host=... dbname=... user=...\""),
                         "data_dir", data_dir.string());
  if (db.connection.find("password=") != std::string::npos ||
      db.connection.find("PWD=") != std::string::npos) {
    r.fail(key + ".connection", "remove the password from the connection string and use " + key +
                                    ".password_env or " + key + ".password_file");
  }
  db.password = read_password(r, key);
  db.pool_size = static_cast<int>(r.integer(key + ".pool_size", 8, 1, 256));
  db.busy_timeout_ms = static_cast<int>(r.integer(key + ".busy_timeout_ms", 5000, 0, 600000));
  // Not 0: a pool busy for a moment under load should make a request wait, not fail.
  db.lease_timeout_ms =
      static_cast<int>(r.integer(key + ".lease_timeout_ms", db.lease_timeout_ms, 10, 600000));
  return db;
}

}  // namespace

HostConfig load_config(const std::filesystem::path& file,
                       const std::vector<std::string>& overrides) {
  HostConfig cfg;
  cfg.file = std::filesystem::absolute(file).lexically_normal();
  const std::string name = file.string();
  YAML::Node root;
  try {
    root = YAML::LoadFile(cfg.file.string());
  } catch (const YAML::BadFile&) {
    throw ConfigError(name, "", "cannot read the configuration file (does it exist?)");
  } catch (const YAML::Exception& e) {
    throw ConfigError(name, "",
                      "not valid YAML at line " + std::to_string(e.mark.line + 1) + ", column " +
                          std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  if (root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
  if (!root.IsMap()) throw ConfigError(name, "", "expected a map of settings at the top level");
  auto overridden = apply_overrides(root, overrides, "-D");
  ConfigReader r(root, name, cfg.file.parent_path(), overridden);

  r.only_keys("",
              {"data_dir", "timezone", "clock", "http", "log", "database", "his_profile", "demo",
               "plugins", "auth", "audit", "events", "jobs", "notify", "web", "idempotency"});
  r.only_keys("clock", {"start"});
  r.only_keys("http", {"host", "port", "max_body_bytes", "threads", "trusted_proxies"});
  r.only_keys("log", {"level", "access"});
  r.only_keys("database", {"his", "store", "migrate_on_start"});
  r.only_keys("demo", {"seed_on_empty", "patients", "days", "seed"});
  r.only_keys("plugins", {"paths", "enabled", "settings"});

  cfg.data_dir = r.path("data_dir", "var");
  cfg.timezone = r.str("timezone", cfg.timezone);
  try {
    sdk::TimeZone::locate(cfg.timezone);
  } catch (const std::invalid_argument&) {
    r.fail("timezone", "unknown time zone '" + cfg.timezone +
                           "'; expected an IANA name such as Asia/Ho_Chi_Minh");
  }
  if (r.has("clock.start")) {
    const std::string text = r.str("clock.start", "");
    cfg.clock_start = parse_instant_with_offset(text);
    if (!cfg.clock_start) {
      r.fail("clock.start",
             "expected an instant with its UTC offset, such as 2026-01-06T09:00:00+07:00; "
             "found '" +
                 text + "'. Leave it out to run on the system clock");
    }
  }
  cfg.log_level = r.str("log.level", cfg.log_level);
  const std::vector<std::string> levels = {"fatal",  "critical",    "error", "warning",
                                           "notice", "information", "debug", "trace"};
  bool level_ok = false;
  for (const auto& l : levels) level_ok = level_ok || l == cfg.log_level;
  if (!level_ok) {
    r.fail("log.level",
           "expected one of fatal, critical, error, warning, notice, information, "
           "debug, trace; found '" +
               cfg.log_level + "'");
  }
  cfg.access_log = r.boolean("log.access", cfg.access_log);

  cfg.http.host = r.str("http.host", cfg.http.host);
  cfg.http.port = static_cast<int>(r.integer("http.port", cfg.http.port, 0, 65535));
  cfg.http.max_body_bytes = static_cast<std::size_t>(r.integer(
      "http.max_body_bytes", static_cast<long long>(cfg.http.max_body_bytes), 1024, 1LL << 30));
  cfg.http.threads = static_cast<int>(r.integer("http.threads", cfg.http.threads, 1, 1024));
  if (r.has("http.trusted_proxies")) {
    cfg.http.trusted_proxies = r.list("http.trusted_proxies");
    for (std::size_t i = 0; i < cfg.http.trusted_proxies.size(); ++i) {
      Poco::Net::IPAddress address;
      if (!Poco::Net::IPAddress::tryParse(cfg.http.trusted_proxies[i], address)) {
        r.fail("http.trusted_proxies[" + std::to_string(i) + "]",
               "expected an IP address such as 127.0.0.1, found '" + cfg.http.trusted_proxies[i] +
                   "'");
      }
      cfg.http.trusted_proxies[i] = address.toString();  // one spelling, as the server reports it
    }
  }
  // One list serves the login limits and the audit trail since 2.0; the old keys are named.
  for (const char* old : {"auth.trusted_proxies", "audit.trusted_proxies"}) {
    if (r.has(old)) {
      r.fail(old,
             "moved to http.trusted_proxies (one list for the audit trail, the login "
             "limits and plugins); move the addresses there");
    }
  }
  r.only_keys("audit", {});

  if (!r.has("database.his")) {
    r.fail("database.his", "missing; describe the HIS database (backend and connection)");
  }
  cfg.his = read_database(r, "database.his", cfg.data_dir);
  cfg.store_is_his = !r.has("database.store");
  cfg.store = cfg.store_is_his ? cfg.his : read_database(r, "database.store", cfg.data_dir);
  if (cfg.store_is_his) cfg.store.key = "database.store";
  // hisx's own tables need transactional DDL (a failed migration leaves nothing behind) and
  // the locking its guarantees are proven on; MySQL and ODBC databases are for the HIS only.
  if (cfg.store.backend != "sqlite3" && cfg.store.backend != "postgresql") {
    const std::string fix =
        "hisx keeps its own tables in SQLite or PostgreSQL only (their migrations are "
        "transactional and its locking is proven there). Point `store` at SQLite or "
        "PostgreSQL, e.g. `store: {backend: sqlite3, connection: \"db=${data_dir}/hisx.db\"}` "
        "for one host, or a PostgreSQL database that every host shares";
    if (cfg.store_is_his) {
      r.fail("database.store", "missing, and the HIS database is " + cfg.his.backend + ": " + fix);
    }
    r.fail("database.store.backend", "is " + cfg.store.backend + ": " + fix);
  }
  cfg.migrate_on_start = r.boolean("database.migrate_on_start", cfg.migrate_on_start);

  cfg.his_profile = r.path("his_profile", "");
  if (cfg.his_profile.empty()) {
    r.fail("his_profile", "missing; name the HIS profile file, e.g. his-profiles/demo.yaml");
  }
  if (!std::filesystem::exists(cfg.his_profile)) {
    r.fail("his_profile", "the file " + cfg.his_profile.string() + " does not exist");
  }

  cfg.demo.seed_on_empty = r.boolean("demo.seed_on_empty", cfg.demo.seed_on_empty);
  cfg.demo.patients = static_cast<int>(r.integer("demo.patients", cfg.demo.patients, 1, 10000000));
  cfg.demo.days = static_cast<int>(r.integer("demo.days", cfg.demo.days, 0, 3660));
  cfg.demo.seed = static_cast<unsigned>(r.integer("demo.seed", cfg.demo.seed, 0, 4294967295LL));

  for (const auto& p : r.list("plugins.paths"))
    cfg.plugin_paths.push_back(r.resolve("plugins.paths", p));
  cfg.plugins_enabled = r.list("plugins.enabled");
  for (std::size_t i = 0; i < cfg.plugins_enabled.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (cfg.plugins_enabled[i] == cfg.plugins_enabled[j]) {
        r.fail("plugins.enabled", "plugin '" + cfg.plugins_enabled[i] + "' is listed twice");
      }
    }
  }
  if (!cfg.plugins_enabled.empty() && cfg.plugin_paths.empty()) {
    r.fail("plugins.paths", "missing; list the folders that hold the plugin libraries");
  }
  cfg.plugin_settings = r.node("plugins.settings");
  if (cfg.plugin_settings.IsDefined() && !cfg.plugin_settings.IsNull()) {
    if (!cfg.plugin_settings.IsMap()) r.fail("plugins.settings", "expected a map by plugin name");
    for (const auto& item : cfg.plugin_settings) {
      const auto plugin = item.first.as<std::string>();
      bool enabled = false;
      for (const auto& e : cfg.plugins_enabled) enabled = enabled || e == plugin;
      if (!enabled) {
        // Kept, not refused: a plugin is switched off by taking it out of plugins.enabled,
        // and its settings stay ready for when it is switched on again.
        Poco::Logger::get("hisx.config")
            .warning("%s: plugins.settings.%s: ignored, the plugin is not in plugins.enabled",
                     r.file(), plugin);
      }
    }
  }
  cfg.reader = std::make_shared<const ConfigReader>(r);
  return cfg;
}

}  // namespace hisx::host
