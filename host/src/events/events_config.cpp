#include "events/events_config.h"

#include "config/config_reader.h"

namespace hisx::host {

EventsConfig read_events_config(const ConfigReader& reader) {
  reader.only_keys("events", {"poll_interval_ms", "batch_size", "max_attempts", "backoff_base_ms",
                              "backoff_max_ms", "delivery_paused", "retention_days"});
  EventsConfig c;
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
  c.retention_days =
      static_cast<int>(reader.integer("events.retention_days", c.retention_days, 0, 3650));
  return c;
}

}  // namespace hisx::host
