#include "plugins/abi_check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using hisx::host::abi_mismatch;
using hisx::sdk::AbiStamp;
using ::testing::HasSubstr;

namespace {
AbiStamp host() { return {hisx::sdk::kAbiMagic, 1, 2, 1, 12, "gcc"}; }
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
  EXPECT_THAT(*abi_mismatch(newer, host()), HasSubstr("built for hisx SDK 1.3"));
  auto major = host();
  major.sdk_major = 2;
  EXPECT_THAT(*abi_mismatch(major, host()), HasSubstr("rebuild the plugin against hisx SDK 1.2"));
  auto compiler = host();
  compiler.gcc_major = 13;
  EXPECT_THAT(*abi_mismatch(compiler, host()), HasSubstr("GCC 13"));
  auto old_abi = host();
  old_abi.cxx11_abi = 0;
  EXPECT_THAT(*abi_mismatch(old_abi, host()), HasSubstr("C++11 string ABI 0"));
}

TEST(AbiCheck, RefusesAForeignStamp) {
  auto foreign = host();
  foreign.magic = 0;
  EXPECT_THAT(*abi_mismatch(foreign, host()), HasSubstr("not a hisx stamp"));
}
