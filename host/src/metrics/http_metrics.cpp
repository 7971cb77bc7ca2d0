#include "metrics/http_metrics.h"

namespace hisx::host {

const std::vector<double>& http_duration_buckets() {
  static const std::vector<double> buckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                              0.5,   1,    2.5,   5,    10};
  return buckets;
}

RequestObserver http_metrics_observer(sdk::Metrics& metrics) {
  sdk::Counter& requests =
      metrics.counter("hisx_http_requests_total", "HTTP requests answered, by route and status");
  sdk::Histogram& duration = metrics.histogram(
      "hisx_http_request_duration_seconds", "Time from reading a request to having sent its answer",
      http_duration_buckets());
  return [&requests, &duration](const std::string& method, const std::string& pattern, int status,
                                double seconds) {
    requests.inc({{"method", method}, {"route", pattern}, {"status", std::to_string(status)}});
    duration.observe(seconds, {{"method", method}, {"route", pattern}});
  };
}

}  // namespace hisx::host
