#pragma once

#include <chrono>
#include <map>
#include <string>

namespace hisx::host {

class ConfigReader;

/// The `events` section of the configuration: how the outbox is delivered.
struct EventsConfig {
  /// `events.poll_interval_ms`: how often the delivery worker looks for new events.
  std::chrono::milliseconds poll_interval{200};
  /// `events.batch_size`: events taken per subscriber and pass.
  int batch_size = 100;
  /// `events.max_attempts`: failed attempts of one (event, subscriber) before it becomes a
  /// dead letter.
  int max_attempts = 10;
  /// `events.backoff_base_ms`: the wait after the first failure; it doubles with each
  /// further failure up to `events.backoff_max_ms`.
  std::chrono::milliseconds backoff_base{1000};
  std::chrono::milliseconds backoff_max{std::chrono::minutes(5)};
  /// `events.delivery_paused`: events are still written (publishing works) but this host
  /// delivers none; an operational switch for maintenance.
  bool delivery_paused = false;
  /// `events.retention_days`: events older than this that every subscriber has handled are
  /// deleted with their delivery records; 0 keeps them forever. The default for names that
  /// `retention` does not list.
  int retention_days = 7;
  /// `events.retention`: days to keep the events of one name (0: forever), e.g.
  /// {"appointment.booked": 400}. Standard names are checked when the file is read; others
  /// must be declared by an enabled plugin (OutboxEventBus::start() checks them).
  std::map<std::string, int> retention;
  /// The configuration file the section came from, for errors found after reading it.
  std::string file;

  /// Days to keep the events named `name`: its `retention` entry, else retention_days.
  int retention_for(const std::string& name) const;
  /// True when some events are deleted at all (a retention above 0).
  bool purges() const;
};

/// Reads and checks the `events` section (absent keys keep their defaults). Throws
/// ConfigError naming the file and the key.
EventsConfig read_events_config(const ConfigReader& reader);

}  // namespace hisx::host
