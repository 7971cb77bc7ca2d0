#include "db/statement_declarations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hisx::host {
namespace {

using ::testing::HasSubstr;

sdk::Manifest manifest() {
  sdk::Manifest m;
  m.name = "lab";
  m.version = "1.0.0";
  return m;
}

std::string refusal(const sdk::Manifest& m) {
  try {
    declared_statements(m);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "accepted";
}

TEST(StatementDeclarations, StandardAndOwnStatementsResolveRequiredOrOptional) {
  auto m = manifest();
  m.his_statements = {"patient.get", "lab.results"};
  m.optional_his_statements = {"visit.register"};
  m.his_statement_specs = {{"lab.results",
                            sdk::StatementKind::kQuery,
                            {{"patient_id", sdk::ValueType::kId, ""}},
                            {{"id", sdk::ValueType::kId, false, "", ""}},
                            "Lab results"}};
  const auto declared = declared_statements(m);
  ASSERT_EQ(declared.size(), 3u);
  EXPECT_EQ(declared[0].spec.name, "patient.get");
  EXPECT_EQ(declared[0].spec.columns.size(), 8u);
  EXPECT_TRUE(declared[1].required);
  EXPECT_EQ(declared[1].spec.name, "lab.results");
  EXPECT_FALSE(declared[2].required);
}

TEST(StatementDeclarations, MistakesAreRefusedNamingTheStatement) {
  auto m = manifest();
  m.his_statements = {"patient.gte"};
  EXPECT_THAT(refusal(m), AllOf(HasSubstr("'patient.gte'"), HasSubstr("neither a standard")));

  m = manifest();
  m.his_statements = {"patient.get"};
  m.optional_his_statements = {"patient.get"};
  EXPECT_THAT(refusal(m), HasSubstr("declared twice"));

  m = manifest();
  m.his_statement_specs = {{"other.results", sdk::StatementKind::kQuery, {}, {}, ""}};
  EXPECT_THAT(refusal(m), HasSubstr("must be named 'lab.<what>'"));

  m = manifest();
  m.his_statement_specs = {{"lab.x",
                            sdk::StatementKind::kQuery,
                            {},
                            {{"kind", sdk::ValueType::kCode, false, "", "", "colour"}},
                            ""}};
  EXPECT_THAT(refusal(m), AllOf(HasSubstr("vocabulary 'colour'"), HasSubstr("lab.x")));
}

TEST(StatementDeclarations, EveryStandardStatementIsTypedAndDocumented) {
  for (const auto& spec : sdk::standard_statements()) {
    SCOPED_TRACE(spec.name);
    EXPECT_FALSE(spec.description.empty());
    for (const auto& p : spec.params) {
      EXPECT_FALSE(p.description.empty()) << p.name;
      if (p.type == sdk::ValueType::kCode) {
        EXPECT_NE(sdk::find_vocabulary(p.vocabulary), nullptr);
      }
    }
    EXPECT_EQ(spec.kind == sdk::StatementKind::kQuery, !spec.columns.empty());
    for (const auto& c : spec.columns) {
      EXPECT_FALSE(c.description.empty()) << c.name;
      if (c.type == sdk::ValueType::kCode) {
        EXPECT_NE(sdk::find_vocabulary(c.vocabulary), nullptr);
      }
    }
  }
}

}  // namespace
}  // namespace hisx::host
