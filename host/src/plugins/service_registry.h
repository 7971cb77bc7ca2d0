#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "hisx/services.h"

namespace hisx::host {

/// The services published by the enabled plugins (hisx/services.h), one implementation per
/// interface name. Thread-safe: plugins publish during start() and look up at any time.
class ServiceRegistry {
 public:
  /// Records `service` under `name` at `version`, published by `provider`. Throws
  /// std::invalid_argument naming both plugins when `name` is taken, or for a null service.
  void publish(const std::string& provider, const std::string& name, int version,
               std::shared_ptr<sdk::Service> service);
  /// The service under `name` if published at `min_version` or later; null otherwise.
  std::shared_ptr<sdk::Service> find(const std::string& name, int min_version) const;
  /// Every published service, by name.
  std::vector<sdk::Services::Listing> list() const;
  /// Drops every service (when the host stops its plugins).
  void clear();

 private:
  struct Entry {
    sdk::Services::Listing listing;
    std::shared_ptr<sdk::Service> service;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

/// One plugin's view of the registry: what it publishes is recorded with its name.
class PluginServices final : public sdk::Services {
 public:
  PluginServices(ServiceRegistry& registry, std::string plugin)
      : registry_(registry), plugin_(std::move(plugin)) {}
  std::vector<Listing> list() const override { return registry_.list(); }

 protected:
  void publish_service(const std::string& name, int version,
                       std::shared_ptr<sdk::Service> service) override {
    registry_.publish(plugin_, name, version, std::move(service));
  }
  std::shared_ptr<sdk::Service> find_service(const std::string& name,
                                             int min_version) const override {
    return registry_.find(name, min_version);
  }

 private:
  ServiceRegistry& registry_;
  std::string plugin_;
};

/// The registry as the host itself reads it (the HTTP dispatcher's app account check): finds
/// and lists, never publishes (publish() throws std::logic_error).
class RegistryReader final : public sdk::Services {
 public:
  explicit RegistryReader(const ServiceRegistry& registry) : registry_(registry) {}
  std::vector<Listing> list() const override { return registry_.list(); }

 protected:
  void publish_service(const std::string& name, int, std::shared_ptr<sdk::Service>) override {
    throw std::logic_error("The host publishes no service ('" + name + "')");
  }
  std::shared_ptr<sdk::Service> find_service(const std::string& name,
                                             int min_version) const override {
    return registry_.find(name, min_version);
  }

 private:
  const ServiceRegistry& registry_;
};

}  // namespace hisx::host
