#include "auth/credential_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

namespace hisx::test {
namespace {

using ::testing::HasSubstr;

TEST(CredentialRules, UsernamesAreTrimmedAndLowerCased) {
  EXPECT_EQ(host::normalize_username("  NVAn "), "nvan");
  EXPECT_EQ(host::normalize_username("le.thi-hoa_2"), "le.thi-hoa_2");
  EXPECT_EQ(host::normalize_username(std::string(64, 'a')), std::string(64, 'a'));
}

TEST(CredentialRules, UsernamesOutsideTheAlphabetAreRefused) {
  for (const std::string& bad :
       std::vector<std::string>{"", "   ", "nguyen van", "nguyễn", "-lead", ".lead", "a/b", "x@y",
                                std::string(65, 'a')}) {
    EXPECT_EQ(host::normalize_username(bad), std::nullopt) << bad;
  }
  EXPECT_THAT(host::username_rule(), HasSubstr("1 to 64"));
}

TEST(CredentialRules, PasswordsNeedTenCharactersNotBytes) {
  EXPECT_EQ(host::password_problem("0123456789"), "");
  EXPECT_EQ(host::password_problem("mậtkhẩuđẹp"), "");  // 10 letters, 15 bytes.
  EXPECT_THAT(host::password_problem("012345678"), HasSubstr("at least 10 characters"));
  EXPECT_THAT(host::password_problem("ậậậậậậậậậ"), HasSubstr("ít nhất 10 ký tự"));  // 9, 27 bytes
  EXPECT_THAT(host::password_problem(""), HasSubstr("at least 10"));
  EXPECT_THAT(host::password_problem(std::string(host::kMaxPasswordBytes + 1, 'x')),
              HasSubstr("longer than 1024 bytes"));
  EXPECT_EQ(host::password_problem(std::string(host::kMaxPasswordBytes, 'x')), "");
}

TEST(CredentialRules, GeneratedPasswordsAreLongUnambiguousAndDifferent) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string p = host::generate_password();
    EXPECT_EQ(p.size(), 20u);
    EXPECT_EQ(host::password_problem(p), "");
    EXPECT_EQ(p.find_first_of("0O1lI"), std::string::npos) << p;
    EXPECT_EQ(p.find_first_not_of("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"),
              std::string::npos)
        << p;
    seen.insert(p);
  }
  EXPECT_EQ(seen.size(), 50u);
}

}  // namespace
}  // namespace hisx::test
