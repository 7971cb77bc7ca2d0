// What GET /api/v1/host/jobs answers, built from a real scheduler and database and read
// back from its JSON text as a client would.
#include "jobs/job_listing.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "hisx/problem.h"
#include "job_test_db.h"

namespace hisx::test {
namespace {

using namespace std::chrono_literals;

Poco::JSON::Object::Ptr as_client_sees_it(const Poco::JSON::Object::Ptr& body) {
  std::ostringstream text;
  Poco::JSON::Stringifier::stringify(body, text);
  return Poco::JSON::Parser().parse(text.str()).extract<Poco::JSON::Object::Ptr>();
}

class JobListing : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    a_ = db_.scheduler(clock_, "host-a");
    a_->every("t.tick", "* * * * *", [](const sdk::JobRun&) {});
    a_->once("t.fail", utc("2024-05-01T03:00:40Z"),
             [](const sdk::JobRun&) { throw std::runtime_error("the printer is out of paper"); });
    a_->once(
        "t.later", utc("2024-05-02T00:00:00Z"), [](const sdk::JobRun&) {}, 90s);
    ASSERT_EQ(a_->poll(), 0);
    for (int i = 0; i < 2; ++i) {
      clock_.advance(1min);
      a_->poll();
      ASSERT_TRUE(a_->wait_idle(30s));
    }
  }

  JobTestDb db_{GetParam()};
  sdk::ManualClock clock_{utc("2024-05-01T03:00:30Z")};
  std::unique_ptr<host::JobScheduler> a_;
};

TEST_P(JobListing, ListsEveryJobWithItsScheduleNextRunAndLastRuns) {
  auto body = as_client_sees_it(host::job_listing(*a_, std::nullopt, 20));
  EXPECT_EQ(body->getValue<std::string>("host"), "host-a");
  EXPECT_EQ(body->getValue<std::string>("timezone"), "Asia/Ho_Chi_Minh");
  EXPECT_EQ(body->getValue<std::string>("now"), "2024-05-01T03:02:30Z");
  auto jobs = body->getArray("jobs");
  ASSERT_EQ(jobs->size(), 3u);

  auto fail = jobs->getObject(0);
  EXPECT_EQ(fail->getValue<std::string>("name"), "t.fail");
  EXPECT_EQ(fail->getValue<std::string>("kind"), "once");
  EXPECT_TRUE(fail->isNull("schedule"));
  EXPECT_TRUE(fail->isNull("next_run")) << "it has run";
  auto fail_runs = fail->getArray("runs");
  ASSERT_EQ(fail_runs->size(), 1u);
  auto failed = fail_runs->getObject(0);
  EXPECT_EQ(failed->getValue<std::string>("scheduled_for"), "2024-05-01T03:00:40Z");
  EXPECT_EQ(failed->getValue<std::string>("scheduled_for_local"), "2024-05-01T10:00:40+07:00");
  EXPECT_EQ(failed->getValue<std::string>("state"), "failed");
  EXPECT_EQ(failed->getValue<std::string>("error"), "the printer is out of paper");
  EXPECT_EQ(failed->getValue<std::string>("owner"), "host-a");
  EXPECT_EQ(failed->getValue<std::string>("started_at"), "2024-05-01T03:01:30.000Z");
  EXPECT_EQ(failed->getValue<std::string>("finished_at"), "2024-05-01T03:01:30.000Z");
  EXPECT_EQ(failed->getValue<int>("duration_ms"), 0);

  auto later = jobs->getObject(1);
  EXPECT_EQ(later->getValue<std::string>("name"), "t.later");
  EXPECT_EQ(later->getValue<int>("lease_seconds"), 90);
  EXPECT_EQ(later->getValue<std::string>("next_run"), "2024-05-02T00:00:00Z");
  EXPECT_EQ(later->getValue<std::string>("next_run_local"), "2024-05-02T07:00:00+07:00");
  EXPECT_EQ(later->getArray("runs")->size(), 0u);

  auto tick = jobs->getObject(2);
  EXPECT_EQ(tick->getValue<std::string>("name"), "t.tick");
  EXPECT_EQ(tick->getValue<std::string>("kind"), "every");
  EXPECT_EQ(tick->getValue<std::string>("schedule"), "* * * * *");
  EXPECT_EQ(tick->getValue<int>("lease_seconds"), 600);
  EXPECT_EQ(tick->getValue<std::string>("next_run"), "2024-05-01T03:03:00Z");
  EXPECT_EQ(tick->getValue<std::string>("next_run_local"), "2024-05-01T10:03:00+07:00");
  auto tick_runs = tick->getArray("runs");
  ASSERT_EQ(tick_runs->size(), 2u);
  EXPECT_EQ(tick_runs->getObject(0)->getValue<std::string>("scheduled_for"),
            "2024-05-01T03:02:00Z");  // latest first
  EXPECT_EQ(tick_runs->getObject(1)->getValue<std::string>("scheduled_for"),
            "2024-05-01T03:01:00Z");
  EXPECT_EQ(tick_runs->getObject(0)->getValue<std::string>("state"), "succeeded");
  EXPECT_TRUE(tick_runs->getObject(0)->isNull("error"));
  EXPECT_EQ(tick_runs->getObject(0)->getValue<int>("attempts"), 1);
}

TEST_P(JobListing, FiltersByJobAndLimitsRuns) {
  auto body = as_client_sees_it(host::job_listing(*a_, std::string("t.tick"), 1));
  auto jobs = body->getArray("jobs");
  ASSERT_EQ(jobs->size(), 1u);
  EXPECT_EQ(jobs->getObject(0)->getValue<std::string>("name"), "t.tick");
  auto runs = jobs->getObject(0)->getArray("runs");
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ(runs->getObject(0)->getValue<std::string>("scheduled_for"), "2024-05-01T03:02:00Z");
}

TEST_P(JobListing, AnUnknownJobIsNotFound) {
  try {
    host::job_listing(*a_, std::string("t.nope"), 20);
    ADD_FAILURE() << "listed a job that does not exist";
  } catch (const sdk::Problem& p) {
    EXPECT_EQ(p.status(), 404);
    EXPECT_EQ(p.type(), "not-found");
    EXPECT_THAT(p.detail(), ::testing::HasSubstr("t.nope"));
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, JobListing, ::testing::ValuesIn(job_test_backends()));

}  // namespace
}  // namespace hisx::test
