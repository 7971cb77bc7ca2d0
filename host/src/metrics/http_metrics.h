#pragma once

#include "hisx/metrics.h"
#include "http/request_dispatcher.h"

namespace hisx::host {

/// The request observer for HttpServer::set_observer(): counts
/// hisx_http_requests_total{method,route,status} and times
/// hisx_http_request_duration_seconds{method,route}. `route` is the pattern (or "unmatched",
/// "static"), never the raw path, so that the number of series stays small.
RequestObserver http_metrics_observer(sdk::Metrics& metrics);

/// Upper bounds of the request-duration histogram, in seconds.
const std::vector<double>& http_duration_buckets();

}  // namespace hisx::host
