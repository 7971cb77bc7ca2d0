// Who may declare and publish what: the standard events for anyone, a plugin's own events
// for that plugin alone, nothing undeclared.
#include "events/event_catalog.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "event_store.h"

namespace hisx::test::events {
namespace {

using ::testing::HasSubstr;

std::string refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "accepted";
}

Poco::JSON::Object::Ptr note(const std::string& text) {
  Poco::JSON::Object::Ptr p = new Poco::JSON::Object;
  p->set("note", text);
  return p;
}

TEST(EventCatalog, StandardEventsAreKnownAndCheckedForAnyPublisher) {
  host::EventCatalog catalog;
  ASSERT_TRUE(catalog.find("appointment.booked"));
  EXPECT_EQ(catalog.find("appointment.booked")->owner, "");
  EXPECT_THAT(
      refusal([&] { catalog.check_publish("appointments", "appointment.booked", note("x")); }),
      HasSubstr("appointment.booked v1: field 'booking_id' is required"));
  EXPECT_THAT(refusal([&] { catalog.declare("good", note_schema("appointment.booked")); }),
              HasSubstr("is a standard event"));
}

TEST(EventCatalog, APluginsEventIsPublishedByThatPluginOnly) {
  host::EventCatalog catalog;
  catalog.declare("good", note_schema("good.noted", 3));
  EXPECT_EQ(catalog.check_publish("good", "good.noted", note("x")), 3);
  EXPECT_EQ(catalog.find("good.noted")->owner, "good");
  EXPECT_EQ(catalog.find("good.noted")->schema.publisher, "tests");
  EXPECT_THAT(refusal([&] { catalog.check_publish("other", "good.noted", note("x")); }),
              HasSubstr("declared by good, which alone publishes it (other tried)"));
  EXPECT_THAT(refusal([&] { catalog.declare("other", note_schema("good.noted")); }),
              HasSubstr("declared by good already"));
  EXPECT_THAT(refusal([&] { catalog.check_publish("good", "good.noted", nullptr); }),
              HasSubstr("good.noted v3: field 'note' is required"));
  // The same plugin may declare a newer version (a new release).
  catalog.declare("good", note_schema("good.noted", 4));
  EXPECT_EQ(catalog.check_publish("good", "good.noted", note("x")), 4);
  ASSERT_EQ(catalog.declared().size(), 1u);
}

TEST(EventCatalog, AnUndeclaredNameIsRefusedSayingHowToDeclareIt) {
  host::EventCatalog catalog;
  EXPECT_THAT(refusal([&] { catalog.check_publish("good", "good.unheard", note("x")); }),
              HasSubstr("event 'good.unheard' is not declared"));
  EXPECT_THAT(refusal([&] { catalog.check_publish("good", "good.unheard", note("x")); }),
              HasSubstr("events().declare(schema)"));
  EXPECT_FALSE(catalog.find("good.unheard"));
  EXPECT_THAT(refusal([&] { catalog.declare("good", note_schema("good")); }),
              HasSubstr("joined by '.'"));
}

}  // namespace
}  // namespace hisx::test::events
