// docs/events.md's generated section: a table of the events, one of each event's fields, and
// its place between the markers.
#include "events/event_docs.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hisx::host {
namespace {

using ::testing::HasSubstr;

TEST(EventDocs, ListsEachEventAndItsFields) {
  const std::string md = event_docs_markdown(sdk::standard_events());
  EXPECT_THAT(md, HasSubstr("| event | version | publisher | what happened |\n|---|---|---|---|\n"
                            "| `appointment.booked` | 1 | appointments | A booking was made. |\n"));
  EXPECT_THAT(md, HasSubstr("\n### appointment.booked (v1)\n\nA booking was made. Published by "
                            "appointments.\n\n| field | type | | meaning |\n"));
  EXPECT_THAT(md, HasSubstr("| `slot_id` | integer | required | the slot booked |\n"));
  EXPECT_THAT(md, HasSubstr("| `department_id` | HIS id | optional |"));
  EXPECT_THAT(md, HasSubstr("| `schedule.capacity_changed` | 1 | appointments |"));
}

TEST(EventDocs, ReplacesOnlyTheTextBetweenTheMarkers) {
  const std::string before = std::string("# Events\n\nintro\n\n") + kEventDocsBegin + "\nold\n" +
                             kEventDocsEnd + "\n\nafter\n";
  const std::string after = with_event_docs(before, "| new |\n");
  EXPECT_EQ(after, std::string("# Events\n\nintro\n\n") + kEventDocsBegin + "\n\n| new |\n\n" +
                       kEventDocsEnd + "\n\nafter\n");
  EXPECT_EQ(with_event_docs(after, "| new |\n"), after) << "stable";
  EXPECT_THROW(with_event_docs("# Events\n", "x"), std::invalid_argument);
}

}  // namespace
}  // namespace hisx::host
