// The queue over HTTP: tickets numbered per lane and local day, the age groups checked against
// the HIS birth date, the order a window calls in (priority, arrival, ageing, skips, mixed
// windows), the ticket operations and their refusals, and the events they publish.
#include <gmock/gmock.h>

#include "fast_lane_fixture.h"
#include "hisx/civil_time.h"
#include "support/documents/decoders.h"
#include "support/documents/escpos_parser.h"
#include "support/temp_dir.h"

namespace hisx::test::fast_lane {
namespace {

using ::testing::HasSubstr;

class Queue : public FastLaneTest {};

TEST_F(Queue, TicketsAreNumberedPerLaneAndRestartAtLocalMidnight) {
  const std::string elderly = add_patient("BNTEST01", "1940-05-01");
  EXPECT_EQ(issue_label("{}"), "T001");
  EXPECT_EQ(issue_label("{}"), "T002");
  EXPECT_EQ(issue_label(R"({"priority_group": "elderly", "patient_id": ")" + elderly + R"("})"),
            "U001");
  EXPECT_EQ(issue_label(R"({"priority_group": "disability"})"), "U002");
  // 23:59 local is still the same day; one minute later numbers restart.
  host_->clock().set(
      std::chrono::system_clock::time_point(*sdk::parse_utc("2026-12-01T16:59:00Z")));
  EXPECT_EQ(issue_label("{}"), "T003");
  host_->clock().set(
      std::chrono::system_clock::time_point(*sdk::parse_utc("2026-12-01T17:00:00Z")));
  const auto r = issue("{}");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json(r)->getValue<std::string>("label"), "T001");
  EXPECT_EQ(json(r)->getValue<std::string>("day"), "2026-12-02");
}

TEST_F(Queue, ATicketSaysItsLaneGroupAndThePeopleAhead) {
  issue_label("{}");
  issue_label("{}");
  const auto r = issue(R"({"lane": "regular"})");
  ASSERT_EQ(r.status, 201) << r.body;
  auto t = json(r);
  EXPECT_EQ(t->getValue<std::string>("lane"), "regular");
  EXPECT_EQ(t->getValue<int>("people_ahead"), 2);
  EXPECT_EQ(t->getValue<std::string>("status"), "waiting");
  EXPECT_EQ(t->getValue<std::string>("source"), "desk");
  EXPECT_EQ(t->getValue<std::string>("issued_local"), "2026-12-01T09:00:00+07:00");

  const auto v = issue(R"({"priority_group": "veteran"})");
  t = json(v);
  EXPECT_EQ(t->getValue<std::string>("lane"), "fast");
  EXPECT_EQ(t->getValue<std::string>("priority_group_title"),
            "Người có công với cách mạng / War veteran or person of merit");
  EXPECT_EQ(t->getValue<int>("people_ahead"), 0);
}

TEST_F(Queue, AgeGroupsAreCheckedAgainstTheHisBirthDate) {
  const std::string young = add_patient("BNTEST02", "2023-01-10");
  const std::string adult = add_patient("BNTEST03", "1990-01-10");
  EXPECT_EQ(issue_label(R"({"priority_group": "child", "patient_id": ")" + young + R"("})"),
            "U001");
  auto doc =
      expect_problem(issue(R"({"priority_group": "elderly", "patient_id": ")" + adult + R"("})"),
                     422, "validation", "priority_group");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("36 years old"));
  expect_problem(issue(R"({"priority_group": "child"})"), 422, "validation", "patient_id");
  expect_problem(issue(R"({"priority_group": "child", "patient_id": "NO-SUCH"})"), 422,
                 "validation", "patient_id");
  expect_problem(issue(R"({"patient_id": "NO-SUCH"})"), 422, "validation", "patient_id");
}

TEST_F(Queue, AKioskGivesThePatientCodeAndTheServerFindsThePatient) {
  const std::string elderly = add_patient("BNKIOSK1", "1941-01-01");
  const auto r = issue(R"({"priority_group": "elderly", "patient_code": "bnkiosk1"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json(r)->getValue<std::string>("patient_id"), elderly);
  expect_problem(issue(R"({"priority_group": "elderly", "patient_code": "NOBODY"})"), 422,
                 "validation", "patient_code");
  const auto listed = host_->get("/api/v1/fast-lane/groups", "receptionist");
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto groups = json(listed);
  ASSERT_EQ(groups->getArray("items")->size(), 6u) << "app and the five priority groups";
  EXPECT_EQ(groups->getArray("items")->getObject(1)->getValue<std::string>("code"), "child");
  EXPECT_TRUE(groups->getArray("items")->getObject(1)->getValue<bool>("by_age"));
}

TEST_F(Queue, TheCashierFindsPatientsByCodeNameOrPhone) {
  const std::string id = add_patient("BNFIND01", "1975-05-05");
  const auto found = host_->get("/api/v1/fast-lane/patients?q=bnfind01", "cashier_lead");
  ASSERT_EQ(found.status, 200) << found.body;
  const auto items = json(found)->getArray("items");
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("id"), id);
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("full_name"), "Nguyễn Văn Thử");
  expect_problem(host_->get("/api/v1/fast-lane/patients?q=x", "cashier"), 422, "validation", "q");
  EXPECT_EQ(host_->get("/api/v1/fast-lane/patients?q=bnfind01", "doctor").status, 403);
}

TEST_F(Queue, RefusalsNameTheField) {
  auto doc =
      expect_problem(issue(R"({"priority_group": "vip"})"), 422, "validation", "priority_group");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("disability"));
  expect_problem(issue(R"({"lane": "fast"})"), 422, "validation", "priority_group");
  expect_problem(issue(R"({"lane": "regular", "priority_group": "pregnant"})"), 422, "validation",
                 "lane");
  expect_problem(issue(R"({"lane": "express"})"), 422, "validation", "lane");
  expect_problem(issue(R"({"priority_group": 7})"), 422, "validation", "priority_group");
  EXPECT_EQ(issue("{}", "doctor").status, 403);
  EXPECT_EQ(issue("{}", "app").status, 403);
  EXPECT_EQ(rows_of("hisx_fast_lane_tickets"), 0);
}

TEST_F(Queue, WindowsAreSetUpByTheHeadCashier) {
  window("Q1", "fast");
  window("Q2", "mixed", 3, 1);
  auto list = json(host_->get("/api/v1/fast-lane/windows", "cashier"))->getArray("items");
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->getObject(1)->getValue<std::string>("mode"), "mixed");
  EXPECT_EQ(list->getObject(1)->getValue<int>("fast_share"), 3);
  EXPECT_EQ(
      host_->put("/api/v1/fast-lane/windows/Q3", R"({"name": "x", "mode": "fast"})", "cashier")
          .status,
      403);
  expect_problem(host_->put("/api/v1/fast-lane/windows/Q3", R"({"name": "x", "mode": "both"})",
                            "cashier_lead"),
                 422, "validation", "mode");
  expect_problem(host_->put("/api/v1/fast-lane/windows/Q3",
                            R"({"name": "x", "mode": "mixed", "fast_share": 0})", "admin"),
                 422, "validation", "fast_share");
  expect_problem(
      host_->put("/api/v1/fast-lane/windows/Q%203", R"({"name": "x", "mode": "fast"})", "admin"),
      422, "validation", "code");
  expect_problem(host_->post("/api/v1/fast-lane/windows/Q9/next", "{}", "cashier"), 404,
                 "not-found");
  host_->put("/api/v1/fast-lane/windows/Q1",
             R"({"name": "Quầy 1", "mode": "fast", "active": false})", "cashier_lead");
  expect_problem(host_->post("/api/v1/fast-lane/windows/Q1/next", "{}", "cashier"), 409,
                 "window-closed");
}

TEST_F(Queue, AFastWindowCallsPriorityGroupsBeforeAppBookingsThenByArrival) {
  window("Q1", "fast");
  EXPECT_EQ(issue_label(R"({"priority_group": "app"})"), "U001");
  host_->clock().advance(std::chrono::minutes(1));
  EXPECT_EQ(issue_label(R"({"priority_group": "disability"})"), "U002");
  host_->clock().advance(std::chrono::minutes(1));
  EXPECT_EQ(issue_label(R"({"priority_group": "app"})"), "U003");
  EXPECT_EQ(issue_label("{}"), "T001");
  EXPECT_EQ(next("Q1"), "U002");
  EXPECT_EQ(next("Q1"), "U001");
  EXPECT_EQ(next("Q1"), "U003");
  EXPECT_EQ(next("Q1"), "") << "a fast window never calls the regular lane";
}

TEST_F(Queue, NoTicketWaitsMuchBeyondTheBound) {
  window("Q1", "fast");
  issue_label(R"({"priority_group": "app"})");  // U001 at 09:00
  host_->clock().advance(std::chrono::minutes(29));
  issue_label(R"({"priority_group": "pregnant"})");  // U002 at 09:29
  EXPECT_EQ(next("Q1"), "U002") << "at 29 minutes priority still decides";
  issue_label(R"({"priority_group": "pregnant"})");  // U003
  host_->clock().advance(std::chrono::minutes(1));
  EXPECT_EQ(next("Q1"), "U001") << "after 30 minutes the app booking goes first";
}

TEST_F(Queue, AMixedWindowInterleavesTheLanesInItsRatio) {
  window("Q2", "mixed", 2, 1);
  for (int i = 0; i < 4; ++i) issue_label(R"({"priority_group": "app"})");
  for (int i = 0; i < 3; ++i) issue_label("{}");
  std::string calls;
  for (int i = 0; i < 7; ++i) calls += next("Q2") + " ";
  EXPECT_EQ(calls, "U001 U002 T001 U003 U004 T002 T003 ");
}

TEST_F(Queue, NextEndsTheCurrentTicketAndRecordsTheTimes) {
  window("Q1", "regular");
  issue_label("{}");
  issue_label("{}");
  host_->clock().advance(std::chrono::minutes(4));
  next("Q1");  // T001 waited 4 minutes
  host_->clock().advance(std::chrono::minutes(3));
  const auto r = host_->post("/api/v1/fast-lane/windows/Q1/next", "{}", "cashier");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto body = json(r);
  const auto served = body->getObject("served");
  EXPECT_EQ(served->getValue<std::string>("label"), "T001");
  EXPECT_EQ(served->getValue<std::string>("status"), "served");
  EXPECT_EQ(served->getValue<int>("wait_seconds"), 240);
  EXPECT_EQ(served->getValue<int>("service_seconds"), 180);
  EXPECT_EQ(body->getObject("called")->getValue<std::string>("label"), "T002");
  EXPECT_EQ(body->getObject("called")->getValue<int>("wait_seconds"), 420);

  const auto current = json(host_->get("/api/v1/fast-lane/windows/Q1/current", "cashier"));
  EXPECT_EQ(current->getObject("ticket")->getValue<std::string>("label"), "T002");

  const auto stats = json(host_->get("/api/v1/fast-lane/stats", "cashier_lead"));
  const auto regular = stats->getObject("lanes")->getObject("regular");
  EXPECT_EQ(regular->getValue<int>("issued"), 2);
  EXPECT_EQ(regular->getValue<int>("served"), 1);
  EXPECT_EQ(regular->getObject("wait")->getValue<int>("count"), 2);
  EXPECT_EQ(regular->getObject("wait")->getValue<int>("longest_seconds"), 420);
  EXPECT_EQ(regular->getObject("service")->getValue<int>("median_seconds"), 180);
  EXPECT_EQ(stats->getObject("windows")->getObject("Q1")->getValue<int>("served"), 1);
}

TEST_F(Queue, ASkippedTicketComesBackAfterThreeCalls) {
  window("Q1", "regular");
  for (int i = 0; i < 6; ++i) issue_label("{}");
  EXPECT_EQ(next("Q1"), "T001");
  const auto current = json(host_->get("/api/v1/fast-lane/windows/Q1/current", "cashier"));
  const auto id = std::to_string(current->getObject("ticket")->getValue<long long>("id"));
  const auto skipped = host_->post("/api/v1/fast-lane/tickets/" + id + "/skip", "{}", "cashier");
  ASSERT_EQ(skipped.status, 200) << skipped.body;
  EXPECT_EQ(json(skipped)->getValue<std::string>("status"), "waiting");
  EXPECT_EQ(json(skipped)->getValue<int>("people_ahead"), 5) << "held back behind the others";
  std::string calls;
  for (int i = 0; i < 5; ++i) calls += next("Q1") + " ";
  EXPECT_EQ(calls, "T002 T003 T004 T001 T005 ");
  expect_problem(host_->post("/api/v1/fast-lane/tickets/" + id + "/skip", "{}", "cashier"), 409,
                 "invalid-transition");
}

TEST_F(Queue, RecallTransferServeAndNoShow) {
  window("Q1", "regular");
  window("Q9", "fast");
  issue_label("{}");
  issue_label("{}");
  next("Q1");
  auto current = json(host_->get("/api/v1/fast-lane/windows/Q1/current", "cashier"));
  const auto first = std::to_string(current->getObject("ticket")->getValue<long long>("id"));
  const auto recalled =
      host_->post("/api/v1/fast-lane/tickets/" + first + "/recall", "{}", "cashier");
  ASSERT_EQ(recalled.status, 200) << recalled.body;
  EXPECT_EQ(json(recalled)->getValue<int>("recalls"), 1);

  // The called patient is elderly after all: to the fast lane, keeping the number.
  const auto moved = host_->post("/api/v1/fast-lane/tickets/" + first + "/transfer",
                                 R"({"lane": "fast", "priority_group": "disability"})", "cashier");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(json(moved)->getValue<std::string>("lane"), "fast");
  EXPECT_EQ(json(moved)->getValue<std::string>("label"), "T001");
  EXPECT_EQ(next("Q9"), "T001");
  expect_problem(host_->post("/api/v1/fast-lane/tickets/" + first + "/transfer",
                             R"({"lane": "fast"})", "cashier"),
                 422, "validation", "priority_group");
  // An age group is checked against the HIS birth date, as when issuing: no patient, no group.
  expect_problem(host_->post("/api/v1/fast-lane/tickets/" + first + "/transfer",
                             R"({"lane": "fast", "priority_group": "elderly"})", "cashier"),
                 422, "validation", "patient_id");
  const auto served = host_->post("/api/v1/fast-lane/tickets/" + first + "/serve", "{}", "cashier");
  ASSERT_EQ(served.status, 200) << served.body;
  EXPECT_EQ(json(served)->getValue<std::string>("status"), "served");
  expect_problem(host_->post("/api/v1/fast-lane/tickets/" + first + "/serve", "{}", "cashier"), 409,
                 "invalid-transition");
  expect_problem(host_->post("/api/v1/fast-lane/tickets/" + first + "/recall", "{}", "cashier"),
                 409, "invalid-transition");

  next("Q1");  // T002
  current = json(host_->get("/api/v1/fast-lane/windows/Q1/current", "cashier"));
  const auto second = std::to_string(current->getObject("ticket")->getValue<long long>("id"));
  const auto absent =
      host_->post("/api/v1/fast-lane/tickets/" + second + "/no-show", "{}", "cashier");
  EXPECT_EQ(json(absent)->getValue<std::string>("status"), "no_show");
  EXPECT_TRUE(
      json(host_->get("/api/v1/fast-lane/windows/Q1/current", "cashier"))->isNull("ticket"));
  expect_problem(host_->post("/api/v1/fast-lane/tickets/999999/serve", "{}", "cashier"), 404,
                 "not-found");
  EXPECT_EQ(
      host_->post("/api/v1/fast-lane/tickets/" + second + "/serve", "{}", "receptionist").status,
      403);
}

TEST_F(Queue, TheBoardShowsEachWindowTheNextNumbersAndTheCalls) {
  window("Q1", "fast");
  window("Q3", "regular");
  issue_label(R"({"priority_group": "app"})");
  issue_label(R"({"priority_group": "app"})");
  issue_label("{}");
  next("Q1");
  auto board = json(host_->get("/api/v1/fast-lane/board", "cashier"));
  const auto windows = board->getArray("windows");
  ASSERT_EQ(windows->size(), 2u);
  EXPECT_EQ(windows->getObject(0)->getObject("current")->getValue<std::string>("label"), "U001");
  EXPECT_TRUE(windows->getObject(1)->isNull("current"));
  EXPECT_EQ(board->getObject("next")->getArray("fast")->getElement<std::string>(0), "U002");
  EXPECT_EQ(board->getObject("next")->getArray("regular")->getElement<std::string>(0), "T001");
  const auto calls = board->getArray("calls");
  ASSERT_EQ(calls->size(), 1u);
  EXPECT_EQ(calls->getObject(0)->getValue<std::string>("window"), "Q1");
  const long long last = board->getValue<long long>("last_call_id");
  const auto id = std::to_string(json(host_->get("/api/v1/fast-lane/windows/Q1/current", "cashier"))
                                     ->getObject("ticket")
                                     ->getValue<long long>("id"));
  host_->post("/api/v1/fast-lane/tickets/" + id + "/recall", "{}", "cashier");
  board = json(host_->get("/api/v1/fast-lane/board", "cashier"));
  EXPECT_GT(board->getValue<long long>("last_call_id"), last);
  EXPECT_TRUE(board->getArray("calls")->getObject(0)->getValue<bool>("recall"));
  EXPECT_EQ(host_->get("/api/v1/fast-lane/board", "app").status, 403);
}

TEST_F(Queue, ATicketPrintsWithItsNumberLaneAndThePeopleAhead) {
  window("Q1", "fast");
  window("Q2", "mixed");
  window("Q3", "regular");
  issue_label(R"({"priority_group": "app"})");
  const auto r = issue(R"({"priority_group": "pregnant"})");
  const std::string id = std::to_string(json(r)->getValue<long long>("id"));
  issue_label(R"({"priority_group": "app"})");
  const auto pdf = host_->get("/api/v1/fast-lane/tickets/" + id + "/print", "receptionist");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
  hisx::test::TempDir dir;
  hisx::test::write_file(dir.path() / "t.pdf", pdf.body);
  const std::string text =
      hisx::test::run_tool({"pdftotext", (dir.path() / "t.pdf").string(), "-"});
  EXPECT_THAT(text, HasSubstr("U002"));
  EXPECT_THAT(text, HasSubstr("Làn ưu tiên"));
  EXPECT_THAT(text, HasSubstr("Phụ nữ có thai"));
  EXPECT_THAT(text, HasSubstr("Q1, Q2")) << "the windows that call the fast lane";
  EXPECT_THAT(text, HasSubstr("of you: 0")) << "the pregnant woman is called first";
  const auto escpos =
      host_->get("/api/v1/fast-lane/tickets/" + id + "/print?format=escpos", "cashier");
  ASSERT_EQ(escpos.status, 200);
  const auto commands = hisx::test::parse_escpos(escpos.body);
  EXPECT_EQ(commands.front().kind, hisx::test::EscPosCommand::Kind::Initialize);
  EXPECT_EQ(commands.back().kind, hisx::test::EscPosCommand::Kind::Cut);
  EXPECT_EQ(host_->get("/api/v1/fast-lane/tickets/999999/print", "cashier").status, 404);
}

TEST_F(Queue, EveryStepIsPublishedForTheReports) {
  window("Q1", "regular");
  issue_label("{}");
  host_->clock().advance(std::chrono::seconds(90));
  next("Q1");
  host_->clock().advance(std::chrono::seconds(60));
  next("Q1");
  const auto issued = host_->published("ticket.issued");
  ASSERT_EQ(issued.size(), 1u);
  EXPECT_EQ(issued[0].payload->getValue<std::string>("label"), "T001");
  EXPECT_EQ(issued[0].payload->getValue<std::string>("source"), "desk");
  EXPECT_EQ(issued[0].payload->getValue<std::string>("day"), "2026-12-01");
  const auto called = host_->published("ticket.called");
  ASSERT_EQ(called.size(), 1u);
  EXPECT_EQ(called[0].payload->getValue<int>("wait_seconds"), 90);
  EXPECT_EQ(called[0].payload->getValue<std::string>("window"), "Q1");
  const auto served = host_->published("ticket.served");
  ASSERT_EQ(served.size(), 1u);
  EXPECT_EQ(served[0].payload->getValue<int>("service_seconds"), 60);
  EXPECT_THAT(served[0].payload->getValue<std::string>("by"), ::testing::StartsWith("apikey:"));
}

}  // namespace
}  // namespace hisx::test::fast_lane
