#include "events/plugin_event_bus.h"

#include <stdexcept>

#include "events/outbox_event_bus.h"

namespace hisx::host {

PluginEventBus::PluginEventBus(sdk::EventBus& bus, std::string plugin)
    : bus_(bus), outbox_(dynamic_cast<OutboxEventBus*>(&bus)), plugin_(std::move(plugin)) {}

PluginEventBus::~PluginEventBus() {
  if (!outbox_) return;
  for (const auto& subscriber : subscribers_) outbox_->unsubscribe(subscriber);
}

void PluginEventBus::check_own(const std::string& what, const std::string& name) const {
  const std::string prefix = plugin_ + ".";
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) {
    throw std::invalid_argument(what + " '" + name + "' of plugin '" + plugin_ +
                                "' must be named '" + prefix + "<something>'");
  }
}

std::string PluginEventBus::publish(soci::session& store_tx, const std::string& name,
                                    Poco::JSON::Object::Ptr payload) {
  if (outbox_) return outbox_->publish_from(plugin_, store_tx, name, std::move(payload));
  return bus_.publish(store_tx, name, std::move(payload));
}

void PluginEventBus::subscribe(const std::string& name, const std::string& subscriber,
                               sdk::EventHandler handler, sdk::SubscribeOptions options) {
  check_own("subscriber", subscriber);
  bus_.subscribe(name, subscriber, std::move(handler), options);
  std::lock_guard lock(mutex_);
  subscribers_.push_back(subscriber);
}

void PluginEventBus::declare(const sdk::EventSchema& schema) {
  check_own("event", schema.name);
  if (outbox_) {
    outbox_->declare_from(plugin_, schema);
  } else {
    bus_.declare(schema);
  }
}

long long PluginEventBus::replay(soci::session& store_tx, const std::string& subscriber) {
  check_own("subscriber", subscriber);
  return bus_.replay(store_tx, subscriber);
}

}  // namespace hisx::host
