#include "plugins/dependency_order.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/plugin_error.h"

using hisx::host::dependency_order;
using hisx::host::PluginError;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(DependencyOrder, KeepsTheConfiguredOrderWithoutRequirements) {
  EXPECT_THAT(dependency_order({"b", "a", "c"}, {}), ElementsAre("b", "a", "c"));
}

TEST(DependencyOrder, PutsRequiredPluginsFirst) {
  EXPECT_THAT(dependency_order(
                  {"reports", "fast_lane", "appointments"},
                  {{"reports", {"appointments", "fast_lane"}}, {"fast_lane", {"appointments"}}}),
              ElementsAre("appointments", "fast_lane", "reports"));
}

TEST(DependencyOrder, RefusesARequirementThatIsNotEnabled) {
  try {
    dependency_order({"fast_lane"}, {{"fast_lane", {"appointments"}}});
    FAIL();
  } catch (const PluginError& e) {
    EXPECT_EQ(e.plugin(), "fast_lane");
    EXPECT_THAT(e.what(), HasSubstr("requires plugin 'appointments', which is not enabled"));
  }
}

TEST(DependencyOrder, RefusesACycleNamingItsMembers) {
  try {
    dependency_order({"a", "b", "c"}, {{"a", {"b"}}, {"b", {"a"}}});
    FAIL();
  } catch (const PluginError& e) {
    EXPECT_THAT(e.what(), HasSubstr("cycle (a, b)"));
  }
}
