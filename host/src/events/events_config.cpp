#include "events/events_config.h"

#include "config/config_reader.h"
#include "hisx/event_schemas.h"

namespace hisx::host {

namespace {

constexpr long long kMaxRetentionDays = 3650;

// The first words of the standard names ("appointment", "schedule", …): a name under one of
// them must be a standard event, which the file can be checked against at once.
bool has_standard_prefix(const std::string& name) {
  const std::string prefix = name.substr(0, name.find('.'));
  for (const auto& schema : sdk::standard_events()) {
    if (schema.name.compare(0, prefix.size() + 1, prefix + ".") == 0) return true;
  }
  return false;
}

std::string standard_names() {
  std::string out;
  for (const auto& schema : sdk::standard_events()) out += (out.empty() ? "" : ", ") + schema.name;
  return out;
}

bool is_event_name(const std::string& name) {
  bool ok = !name.empty() && name.size() <= 200 && name.find('.') != std::string::npos &&
            name.front() != '.' && name.back() != '.' && name.find("..") == std::string::npos;
  for (char c : name) {
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.');
  }
  return ok;
}

// `events.retention` written as one map of dotted names ({appointment.booked: 400}) or nested
// ({appointment: {booked: 400}}, which is what `-D events.retention.appointment.booked=400`
// makes): both give name → days.
void collect(const ConfigReader& reader, const YAML::Node& node, const std::string& name,
             std::map<std::string, int>& out) {
  const std::string key = "events.retention." + name;
  if (node.IsMap()) {
    for (const auto& item : node) {
      collect(reader, item.second, name + "." + item.first.as<std::string>(), out);
    }
    return;
  }
  if (!node.IsScalar()) {
    reader.fail(key, "expected a number of days (0 keeps them forever), found a list");
  }
  const std::string text = node.Scalar();
  long long days = -1;
  std::size_t used = 0;
  try {
    days = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || days < 0 || days > kMaxRetentionDays) {
    reader.fail(key, "expected a whole number of days from 0 (forever) to " +
                         std::to_string(kMaxRetentionDays) + ", found '" + text + "'");
  }
  if (!is_event_name(name)) {
    reader.fail(key, "'" + name +
                         "' is not an event name (words of a-z, 0-9 and '_' joined by '.', e.g. "
                         "appointment.booked)");
  }
  if (!sdk::find_standard_event(name) && has_standard_prefix(name)) {
    reader.fail(key, "there is no standard event '" + name +
                         "' (a typo?); the standard events are " + standard_names() +
                         " (docs/events.md); fix the name or remove the line");
  }
  out[name] = static_cast<int>(days);
}

}  // namespace

int EventsConfig::retention_for(const std::string& name) const {
  auto it = retention.find(name);
  return it == retention.end() ? retention_days : it->second;
}

bool EventsConfig::purges() const {
  if (retention_days > 0) return true;
  for (const auto& [name, days] : retention) {
    if (days > 0) return true;
  }
  return false;
}

EventsConfig read_events_config(const ConfigReader& reader) {
  reader.only_keys("events", {"poll_interval_ms", "batch_size", "max_attempts", "backoff_base_ms",
                              "backoff_max_ms", "delivery_paused", "retention_days", "retention"});
  EventsConfig c;
  c.file = reader.file();
  c.poll_interval = std::chrono::milliseconds(
      reader.integer("events.poll_interval_ms", c.poll_interval.count(), 10, 60000));
  c.batch_size = static_cast<int>(reader.integer("events.batch_size", c.batch_size, 1, 10000));
  c.max_attempts = static_cast<int>(reader.integer("events.max_attempts", c.max_attempts, 1, 1000));
  c.backoff_base = std::chrono::milliseconds(
      reader.integer("events.backoff_base_ms", c.backoff_base.count(), 1, 86400000));
  c.backoff_max = std::chrono::milliseconds(
      reader.integer("events.backoff_max_ms", c.backoff_max.count(), 1, 7 * 86400000LL));
  if (c.backoff_max < c.backoff_base) {
    reader.fail("events.backoff_max_ms", "must not be below events.backoff_base_ms (" +
                                             std::to_string(c.backoff_base.count()) + "), found " +
                                             std::to_string(c.backoff_max.count()));
  }
  c.delivery_paused = reader.boolean("events.delivery_paused", c.delivery_paused);
  c.retention_days = static_cast<int>(
      reader.integer("events.retention_days", c.retention_days, 0, kMaxRetentionDays));
  const YAML::Node retention = reader.node("events.retention");
  if (retention.IsDefined() && !retention.IsNull()) {
    if (!retention.IsMap()) {
      reader.fail("events.retention",
                  "expected a map of event name to days, e.g. {appointment.booked: 400}");
    }
    for (const auto& item : retention) {
      collect(reader, item.second, item.first.as<std::string>(), c.retention);
    }
  }
  return c;
}

}  // namespace hisx::host
