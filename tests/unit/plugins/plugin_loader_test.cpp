#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "hisx/patient_access.h"
#include "plugins/plugin_error.h"
#include "plugins/plugin_set.h"
#include "plugins/service_registry.h"

using hisx::host::load_plugin;
using hisx::host::LoadedPlugin;
using hisx::host::PluginError;
using hisx::host::PluginSet;
using hisx::host::PluginState;
using ::testing::HasSubstr;

namespace {

std::vector<std::filesystem::path> fixture_paths() {
  const char* dir = std::getenv("HISX_FIXTURE_PLUGIN_DIR");
  if (dir == nullptr) throw std::runtime_error("HISX_FIXTURE_PLUGIN_DIR is not set");
  return {dir};
}

std::string load_error(const std::string& name) {
  try {
    load_plugin(name, fixture_paths());
  } catch (const PluginError& e) {
    return e.what();
  }
  return "(loaded without error)";
}

// Plugins in these tests never use their context; every call fails loudly if one does.
class UnusedContext : public hisx::sdk::Context {
 public:
  [[noreturn]] static void fail() { throw std::logic_error("context not available in this test"); }
  const hisx::sdk::Settings& settings() const override { fail(); }
  Poco::Logger& logger() const override { fail(); }
  hisx::sdk::Database& his() override { fail(); }
  hisx::sdk::Database& store() override { fail(); }
  const hisx::sdk::HisProfile& profile() const override { fail(); }
  hisx::sdk::Router& router() override { fail(); }
  const hisx::sdk::Clock& clock() const override { fail(); }
  const hisx::sdk::TimeZone& zone() const override { fail(); }
  hisx::sdk::EventBus& events() override { fail(); }
  hisx::sdk::Scheduler& scheduler() override { fail(); }
  hisx::sdk::Notifier& notifier() override { fail(); }
  hisx::sdk::Metrics& metrics() override { fail(); }
  hisx::sdk::Services& services() override { fail(); }
  hisx::sdk::Idempotency& idempotency() override { fail(); }
  hisx::sdk::RateLimits& rate_limits() override { fail(); }
};

// A context that offers only the service registry.
class ServicesContext : public UnusedContext {
 public:
  ServicesContext(hisx::host::ServiceRegistry& registry, const std::string& plugin)
      : services_(registry, plugin) {}
  hisx::sdk::Services& services() override { return services_; }

 private:
  hisx::host::PluginServices services_;
};

}  // namespace

TEST(PluginLoader, LoadsAGoodPluginAndReadsItsManifest) {
  LoadedPlugin plugin = load_plugin("good", fixture_paths());
  EXPECT_EQ(plugin.manifest.name, "good");
  EXPECT_EQ(plugin.manifest.version, "1.2.3");
  EXPECT_EQ(plugin.stamp.sdk_major, hisx::sdk::kSdkMajor);
  ASSERT_GE(plugin.manifest.settings.size(), 2u);
  EXPECT_EQ(plugin.manifest.settings[0].key, "greeting");
  EXPECT_EQ(plugin.manifest.settings[0].default_value, "hello");
  const auto migrations = plugin.instance->migrations();
  ASSERT_EQ(migrations.size(), 2u);
  EXPECT_EQ(migrations[0].version, 1);
  EXPECT_EQ(migrations[0].name, "create greetings");
  EXPECT_THAT(migrations[0].sql, HasSubstr("CREATE TABLE hisx_good_greetings"));
  EXPECT_EQ(migrations[1].version, 2);
  EXPECT_EQ(migrations[1].name, "create event tables");
}

TEST(PluginLoader, RefusesAWrongAbiStampBeforeCallingTheFactory) {
  // The fixture's factory aborts the process: reaching it would end this test with a crash.
  const auto error = load_error("bad_abi");
  EXPECT_THAT(error, HasSubstr("plugin 'bad_abi'"));
  EXPECT_THAT(error, HasSubstr("hisx SDK 999.0"));
  EXPECT_THAT(error, HasSubstr("this host runs hisx SDK 2.2"));
  EXPECT_THAT(error, HasSubstr("rebuild the plugin"));
}

TEST(PluginLoader, RefusesALibraryThatIsNotAPlugin) {
  const auto error = load_error("not_a_plugin");
  EXPECT_THAT(error, HasSubstr("is not a hisx plugin"));
  EXPECT_THAT(error, HasSubstr("hisx_abi_stamp"));
}

TEST(PluginLoader, SaysWhereItLookedForAMissingPlugin) {
  const auto error = load_error("nowhere");
  EXPECT_THAT(error, HasSubstr("no nowhere.so in plugins.paths"));
  EXPECT_THAT(error, HasSubstr(fixture_paths()[0].string()));
}

TEST(PluginLoader, RefusesAnInvalidName) {
  EXPECT_THAT(load_error("../etc/passwd"), HasSubstr("not a valid plugin name"));
}

TEST(PluginSet, RefusesAMissingDependencyNamingBothPlugins) {
  try {
    PluginSet::load(fixture_paths(), {"needs_missing"});
    FAIL() << "loaded a plugin whose dependency is not enabled";
  } catch (const PluginError& e) {
    EXPECT_EQ(e.plugin(), "needs_missing");
    EXPECT_THAT(e.what(), HasSubstr("requires plugin 'absent_plugin'"));
    EXPECT_THAT(e.what(), HasSubstr("add 'absent_plugin' to plugins.enabled"));
  }
}

TEST(PluginSet, AStartThatThrowsStopsStartUpNamingThePlugin) {
  PluginSet set = PluginSet::load(fixture_paths(), {"throws_on_start"});
  try {
    set.start_all([](LoadedPlugin&) { return std::make_unique<UnusedContext>(); });
    FAIL() << "start_all succeeded";
  } catch (const PluginError& e) {
    EXPECT_EQ(e.plugin(), "throws_on_start");
    EXPECT_THAT(e.what(), HasSubstr("the fixture refuses to start"));
  }
  EXPECT_EQ(set.plugins()[0].state, PluginState::kFailed);
}

TEST(PluginSet, AServicePublishedByOnePluginIsFoundFromAnotherLibrary) {
  // The object is made in the fixture's library; the lookup (a dynamic cast on the SDK's
  // interface) happens here, so RTTI must agree across the boundary.
  hisx::host::ServiceRegistry registry;
  PluginSet set = PluginSet::load(fixture_paths(), {"provides_access"});
  set.start_all([&](LoadedPlugin& plugin) {
    return std::make_unique<ServicesContext>(registry, plugin.name);
  });
  auto access = hisx::host::PluginServices(registry, "consumer").find<hisx::sdk::PatientAccess>();
  ASSERT_NE(access, nullptr);
  EXPECT_TRUE(access->may_act_for("acct-1", "K01/7"));
  EXPECT_FALSE(access->may_act_for("acct-2", "K01/7"));
  EXPECT_EQ(access->patients_of("acct-1"), (std::vector<std::string>{"BN-001", "K01/7"}));
  EXPECT_EQ(registry.list().at(0).provider, "provides_access");
  set.stop_all();
}
