#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "hisx/events.h"

namespace hisx::host {

class OutboxEventBus;

/// The event bus one plugin sees through its context: publishes carry the plugin's name as
/// their source, subscriber names must start with "<plugin>." (so that two plugins never
/// share one), and the plugin's subscriptions end when this object goes (after its stop()),
/// so that no handler of a stopped plugin is called.
class PluginEventBus final : public sdk::EventBus {
 public:
  /// `bus` must outlive this object. Over an OutboxEventBus the source is stamped; over any
  /// other bus (tests) publish and subscribe pass through.
  PluginEventBus(sdk::EventBus& bus, std::string plugin);
  /// Unsubscribes what the plugin subscribed (waits for a running handler of it).
  ~PluginEventBus() override;
  PluginEventBus(const PluginEventBus&) = delete;
  PluginEventBus& operator=(const PluginEventBus&) = delete;

  std::string publish(soci::session& store_tx, const std::string& name,
                      Poco::JSON::Object::Ptr payload) override;
  /// Throws std::invalid_argument when `subscriber` does not start with "<plugin>.".
  void subscribe(const std::string& name, const std::string& subscriber,
                 sdk::EventHandler handler) override;

 private:
  sdk::EventBus& bus_;
  OutboxEventBus* outbox_;  // `bus_` when it is the outbox, else null.
  std::string plugin_;
  std::mutex mutex_;
  std::vector<std::string> subscribers_;
};

}  // namespace hisx::host
