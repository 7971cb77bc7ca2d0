#pragma once

#include <string>

#include "hisx/http.h"
#include "http/route_table.h"

namespace hisx::host {

/// The sdk::Router handed to one plugin: every route it adds is recorded under the plugin's
/// name, so that errors and the API description say where a route comes from.
class PluginRouter : public sdk::Router {
 public:
  /// `table` must outlive this router.
  PluginRouter(RouteTable& table, std::string owner);

  /// Adds into the table under this router's owner; throws std::invalid_argument as
  /// RouteTable::add does.
  void add(sdk::Route route) override;

  const std::string& owner() const { return owner_; }

 private:
  RouteTable& table_;
  std::string owner_;
};

}  // namespace hisx::host
