#include "events/events_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "config/config.h"
#include "config/config_reader.h"

namespace hisx::host {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

ConfigReader reader_of(const std::string& yaml) {
  return ConfigReader(YAML::Load(yaml), "hisx.yaml", ".", {});
}

std::string refusal(const std::string& yaml) {
  try {
    read_events_config(reader_of(yaml));
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(EventsConfig, DefaultsWhenTheSectionIsAbsent) {
  const EventsConfig c = read_events_config(reader_of("http: {port: 1}"));
  EXPECT_EQ(c.poll_interval, std::chrono::milliseconds(200));
  EXPECT_EQ(c.batch_size, 100);
  EXPECT_EQ(c.max_attempts, 10);
  EXPECT_EQ(c.backoff_base, std::chrono::milliseconds(1000));
  EXPECT_EQ(c.backoff_max, std::chrono::milliseconds(300000));
  EXPECT_FALSE(c.delivery_paused);
  EXPECT_EQ(c.retention_days, 7);
  EXPECT_TRUE(c.retention.empty());
  EXPECT_EQ(c.file, "hisx.yaml");
}

TEST(EventsConfig, ReadsEveryKey) {
  const EventsConfig c = read_events_config(reader_of(R"(
events:
  poll_interval_ms: 50
  batch_size: 10
  max_attempts: 4
  backoff_base_ms: 200
  backoff_max_ms: 5000
  delivery_paused: true
  retention_days: 0
)"));
  EXPECT_EQ(c.poll_interval, std::chrono::milliseconds(50));
  EXPECT_EQ(c.batch_size, 10);
  EXPECT_EQ(c.max_attempts, 4);
  EXPECT_EQ(c.backoff_base, std::chrono::milliseconds(200));
  EXPECT_EQ(c.backoff_max, std::chrono::milliseconds(5000));
  EXPECT_TRUE(c.delivery_paused);
  EXPECT_EQ(c.retention_days, 0);
}

TEST(EventsConfig, RefusesWhatCannotWorkNamingTheKey) {
  EXPECT_THAT(refusal("events: {poll_intervall_ms: 5}"),
              AllOf(HasSubstr("hisx.yaml"), HasSubstr("events.poll_intervall_ms"),
                    HasSubstr("poll_interval_ms")));
  EXPECT_THAT(refusal("events: {poll_interval_ms: 0}"),
              AllOf(HasSubstr("events.poll_interval_ms"), HasSubstr("10 to 60000")));
  EXPECT_THAT(refusal("events: {max_attempts: many}"),
              AllOf(HasSubstr("events.max_attempts"), HasSubstr("'many'")));
  EXPECT_THAT(refusal("events: {delivery_paused: maybe}"),
              AllOf(HasSubstr("events.delivery_paused"), HasSubstr("true or false")));
  EXPECT_THAT(refusal("events: {backoff_base_ms: 5000, backoff_max_ms: 1000}"),
              AllOf(HasSubstr("events.backoff_max_ms"), HasSubstr("backoff_base_ms")));
}

TEST(EventsConfig, ReadsTheRetentionPerEventName) {
  const EventsConfig c = read_events_config(reader_of(R"(
events:
  retention_days: 14
  retention:
    appointment.booked: 400
    schedule.capacity_changed: 0
    fast_lane.ticket_called: 30
    appointment:
      cancelled: 200
)"));
  EXPECT_EQ(c.retention_days, 14);
  EXPECT_EQ(c.retention.size(), 4u);
  EXPECT_EQ(c.retention_for("appointment.booked"), 400);
  EXPECT_EQ(c.retention_for("appointment.cancelled"), 200) << "nested, as -D writes it";
  EXPECT_EQ(c.retention_for("schedule.capacity_changed"), 0);
  EXPECT_EQ(c.retention_for("fast_lane.ticket_called"), 30) << "checked when plugins declared";
  EXPECT_EQ(c.retention_for("payment.completed"), 14) << "the default";
  EXPECT_TRUE(c.purges());
  EventsConfig forever;
  forever.retention_days = 0;
  forever.retention = {{"appointment.booked", 0}};
  EXPECT_FALSE(forever.purges());
}

TEST(EventsConfig, RefusesAnUnknownStandardEventOrBadDaysNamingTheKey) {
  EXPECT_THAT(refusal("events: {retention: {appointment.boked: 400}}"),
              AllOf(HasSubstr("hisx.yaml"), HasSubstr("events.retention.appointment.boked"),
                    HasSubstr("no standard event 'appointment.boked'"),
                    HasSubstr("appointment.booked"), HasSubstr("fix the name or remove the line")));
  EXPECT_THAT(refusal("events: {retention: {appointment.booked: -1}}"),
              AllOf(HasSubstr("events.retention.appointment.booked"), HasSubstr("0 (forever)"),
                    HasSubstr("'-1'")));
  EXPECT_THAT(refusal("events: {retention: {appointment.booked: a year}}"),
              AllOf(HasSubstr("events.retention.appointment.booked"), HasSubstr("'a year'")));
  EXPECT_THAT(refusal("events: {retention: {appointment.booked: [400]}}"),
              HasSubstr("found a list"));
  EXPECT_THAT(refusal("events: {retention: {Booked: 400}}"),
              AllOf(HasSubstr("events.retention.Booked"), HasSubstr("not an event name")));
  EXPECT_THAT(refusal("events: {retention: 400}"),
              AllOf(HasSubstr("events.retention"), HasSubstr("map of event name to days")));
}

}  // namespace
}  // namespace hisx::host
