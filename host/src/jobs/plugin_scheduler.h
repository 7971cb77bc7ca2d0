#pragma once

#include <string>

#include "hisx/scheduler.h"

namespace hisx::host {

/// The scheduler one plugin sees through its context: the host's, refusing job names that do
/// not start with "<plugin>." so that plugins cannot take or shadow each other's jobs.
class PluginScheduler final : public sdk::Scheduler {
 public:
  /// `inner` must outlive this object.
  PluginScheduler(sdk::Scheduler& inner, std::string plugin);
  ~PluginScheduler() override;

  /// As sdk::Scheduler::every; also throws std::invalid_argument for a name without the
  /// plugin's prefix.
  void every(const std::string& name, const std::string& cron, sdk::JobFunction fn,
             std::chrono::seconds lease = std::chrono::minutes(10)) override;
  /// As sdk::Scheduler::once; also throws std::invalid_argument for a name without the
  /// plugin's prefix.
  void once(const std::string& name, std::chrono::system_clock::time_point when,
            sdk::JobFunction fn, std::chrono::seconds lease = std::chrono::minutes(10)) override;

 private:
  void check_prefix(const std::string& name) const;

  sdk::Scheduler& inner_;
  std::string plugin_;
};

}  // namespace hisx::host
