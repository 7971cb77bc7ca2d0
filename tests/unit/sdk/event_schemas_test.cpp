// Payloads against their declarations: what is refused (a missing required field, a wrong
// type) names the event, its version and the field; what is extra is allowed.
#include "hisx/event_schemas.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

namespace hisx::sdk {
namespace {

using ::testing::HasSubstr;

Poco::JSON::Object::Ptr parse(const std::string& json) {
  return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

// A valid appointment.booked payload as JSON text, with `extra` members appended.
std::string booked(const std::string& extra = "") {
  return R"({"booking_id": 7, "booking_code": "HK-7Q2XM", "patient_id": 17, "clinic_id": "PK01",)"
         R"( "date": "2026-12-03", "channel": "app", "priority": 1, "slot_id": 12,)"
         R"( "start": "2026-12-03T01:15:00Z", "status": "requested")" +
         extra + "}";
}

const EventSchema& booked_schema() { return *find_standard_event(events::kAppointmentBooked); }

TEST(EventSchemas, AValidPayloadFitsAndExtraFieldsAreAllowed) {
  EXPECT_EQ(payload_problem(booked_schema(), parse(booked())), "");
  EXPECT_EQ(payload_problem(booked_schema(), parse(booked(R"(, "new_field": [1, 2])"))), "");
  EXPECT_NO_THROW(check_payload(booked_schema(), parse(booked(R"(, "department_id": 3)"))));
}

TEST(EventSchemas, AMissingRequiredFieldNamesEventVersionAndField) {
  auto p = parse(booked());
  p->remove("slot_id");
  EXPECT_EQ(payload_problem(booked_schema(), p),
            "appointment.booked v1: field 'slot_id' is required");
  p->set("slot_id", Poco::Dynamic::Var());  // null counts as missing
  EXPECT_EQ(payload_problem(booked_schema(), p),
            "appointment.booked v1: field 'slot_id' is required");
  try {
    check_payload(booked_schema(), p);
    FAIL() << "accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "appointment.booked v1: field 'slot_id' is required");
  }
}

TEST(EventSchemas, AWrongTypeIsRefusedWithWhatWasFound) {
  EXPECT_EQ(payload_problem(booked_schema(), parse(booked(R"(, "slot_id": "12")"))),
            "appointment.booked v1: field 'slot_id' must be an integer, found '12'");
  EXPECT_THAT(payload_problem(booked_schema(), parse(booked(R"(, "start": "07:30")"))),
              HasSubstr("field 'start' must be a time (ISO-8601 UTC"));
  EXPECT_THAT(
      payload_problem(booked_schema(), parse(booked(R"(, "date": "2026-12-03T00:00:00Z")"))),
      HasSubstr("field 'date' must be a date (YYYY-MM-DD"));
  EXPECT_THAT(payload_problem(booked_schema(), parse(booked(R"(, "priority": true)"))),
              HasSubstr("field 'priority' must be an integer, found true"));
  // Every problem at once.
  auto p = parse(booked(R"(, "channel": 3)"));
  p->remove("booking_code");
  EXPECT_EQ(payload_problem(booked_schema(), p),
            "appointment.booked v1: field 'booking_code' is required; field 'channel' must be a "
            "string, found 3");
  // No payload at all: every required field is missing.
  EXPECT_THAT(payload_problem(booked_schema(), nullptr),
              HasSubstr("field 'booking_id' is required"));
}

TEST(EventSchemas, HisIdsAreTextOrWholeNumbers) {
  EXPECT_EQ(payload_problem(booked_schema(), parse(booked(R"(, "patient_id": "BN-000017")"))), "");
  EXPECT_EQ(payload_problem(booked_schema(), parse(booked(R"(, "patient_id": 17)"))), "");
  EXPECT_THAT(payload_problem(booked_schema(), parse(booked(R"(, "patient_id": "")"))),
              HasSubstr("field 'patient_id' must be an HIS id"));
  EXPECT_THAT(payload_problem(booked_schema(), parse(booked(R"(, "patient_id": 1.5)"))),
              HasSubstr("field 'patient_id' must be an HIS id"));
  EXPECT_THAT(payload_problem(booked_schema(), parse(booked(R"(, "department_id": {"id": 1})"))),
              HasSubstr("field 'department_id' must be an HIS id (a non-empty string, or an "
                        "integer), found an object"));
}

TEST(EventSchemas, EveryTypeAcceptsItsOwnKind) {
  const EventSchema s{"test.kinds",
                      2,
                      "Every kind.",
                      "tests",
                      {{"s", FieldType::kString, true, "x"},
                       {"i", FieldType::kInteger, true, "x"},
                       {"n", FieldType::kNumber, true, "x"},
                       {"b", FieldType::kBoolean, true, "x"},
                       {"t", FieldType::kTime, true, "x"},
                       {"d", FieldType::kDate, true, "x"},
                       {"a", FieldType::kArray, true, "x"},
                       {"o", FieldType::kObject, true, "x"},
                       {"maybe", FieldType::kInteger, false, "x"}}};
  // As parsed from JSON (what a subscriber sees)…
  EXPECT_EQ(payload_problem(s, parse(R"({"s": "", "i": -3, "n": 2.5, "b": false,)"
                                     R"( "t": "2026-12-01T00:30:00.123456Z", "d": "2028-02-29",)"
                                     R"( "a": [], "o": {}, "maybe": null})")),
            "");
  // …and as a publisher builds it.
  Poco::JSON::Object::Ptr built = new Poco::JSON::Object;
  built->set("s", std::string("x"));
  built->set("i", 5LL);
  built->set("n", 7);
  built->set("b", true);
  built->set("t", std::string("2026-12-01T00:30:00Z"));
  built->set("d", std::string("2026-12-01"));
  Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
  built->set("a", array);
  Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
  built->set("o", object);
  EXPECT_EQ(payload_problem(s, built), "");

  EXPECT_EQ(payload_problem(s, parse(R"({"s": 1, "i": 1.5, "n": "2", "b": 0,)"
                                     R"( "t": "2026-12-01T07:30:00+07:00", "d": "2027-02-29",)"
                                     R"( "a": {}, "o": [], "maybe": "1"})")),
            "test.kinds v2: field 's' must be a string, found 1; field 'i' must be an integer, "
            "found 1.5; field 'n' must be a number, found '2'; field 'b' must be a boolean (true "
            "or false), found 0; field 't' must be a time (ISO-8601 UTC, e.g. "
            "2026-12-01T00:30:00Z), found '2026-12-01T07:30:00+07:00'; field 'd' must be a date "
            "(YYYY-MM-DD, the hospital's day), found '2027-02-29'; field 'a' must be an array, "
            "found an object; field 'o' must be an object, found an array; field 'maybe' must "
            "be an integer, found '1'");
}

TEST(EventSchemas, TheStandardEventsAreWellDeclared) {
  std::set<std::string> names;
  for (const auto& s : standard_events()) {
    EXPECT_NO_THROW(check_schema(s)) << s.name;
    EXPECT_TRUE(names.insert(s.name).second) << s.name << " twice";
    EXPECT_FALSE(s.publisher.empty()) << s.name;
    EXPECT_EQ(find_standard_event(s.name), &s);
  }
  EXPECT_EQ(find_standard_event("appointment.boked"), nullptr);
  // What a reports plugin counts by: every appointment.* event names its department and day,
  // and the HIS ids are opaque.
  for (const auto& s : standard_events()) {
    if (s.name.rfind("appointment.", 0) != 0) continue;
    std::map<std::string, EventField> fields;
    for (const auto& f : s.fields) fields.emplace(f.name, f);
    ASSERT_TRUE(fields.count("department_id")) << s.name;
    EXPECT_EQ(fields["department_id"].type, FieldType::kHisId);
    EXPECT_FALSE(fields["department_id"].required);
    ASSERT_TRUE(fields.count("date")) << s.name;
    EXPECT_EQ(fields["date"].type, FieldType::kDate);
    EXPECT_EQ(fields["patient_id"].type, FieldType::kHisId);
    EXPECT_EQ(fields["clinic_id"].type, FieldType::kHisId);
  }
  ASSERT_NE(find_standard_event(events::kScheduleCapacityChanged), nullptr);
}

TEST(EventSchemas, AnUnusableDeclarationIsRefused) {
  auto refusal = [](EventSchema s) {
    try {
      check_schema(s);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  const EventField note{"note", FieldType::kString, true, "the note"};
  EXPECT_EQ(refusal({"fast_lane.ticket_called", 1, "A ticket was called.", "", {note}}),
            "accepted");
  EXPECT_THAT(refusal({"ticket_called", 1, "x", "", {}}), HasSubstr("joined by '.'"));
  EXPECT_THAT(refusal({"Fast_lane.Called", 1, "x", "", {}}), HasSubstr("a-z, 0-9"));
  EXPECT_THAT(refusal({"fast_lane..called", 1, "x", "", {}}), HasSubstr("joined by '.'"));
  EXPECT_THAT(refusal({"fast_lane.called", 0, "x", "", {}}), HasSubstr("version must be 1"));
  EXPECT_THAT(refusal({"fast_lane.called", 1, "", "", {}}), HasSubstr("description is empty"));
  EXPECT_THAT(refusal({"fast_lane.called", 1, "x", "", {note, note}}),
              HasSubstr("field 'note' is declared twice"));
  EXPECT_THAT(refusal({"fast_lane.called", 1, "x", "", {{"Note", FieldType::kString, true, "x"}}}),
              HasSubstr("field 'Note'"));
  EXPECT_THAT(refusal({"fast_lane.called", 1, "x", "", {{"note", FieldType::kString, true, ""}}}),
              HasSubstr("has no meaning"));
}

TEST(EventSchemas, TypeNamesAsTheDocsWriteThem) {
  EXPECT_EQ(to_string(FieldType::kHisId), "HIS id");
  EXPECT_EQ(to_string(FieldType::kTime), "time");
  EXPECT_EQ(to_string(FieldType::kDate), "date");
}

}  // namespace
}  // namespace hisx::sdk
