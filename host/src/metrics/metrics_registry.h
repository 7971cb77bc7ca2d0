#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "hisx/metrics.h"
#include "metrics/metric_families.h"

namespace hisx::host {

/// The host's metrics registry, handed to plugins as sdk::Metrics and served at GET /metrics.
/// Thread-safe. Metrics live as long as the registry; a plugin may keep the references it
/// gets until its stop() returns.
class MetricsRegistry : public sdk::Metrics {
 public:
  MetricsRegistry();
  ~MetricsRegistry() override;
  MetricsRegistry(const MetricsRegistry&) = delete;
  MetricsRegistry& operator=(const MetricsRegistry&) = delete;

  /// These throw std::invalid_argument for a name that is not [a-z_][a-z0-9_]*, for a name
  /// already registered as another type, and (histogram) for buckets that are not finite and
  /// strictly increasing or differ from those of the same name registered before.
  sdk::Counter& counter(const std::string& name, const std::string& help) override;
  sdk::Gauge& gauge(const std::string& name, const std::string& help) override;
  sdk::Histogram& histogram(const std::string& name, const std::string& help,
                            const std::vector<double>& buckets) override;

  /// Adds a function run at the start of every expose(), for values cheaper to measure when
  /// asked than to keep up to date (pool usage, outbox backlog): it sets gauges. Whatever it
  /// throws is logged on "hisx.metrics" and the other metrics are still served.
  void add_collector(std::function<void()> collect);

  /// Runs the collectors, then writes every metric in the Prometheus text format 0.0.4,
  /// metrics by name, series by labels.
  std::string expose();

 private:
  struct Entry {
    std::string help;
    std::unique_ptr<MetricFamily> family;
  };
  template <typename Family>
  Family& find_or_add(const std::string& name, const std::string& help,
                      const std::function<std::unique_ptr<Family>()>& make);

  std::mutex mutex_;
  std::map<std::string, Entry> metrics_;
  std::vector<std::function<void()>> collectors_;
};

}  // namespace hisx::host
