#pragma once

#include <memory>
#include <vector>

#include "hisx/context.h"
#include "hisx/export.h"
#include "hisx/manifest.h"
#include "hisx/migration.h"
#include "hisx/version.h"

namespace hisx::sdk {

/// A hisx plugin. The host creates it through the factory, reads its manifest, applies its
/// migrations, then calls start() in dependency order and stop() in reverse order.
/// Every call is wrapped by the host: an exception is reported with the plugin's name.
class HISX_SDK_API Plugin {
 public:
  virtual ~Plugin();
  /// The plugin's declaration; must not depend on start().
  virtual Manifest manifest() const = 0;
  /// Schema steps for the `store` database, in version order.
  virtual std::vector<Migration> migrations() const;
  /// Registers routes and begins work. Throwing refuses the host's start-up.
  virtual void start(Context& context) = 0;
  /// Ends work; called once, after which no route of the plugin is called.
  virtual void stop();
};

}  // namespace hisx::sdk

/// Exports the ABI stamp and the factory of plugin class `PluginClass`. Write it once, in
/// one source file of the plugin, at global scope.
#define HISX_PLUGIN(PluginClass)                                                            \
  HISX_PLUGIN_EXPORT const ::hisx::sdk::AbiStamp* hisx_abi_stamp() {                        \
    static constexpr ::hisx::sdk::AbiStamp stamp = ::hisx::sdk::current_abi_stamp();        \
    return &stamp;                                                                          \
  }                                                                                         \
  namespace hisx_plugin_factory {                                                           \
  std::unique_ptr<::hisx::sdk::Plugin> create() { return std::make_unique<PluginClass>(); } \
  }                                                                                         \
  BOOST_DLL_ALIAS(hisx_plugin_factory::create, hisx_create_plugin)

#include <boost/dll/alias.hpp>
