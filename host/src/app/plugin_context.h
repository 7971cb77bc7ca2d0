#pragma once

#include <memory>
#include <string>
#include <vector>

#include "events/plugin_event_bus.h"
#include "hisx/context.h"
#include "http/plugin_router.h"
#include "idempotency/store_idempotency.h"
#include "jobs/plugin_scheduler.h"
#include "plugins/service_registry.h"
#include "rate_limits/store_rate_limits.h"

namespace hisx::host {

/// The host services a plugin reaches through its context; owned by the Host.
struct HostServices {
  sdk::EventBus* events = nullptr;
  sdk::Scheduler* scheduler = nullptr;
  sdk::Notifier* notifier = nullptr;
  sdk::Metrics* metrics = nullptr;
  ServiceRegistry* services = nullptr;
  sdk::Idempotency* idempotency = nullptr;
  sdk::RateLimits* rate_limits = nullptr;
};

/// What one plugin gets in start(): its settings and logger, the shared databases, profile
/// and clock, and a router that registers its routes under its own name.
class PluginContext : public sdk::Context {
 public:
  /// `device_scopes`: those the plugin's manifest declares, the only ones its routes may name.
  PluginContext(std::string plugin, sdk::Settings settings, sdk::Database& his,
                sdk::Database& store, const sdk::HisProfile& profile, RouteTable& routes,
                const sdk::Clock& clock, const sdk::TimeZone& zone, HostServices services,
                std::vector<std::string> device_scopes = {});
  ~PluginContext() override;

  const sdk::Settings& settings() const override { return settings_; }
  Poco::Logger& logger() const override { return logger_; }
  sdk::Database& his() override { return his_; }
  sdk::Database& store() override { return store_; }
  const sdk::HisProfile& profile() const override { return profile_; }
  sdk::Router& router() override { return router_; }
  const sdk::Clock& clock() const override { return clock_; }
  const sdk::TimeZone& zone() const override { return zone_; }
  /// The host's bus, publishing with this plugin's name as source.
  sdk::EventBus& events() override;
  /// The host's scheduler, taking only job names that start with "<plugin>.".
  sdk::Scheduler& scheduler() override;
  sdk::Notifier& notifier() override { return *services_.notifier; }
  sdk::Metrics& metrics() override { return *services_.metrics; }
  /// The host's service registry, publishing with this plugin's name as provider.
  sdk::Services& services() override { return plugin_services_; }
  /// The host's Idempotency-Key store, with scopes kept under this plugin's name.
  sdk::Idempotency& idempotency() override;
  /// The host's rate limits, with buckets kept under this plugin's name.
  sdk::RateLimits& rate_limits() override;

 private:
  sdk::Settings settings_;
  Poco::Logger& logger_;
  sdk::Database& his_;
  sdk::Database& store_;
  const sdk::HisProfile& profile_;
  PluginRouter router_;
  const sdk::Clock& clock_;
  const sdk::TimeZone& zone_;
  HostServices services_;
  PluginServices plugin_services_;
  std::unique_ptr<PluginEventBus> events_;  // services_.events for this plugin.
  // services_.scheduler for this plugin.
  std::unique_ptr<PluginScheduler> scheduler_;
  std::unique_ptr<PluginIdempotency> idempotency_;  // services_.idempotency for this plugin.
  std::unique_ptr<PluginRateLimits> rate_limits_;   // services_.rate_limits for this plugin.
};

}  // namespace hisx::host
