// A hospital's profile that lacks a statement app_link needs stops the host at start-up,
// naming the statement and where its parameters and columns are described.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "hisx/testing/harness.h"
#include "support/temp_dir.h"

namespace hisx::test::app_link {
namespace {

using ::testing::HasSubstr;

// The demo profile without the statement `name` (its block up to the next statement).
std::string demo_profile_without(const std::string& name) {
  std::ifstream in(std::string(std::getenv("HISX_SOURCE_DIR")) + "/config/his-profiles/demo.yaml");
  std::ostringstream text;
  text << in.rdbuf();
  std::string profile = text.str();
  const auto from = profile.find("  " + name + ":\n");
  EXPECT_NE(from, std::string::npos);
  // Up to the next line indented by exactly two spaces (the next statement or its comment).
  std::size_t line = profile.find('\n', from) + 1;
  while (line < profile.size()) {
    if (profile.compare(line, 2, "  ") == 0 && profile.compare(line, 3, "   ") != 0) break;
    line = profile.find('\n', line) + 1;
    if (line == 0) line = profile.size();
  }
  profile.erase(from, line - from);
  return profile;
}

TEST(AppLinkProfile, AMissingStatementIsNamedAtStartUp) {
  TempDir dir;
  const auto path = dir.path() / "hospital.yaml";
  std::ofstream(path) << demo_profile_without("visit.list_between");
  try {
    hisx::testing::Harness host(
        {.plugins = {"his", "app_link"}, .overrides = {"his_profile=" + path.string()}});
    FAIL() << "the host started without visit.list_between";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("visit.list_between"));
    EXPECT_THAT(e.what(), HasSubstr("(the plugin app_link needs it)"));
    EXPECT_THAT(e.what(), HasSubstr("docs/his-profile.md"));
  }
  // Without app_link (and the plugins that need it) the same profile is enough.
  EXPECT_NO_THROW(
      hisx::testing::Harness({.plugins = {"his"}, .overrides = {"his_profile=" + path.string()}}));
}

}  // namespace
}  // namespace hisx::test::app_link
