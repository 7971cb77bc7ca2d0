#include "jobs/plugin_scheduler.h"

#include <stdexcept>

namespace hisx::host {

PluginScheduler::PluginScheduler(sdk::Scheduler& inner, std::string plugin)
    : inner_(inner), plugin_(std::move(plugin)) {}

PluginScheduler::~PluginScheduler() = default;

void PluginScheduler::check_prefix(const std::string& name) const {
  const std::string prefix = plugin_ + ".";
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) {
    throw std::invalid_argument("job name '" + name + "' of plugin '" + plugin_ +
                                "' must start with '" + prefix + "'");
  }
}

void PluginScheduler::every(const std::string& name, const std::string& cron, sdk::JobFunction fn,
                            std::chrono::seconds lease) {
  check_prefix(name);
  inner_.every(name, cron, std::move(fn), lease);
}

void PluginScheduler::once(const std::string& name, std::chrono::system_clock::time_point when,
                           sdk::JobFunction fn, std::chrono::seconds lease) {
  check_prefix(name);
  inner_.once(name, when, std::move(fn), lease);
}

}  // namespace hisx::host
