#pragma once

#include <Poco/JSON/Object.h>

#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "hisx/event_schemas.h"

namespace hisx::host {

/// The declarations the bus checks each publish against: the standard events of the SDK and
/// those plugins (or the host) declared. Safe to use from many threads.
class EventCatalog {
 public:
  /// One declaration and who made it.
  struct Entry {
    sdk::EventSchema schema;
    std::string owner;  ///< "" for a standard event; else the declaring plugin, or "host".
  };

  /// Declares `schema` on behalf of `owner` (a plugin's name, or "host"). An empty publisher
  /// becomes `owner`. The same owner may declare a name again (a newer version replaces the
  /// older). Throws std::invalid_argument for a schema sdk::check_schema() refuses, a standard
  /// name, or a name another owner declared.
  void declare(const std::string& owner, sdk::EventSchema schema);

  /// The declaration of `name`, if any.
  std::optional<Entry> find(const std::string& name) const;

  /// Checks that `source` ("host" or a plugin's name) may publish `payload` as `name`, and
  /// returns the declaration's version. Throws std::invalid_argument when the name is not
  /// declared, when another plugin declared it, or when the payload does not match.
  int check_publish(const std::string& source, const std::string& name,
                    const Poco::JSON::Object::Ptr& payload) const;

  /// The events declared by plugins or the host (not the standard ones), by name.
  std::vector<Entry> declared() const;

 private:
  mutable std::shared_mutex mutex_;
  std::map<std::string, Entry> declared_;
};

}  // namespace hisx::host
