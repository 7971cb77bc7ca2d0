// The problem document as a client reads it: standard members first, then a problem's extra
// members, which never replace a standard one.
#include "http/problem_response.h"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "hisx/rate_limits.h"

namespace hisx::host {
namespace {

Poco::JSON::Object::Ptr parsed(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

TEST(ProblemResponse, StandardMembers) {
  auto doc = parsed(problem_json(sdk::Problem::invalid("slot_id", "No such slot"), "r-1"));
  EXPECT_EQ(doc->getValue<std::string>("type"), "urn:hisx:problem:validation");
  EXPECT_EQ(doc->getValue<std::string>("title"), "Unprocessable Entity");
  EXPECT_EQ(doc->getValue<int>("status"), 422);
  EXPECT_EQ(doc->getValue<std::string>("detail"), "No such slot");
  EXPECT_EQ(doc->getValue<std::string>("field"), "slot_id");
  EXPECT_EQ(doc->getValue<std::string>("request_id"), "r-1");
  EXPECT_FALSE(doc->has("booking_id"));
}

TEST(ProblemResponse, ExtraMembersFollowAndNeverReplaceStandardOnes) {
  sdk::Problem p = sdk::Problem::conflict("The patient already holds a booking at that time");
  p.with("booking_id", "B-77").with("status", 200).with("request_id", "forged");
  const std::string text = problem_json(p, "r-2");
  auto doc = parsed(text);
  EXPECT_EQ(doc->getValue<std::string>("booking_id"), "B-77");
  EXPECT_EQ(doc->getValue<int>("status"), 409);
  EXPECT_EQ(doc->getValue<std::string>("request_id"), "r-2");
  EXPECT_LT(text.find("\"request_id\""), text.find("\"booking_id\""));
}

TEST(ProblemResponse, MembersGivenAtConstruction) {
  Poco::JSON::Object::Ptr members = new Poco::JSON::Object;
  members->set("current_status", "cancelled");
  const sdk::Problem p(409, "invalid-transition", "Booking is cancelled", members, "action");
  auto doc = parsed(problem_json(p, "r-3"));
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "cancelled");
  EXPECT_EQ(doc->getValue<std::string>("field"), "action");
}

// A rate limit's refusal tells the client when to come back, in the header and the document.
TEST(ProblemResponse, ARateLimitRefusalCarriesRetryAfter) {
  sdk::RateDecision refused;
  refused.admitted = false;
  refused.retry_after = std::chrono::seconds(840);
  HostResponse response;
  set_problem(response, sdk::too_many_requests(refused, "Too many / Quá nhiều"), "r-9");
  EXPECT_EQ(response.status_code(), 429);
  std::string retry_after;
  for (const auto& [name, value] : response.headers()) {
    if (name == "Retry-After") retry_after = value;
  }
  EXPECT_EQ(retry_after, "840");
  auto doc = parsed(response.content());
  EXPECT_EQ(doc->getValue<std::string>("type"), "urn:hisx:problem:too-many-requests");
  EXPECT_EQ(doc->getValue<int>("retry_after"), 840);
}

}  // namespace
}  // namespace hisx::host
