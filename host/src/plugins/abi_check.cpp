#include "plugins/abi_check.h"

namespace hisx::host {

std::string describe(const sdk::AbiStamp& s) {
  return "hisx SDK " + std::to_string(s.sdk_major) + "." + std::to_string(s.sdk_minor) + ", GCC " +
         std::to_string(s.gcc_major) + ", C++11 string ABI " + std::to_string(s.cxx11_abi);
}

std::optional<std::string> abi_mismatch(const sdk::AbiStamp& found, const sdk::AbiStamp& expected) {
  if (found.magic != sdk::kAbiMagic) {
    return std::string("its ABI stamp is not a hisx stamp (wrong magic number)");
  }
  const bool compatible =
      found.sdk_major == expected.sdk_major && found.sdk_minor <= expected.sdk_minor &&
      found.gcc_major == expected.gcc_major && found.cxx11_abi == expected.cxx11_abi;
  if (compatible) return std::nullopt;
  return "it was built for " + describe(found) + ", but this host runs " + describe(expected) +
         "; rebuild the plugin against hisx SDK " + std::to_string(expected.sdk_major) + "." +
         std::to_string(expected.sdk_minor) + " with GCC " + std::to_string(expected.gcc_major);
}

}  // namespace hisx::host
