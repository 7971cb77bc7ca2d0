// Whatever a plugin handler throws, the client gets a problem document and the server keeps
// serving.
#include <Poco/Exception.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "hisx/problem.h"
#include "test_server.h"

namespace hisx::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class HandlerTest : public ServerTest {
 protected:
  void SetUp() override {
    route(
        "POST", "/api/v1/appointments/bookings",
        [](sdk::Request&, sdk::Response& res) {
          res.header("X-Half-Done", "yes");
          throw sdk::Problem::invalid("slot_id", "Khung giờ đã đầy / The slot is full.");
        },
        {"admin"}, false, "appointments");
    route(
        "GET", "/api/v1/appointments/missing",
        [](sdk::Request&, sdk::Response&) { throw sdk::Problem::not_found("No such booking."); },
        {"admin"}, false, "appointments");
    route(
        "GET", "/api/v1/appointments/busy",
        [](sdk::Request&, sdk::Response&) {
          throw sdk::Problem(503, "unavailable", "The HIS database is not answering.");
        },
        {"admin"}, false, "appointments");
    route(
        "GET", "/api/v1/fast_lane/std",
        [](sdk::Request&, sdk::Response& res) {
          res.header("X-Half-Done", "yes");
          throw std::runtime_error("SELECT * FROM patients failed for Nguyen Van A");
        },
        {"admin"}, false, "fast_lane");
    route(
        "GET", "/api/v1/fast_lane/int", [](sdk::Request&, sdk::Response&) { throw 42; }, {"admin"},
        false, "fast_lane");
    route(
        "GET", "/api/v1/fast_lane/poco",
        [](sdk::Request&, sdk::Response&) {
          throw Poco::NotFoundException("session pool", "empty");
        },
        {"admin"}, false, "fast_lane");
    route(
        "GET", "/api/v1/fast_lane/param",
        [](sdk::Request& req, sdk::Response&) {
          req.param("id");  // the pattern has no {id}: a handler bug
        },
        {"admin"}, false, "fast_lane");
    route(
        "GET", "/api/v1/fast_lane/ok",
        [](sdk::Request&, sdk::Response& res) {
          res.body("still here", "text/plain; charset=utf-8");
        },
        {"admin"}, false, "fast_lane");
    start();
  }

  Reply get(Poco::Net::HTTPClientSession& s, const std::string& path, const std::string& id) {
    return send(s, Call("GET", path).with_header("X-Request-Id", id).with_token(kAdminToken));
  }
};

TEST_F(HandlerTest, ProblemKeepsItsStatusTypeAndField) {
  auto s = session();
  Reply r = send(
      *s, Call("POST", "/api/v1/appointments/bookings").with_body("{}").with_token(kAdminToken));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(r.header("X-Half-Done"), "") << "headers of a failed handler are dropped";
  auto doc = r.json();
  EXPECT_EQ(doc->getValue<std::string>("type"), "urn:hisx:problem:validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "slot_id");
  EXPECT_EQ(doc->getValue<std::string>("detail"), "Khung giờ đã đầy / The slot is full.");
  EXPECT_EQ(doc->getValue<std::string>("title"), "Unprocessable Entity");

  r = get(*s, "/api/v1/appointments/missing", "m-1");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.json()->getValue<std::string>("type"), "urn:hisx:problem:not-found");
  EXPECT_FALSE(r.json()->has("field"));

  r = get(*s, "/api/v1/appointments/busy", "m-2");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.json()->getValue<std::string>("type"), "urn:hisx:problem:unavailable");
  EXPECT_EQ(r.json()->getValue<std::string>("detail"), "The HIS database is not answering.");
}

TEST_F(HandlerTest, StdExceptionIs500LoggedWithPluginNameAndServerKeepsServing) {
  auto s = session();
  const Reply r = get(*s, "/api/v1/fast_lane/std", "boom-1");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(r.header("X-Half-Done"), "");
  const auto doc = r.json();
  EXPECT_EQ(doc->getValue<std::string>("type"), "urn:hisx:problem:internal");
  EXPECT_EQ(doc->getValue<std::string>("detail"),
            "Internal error; see the server log for request boom-1.");
  EXPECT_THAT(r.body, Not(HasSubstr("SELECT"))) << "exception text must not leak";

  const std::string line = error_log_->wait_for("boom-1");
  EXPECT_THAT(line, HasSubstr("fast_lane"));
  EXPECT_THAT(line, HasSubstr("/api/v1/fast_lane/std"));
  EXPECT_THAT(line, HasSubstr("SELECT * FROM patients failed"));

  // Same connection, next request.
  const Reply next = get(*s, "/api/v1/fast_lane/ok", "after-1");
  EXPECT_EQ(next.status, 200);
  EXPECT_EQ(next.body, "still here");
}

TEST_F(HandlerTest, NonStdExceptionIs500AndServerKeepsServing) {
  auto s = session();
  const Reply r = get(*s, "/api/v1/fast_lane/int", "int-1");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.json()->getValue<std::string>("type"), "urn:hisx:problem:internal");
  EXPECT_EQ(r.json()->getValue<std::string>("detail"),
            "Internal error; see the server log for request int-1.");
  EXPECT_THAT(error_log_->wait_for("int-1"), HasSubstr("fast_lane"));

  EXPECT_EQ(get(*s, "/api/v1/fast_lane/ok", "after-2").status, 200);
  EXPECT_EQ(send(Call("GET", "/api/v1/fast_lane/ok").with_token(kAdminToken)).body, "still here");
}

TEST_F(HandlerTest, PocoExceptionAndHandlerBugAre500WithTheirText) {
  auto s = session();
  EXPECT_EQ(get(*s, "/api/v1/fast_lane/poco", "poco-1").status, 500);
  EXPECT_THAT(error_log_->wait_for("poco-1"), HasSubstr("session pool: empty"));
  EXPECT_EQ(get(*s, "/api/v1/fast_lane/param", "param-1").status, 500);
  EXPECT_THAT(error_log_->wait_for("param-1"), HasSubstr("{id}"));
  EXPECT_EQ(get(*s, "/api/v1/fast_lane/ok", "after-3").status, 200);
}

}  // namespace
}  // namespace hisx::test
