#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "hisx/metrics.h"

namespace hisx::host {

/// One named metric with all its labelled series, able to write itself in the text format.
/// Every method is thread-safe. Label names are checked on every call (a bad one throws
/// std::invalid_argument, which in a route handler becomes a 500 naming the plugin).
class MetricFamily {
 public:
  virtual ~MetricFamily();
  /// "counter", "gauge" or "histogram" (the TYPE line).
  virtual const char* type() const = 0;
  /// Appends the sample lines of every series of metric `name` to `out`.
  virtual void render(const std::string& name, std::string& out) const = 0;
};

class CounterFamily final : public MetricFamily, public sdk::Counter {
 public:
  /// Throws std::invalid_argument for a negative or NaN `value` or a bad label name.
  void inc(const sdk::Labels& labels = {}, double value = 1) override;
  const char* type() const override { return "counter"; }
  void render(const std::string& name, std::string& out) const override;

 private:
  mutable std::mutex mutex_;
  std::map<sdk::Labels, double> values_;
};

class GaugeFamily final : public MetricFamily, public sdk::Gauge {
 public:
  void set(double value, const sdk::Labels& labels = {}) override;
  const char* type() const override { return "gauge"; }
  void render(const std::string& name, std::string& out) const override;

 private:
  mutable std::mutex mutex_;
  std::map<sdk::Labels, double> values_;
};

class HistogramFamily final : public MetricFamily, public sdk::Histogram {
 public:
  /// Throws std::invalid_argument unless `bounds` are finite and strictly increasing.
  explicit HistogramFamily(std::vector<double> bounds);
  /// Throws std::invalid_argument for NaN, a bad label name or the reserved label "le".
  void observe(double value, const sdk::Labels& labels = {}) override;
  const char* type() const override { return "histogram"; }
  void render(const std::string& name, std::string& out) const override;
  const std::vector<double>& bounds() const { return bounds_; }

 private:
  struct Series {
    std::vector<std::uint64_t> counts;  // Per bucket, not cumulative; the last is +Inf.
    double sum = 0;
    std::uint64_t count = 0;
  };
  std::vector<double> bounds_;
  mutable std::mutex mutex_;
  std::map<sdk::Labels, Series> series_;
};

}  // namespace hisx::host
