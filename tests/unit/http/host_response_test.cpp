#include "http/host_response.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "hisx/problem.h"
#include "http/host_request.h"
#include "http/problem_response.h"
#include "http/request_id.h"

namespace hisx::host {
namespace {

using ::testing::HasSubstr;

TEST(HostResponse, RefusesHeadersTheHostOwnsAndHeaderInjection) {
  HostResponse response;
  EXPECT_THROW(response.header("Content-Length", "3"), std::invalid_argument);
  EXPECT_THROW(response.header("connection", "close"), std::invalid_argument);
  EXPECT_THROW(response.header("X-Request-Id", "x"), std::invalid_argument);
  EXPECT_THROW(response.header("X-Evil", "a\r\nSet-Cookie: x=1"), std::invalid_argument);
  EXPECT_THROW(response.header("Bad Name", "a"), std::invalid_argument);
  EXPECT_THROW(response.status(42), std::invalid_argument);

  response.header("Cache-Control", "no-store");
  response.header("cache-control", "private");
  response.header("Content-Type", "text/csv");
  ASSERT_EQ(response.headers().size(), 1u);
  EXPECT_EQ(response.headers()[0].second, "private");
  EXPECT_EQ(response.content_type(), "text/csv");
}

TEST(HostResponse, JsonKeepsVietnameseText) {
  HostResponse response;
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("name", "Nguyễn Thị Lan");
  response.json(body);
  EXPECT_EQ(response.content_type(), "application/json; charset=utf-8");
  auto parsed = Poco::JSON::Parser().parse(response.content()).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(parsed->getValue<std::string>("name"), "Nguyễn Thị Lan");
}

TEST(ProblemResponse, DocumentHasStableFieldsAndFieldOnlyWhenSet) {
  HostResponse response;
  response.header("X-Partial", "1");
  set_problem(response, sdk::Problem::invalid("patient_id", "Mã bệnh nhân trống / empty"), "r-1");
  EXPECT_EQ(response.status_code(), 422);
  EXPECT_EQ(response.content_type(), "application/problem+json");
  EXPECT_TRUE(response.headers().empty()) << "the failed handler's headers are dropped";
  auto doc = Poco::JSON::Parser().parse(response.content()).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(doc->getValue<std::string>("type"), "urn:hisx:problem:validation");
  EXPECT_EQ(doc->getValue<std::string>("title"), "Unprocessable Entity");
  EXPECT_EQ(doc->getValue<int>("status"), 422);
  EXPECT_EQ(doc->getValue<std::string>("detail"), "Mã bệnh nhân trống / empty");
  EXPECT_EQ(doc->getValue<std::string>("field"), "patient_id");
  EXPECT_EQ(doc->getValue<std::string>("request_id"), "r-1");

  set_problem(response, sdk::Problem::not_found("No such slot."), "r-2");
  doc = Poco::JSON::Parser().parse(response.content()).extract<Poco::JSON::Object::Ptr>();
  EXPECT_FALSE(doc->has("field"));
  EXPECT_EQ(doc->getValue<std::string>("title"), "Not Found");

  set_problem(response, sdk::Problem(401, "unauthorized", "Who are you?"), "r-3");
  ASSERT_EQ(response.headers().size(), 1u);
  EXPECT_EQ(response.headers()[0].first, "WWW-Authenticate");
  EXPECT_EQ(response.headers()[0].second, "Bearer");

  EXPECT_EQ(internal_problem("r-4").detail(),
            "Internal error; see the server log for request r-4.");
  EXPECT_EQ(internal_problem("r-4").status(), 500);
  EXPECT_EQ(internal_problem("r-4").type(), "internal");
}

TEST(HostRequest, JsonRefusesWhatIsNotAnObject) {
  HostRequest request("POST", "/x", {{"q", "1"}, {"q", "2"}}, {}, "r", "127.0.0.1:1");
  for (const char* body : {"", "{", "[1,2]", "\"text\"", "42", "{\"a\":1}x"}) {
    request.set_body(body);
    try {
      request.json();
      ADD_FAILURE() << "accepted " << body;
    } catch (const sdk::Problem& p) {
      EXPECT_EQ(p.status(), 400) << body;
      EXPECT_EQ(p.type(), "bad-request") << body;
      EXPECT_FALSE(p.detail().empty());
    }
  }
  request.set_body(R"({"a": {"b": [1, 2]}})");
  EXPECT_EQ(request.json()->getObject("a")->getArray("b")->size(), 2u);
  EXPECT_EQ(request.query("q"), "1") << "first value wins";
  EXPECT_EQ(request.query("missing"), std::nullopt);
  EXPECT_EQ(request.query_all("q"), (std::vector<std::string>{"1", "2"})) << "in request order";
  EXPECT_TRUE(request.query_all("missing").empty());
  EXPECT_THROW(request.param("id"), std::out_of_range);
  EXPECT_EQ(request.principal(), nullptr);
}

TEST(RequestId, AcceptsOnlySafeIdsAndGeneratesOtherwise) {
  EXPECT_TRUE(is_valid_request_id("abc-DEF_123.4"));
  EXPECT_TRUE(is_valid_request_id(std::string(64, 'a')));
  EXPECT_FALSE(is_valid_request_id(std::string(65, 'a')));
  EXPECT_FALSE(is_valid_request_id(""));
  EXPECT_FALSE(is_valid_request_id("a b"));
  EXPECT_FALSE(is_valid_request_id("a\nb"));
  EXPECT_FALSE(is_valid_request_id("ä"));
  EXPECT_EQ(request_id_for(std::string("nginx-42")), "nginx-42");
  const std::string generated = request_id_for(std::string("bad id"));
  EXPECT_TRUE(is_valid_request_id(generated));
  EXPECT_NE(generated, request_id_for(std::nullopt));
}

}  // namespace
}  // namespace hisx::host
