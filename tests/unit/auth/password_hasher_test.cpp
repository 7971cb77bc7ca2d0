#include "auth/password_hasher.h"

#include <gtest/gtest.h>

#include "auth_test_db.h"

namespace hisx::test {
namespace {

TEST(PasswordHasher, HashesWithArgon2idAndVerifies) {
  const host::PasswordHasher hasher;  // The cost hisxd uses.
  const std::string stored = hasher.hash("Bệnh viện huyện 2024");
  EXPECT_EQ(stored.rfind("$argon2id$", 0), 0u) << stored;
  EXPECT_EQ(stored.find("Bệnh viện"), std::string::npos);
  EXPECT_TRUE(hasher.verify(stored, "Bệnh viện huyện 2024"));
  EXPECT_FALSE(hasher.verify(stored, "Bệnh viện huyện 2025"));
  EXPECT_FALSE(hasher.verify(stored, ""));
  EXPECT_FALSE(hasher.needs_rehash(stored));
}

TEST(PasswordHasher, SaltsEveryHash) {
  const host::PasswordHasher hasher(cheap_cost());
  const std::string a = hasher.hash("same password here");
  const std::string b = hasher.hash("same password here");
  EXPECT_NE(a, b);
  EXPECT_TRUE(hasher.verify(a, "same password here"));
  EXPECT_TRUE(hasher.verify(b, "same password here"));
}

TEST(PasswordHasher, AHashMadeAtAnotherCostVerifiesButNeedsRehash) {
  const host::PasswordHasher old_cost(cheap_cost());
  const host::PasswordHasher current;
  const std::string stored = old_cost.hash("mật khẩu cũ rất dài");
  EXPECT_TRUE(current.verify(stored, "mật khẩu cũ rất dài"));
  EXPECT_TRUE(current.needs_rehash(stored));
  EXPECT_FALSE(old_cost.needs_rehash(stored));
  EXPECT_FALSE(current.needs_rehash(current.hash("mật khẩu cũ rất dài")));
}

TEST(PasswordHasher, SomethingThatIsNoHashNeverVerifies) {
  const host::PasswordHasher hasher(cheap_cost());
  for (const std::string& stored :
       {std::string(), std::string("secret123456"),
        std::string("$argon2id$v=19$m=8,t=1,p=1$garbage"), std::string(500, 'x')}) {
    EXPECT_FALSE(hasher.verify(stored, "secret123456")) << stored;
    EXPECT_TRUE(hasher.needs_rehash(stored)) << stored;
  }
}

}  // namespace
}  // namespace hisx::test
