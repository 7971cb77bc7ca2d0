#pragma once

#include <map>
#include <string>
#include <vector>

#include "hisx/export.h"

namespace hisx::sdk {

/// Label values of one series, by label name.
using Labels = std::map<std::string, std::string>;

/// A monotonically increasing count (Prometheus counter).
class HISX_SDK_API Counter {
 public:
  virtual ~Counter();
  /// Adds `value` (>= 0) to the series with `labels`.
  virtual void inc(const Labels& labels = {}, double value = 1) = 0;
};

/// A value that goes up and down (Prometheus gauge).
class HISX_SDK_API Gauge {
 public:
  virtual ~Gauge();
  /// Sets the series with `labels` to `value`.
  virtual void set(double value, const Labels& labels = {}) = 0;
};

/// A distribution of observed values (Prometheus histogram).
class HISX_SDK_API Histogram {
 public:
  virtual ~Histogram();
  /// Records `value` in the series with `labels`.
  virtual void observe(double value, const Labels& labels = {}) = 0;
};

/// The metrics registry served at GET /metrics. Names must match [a-z_][a-z0-9_]* and should
/// start with `hisx_<plugin>_`; asking twice for one name returns the same metric.
class HISX_SDK_API Metrics {
 public:
  virtual ~Metrics();
  virtual Counter& counter(const std::string& name, const std::string& help) = 0;
  virtual Gauge& gauge(const std::string& name, const std::string& help) = 0;
  /// `buckets`: upper bounds in increasing order (+Inf is added).
  virtual Histogram& histogram(const std::string& name, const std::string& help,
                               const std::vector<double>& buckets) = 0;
};

}  // namespace hisx::sdk
