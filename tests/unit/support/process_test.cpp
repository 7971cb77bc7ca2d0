#include "support/process.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

namespace hisx::test {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

TEST(RunProcess, CapturesStdoutStderrExitCodeAndStdin) {
  auto r = run_process({"/bin/sh", "-c", "cat; echo err >&2; exit 3"}, "xin chào\nhello\n");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "xin chào\nhello\n");
  EXPECT_EQ(r.err, "err\n");
  EXPECT_FALSE(r.timed_out);
}

TEST(RunProcess, FindsProgramInPathAndPassesArgumentsUnquoted) {
  auto r = run_process({"printf", "%s|%s", "a b", "$HOME;*"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "a b|$HOME;*");  // No shell: nothing expanded.
}

TEST(RunProcess, KillsAtTimeoutAndSaysSo) {
  auto started = std::chrono::steady_clock::now();
  auto r = run_process({"sleep", "30"}, {}, 1s);
  auto took = std::chrono::steady_clock::now() - started;
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.exit_code, 128 + 9);
  EXPECT_THAT(r.err, HasSubstr("did not finish within 1 s and was killed"));
  EXPECT_LT(took, 10s);
}

TEST(RunProcess, TimeoutKillsChildrenHoldingThePipes) {
  auto started = std::chrono::steady_clock::now();
  auto r = run_process({"/bin/sh", "-c", "sleep 30 & echo started; wait"}, {}, 1s);
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.out, "started\n");
  EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
}

TEST(RunProcess, LargeStdinAndOutputOnBothPipesDoNotDeadlock) {
  std::string input(3'000'000, 'x');
  auto r = run_process(
      {"/bin/sh", "-c", "head -c 2000000 /dev/zero | tr '\\0' e >&2; cat; echo done >&2"}, input,
      60s);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.out.size(), input.size());
  EXPECT_EQ(r.out, input);
  ASSERT_EQ(r.err.size(), 2'000'000u + 5);
  EXPECT_EQ(r.err.substr(r.err.size() - 5), "done\n");
}

TEST(RunProcess, ChildIgnoringItsStdinIsNotAnError) {
  auto r = run_process({"true"}, std::string(5'000'000, 'x'));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_FALSE(r.timed_out);
}

TEST(RunProcess, AddsExtraEnvironmentToTheInheritedOne) {
  auto r = run_process({"/bin/sh", "-c", "printf '%s/%s' \"$HISX_PROBE\" \"${PATH:+inherited}\""},
                       {}, 10s, {{"HISX_PROBE", "giá trị"}});
  EXPECT_EQ(r.out, "giá trị/inherited");
}

TEST(RunProcess, ReportsDeathBySignalAsShellDoes) {
  auto r = run_process({"/bin/sh", "-c", "kill -TERM $$"});
  EXPECT_EQ(r.exit_code, 128 + 15);
  EXPECT_FALSE(r.timed_out);
}

TEST(RunProcess, MissingProgramThrowsWithItsName) {
  try {
    run_process({"hisx-no-such-program"});
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("hisx-no-such-program"));
  }
  try {
    run_process({"/nonexistent/dir/tool"});
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("/nonexistent/dir/tool"));
    EXPECT_THAT(e.what(), HasSubstr("No such file"));
  }
}

}  // namespace
}  // namespace hisx::test
