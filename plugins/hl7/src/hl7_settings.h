#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "hisx/settings.h"
#include "siu_message.h"

namespace hisx::hl7 {

/// The plugin's settings (`plugins.settings.hl7` in hisx.yaml), checked.
struct Hl7Settings {
  /// The HIS's HL7 listener; "" when none is configured (messages are queued, none sent).
  std::string host;
  int port = 2575;
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds ack_timeout{10000};
  /// Wait after a failed attempt, doubling up to retry_max; after max_attempts a message is
  /// `failed` (kept, shown, retried by hand).
  std::chrono::seconds retry_base{30};
  std::chrono::seconds retry_max{3600};
  int max_attempts = 50;
  /// Messages one run of the sending job sends at most.
  int batch_size = 100;
  /// Cron schedule of the sending job.
  std::string send_schedule = "* * * * *";
  /// Length of an appointment when the event does not say when it ends.
  int appointment_minutes = 15;
  /// MSH-3…6, MSH-11 and PID-3's assigning authority.
  MessageHeader header;

  /// True when a listener is configured.
  bool has_endpoint() const { return !host.empty(); }
  /// "host:port", or "" when none is configured.
  std::string endpoint() const;
};

/// The manifest's declaration of the settings above, with their defaults.
std::vector<sdk::SettingSpec> setting_specs();

/// Reads and checks the settings; throws std::invalid_argument naming the key, the value and
/// what is allowed (the host then refuses to start, naming the plugin).
Hl7Settings read_settings(const sdk::Settings& settings);

/// The wait before attempt `attempts + 1` after `attempts` failed ones (1, 2, …):
/// base × 2^(attempts−1), at most `max`.
std::chrono::seconds retry_delay(const Hl7Settings& settings, int attempts);

}  // namespace hisx::hl7
