#include "plugins/abi_check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using hisx::host::abi_mismatch;
using hisx::sdk::AbiStamp;
using ::testing::HasSubstr;

namespace {
AbiStamp host() { return {hisx::sdk::kAbiMagic, 2, 2, 1, 12, "gcc", 0x010B0000, 400003, 107400}; }
}  // namespace

TEST(AbiCheck, AcceptsTheSameStamp) { EXPECT_FALSE(abi_mismatch(host(), host())); }

TEST(AbiCheck, AcceptsAPluginBuiltForAnOlderMinor) {
  auto plugin = host();
  plugin.sdk_minor = 0;
  EXPECT_FALSE(abi_mismatch(plugin, host()));
}

TEST(AbiCheck, RefusesANewerMinorAnotherMajorAnotherCompilerOrStringAbi) {
  auto newer = host();
  newer.sdk_minor = 3;
  EXPECT_THAT(*abi_mismatch(newer, host()), HasSubstr("built for hisx SDK 2.3"));
  auto major = host();
  major.sdk_major = 1;
  EXPECT_THAT(*abi_mismatch(major, host()), HasSubstr("rebuild the plugin against hisx SDK 2.2"));
  auto compiler = host();
  compiler.gcc_major = 13;
  EXPECT_THAT(*abi_mismatch(compiler, host()), HasSubstr("GCC 13"));
  auto old_abi = host();
  old_abi.cxx11_abi = 0;
  EXPECT_THAT(*abi_mismatch(old_abi, host()), HasSubstr("C++11 string ABI 0"));
}

TEST(AbiCheck, RefusesOtherPocoSociOrBoostMinorsAndAcceptsOtherPatchLevels) {
  auto patch = host();
  patch.poco_version = 0x010B0100;
  patch.soci_version = 400004;
  patch.boost_version = 107401;
  EXPECT_FALSE(abi_mismatch(patch, host()));
  auto poco = host();
  poco.poco_version = 0x010C0400;
  EXPECT_THAT(*abi_mismatch(poco, host()), HasSubstr("built for hisx SDK 2.2, GCC 12, C++11 string "
                                                     "ABI 1, Poco 1.12.4"));
  auto soci = host();
  soci.soci_version = 400100;
  EXPECT_THAT(*abi_mismatch(soci, host()), HasSubstr("SOCI 4.1.0"));
  auto boost = host();
  boost.boost_version = 108300;
  EXPECT_THAT(*abi_mismatch(boost, host()), HasSubstr("Boost 1.83.0, but this host runs"));
  EXPECT_THAT(*abi_mismatch(boost, host()), HasSubstr("Poco, SOCI and Boost development packages"));
}

TEST(AbiCheck, RefusesAForeignStamp) {
  auto foreign = host();
  foreign.magic = 0;
  EXPECT_THAT(*abi_mismatch(foreign, host()), HasSubstr("not a hisx stamp"));
}
