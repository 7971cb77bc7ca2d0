// hisxd serves: health, readiness and the list of loaded plugins, as a client sees them.
#include <fstream>
#include <map>

#include "integration_support.h"

namespace hisx::test::integration {
namespace {

// The plugin called `name` in the body of GET /api/v1/host/plugins, or null.
Poco::JSON::Object::Ptr plugin_named(const Poco::JSON::Object::Ptr& body, const std::string& name) {
  auto plugins = body->getArray("plugins");
  for (std::size_t i = 0; i < plugins->size(); ++i) {
    auto plugin = plugins->getObject(static_cast<unsigned>(i));
    if (plugin->getValue<std::string>("name") == name) return plugin;
  }
  return nullptr;
}

TEST(Serving, HealthzAnswersOkWithoutCredentials) {
  HostProcess host(host_options());
  host.start();
  HttpResult r = host.client().get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type").rfind("application/json", 0), 0u) << r.header("content-type");
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "ok");
  EXPECT_FALSE(r.header("x-request-id").empty());
}

TEST(Serving, ReadyzReportsBothDatabasesOk) {
  HostProcess host(host_options());
  host.start();
  HttpResult r = host.client().get("/readyz");
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = r.json();
  EXPECT_EQ(body->getValue<std::string>("status"), "ready");
  auto databases = body->getObject("databases");
  ASSERT_TRUE(databases) << r.body;
  EXPECT_EQ(databases->getValue<std::string>("his"), "ok");
  EXPECT_EQ(databases->getValue<std::string>("store"), "ok");
}

TEST(Serving, PluginListShowsTheDefaultPluginsStarted) {
  HostProcess host(host_options());
  host.start();
  const std::string admin = create_key(host, "admin");
  HttpResult r = host.client().get("/api/v1/host/plugins", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = r.json();
  EXPECT_EQ(body->getValue<std::string>("host_sdk_version"), "2.2");
  EXPECT_EQ(body->getArray("plugins")->size(), 5u)
      << r.body;  // his, appointments, hl7, app_link, fast_lane
  auto appointments = plugin_named(body, "appointments");
  ASSERT_TRUE(appointments) << r.body;
  EXPECT_EQ(appointments->getValue<std::string>("state"), "started");
  // The HIS statements each plugin needs or uses when present, and whether the profile has them.
  std::map<std::string, std::string> statements;
  auto list = appointments->getArray("his_statements");
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto st = list->getObject(static_cast<unsigned>(i));
    statements[st->getValue<std::string>("name")] =
        st->getValue<std::string>("kind") +
        (st->getValue<bool>("required") ? " required" : " optional") +
        (st->getValue<bool>("defined") ? " defined" : " missing");
  }
  EXPECT_EQ(statements["patient.search"], "query required defined") << r.body;
  EXPECT_EQ(statements["visit.register"], "command optional defined") << r.body;
  EXPECT_EQ(statements["patient.find_by_insurance"], "query optional defined") << r.body;
  auto hl7 = plugin_named(body, "hl7");
  ASSERT_TRUE(hl7) << r.body;
  EXPECT_EQ(hl7->getValue<std::string>("state"), "started");
  auto his = plugin_named(body, "his");
  ASSERT_TRUE(his) << r.body;
  EXPECT_EQ(his->getValue<std::string>("version"), "0.1.0");
  EXPECT_EQ(his->getValue<std::string>("sdk_version"), "2.2");
  EXPECT_EQ(his->getValue<std::string>("state"), "started");
  EXPECT_FALSE(his->getValue<std::string>("description").empty());
}

TEST(Serving, PluginListShowsEveryEnabledPluginFromEveryPath) {
  HostProcess host(host_options({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]"}));
  host.start();
  const std::string admin = create_key(host, "admin");
  HttpResult r = host.client().get("/api/v1/host/plugins", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = r.json();
  EXPECT_EQ(body->getArray("plugins")->size(), 2u) << r.body;
  for (const std::string name : {"his", "good"}) {
    auto plugin = plugin_named(body, name);
    ASSERT_TRUE(plugin) << name << " missing from " << r.body;
    EXPECT_EQ(plugin->getValue<std::string>("sdk_version"), "2.2") << name;
    EXPECT_EQ(plugin->getValue<std::string>("state"), "started") << name;
  }
  EXPECT_EQ(plugin_named(body, "good")->getValue<std::string>("version"), "1.2.3");
}

TEST(Serving, APluginSettingReachesThePlugin) {
  HostProcess host(host_options({plugin_paths_with_fixtures(), "plugins.enabled=[good]",
                                 "plugins.settings.good.greeting=xin chào"}));
  host.start();
  const std::string admin = create_key(host, "admin");
  HttpResult r = host.client().get("/api/v1/good/ping", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("greeting"), "xin chào");
  // The his plugin is not enabled here, so its routes do not exist.
  expect_problem(host.client().get("/api/v1/his/departments", admin), 404, "not-found");
}

TEST(Serving, PluginSettingsAreListedWithSecretsShownOnlyByWhereTheyComeFrom) {
  TempDir dir;
  const auto secret_file = dir.path() / "good.token";
  std::ofstream(secret_file) << "s3cr3t-value-9f2c\n";
  HostProcess host(host_options({plugin_paths_with_fixtures(), "plugins.enabled=[good]",
                                 "plugins.settings.good.greeting=xin chào",
                                 "plugins.settings.good.token.file=" + secret_file.string()}));
  host.start();
  const std::string admin = create_key(host, "admin");
  HttpResult r = host.client().get("/api/v1/host/plugins", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  auto settings = plugin_named(r.json(), "good")->getObject("settings");
  ASSERT_TRUE(settings) << r.body;
  EXPECT_EQ(settings->getValue<std::string>("greeting"), "xin chào");
  EXPECT_EQ(settings->getValue<std::string>("times"), "1");
  EXPECT_EQ(settings->getValue<std::string>("token"), "secret, from file " + secret_file.string());
  EXPECT_EQ(r.body.find("s3cr3t-value-9f2c"), std::string::npos);
  EXPECT_EQ(host.output().find("s3cr3t-value-9f2c"), std::string::npos);
}

}  // namespace
}  // namespace hisx::test::integration
