#pragma once

#include <Poco/Version.h>
#include <soci/version.h>

#include <boost/version.hpp>
#include <cstdint>

namespace hisx::sdk {

/// SDK major version. A plugin built against another major version is refused.
inline constexpr std::uint32_t kSdkMajor = 2;
/// SDK minor version. Minor versions only add; a plugin built against an older minor loads.
inline constexpr std::uint32_t kSdkMinor = 2;

/// Magic number at the start of every ABI stamp, so that a symbol of the right name but the
/// wrong layout is recognised as foreign.
inline constexpr std::uint32_t kAbiMagic = 0x48495358;  // "HISX"

/// What a plugin was built with, read by the host before anything else in the plugin is
/// called. Plain C layout: it must stay readable whatever else changed. The fields after
/// `compiler` exist since SDK 2.0; the host reads them only from a stamp of its own major.
struct AbiStamp {
  std::uint32_t magic;      ///< Always kAbiMagic.
  std::uint32_t sdk_major;  ///< kSdkMajor of the SDK the plugin was built against.
  std::uint32_t sdk_minor;  ///< kSdkMinor of that SDK.
  std::uint32_t cxx11_abi;  ///< _GLIBCXX_USE_CXX11_ABI (the std::string layout).
  std::uint32_t gcc_major;  ///< __GNUC__ of the compiler.
  const char* compiler;     ///< __VERSION__ of the compiler, for messages.
  /// POCO_VERSION (0xMMmmpprr): the SDK passes Poco types (JSON objects, loggers).
  std::uint32_t poco_version;
  /// SOCI_VERSION (MMmmpp, e.g. 400003): the SDK passes SOCI sessions and pools.
  std::uint32_t soci_version;
  /// BOOST_VERSION (MMMmmmpp, e.g. 107400): the factory is a Boost.DLL alias.
  std::uint32_t boost_version;
};

/// The stamp of the code being compiled now: what the host expects from every plugin.
inline constexpr AbiStamp current_abi_stamp() {
  return AbiStamp {
    kAbiMagic, kSdkMajor, kSdkMinor,
#if defined(_GLIBCXX_USE_CXX11_ABI)
        static_cast<std::uint32_t>(_GLIBCXX_USE_CXX11_ABI),
#else
        0,
#endif
        static_cast<std::uint32_t>(__GNUC__), __VERSION__, static_cast<std::uint32_t>(POCO_VERSION),
        static_cast<std::uint32_t>(SOCI_VERSION), static_cast<std::uint32_t>(BOOST_VERSION)
  };
}

/// Name of the C-linkage function returning `const AbiStamp*` that every plugin exports.
inline constexpr const char* kAbiStampSymbol = "hisx_abi_stamp";
/// Name of the Boost.DLL alias of the plugin factory (`std::unique_ptr<Plugin>()`).
inline constexpr const char* kFactoryAlias = "hisx_create_plugin";

}  // namespace hisx::sdk
