#include "app/plugin_context.h"

#include <stdexcept>

namespace hisx::host {

PluginContext::PluginContext(std::string plugin, sdk::Settings settings, sdk::Database& his,
                             sdk::Database& store, const sdk::HisProfile& profile,
                             RouteTable& routes, const sdk::Clock& clock, const sdk::TimeZone& zone,
                             HostServices services, std::vector<std::string> device_scopes)
    : settings_(std::move(settings)),
      logger_(Poco::Logger::get("hisx." + plugin)),
      his_(his),
      store_(store),
      profile_(profile),
      router_(routes, plugin, std::move(device_scopes)),
      clock_(clock),
      zone_(zone),
      services_(services),
      plugin_services_(*services.services, plugin),
      events_(services.events ? std::make_unique<PluginEventBus>(*services.events, plugin)
                              : nullptr),
      scheduler_(services.scheduler ? std::make_unique<PluginScheduler>(*services.scheduler, plugin)
                                    : nullptr),
      idempotency_(services.idempotency
                       ? std::make_unique<PluginIdempotency>(*services.idempotency, plugin)
                       : nullptr),
      rate_limits_(services.rate_limits
                       ? std::make_unique<PluginRateLimits>(*services.rate_limits, plugin)
                       : nullptr) {}

PluginContext::~PluginContext() = default;

sdk::Scheduler& PluginContext::scheduler() {
  if (!scheduler_) throw std::logic_error("the job scheduler is not open (Host::open_services())");
  return *scheduler_;
}

sdk::Idempotency& PluginContext::idempotency() {
  if (!idempotency_) throw std::logic_error("idempotency is not open (Host::open_services())");
  return *idempotency_;
}

sdk::RateLimits& PluginContext::rate_limits() {
  if (!rate_limits_) throw std::logic_error("rate limits are not open (Host::open_services())");
  return *rate_limits_;
}

sdk::EventBus& PluginContext::events() {
  if (!events_) throw std::logic_error("the event bus is not open (Host::open_services())");
  return *events_;
}

}  // namespace hisx::host
