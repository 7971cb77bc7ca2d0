#include "integration_support.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/URI.h>
#include <soci/mysql/soci-mysql.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hisx::test::integration {

std::vector<std::string> small_demo() { return {"demo.patients=300", "demo.days=2"}; }

HostOptions host_options(TestBackend backend, std::vector<std::string> overrides) {
  HostOptions options;
  options.backend = std::move(backend);
  options.overrides = std::move(overrides);
  return options;
}

HostOptions host_options(const std::vector<std::string>& extra) {
  std::vector<std::string> overrides = small_demo();
  overrides.insert(overrides.end(), extra.begin(), extra.end());
  return host_options(backend_from_env(), std::move(overrides));
}

std::string env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') {
    throw std::runtime_error(std::string(name) + " is not set: run the test through ctest");
  }
  return value;
}

std::string plugin_paths_with_fixtures() {
  return "plugins.paths=[" + env("HISX_PLUGIN_DIR") + ", " + env("HISX_FIXTURE_PLUGIN_DIR") + "]";
}

std::string last_line(const std::string& text) {
  std::istringstream in(text);
  std::string line, last;
  while (std::getline(in, line)) {
    if (!line.empty()) last = line;
  }
  return last;
}

std::string all_output(const ProcessResult& result) {
  return "exit code " + std::to_string(result.exit_code) + "\n--- stdout ---\n" + result.out +
         "\n--- stderr ---\n" + result.err;
}

std::string create_key(const HostProcess& host, const std::string& role, const std::string& name) {
  ProcessResult r = host.run_cli({"apikey", "create", "--name", name, "--role", role});
  if (r.exit_code != 0) {
    ADD_FAILURE() << "hisx apikey create failed: " << all_output(r);
    return {};
  }
  return last_line(r.out);
}

std::string create_device(const HostProcess& host, const std::string& admin_key,
                          const std::string& name, const std::vector<std::string>& scopes) {
  Poco::JSON::Object body;
  body.set("name", name);
  Poco::JSON::Array list;
  for (const auto& scope : scopes) list.add(scope);
  body.set("scopes", list);
  std::ostringstream text;
  body.stringify(text);
  const HttpResult r = host.client().post("/api/v1/host/devices", text.str(), admin_key);
  if (r.status != 201) {
    ADD_FAILURE() << "creating device '" << name << "' answered " << r.status << ": " << r.body;
    return {};
  }
  return r.json()->getValue<std::string>("token");
}

Poco::JSON::Object::Ptr expect_problem(const HttpResult& response, int status,
                                       const std::string& type) {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_EQ(response.header("content-type"), "application/problem+json") << response.body;
  Poco::JSON::Object::Ptr doc = response.json();
  EXPECT_EQ(doc->getValue<std::string>("type"), "urn:hisx:problem:" + type) << response.body;
  EXPECT_EQ(doc->getValue<int>("status"), status) << response.body;
  EXPECT_FALSE(doc->getValue<std::string>("detail").empty()) << response.body;
  return doc;
}

Poco::JSON::Array::Ptr search_patients(const HttpClient& client, const std::string& key,
                                       const std::string& q, int limit) {
  std::string encoded;
  Poco::URI::encode(q, "&=+?#/", encoded);
  HttpResult r =
      client.get("/api/v1/his/patients?q=" + encoded + "&limit=" + std::to_string(limit), key);
  EXPECT_EQ(r.status, 200) << "search for '" << q << "': " << r.body;
  if (r.status != 200) return new Poco::JSON::Array;
  auto body = r.json();
  auto items = body->getArray("items");
  EXPECT_EQ(body->getValue<int>("count"), static_cast<int>(items->size())) << r.body;
  return items;
}

std::unique_ptr<soci::session> open_store(const TestBackend& backend,
                                          const std::filesystem::path& data_dir) {
  if (backend.name == "postgresql") {
    return std::make_unique<soci::session>(*soci::factory_postgresql(),
                                           backend.database->conninfo());
  }
  const char* file = backend.name == "mariadb" ? "store.db" : "hisx.db";
  auto session =
      std::make_unique<soci::session>(*soci::factory_sqlite3(), "db=" + (data_dir / file).string());
  // The host writes at any moment (jobs, event delivery): wait for its lock as it waits for
  // ours, instead of failing at once with "database is locked".
  *session << "PRAGMA busy_timeout=10000";
  return session;
}

std::unique_ptr<soci::session> open_his(const TestBackend& backend,
                                        const std::filesystem::path& data_dir) {
  if (backend.name == "mariadb") {
    auto session =
        std::make_unique<soci::session>(*soci::factory_mysql(), backend.database->conninfo());
    *session << "SET time_zone = '+00:00'";
    return session;
  }
  if (backend.name == "postgresql") return open_store(backend, data_dir);
  auto session = std::make_unique<soci::session>(*soci::factory_sqlite3(),
                                                 "db=" + (data_dir / "hisx.db").string());
  *session << "PRAGMA busy_timeout=10000";
  return session;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace hisx::test::integration
