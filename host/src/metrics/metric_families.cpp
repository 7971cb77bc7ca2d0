#include "metrics/metric_families.h"

#include <cmath>
#include <stdexcept>

#include "metrics/exposition_text.h"

namespace hisx::host {

namespace {

void check_labels(const sdk::Labels& labels, bool histogram) {
  for (const auto& [name, value] : labels) {
    if (!is_label_name(name)) {
      throw std::invalid_argument("metric label name '" + name +
                                  "' must match [a-zA-Z_][a-zA-Z0-9_]* without a leading '__'");
    }
    if (histogram && name == "le") {
      throw std::invalid_argument("metric label 'le' is reserved for histogram buckets");
    }
  }
}

}  // namespace

MetricFamily::~MetricFamily() = default;

void CounterFamily::inc(const sdk::Labels& labels, double value) {
  if (!(value >= 0))
    throw std::invalid_argument("a counter only goes up: inc() needs a value >= 0");
  check_labels(labels, false);
  std::lock_guard lock(mutex_);
  values_[labels] += value;
}

void CounterFamily::render(const std::string& name, std::string& out) const {
  std::lock_guard lock(mutex_);
  for (const auto& [labels, value] : values_) {
    out += name + format_labels(labels) + ' ' + format_sample(value) + '\n';
  }
}

void GaugeFamily::set(double value, const sdk::Labels& labels) {
  check_labels(labels, false);
  std::lock_guard lock(mutex_);
  values_[labels] = value;
}

void GaugeFamily::render(const std::string& name, std::string& out) const {
  std::lock_guard lock(mutex_);
  for (const auto& [labels, value] : values_) {
    out += name + format_labels(labels) + ' ' + format_sample(value) + '\n';
  }
}

HistogramFamily::HistogramFamily(std::vector<double> bounds) : bounds_(std::move(bounds)) {
  for (std::size_t i = 0; i < bounds_.size(); ++i) {
    if (!std::isfinite(bounds_[i]) || (i > 0 && bounds_[i] <= bounds_[i - 1])) {
      throw std::invalid_argument(
          "histogram buckets must be finite and strictly increasing (+Inf is added)");
    }
  }
}

void HistogramFamily::observe(double value, const sdk::Labels& labels) {
  if (std::isnan(value)) throw std::invalid_argument("a histogram cannot observe NaN");
  check_labels(labels, true);
  std::size_t bucket = 0;
  while (bucket < bounds_.size() && value > bounds_[bucket]) ++bucket;
  std::lock_guard lock(mutex_);
  Series& s = series_[labels];
  if (s.counts.empty()) s.counts.assign(bounds_.size() + 1, 0);
  ++s.counts[bucket];
  s.sum += value;
  ++s.count;
}

void HistogramFamily::render(const std::string& name, std::string& out) const {
  std::lock_guard lock(mutex_);
  for (const auto& [labels, s] : series_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i <= bounds_.size(); ++i) {
      cumulative += s.counts[i];
      const std::string le = i < bounds_.size() ? format_sample(bounds_[i]) : "+Inf";
      out += name + "_bucket" + format_labels(labels, "le=\"" + le + '"') + ' ' +
             std::to_string(cumulative) + '\n';
    }
    out += name + "_sum" + format_labels(labels) + ' ' + format_sample(s.sum) + '\n';
    out += name + "_count" + format_labels(labels) + ' ' + std::to_string(s.count) + '\n';
  }
}

}  // namespace hisx::host
