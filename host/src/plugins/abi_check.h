#pragma once

#include <optional>
#include <string>

#include "hisx/version.h"

namespace hisx::host {

/// Describes a stamp for messages: "hisx SDK 1.0, GCC 12, C++11 string ABI 1".
std::string describe(const sdk::AbiStamp& stamp);

/// Why a plugin built with `found` cannot run in a host built with `expected`, or nothing when
/// it can. Minor SDK versions are compatible upwards (a plugin built for 1.0 runs on 1.2,
/// not the reverse); the major version, the compiler's major version and the C++11 string
/// ABI must match exactly.
std::optional<std::string> abi_mismatch(const sdk::AbiStamp& found, const sdk::AbiStamp& expected);

}  // namespace hisx::host
