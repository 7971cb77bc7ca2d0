#pragma once

#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "hisx/export.h"

namespace hisx::sdk {

/// Base of every interface that one plugin publishes for others (DESIGN.md: plugins cooperate
/// through events and services, never through each other's headers or tables). An interface
/// is declared in the SDK headers, derives from Service and names itself and its version:
///
///     class PatientAccess : public Service {
///      public:
///       static constexpr const char* kName = "patient_access";
///       static constexpr int kVersion = 1;
///       …pure virtual calls…
///     };
///
/// A version only ever adds calls at the end of the interface; a change that breaks callers
/// is a new interface name.
class HISX_SDK_API Service {
 public:
  virtual ~Service();
};

/// The services the enabled plugins publish, looked up by interface. Any subset of plugins
/// may be enabled: a consumer must handle a service's absence (an optional feature is then
/// off), unless it lists the provider in `requires_plugins`.
class HISX_SDK_API Services {
 public:
  virtual ~Services();

  /// Publishes `service` as interface `I` (at I::kVersion) from the calling plugin, during
  /// its start(). Plugins start in dependency order, so a consumer that needs a service at its
  /// own start() requires the provider; otherwise look it up when it is used. The host keeps
  /// the object until the host stops; it is called from many threads at once. Throws
  /// std::invalid_argument when another plugin already published `I`.
  template <class I>
  void publish(std::shared_ptr<I> service) {
    static_assert(std::is_base_of_v<Service, I>, "a service interface derives from Service");
    publish_service(I::kName, I::kVersion, std::move(service));
  }

  /// The published implementation of `I`, or null when no enabled plugin publishes it (or
  /// publishes an older version than I::kVersion, which lacks calls the caller may use).
  template <class I>
  std::shared_ptr<I> find() const {
    static_assert(std::is_base_of_v<Service, I>, "a service interface derives from Service");
    return std::dynamic_pointer_cast<I>(find_service(I::kName, I::kVersion));
  }

  /// One published service, for listings.
  struct Listing {
    std::string name;      ///< The interface's kName.
    int version = 0;       ///< The version published.
    std::string provider;  ///< The plugin that published it.
  };
  /// Every published service, by name.
  virtual std::vector<Listing> list() const = 0;

 protected:
  /// Publishes under `name` at `version` (see publish()).
  virtual void publish_service(const std::string& name, int version,
                               std::shared_ptr<Service> service) = 0;
  /// The service published under `name` at `version` or later, or null.
  virtual std::shared_ptr<Service> find_service(const std::string& name, int min_version) const = 0;
};

}  // namespace hisx::sdk
