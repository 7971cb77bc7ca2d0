#include "http/client_address.h"

#include <gtest/gtest.h>

namespace hisx::test {
namespace {

using host::client_address_of;
using host::host_of;

TEST(ClientAddress, DropsThePort) {
  EXPECT_EQ(host_of("10.0.0.7:51234"), "10.0.0.7");
  EXPECT_EQ(host_of("[::1]:8080"), "::1");
  EXPECT_EQ(host_of("10.0.0.7"), "10.0.0.7");
  EXPECT_EQ(host_of("fe80::1"), "fe80::1");
}

TEST(ClientAddress, WithoutTrustedProxiesForwardedForIsIgnored) {
  EXPECT_EQ(client_address_of("203.0.113.9:4000", std::string("1.2.3.4"), {}), "203.0.113.9");
  EXPECT_EQ(client_address_of("203.0.113.9:4000", std::nullopt, {"127.0.0.1"}), "203.0.113.9");
  // A client talking to the host directly cannot pretend to be elsewhere.
  EXPECT_EQ(client_address_of("203.0.113.9:4000", std::string("1.2.3.4"), {"127.0.0.1"}),
            "203.0.113.9");
}

TEST(ClientAddress, BehindATrustedProxyTheForwardedClientCounts) {
  const std::vector<std::string> proxies = {"127.0.0.1", "10.0.0.2"};
  EXPECT_EQ(client_address_of("127.0.0.1:5000", std::string("198.51.100.4"), proxies),
            "198.51.100.4");
  // What the client wrote itself (left) is not believed; the right-most untrusted hop is.
  EXPECT_EQ(
      client_address_of("127.0.0.1:5000", std::string("6.6.6.6, 198.51.100.4, 10.0.0.2"), proxies),
      "198.51.100.4");
  // Only proxies in the chain: the left-most of them.
  EXPECT_EQ(client_address_of("127.0.0.1:5000", std::string("10.0.0.2"), proxies), "10.0.0.2");
  // A malformed header leaves the last trustworthy address.
  EXPECT_EQ(client_address_of("127.0.0.1:5000", std::string("198.51.100.4, "), proxies),
            "127.0.0.1");
}

}  // namespace
}  // namespace hisx::test
