#pragma once

#include <string>
#include <string_view>

#include "hisx/metrics.h"

namespace hisx::host {

/// Pieces of the Prometheus text exposition format 0.0.4.

/// The content type GET /metrics answers with.
inline constexpr const char* kExpositionContentType = "text/plain; version=0.0.4; charset=utf-8";

/// A sample value: shortest round-trip decimal, "+Inf", "-Inf" or "NaN".
std::string format_sample(double value);

/// A HELP text with '\' and newline escaped.
std::string escape_help(std::string_view help);

/// A label value with '\', '"' and newline escaped.
std::string escape_label_value(std::string_view value);

/// `{a="x",b="y"}` (label names in order; `extra` appended last, e.g. `le="0.5"`), or "" when
/// there is nothing to write.
std::string format_labels(const sdk::Labels& labels, const std::string& extra = {});

/// True for a metric name: [a-z_][a-z0-9_]* (the SDK's rule, stricter than Prometheus).
bool is_metric_name(std::string_view name);

/// True for a label name: [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__" (reserved).
bool is_label_name(std::string_view name);

}  // namespace hisx::host
