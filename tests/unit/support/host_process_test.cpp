#include "support/host_process.h"

#include <gtest/gtest.h>

namespace hisx::test {
namespace {

// HostProcess itself is exercised by the integration tests that start hisxd; here, the
// parsing that decides when it is ready.

TEST(ListeningPort, ReadsThePortOfTheListeningLine) {
  EXPECT_EQ(listening_port("starting\nhisxd listening on http://127.0.0.1:41234\n"), 41234);
  EXPECT_EQ(listening_port("hisxd listening on http://0.0.0.0:8080/ (16 threads)"), 8080);
  EXPECT_EQ(listening_port("hisxd listening on http://[::1]:9000\r\n"), 9000);
}

TEST(ListeningPort, NothingBeforeTheLineIsComplete) {
  EXPECT_EQ(listening_port(""), std::nullopt);
  EXPECT_EQ(listening_port("loading plugins\n"), std::nullopt);
  EXPECT_EQ(listening_port("hisxd listening on http://127.0.0.1"), std::nullopt);
  EXPECT_EQ(listening_port("hisxd listening on http://127.0.0.1:\n"), std::nullopt);
  // Still being written: "8080" may so far be "80".
  EXPECT_EQ(listening_port("hisxd listening on http://127.0.0.1:80"), std::nullopt);
}

TEST(ListeningPort, TakesTheFirstCompleteLine) {
  EXPECT_EQ(listening_port("listening on http://host:x\nlistening on http://127.0.0.1:5001\n"
                           "listening on http://127.0.0.1:5002\n"),
            5001);
}

}  // namespace
}  // namespace hisx::test
