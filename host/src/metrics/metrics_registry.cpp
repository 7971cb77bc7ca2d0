#include "metrics/metrics_registry.h"

#include <Poco/Logger.h>

#include <exception>
#include <stdexcept>

#include "metrics/exposition_text.h"

namespace hisx::host {

MetricsRegistry::MetricsRegistry() = default;
MetricsRegistry::~MetricsRegistry() = default;

template <typename Family>
Family& MetricsRegistry::find_or_add(const std::string& name, const std::string& help,
                                     const std::function<std::unique_ptr<Family>()>& make) {
  if (!is_metric_name(name)) {
    throw std::invalid_argument("metric name '" + name + "' must match [a-z_][a-z0-9_]*");
  }
  std::lock_guard lock(mutex_);
  auto it = metrics_.find(name);
  if (it == metrics_.end()) {
    auto family = make();
    Family& out = *family;
    metrics_.emplace(name, Entry{help, std::move(family)});
    return out;
  }
  auto* existing = dynamic_cast<Family*>(it->second.family.get());
  if (existing == nullptr) {
    throw std::invalid_argument("metric '" + name + "' is already registered as a " +
                                it->second.family->type());
  }
  return *existing;
}

sdk::Counter& MetricsRegistry::counter(const std::string& name, const std::string& help) {
  return find_or_add<CounterFamily>(name, help, [] { return std::make_unique<CounterFamily>(); });
}

sdk::Gauge& MetricsRegistry::gauge(const std::string& name, const std::string& help) {
  return find_or_add<GaugeFamily>(name, help, [] { return std::make_unique<GaugeFamily>(); });
}

sdk::Histogram& MetricsRegistry::histogram(const std::string& name, const std::string& help,
                                           const std::vector<double>& buckets) {
  auto& family = find_or_add<HistogramFamily>(
      name, help, [&] { return std::make_unique<HistogramFamily>(buckets); });
  if (family.bounds() != buckets) {
    throw std::invalid_argument("histogram '" + name +
                                "' is already registered with other buckets");
  }
  return family;
}

void MetricsRegistry::add_collector(std::function<void()> collect) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(collect));
}

std::string MetricsRegistry::expose() {
  std::vector<std::function<void()>> collectors;
  {
    std::lock_guard lock(mutex_);
    collectors = collectors_;
  }
  // Outside the lock: a collector sets gauges, which takes it.
  for (const auto& collect : collectors) {
    try {
      collect();
    } catch (const std::exception& e) {
      Poco::Logger::get("hisx.metrics").warning("A metrics collector failed: %s", e.what());
    } catch (...) {
      Poco::Logger::get("hisx.metrics").warning("A metrics collector failed");
    }
  }
  std::string out;
  std::lock_guard lock(mutex_);
  for (const auto& [name, entry] : metrics_) {
    out += "# HELP " + name + ' ' + escape_help(entry.help) + '\n';
    out += "# TYPE " + name + ' ' + entry.family->type() + '\n';
    entry.family->render(name, out);
  }
  return out;
}

}  // namespace hisx::host
