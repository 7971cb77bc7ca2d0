#pragma once

#include <optional>
#include <string>

#include "hisx/version.h"

namespace hisx::host {

/// Describes a stamp for messages: "hisx SDK 2.0, GCC 12, C++11 string ABI 1, Poco 1.11.0,
/// SOCI 4.0.3, Boost 1.74.0".
std::string describe(const sdk::AbiStamp& stamp);

/// Why a plugin built with `found` cannot run in a host built with `expected`, or nothing when
/// it can. Minor SDK versions are compatible upwards (a plugin built for 1.0 runs on 1.2,
/// not the reverse); the major version, the compiler's major version and the C++11 string
/// ABI must match exactly, and so must the major and minor versions of Poco, SOCI and Boost,
/// whose types the SDK passes.
std::optional<std::string> abi_mismatch(const sdk::AbiStamp& found, const sdk::AbiStamp& expected);

}  // namespace hisx::host
