// HIS ids as a client sends them: text or (clients of 2.0) a whole number, always read as
// text; every refusal is a 422 naming the field.
#include "hisx/his_id.h"

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

TEST(HisId, TextAndWholeNumbersAreRead) {
  EXPECT_EQ(json_his_id(body(R"({"clinic_id": "K01"})"), "clinic_id"), "K01");
  EXPECT_EQ(json_his_id(body(R"({"patient_id": "007"})"), "patient_id"), "007");
  EXPECT_EQ(json_his_id(body(R"({"patient_id": 42})"), "patient_id"), "42");
  EXPECT_EQ(json_his_id(body(R"({"doctor_id": "bs.lan"})"), "doctor_id"), "bs.lan");
  EXPECT_EQ(json_his_id(body(R"({"id": "Nguyễn"})"), "id"), "Nguyễn");
  EXPECT_EQ(json_optional_his_id(body(R"({"doctor_id": null})"), "doctor_id"), std::nullopt);
  EXPECT_EQ(json_optional_his_id(body("{}"), "doctor_id"), std::nullopt);
  EXPECT_EQ(json_optional_his_id(body(R"({"doctor_id": 5})"), "doctor_id"), "5");
}

TEST(HisId, RefusalsNameTheField) {
  auto missing = refusal([] { json_his_id(body("{}"), "patient_id"); });
  EXPECT_EQ(missing.status(), 422);
  EXPECT_EQ(missing.field(), "patient_id");
  EXPECT_THAT(missing.detail(), HasSubstr("is required"));
  EXPECT_THAT(missing.detail(), HasSubstr("là bắt buộc"));

  auto empty = refusal([] { json_his_id(body(R"({"clinic_id": ""})"), "clinic_id"); });
  EXPECT_EQ(empty.field(), "clinic_id");
  EXPECT_THAT(empty.detail(), HasSubstr("must not be empty"));

  const std::string long_id(101, 'x');
  auto too_long = refusal([&] { json_his_id(body(R"({"id": ")" + long_id + R"("})"), "id"); });
  EXPECT_THAT(too_long.detail(), HasSubstr("at most 100"));
  EXPECT_EQ(json_his_id(body(R"({"id": ")" + std::string(100, 'x') + R"("})"), "id").size(), 100U);

  auto control = refusal([] { json_his_id(body(R"({"id": "a\tb"})"), "id"); });
  EXPECT_THAT(control.detail(), HasSubstr("control characters"));

  for (const char* json :
       {R"({"id": 1.5})", R"({"id": true})", R"({"id": [1]})", R"({"id": {"a": 1}})"}) {
    auto wrong = refusal([&] { json_his_id(body(json), "id"); });
    EXPECT_EQ(wrong.field(), "id") << json;
    EXPECT_THAT(wrong.detail(), HasSubstr("text or a whole number")) << json;
  }
}

TEST(HisId, QueryAndPathText) {
  QueryRequest req({{"clinic", "PK-NOI"}, {"blank", ""}});
  EXPECT_EQ(query_his_id(req, "clinic"), "PK-NOI");
  EXPECT_EQ(query_optional_his_id(req, "doctor"), std::nullopt);
  EXPECT_EQ(refusal([&] { query_his_id(req, "doctor"); }).field(), "doctor");
  EXPECT_EQ(refusal([&] { query_his_id(req, "blank"); }).field(), "blank");
  EXPECT_EQ(parse_his_id("id", "007"), "007");
  EXPECT_EQ(refusal([] { parse_his_id("id", std::string("a\nb")); }).field(), "id");
}

TEST(HisId, WhatCountsAsAnId) {
  EXPECT_TRUE(is_his_id("7"));
  EXPECT_TRUE(is_his_id("0f8fad5b-d9cb-469f-a165-70867728950e"));
  EXPECT_FALSE(is_his_id(""));
  EXPECT_FALSE(is_his_id(std::string(101, '1')));
  EXPECT_FALSE(is_his_id("a\x7f"));
}

}  // namespace
}  // namespace hisx::sdk
