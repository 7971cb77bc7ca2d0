#include "plugins/abi_check.h"

namespace hisx::host {

namespace {

std::string poco(std::uint32_t v) {
  return std::to_string(v >> 24) + "." + std::to_string((v >> 16) & 0xFF) + "." +
         std::to_string((v >> 8) & 0xFF);
}
// SOCI_VERSION and BOOST_VERSION share one decimal layout: major * 100000 + minor * 100 + patch.
std::string decimal(std::uint32_t v) {
  return std::to_string(v / 100000) + "." + std::to_string(v / 100 % 1000) + "." +
         std::to_string(v % 100);
}

// The libraries whose types cross the plugin boundary; their ABI changes with the minor
// version (Debian gives each a new soname), so major and minor must match.
bool same_libraries(const sdk::AbiStamp& a, const sdk::AbiStamp& b) {
  return (a.poco_version >> 16) == (b.poco_version >> 16) &&
         a.soci_version / 100 == b.soci_version / 100 &&
         a.boost_version / 100 == b.boost_version / 100;
}

}  // namespace

std::string describe(const sdk::AbiStamp& s) {
  std::string text = "hisx SDK " + std::to_string(s.sdk_major) + "." + std::to_string(s.sdk_minor) +
                     ", GCC " + std::to_string(s.gcc_major) + ", C++11 string ABI " +
                     std::to_string(s.cxx11_abi);
  if (s.sdk_major >= 2) {
    text += ", Poco " + poco(s.poco_version) + ", SOCI " + decimal(s.soci_version) + ", Boost " +
            decimal(s.boost_version);
  }
  return text;
}

std::optional<std::string> abi_mismatch(const sdk::AbiStamp& found, const sdk::AbiStamp& expected) {
  if (found.magic != sdk::kAbiMagic) {
    return std::string("its ABI stamp is not a hisx stamp (wrong magic number)");
  }
  // A stamp of another major may be shorter: nothing after sdk_minor is read from it.
  const bool compatible = found.sdk_major == expected.sdk_major &&
                          found.sdk_minor <= expected.sdk_minor &&
                          found.gcc_major == expected.gcc_major &&
                          found.cxx11_abi == expected.cxx11_abi && same_libraries(found, expected);
  if (compatible) return std::nullopt;
  const std::string built =
      found.sdk_major == expected.sdk_major
          ? describe(found)
          : "hisx SDK " + std::to_string(found.sdk_major) + "." + std::to_string(found.sdk_minor);
  return "it was built for " + built + ", but this host runs " + describe(expected) +
         "; rebuild the plugin against hisx SDK " + std::to_string(expected.sdk_major) + "." +
         std::to_string(expected.sdk_minor) + " with GCC " + std::to_string(expected.gcc_major) +
         " and this system's Poco, SOCI and Boost development packages";
}

}  // namespace hisx::host
