#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "hisx/settings.h"

namespace hisx::appointments {

/// The plugin's settings (`plugins.settings.appointments` in hisx.yaml), checked.
struct AppointmentSettings {
  /// Channels whose bookings start as `requested` and need confirming (W3); the others start
  /// `confirmed`.
  std::set<std::string> confirm_channels;
  /// Priority level a booking gets by channel (W1, W5: app-booked and re-exam patients go
  /// first at check-in); channels not listed get 0.
  std::map<std::string, int> channel_priority;
  /// Seed a small demo configuration (schedules for the first HIS clinics) when the
  /// plugin's tables are empty.
  bool demo_seed = false;

  /// Re-examination reminders (W4) go out this many days before the visit (distinct, 1–60;
  /// empty: no reminders), largest first.
  std::vector<int> reminder_offsets_days{3, 1};
  /// Local time of day (minutes after midnight) at which reminders go out.
  int reminder_minute = 8 * 60;
  /// The notifier channel reminders are sent through (`notify.channels.<name>`).
  std::string reminder_channel = "sms";
  /// Default acceptable window of a re-examination order: days early …
  int reexam_window_before_days = 3;
  /// … and days late.
  int reexam_window_after_days = 7;
  /// Cron schedule of the job that sends reminders and settles re-examination dues.
  std::string reminder_schedule = "*/10 * * * *";

  /// The priority of a booking through `channel`.
  int priority_for(const std::string& channel) const;
};

/// The manifest's declaration of the settings above, with their defaults.
std::vector<sdk::SettingSpec> setting_specs();

/// Reads and checks the settings; throws std::invalid_argument naming the key and the value
/// (the host then refuses to start, naming the plugin).
AppointmentSettings read_settings(const sdk::Settings& settings);

}  // namespace hisx::appointments
