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

std::string PluginEventBus::publish(soci::session& store_tx, const std::string& name,
                                    Poco::JSON::Object::Ptr payload) {
  if (outbox_) return outbox_->publish_from(plugin_, store_tx, name, std::move(payload));
  return bus_.publish(store_tx, name, std::move(payload));
}

void PluginEventBus::subscribe(const std::string& name, const std::string& subscriber,
                               sdk::EventHandler handler) {
  const std::string prefix = plugin_ + ".";
  if (subscriber.size() <= prefix.size() || subscriber.compare(0, prefix.size(), prefix) != 0) {
    throw std::invalid_argument("subscriber '" + subscriber + "' of plugin '" + plugin_ +
                                "' must be named '" + prefix + "<something>'");
  }
  bus_.subscribe(name, subscriber, std::move(handler));
  std::lock_guard lock(mutex_);
  subscribers_.push_back(subscriber);
}

}  // namespace hisx::host
