// Checks on schedule templates, clinic rules and closures, naming the field at fault.
#include "catalogue/schedule_rules.h"

#include <gtest/gtest.h>

namespace hisx::appointments {
namespace {

ScheduleTemplate good() {
  ScheduleTemplate t;
  t.id = 1;
  t.clinic_id = "10";
  t.weekday = 1;
  t.start_minute = 450;
  t.end_minute = 690;
  t.slot_minutes = 15;
  t.capacity = 4;
  t.quotas = {{"app", 50}};
  return t;
}

std::string field_of(const FieldCheck& check) { return check ? check->field : "(none)"; }

TEST(ScheduleRules, AGoodTemplatePasses) { EXPECT_FALSE(check_template(good())); }

TEST(ScheduleRules, EachBadTemplateFieldIsNamed) {
  auto t = good();
  t.weekday = 8;
  EXPECT_EQ(field_of(check_template(t)), "weekday");
  t = good();
  t.end_minute = t.start_minute;
  EXPECT_EQ(field_of(check_template(t)), "end");
  t = good();
  t.slot_minutes = 4;
  EXPECT_EQ(field_of(check_template(t)), "slot_minutes");
  t = good();
  t.end_minute = t.start_minute + 10;
  EXPECT_EQ(field_of(check_template(t)), "slot_minutes") << "shorter than one slot";
  t = good();
  t.capacity = 0;
  EXPECT_EQ(field_of(check_template(t)), "capacity");
  t = good();
  t.quotas = {{"app", 101}};
  EXPECT_EQ(field_of(check_template(t)), "quotas.app");
  t = good();
  t.quotas = {{"fax", 10}};
  EXPECT_EQ(field_of(check_template(t)), "quotas.fax");
}

TEST(ScheduleRules, OverlapNeedsSameClinicDoctorWeekdayAndHours) {
  auto a = good();
  auto b = good();
  b.id = 2;
  b.start_minute = a.end_minute - 15;
  b.end_minute = a.end_minute + 60;
  EXPECT_TRUE(templates_overlap(a, b));
  EXPECT_EQ(field_of(check_no_overlap(b, {a})), "start");
  EXPECT_FALSE(check_no_overlap(a, {a})) << "a template does not overlap itself";
  b.start_minute = a.end_minute;  // back to back is fine
  EXPECT_FALSE(templates_overlap(a, b));
  b.start_minute = a.start_minute;
  b.weekday = 2;
  EXPECT_FALSE(templates_overlap(a, b));
  b.weekday = 1;
  b.doctor_id = "7";  // a doctor's own session beside the clinic's
  EXPECT_FALSE(templates_overlap(a, b));
  b.clinic_id = "11";
  b.doctor_id.reset();
  EXPECT_FALSE(templates_overlap(a, b));
}

TEST(ScheduleRules, ClinicRules) {
  ClinicRules r{"10", {"app", "phone"}, 30, 600, true, std::nullopt};
  EXPECT_FALSE(check_clinic_rules(r));
  r.channels = {"app", "app"};
  EXPECT_EQ(field_of(check_clinic_rules(r)), "channels");
  r.channels = {"sms"};
  EXPECT_EQ(field_of(check_clinic_rules(r)), "channels");
  r.channels = {};
  EXPECT_FALSE(check_clinic_rules(r)) << "no channel: listed but not bookable";
  r.booking_window_days = 366;
  EXPECT_EQ(field_of(check_clinic_rules(r)), "booking_window_days");
}

TEST(ScheduleRules, Closures) {
  Closure c;
  c.from = *parse_date("2025-01-28");
  c.to = *parse_date("2025-02-02");
  EXPECT_FALSE(check_closure(c));
  c.to = *parse_date("2025-01-27");
  EXPECT_EQ(field_of(check_closure(c)), "to");
  c.to = *parse_date("2026-01-29");
  EXPECT_EQ(field_of(check_closure(c)), "to") << "longer than 366 days";
}

}  // namespace
}  // namespace hisx::appointments
