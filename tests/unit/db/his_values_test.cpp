#include "db/his_values.h"

#include <Poco/Types.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hisx::host {
namespace {

using sdk::ValueType;
using ::testing::HasSubstr;

sdk::StatementColumn column(ValueType type, bool nullable = false, std::string vocabulary = {}) {
  return {"c", type, nullable, "", "", std::move(vocabulary)};
}

std::string read(ValueType type, const Poco::Dynamic::Var& raw, const HisConventions& c = {}) {
  return read_column(column(type), raw, c).convert<std::string>();
}

std::string error_of(const sdk::StatementColumn& col, const Poco::Dynamic::Var& raw,
                     const HisConventions& c = {}) {
  try {
    read_column(col, raw, c);
  } catch (const ValueError& e) {
    return e.what();
  }
  return "no error";
}

TEST(HisValues, IdsAreTextWhateverTheHisStores) {
  EXPECT_EQ(read(ValueType::kId, Poco::Int64(563)), "563");
  EXPECT_EQ(read(ValueType::kId, std::string("K01")), "K01");
  EXPECT_EQ(read(ValueType::kId, std::string("007")), "007");
  EXPECT_EQ(read(ValueType::kId, 42.0), "42");  // Some drivers read NUMERIC keys as double.
  EXPECT_TRUE(read_column(column(ValueType::kId), Poco::Int64(1), {}).isString());
  EXPECT_THAT(error_of(column(ValueType::kId), std::string("")), HasSubstr("empty id"));
  EXPECT_THAT(error_of(column(ValueType::kId), 4.5), HasSubstr("not an id"));
}

TEST(HisValues, DecimalsAreExactText) {
  EXPECT_EQ(read(ValueType::kDecimal, Poco::Int64(150000)), "150000");
  EXPECT_EQ(read(ValueType::kDecimal, 12.5), "12.5");
  EXPECT_EQ(read(ValueType::kDecimal, 0.1), "0.1");
  EXPECT_EQ(read(ValueType::kDecimal, std::string("150000.00")), "150000");
  EXPECT_EQ(read(ValueType::kDecimal, std::string("0012.340")), "12.34");
  EXPECT_EQ(read(ValueType::kDecimal, std::string("-0.50")), "-0.5");
  EXPECT_THAT(error_of(column(ValueType::kDecimal), std::string("12,5")),
              HasSubstr("not a decimal"));
}

TEST(HisValues, DatesAndInstants) {
  EXPECT_EQ(read(ValueType::kDate, std::string("1984-03-12")), "1984-03-12");
  EXPECT_EQ(read(ValueType::kDate, std::string("1984-03-12 00:00:00")), "1984-03-12");
  EXPECT_THAT(error_of(column(ValueType::kDate), std::string("12/03/1984")),
              HasSubstr("not a date"));
  EXPECT_THAT(error_of(column(ValueType::kDate), Poco::Int64(19840312)), HasSubstr("not a date"));

  EXPECT_EQ(read(ValueType::kInstant, std::string("2026-12-01T01:30:00Z")), "2026-12-01T01:30:00Z");
  EXPECT_EQ(read(ValueType::kInstant, std::string("2026-12-01 01:30:00")), "2026-12-01T01:30:00Z");
  EXPECT_EQ(read(ValueType::kInstant, std::string("2026-12-01T08:30:00.250+07:00")),
            "2026-12-01T01:30:00Z");
  EXPECT_EQ(read(ValueType::kInstant, std::string("2026-12-01 08:30:00+0700")),
            "2026-12-01T01:30:00Z");
  // A TIMESTAMP at midnight reaches hisx as a date alone.
  EXPECT_EQ(read(ValueType::kInstant, std::string("2026-12-01")), "2026-12-01T00:00:00Z");
  EXPECT_THAT(error_of(column(ValueType::kInstant), std::string("01/12/2026 08:00")),
              HasSubstr("not a date and time"));
}

TEST(HisValues, ALocalTimeHisIsConvertedWithTheZonesRulesIncludingDaylightSaving) {
  HisConventions local;
  local.local_time = true;
  local.zone = sdk::TimeZone::locate("Asia/Ho_Chi_Minh");
  EXPECT_EQ(read(ValueType::kInstant, std::string("2026-12-01 08:30:00"), local),
            "2026-12-01T01:30:00Z");
  EXPECT_EQ(read(ValueType::kInstant, std::string("2026-12-01"), local), "2026-11-30T17:00:00Z");
  // An explicit offset wins over the convention.
  EXPECT_EQ(read(ValueType::kInstant, std::string("2026-12-01T08:30:00Z"), local),
            "2026-12-01T08:30:00Z");

  local.zone = sdk::TimeZone::locate("Europe/Berlin");
  EXPECT_EQ(read(ValueType::kInstant, std::string("2026-01-15 09:00:00"), local),
            "2026-01-15T08:00:00Z");  // CET, +01:00
  EXPECT_EQ(read(ValueType::kInstant, std::string("2026-07-15 09:00:00"), local),
            "2026-07-15T07:00:00Z");  // CEST, +02:00

  const sdk::StatementParam from{"from", ValueType::kInstant, ""};
  EXPECT_EQ(
      std::get<std::string>(*bind_param(from, std::string("2026-07-15T07:00:00Z"), false, local)),
      "2026-07-15 09:00:00");
  EXPECT_EQ(std::get<std::string>(
                *bind_param(from, std::string("2026-07-15T07:00:00Z"), false, HisConventions{})),
            "2026-07-15T07:00:00Z");
}

TEST(HisValues, CodesGoThroughTheProfilesValueMap) {
  HisConventions c;
  c.value_maps["gender"] = {{"M", "male"}, {"F", "female"}};
  c.value_maps["visit_status"] = {{"CK", "waiting"}, {"DK", "in_exam"}, {"XONG", "done"}};
  const auto gender = column(ValueType::kCode, false, "gender");
  const auto status = column(ValueType::kCode, false, "visit_status");
  EXPECT_EQ(read_column(gender, std::string("F"), c).convert<std::string>(), "female");
  EXPECT_EQ(read_column(gender, std::string("male"), c).convert<std::string>(), "male");
  // Gender has a fallback; a visit status does not.
  EXPECT_EQ(read_column(gender, std::string("X"), c).convert<std::string>(), "unknown");
  EXPECT_EQ(read_column(status, std::string("XONG"), c).convert<std::string>(), "done");
  EXPECT_THAT(error_of(status, std::string("HUY"), c),
              ::testing::AllOf(HasSubstr("'HUY'"), HasSubstr("values.visit_status.map")));
  EXPECT_EQ(read_column(gender, Poco::Int64(1), HisConventions{}).convert<std::string>(),
            "unknown");
  // The profile check takes no fallback: an unmapped code shows at once.
  HisConventions strict = c;
  strict.strict_codes = true;
  EXPECT_THAT(error_of(gender, std::string("X"), strict),
              ::testing::AllOf(HasSubstr("'X'"), HasSubstr("it would read as unknown"),
                               HasSubstr("values.gender.map")));

  // Parameters go the other way: hisx's value becomes the HIS's code.
  const sdk::StatementParam method{"method", ValueType::kCode, "", "payment_method"};
  c.value_maps["payment_method"] = {{"TM", "cash"}, {"CK", "transfer"}};
  EXPECT_EQ(std::get<std::string>(*bind_param(method, std::string("transfer"), false, c)), "CK");
  EXPECT_EQ(std::get<std::string>(*bind_param(method, std::string("card"), false, c)), "card");
  EXPECT_THROW(bind_param(method, std::string("bitcoin"), false, c), ValueError);
}

TEST(HisValues, NullOnlyWhereDeclared) {
  EXPECT_TRUE(read_column(column(ValueType::kText, true), Poco::Dynamic::Var(), {}).isEmpty());
  EXPECT_THAT(error_of(column(ValueType::kText), Poco::Dynamic::Var()), HasSubstr("is NULL"));
}

TEST(HisValues, IdParametersBindAsTextOrAsWholeNumbers) {
  const sdk::StatementParam id{"id", ValueType::kId, ""};
  EXPECT_EQ(std::get<std::string>(*bind_param(id, std::string("K01"), false, {})), "K01");
  EXPECT_EQ(std::get<std::string>(*bind_param(id, 563LL, false, {})), "563");
  EXPECT_EQ(std::get<long long>(*bind_param(id, std::string("563"), true, {})), 563);
  // An integer-keyed HIS has no patient "K01": nothing to run.
  EXPECT_FALSE(bind_param(id, std::string("K01"), true, {}).has_value());
  EXPECT_THROW(bind_param(id, std::string(""), false, {}), ValueError);
  const sdk::StatementParam limit{"limit", ValueType::kInteger, ""};
  EXPECT_EQ(std::get<long long>(*bind_param(limit, std::string("20"), false, {})), 20);
  EXPECT_THROW(bind_param(limit, std::string("many"), false, {}), ValueError);
}

}  // namespace
}  // namespace hisx::host
