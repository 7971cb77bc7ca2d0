#pragma once

#include <string>
#include <vector>

#include "hisx/http.h"
#include "http/route_table.h"

namespace hisx::host {

/// The sdk::Router handed to one plugin: every route it adds is recorded under the plugin's
/// name, so that errors and the API description say where a route comes from.
class PluginRouter : public sdk::Router {
 public:
  /// `table` must outlive this router. `device_scopes`: the scopes the owner declares
  /// (Manifest::device_scopes), the only ones its routes may name.
  PluginRouter(RouteTable& table, std::string owner, std::vector<std::string> device_scopes = {});

  /// Adds into the table under this router's owner; throws std::invalid_argument as
  /// RouteTable::add does, and for a device scope the owner does not declare.
  void add(sdk::Route route) override;

  const std::string& owner() const { return owner_; }

 private:
  RouteTable& table_;
  std::string owner_;
  std::vector<std::string> device_scopes_;
};

}  // namespace hisx::host
