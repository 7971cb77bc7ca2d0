// Services between plugins: one plugin publishes an SDK interface, another (here the test
// binary) finds it by interface, across the library boundary; absence and older versions
// read as "no service".
#include "plugins/service_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "hisx/patient_access.h"

namespace hisx::host {
namespace {

using ::testing::HasSubstr;

class Access : public sdk::PatientAccess {
 public:
  std::vector<std::string> patients_of(const std::string&) const override { return {"OPD-1"}; }
  bool may_act_for(const std::string&, const std::string& p) const override { return p == "OPD-1"; }
};

// A later version of an interface: a consumer asking for it must not get a version-1 object.
class AccessV2 : public sdk::PatientAccess {
 public:
  static constexpr const char* kName = "patient_access";
  static constexpr int kVersion = 2;
};

TEST(ServiceRegistry, AConsumerFindsWhatAProviderPublished) {
  ServiceRegistry registry;
  PluginServices provider(registry, "app_link");
  PluginServices consumer(registry, "fast_lane");
  EXPECT_EQ(consumer.find<sdk::PatientAccess>(), nullptr);  // nothing published yet
  provider.publish<sdk::PatientAccess>(std::make_shared<Access>());
  auto access = consumer.find<sdk::PatientAccess>();
  ASSERT_NE(access, nullptr);
  EXPECT_TRUE(access->may_act_for("acct", "OPD-1"));
  EXPECT_FALSE(access->may_act_for("acct", "OPD-2"));
  ASSERT_EQ(consumer.list().size(), 1u);
  EXPECT_EQ(consumer.list()[0].name, "patient_access");
  EXPECT_EQ(consumer.list()[0].version, 1);
  EXPECT_EQ(consumer.list()[0].provider, "app_link");
}

TEST(ServiceRegistry, AnOlderVersionThanAskedForIsAbsent) {
  ServiceRegistry registry;
  PluginServices(registry, "app_link").publish<sdk::PatientAccess>(std::make_shared<Access>());
  EXPECT_EQ(PluginServices(registry, "x").find<AccessV2>(), nullptr);
}

TEST(ServiceRegistry, ASecondProviderIsRefusedNamingBoth) {
  ServiceRegistry registry;
  PluginServices(registry, "app_link").publish<sdk::PatientAccess>(std::make_shared<Access>());
  try {
    PluginServices(registry, "other_link").publish<sdk::PatientAccess>(std::make_shared<Access>());
    FAIL() << "a second provider was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("plugin 'other_link' publishes service 'patient_access'"));
    EXPECT_THAT(e.what(), HasSubstr("already published by plugin 'app_link'"));
  }
}

TEST(ServiceRegistry, ClearingDropsEveryService) {
  ServiceRegistry registry;
  PluginServices(registry, "app_link").publish<sdk::PatientAccess>(std::make_shared<Access>());
  registry.clear();
  EXPECT_EQ(PluginServices(registry, "x").find<sdk::PatientAccess>(), nullptr);
}

}  // namespace
}  // namespace hisx::host
