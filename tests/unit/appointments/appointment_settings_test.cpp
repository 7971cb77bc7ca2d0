// The plugin's settings as the host hands them over (already typed and defaulted).
#include "appointment_settings.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace hisx::appointments {
namespace {

sdk::Settings settings(std::vector<std::string> confirm, std::vector<std::string> priority,
                       const std::string& demo = "false") {
  return sdk::Settings({{"demo_seed", demo}}, {{"confirm_channels", std::move(confirm)},
                                               {"channel_priority", std::move(priority)}});
}

TEST(AppointmentSettings, DefaultsAreDeclared) {
  std::map<std::string, std::string> defaults;
  for (const auto& spec : setting_specs()) defaults[spec.key] = spec.default_value;
  EXPECT_EQ(defaults.at("confirm_channels"), "app");
  EXPECT_EQ(defaults.at("channel_priority"), "app:1,reexam:1");
  EXPECT_EQ(defaults.at("demo_seed"), "false");
}

TEST(AppointmentSettings, ReadsChannelsAndPriorities) {
  auto s = read_settings(settings({"app", "web"}, {"app:2", "reexam:1"}, "true"));
  EXPECT_EQ(s.confirm_channels, (std::set<std::string>{"app", "web"}));
  EXPECT_EQ(s.priority_for("app"), 2);
  EXPECT_EQ(s.priority_for("reexam"), 1);
  EXPECT_EQ(s.priority_for("walkin"), 0);
  EXPECT_TRUE(s.demo_seed);
}

TEST(AppointmentSettings, BadValuesNameTheSetting) {
  for (auto bad : {settings({"fax"}, {}), settings({}, {"app"}), settings({}, {"app:x"}),
                   settings({}, {"tv:1"}), settings({}, {"app:10"})}) {
    try {
      read_settings(bad);
      FAIL() << "accepted";
    } catch (const std::invalid_argument& e) {
      const std::string what = e.what();
      EXPECT_TRUE(what.find("confirm_channels") != std::string::npos ||
                  what.find("channel_priority") != std::string::npos)
          << what;
    }
  }
}

sdk::Settings reminder_settings(std::map<std::string, std::string> scalars,
                                std::vector<std::string> offsets = {"3", "1"}) {
  std::map<std::string, std::string> all = {{"demo_seed", "false"},
                                            {"reminder_time", "08:00"},
                                            {"reminder_channel", "sms"},
                                            {"reexam_window_before_days", "3"},
                                            {"reexam_window_after_days", "7"},
                                            {"reminder_schedule", "*/10 * * * *"}};
  for (auto& [k, v] : scalars) all[k] = v;
  return sdk::Settings(all, {{"confirm_channels", {"app"}},
                             {"channel_priority", {}},
                             {"reminder_offsets_days", std::move(offsets)}});
}

TEST(AppointmentSettings, ReexamDefaultsAreDeclaredAndRead) {
  std::map<std::string, std::string> defaults;
  for (const auto& spec : setting_specs()) defaults[spec.key] = spec.default_value;
  EXPECT_EQ(defaults.at("reminder_offsets_days"), "3,1");
  EXPECT_EQ(defaults.at("reminder_time"), "08:00");
  EXPECT_EQ(defaults.at("reminder_channel"), "sms");
  EXPECT_EQ(defaults.at("reexam_window_before_days"), "3");
  EXPECT_EQ(defaults.at("reexam_window_after_days"), "7");
  EXPECT_EQ(defaults.at("reminder_schedule"), "*/10 * * * *");
  const auto s = read_settings(reminder_settings({}));
  EXPECT_EQ(s.reminder_offsets_days, (std::vector<int>{3, 1}));
  EXPECT_EQ(s.reminder_minute, 8 * 60);
  EXPECT_EQ(s.reminder_channel, "sms");
  EXPECT_EQ(s.reexam_window_before_days, 3);
  EXPECT_EQ(s.reexam_window_after_days, 7);
  EXPECT_EQ(s.reminder_schedule, "*/10 * * * *");
}

TEST(AppointmentSettings, ReadsReminderValues) {
  const auto s = read_settings(reminder_settings({{"reminder_time", "18:30"},
                                                  {"reminder_channel", "zalo"},
                                                  {"reexam_window_before_days", "0"},
                                                  {"reexam_window_after_days", "60"},
                                                  {"reminder_schedule", "@hourly"}},
                                                 {"1", "7", "2"}));
  EXPECT_EQ(s.reminder_offsets_days, (std::vector<int>{7, 2, 1})) << "largest first";
  EXPECT_EQ(s.reminder_minute, 18 * 60 + 30);
  EXPECT_EQ(s.reminder_channel, "zalo");
  EXPECT_EQ(s.reexam_window_before_days, 0);
  EXPECT_EQ(s.reexam_window_after_days, 60);
  EXPECT_EQ(s.reminder_schedule, "@hourly");
  EXPECT_TRUE(read_settings(reminder_settings({}, {})).reminder_offsets_days.empty());
}

TEST(AppointmentSettings, BadReminderValuesNameTheKey) {
  const std::vector<std::pair<std::string, sdk::Settings>> bad = {
      {"reminder_offsets_days", reminder_settings({}, {"0"})},
      {"reminder_offsets_days", reminder_settings({}, {"61"})},
      {"reminder_offsets_days", reminder_settings({}, {"three"})},
      {"reminder_offsets_days", reminder_settings({}, {"3", "3"})},
      {"reminder_time", reminder_settings({{"reminder_time", "8h"}})},
      {"reminder_time", reminder_settings({{"reminder_time", "24:00"}})},
      {"reminder_channel", reminder_settings({{"reminder_channel", ""}})},
      {"reexam_window_before_days", reminder_settings({{"reexam_window_before_days", "-1"}})},
      {"reexam_window_after_days", reminder_settings({{"reexam_window_after_days", "61"}})},
      {"reminder_schedule", reminder_settings({{"reminder_schedule", " "}})},
  };
  for (const auto& [key, settings] : bad) {
    try {
      read_settings(settings);
      ADD_FAILURE() << key << ": accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()).rfind("setting " + key + ":", 0), 0u) << e.what();
    }
  }
}

}  // namespace
}  // namespace hisx::appointments
