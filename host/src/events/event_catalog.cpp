#include "events/event_catalog.h"

#include <mutex>
#include <stdexcept>

namespace hisx::host {

void EventCatalog::declare(const std::string& owner, sdk::EventSchema schema) {
  sdk::check_schema(schema);
  if (sdk::find_standard_event(schema.name)) {
    throw std::invalid_argument("event '" + schema.name +
                                "' is a standard event, declared by the SDK "
                                "(hisx/event_schemas.h); publish it without declaring it");
  }
  if (schema.publisher.empty()) schema.publisher = owner;
  std::unique_lock lock(mutex_);
  auto it = declared_.find(schema.name);
  if (it != declared_.end() && it->second.owner != owner) {
    throw std::invalid_argument("event '" + schema.name + "' is declared by " + it->second.owner +
                                " already; " + owner +
                                " declares its own events under its own name");
  }
  const std::string name = schema.name;
  declared_[name] = Entry{std::move(schema), owner};
}

std::optional<EventCatalog::Entry> EventCatalog::find(const std::string& name) const {
  if (const auto* standard = sdk::find_standard_event(name)) return Entry{*standard, ""};
  std::shared_lock lock(mutex_);
  auto it = declared_.find(name);
  if (it == declared_.end()) return std::nullopt;
  return it->second;
}

int EventCatalog::check_publish(const std::string& source, const std::string& name,
                                const Poco::JSON::Object::Ptr& payload) const {
  if (const auto* standard = sdk::find_standard_event(name)) {
    sdk::check_payload(*standard, payload);
    return standard->version;
  }
  std::shared_lock lock(mutex_);
  auto it = declared_.find(name);
  if (it == declared_.end()) {
    throw std::invalid_argument(
        "event '" + name +
        "' is not declared: publish a standard event (docs/events.md), or declare the "
        "plugin's own with events().declare(schema) in start(), named '<plugin>.<what>'");
  }
  const Entry& entry = it->second;
  if (entry.owner != source) {
    throw std::invalid_argument("event '" + name + "' is declared by " + entry.owner +
                                ", which alone publishes it (" + source + " tried)");
  }
  sdk::check_payload(entry.schema, payload);
  return entry.schema.version;
}

std::vector<EventCatalog::Entry> EventCatalog::declared() const {
  std::shared_lock lock(mutex_);
  std::vector<Entry> out;
  for (const auto& [name, entry] : declared_) out.push_back(entry);
  return out;
}

}  // namespace hisx::host
