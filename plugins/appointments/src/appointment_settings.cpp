#include "appointment_settings.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "channels.h"
#include "sdk_time.h"

namespace hisx::appointments {

int AppointmentSettings::priority_for(const std::string& channel) const {
  auto it = channel_priority.find(channel);
  return it == channel_priority.end() ? 0 : it->second;
}

std::vector<sdk::SettingSpec> setting_specs() {
  using T = sdk::SettingType;
  return {
      {"confirm_channels", T::kStringList, false, "app",
       "Channels whose bookings must be confirmed (start as requested), e.g. [app, web]"},
      {"channel_priority", T::kStringList, false, "app:1,reexam:1",
       "Priority level by channel as channel:level, e.g. [app:1, reexam:2]"},
      {"demo_seed", T::kBoolean, false, "false",
       "Seed demo schedules for the first HIS clinics when the plugin's tables are empty"},
      {"reminder_offsets_days", T::kStringList, false, "3,1",
       "Days before a re-examination that the patient is reminded, e.g. [3, 1]"},
      {"reminder_time", T::kString, false, "08:00",
       "Local time (HH:MM) at which re-examination reminders go out"},
      {"reminder_channel", T::kString, false, "sms",
       "Notifier channel for re-examination reminders (notify.channels)"},
      {"reexam_window_before_days", T::kInteger, false, "3",
       "Default days a re-examination patient may come early (0-60)"},
      {"reexam_window_after_days", T::kInteger, false, "7",
       "Default days a re-examination patient may come late (0-60)"},
      {"reminder_schedule", T::kString, false, "*/10 * * * *",
       "Cron schedule of the re-examination reminder job"},
  };
}

namespace {

std::string scalar(const sdk::Settings& settings, const std::string& key) {
  return sdk::str_or_declared(settings, setting_specs(), key);
}

// A whole number in [min, max] written as `text`, or nothing.
std::optional<int> whole_number(const std::string& text, int min, int max) {
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used != text.size() || value < min || value > max) return std::nullopt;
    return value;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::vector<int> read_offsets(const sdk::Settings& settings) {
  const std::string key = "reminder_offsets_days";
  std::vector<std::string> items;
  if (settings.has(key)) {
    items = settings.list(key);
  } else {
    items = {"3", "1"};
  }
  std::vector<int> out;
  for (const auto& item : items) {
    const auto days = whole_number(item, 1, 60);
    if (!days) {
      throw std::invalid_argument("setting " + key + ": '" + item +
                                  "' is not a number of days from 1 to 60");
    }
    if (std::find(out.begin(), out.end(), *days) != out.end()) {
      throw std::invalid_argument("setting " + key + ": " + item + " is listed twice");
    }
    out.push_back(*days);
  }
  std::sort(out.rbegin(), out.rend());
  return out;
}

int read_window(const sdk::Settings& settings, const std::string& key) {
  const std::string text = scalar(settings, key);
  const auto days = whole_number(text, 0, 60);
  if (!days) {
    throw std::invalid_argument("setting " + key + ": '" + text +
                                "' is not a number of days from 0 to 60");
  }
  return *days;
}

}  // namespace

AppointmentSettings read_settings(const sdk::Settings& settings) {
  AppointmentSettings out;
  for (const auto& channel : settings.list("confirm_channels")) {
    if (!is_channel(channel)) {
      throw std::invalid_argument("setting confirm_channels: unknown channel '" + channel +
                                  "'; use app, web, phone, reexam, walkin");
    }
    out.confirm_channels.insert(channel);
  }
  for (const auto& item : settings.list("channel_priority")) {
    const auto colon = item.find(':');
    const std::string channel = item.substr(0, colon);
    int level = -1;
    try {
      std::size_t used = 0;
      const std::string number = colon == std::string::npos ? "" : item.substr(colon + 1);
      level = std::stoi(number, &used);
      if (used != number.size()) level = -1;
    } catch (const std::exception&) {
      level = -1;
    }
    if (!is_channel(channel) || level < 0 || level > 9) {
      throw std::invalid_argument("setting channel_priority: '" + item +
                                  "' is not channel:level with a level from 0 to 9");
    }
    out.channel_priority[channel] = level;
  }
  out.demo_seed = settings.boolean("demo_seed");

  out.reminder_offsets_days = read_offsets(settings);
  const std::string time = scalar(settings, "reminder_time");
  const auto minute = parse_clock(time);
  if (!minute) {
    throw std::invalid_argument("setting reminder_time: '" + time +
                                "' is not a time of day HH:MM (00:00 to 23:59)");
  }
  out.reminder_minute = *minute;
  out.reminder_channel = scalar(settings, "reminder_channel");
  if (out.reminder_channel.empty()) {
    throw std::invalid_argument("setting reminder_channel: must name a notifier channel");
  }
  out.reexam_window_before_days = read_window(settings, "reexam_window_before_days");
  out.reexam_window_after_days = read_window(settings, "reexam_window_after_days");
  out.reminder_schedule = scalar(settings, "reminder_schedule");
  if (out.reminder_schedule.find_first_not_of(' ') == std::string::npos) {
    throw std::invalid_argument(
        "setting reminder_schedule: must be a cron schedule, e.g. \"*/10 * * * *\"");
  }
  return out;
}

}  // namespace hisx::appointments
