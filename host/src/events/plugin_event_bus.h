#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "hisx/events.h"

namespace hisx::host {

class OutboxEventBus;

/// The event bus one plugin sees through its context: publishes carry the plugin's name as
/// their source, the events it declares and the subscriber names it uses must start with
/// "<plugin>." (so that two plugins never share one), and the plugin's subscriptions end when
/// this object goes (after its stop()), so that no handler of a stopped plugin is called.
class PluginEventBus final : public sdk::EventBus {
 public:
  /// `bus` must outlive this object. Over an OutboxEventBus the source and the owner of
  /// declarations are stamped; over any other bus (tests) the calls pass through.
  PluginEventBus(sdk::EventBus& bus, std::string plugin);
  /// Unsubscribes what the plugin subscribed (waits for a running handler of it).
  ~PluginEventBus() override;
  PluginEventBus(const PluginEventBus&) = delete;
  PluginEventBus& operator=(const PluginEventBus&) = delete;

  using sdk::EventBus::subscribe;

  /// Refuses (std::invalid_argument) a name the plugin did not declare unless it is standard.
  std::string publish(soci::session& store_tx, const std::string& name,
                      Poco::JSON::Object::Ptr payload) override;
  /// Throws std::invalid_argument when `subscriber` does not start with "<plugin>.".
  void subscribe(const std::string& name, const std::string& subscriber, sdk::EventHandler handler,
                 sdk::SubscribeOptions options) override;
  /// Throws std::invalid_argument when the name does not start with "<plugin>.".
  void declare(const sdk::EventSchema& schema) override;
  /// Throws std::invalid_argument when `subscriber` does not start with "<plugin>.".
  long long replay(soci::session& store_tx, const std::string& subscriber) override;

 private:
  void check_own(const std::string& what, const std::string& name) const;

  sdk::EventBus& bus_;
  OutboxEventBus* outbox_;  // `bus_` when it is the outbox, else null.
  std::string plugin_;
  std::mutex mutex_;
  std::vector<std::string> subscribers_;
};

}  // namespace hisx::host
