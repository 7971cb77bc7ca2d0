#include "support/port.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <gtest/gtest.h>

namespace hisx::test {
namespace {

TEST(FreePort, CanBeBoundRightAfterwards) {
  int port = free_port();
  ASSERT_GT(port, 0);
  ASSERT_LT(port, 65536);
  // Without SO_REUSEADDR, so that a port still held by anyone would fail here.
  Poco::Net::ServerSocket socket;
  socket.bind(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)), false);
  socket.listen();
  EXPECT_EQ(socket.address().port(), port);
}

}  // namespace
}  // namespace hisx::test
