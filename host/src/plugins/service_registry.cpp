#include "plugins/service_registry.h"

#include <stdexcept>

namespace hisx::host {

void ServiceRegistry::publish(const std::string& provider, const std::string& name, int version,
                              std::shared_ptr<sdk::Service> service) {
  if (!service) {
    throw std::invalid_argument("plugin '" + provider + "' published no object as service '" +
                                name + "'");
  }
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(name); it != entries_.end()) {
    throw std::invalid_argument("plugin '" + provider + "' publishes service '" + name +
                                "', already published by plugin '" + it->second.listing.provider +
                                "'; enable only one of them");
  }
  entries_[name] = Entry{{name, version, provider}, std::move(service)};
}

std::shared_ptr<sdk::Service> ServiceRegistry::find(const std::string& name,
                                                    int min_version) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(name);
  if (it == entries_.end() || it->second.listing.version < min_version) return nullptr;
  return it->second.service;
}

std::vector<sdk::Services::Listing> ServiceRegistry::list() const {
  std::lock_guard lock(mutex_);
  std::vector<sdk::Services::Listing> out;
  for (const auto& [name, entry] : entries_) out.push_back(entry.listing);
  return out;
}

void ServiceRegistry::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace hisx::host
