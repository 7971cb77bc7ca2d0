// Request values as a client meets them: every refusal is a 422 naming the field, in English
// and Vietnamese.
#include "hisx/request_values.h"

#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "hisx/problem.h"
#include "request_fakes.h"

namespace hisx::sdk {
namespace {

using ::testing::HasSubstr;

using namespace test_support;

TEST(RequestValues, IntegersAreWholeNumbersInRange) {
  EXPECT_EQ(json_integer(body(R"({"capacity": 5})"), "capacity", 1, 50), 5);
  EXPECT_EQ(json_integer(body("{}"), "capacity", 1, 50, 3), 3);
  for (const char* bad : {R"({"capacity": 0})", R"({"capacity": 5.5})", R"({"capacity": "5"})",
                          R"({"capacity": true})"}) {
    const Problem p = refusal([&] { json_integer(body(bad), "capacity", 1, 50); });
    EXPECT_EQ(p.status(), 422) << bad;
    EXPECT_EQ(p.field(), "capacity") << bad;
    EXPECT_THAT(p.detail(), HasSubstr("whole number from 1 to 50")) << bad;
    EXPECT_THAT(p.detail(), HasSubstr("số nguyên từ 1 đến 50")) << bad;
  }
  const Problem missing = refusal([] { json_integer(body("{}"), "capacity", 1, 50); });
  EXPECT_THAT(missing.detail(), HasSubstr("'capacity' is required / 'capacity' là bắt buộc"));
}

TEST(RequestValues, TextDatesAndClocks) {
  EXPECT_EQ(json_text(body(R"({"reason": "Tái khám"})"), "reason", 200), "Tái khám");
  EXPECT_EQ(refusal([] { json_text(body(R"({"reason": "  "})"), "reason", 200); }).field(),
            "reason");
  EXPECT_THAT(refusal([] { json_text(body(R"({"reason": "abcdef"})"), "reason", 3); }).detail(),
              HasSubstr("at most 3 characters"));
  EXPECT_EQ(format_date(json_date(body(R"({"day": "2026-12-01"})"), "day")), "2026-12-01");
  EXPECT_THAT(refusal([] { json_date(body(R"({"day": "2026-02-30"})"), "day"); }).detail(),
              HasSubstr("YYYY-MM-DD"));
  EXPECT_EQ(json_clock(body(R"({"opens": "07:30"})"), "opens"), 450);
  EXPECT_EQ(refusal([] { json_clock(body(R"({"opens": "7h30"})"), "opens"); }).field(), "opens");
}

TEST(RequestValues, EnumsListWhatIsAllowed) {
  const std::vector<std::string> methods = {"cash", "vietqr", "card"};
  EXPECT_EQ(json_enum(body(R"({"method": "vietqr"})"), "method", methods), "vietqr");
  EXPECT_EQ(json_enum(body("{}"), "method", methods, "cash"), "cash");
  const Problem p =
      refusal([&] { json_enum(body(R"({"method": "bitcoin"})"), "method", methods); });
  EXPECT_EQ(p.field(), "method");
  EXPECT_THAT(p.detail(), HasSubstr("must be one of cash, vietqr, card"));
  EXPECT_EQ(refusal([&] { json_enum(body(R"({"method": 3})"), "method", methods); }).field(),
            "method");
}

TEST(RequestValues, QueryValues) {
  const QueryRequest req(
      std::map<std::string, std::string>{{"limit", "20"}, {"state", "open"}, {"page", "x"}});
  EXPECT_EQ(query_integer(req, "limit", 1, 100), 20);
  EXPECT_EQ(query_integer(req, "offset", 0, 1000, 0), 0);
  EXPECT_EQ(refusal([&] { query_integer(req, "page", 1, 10); }).field(), "page");
  EXPECT_EQ(refusal([&] { query_integer(req, "offset", 0, 10); }).field(), "offset");
  EXPECT_EQ(query_enum(req, "state", {"open", "paid"}), "open");
  EXPECT_EQ(query_enum(req, "sort", {"asc", "desc"}, "asc"), "asc");
  EXPECT_EQ(refusal([&] { query_enum(req, "state", {"paid"}); }).field(), "state");
}

TEST(RequestValues, IdempotencyKeysAreVisibleAscii) {
  using Values = std::map<std::string, std::string>;
  EXPECT_EQ(idempotency_key(QueryRequest(Values{{"Idempotency-Key", "pay-2026-12-01-0001"}})),
            "pay-2026-12-01-0001");
  EXPECT_FALSE(idempotency_key(QueryRequest(Values{})));
  for (const std::string& bad :
       std::vector<std::string>{"", "has space", std::string(201, 'k'), "khóa"}) {
    EXPECT_EQ(refusal([&] {
                idempotency_key(QueryRequest(Values{{"Idempotency-Key", bad}}));
              }).field(),
              "Idempotency-Key")
        << bad;
  }
}

}  // namespace
}  // namespace hisx::sdk
