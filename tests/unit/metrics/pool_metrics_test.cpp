#include "metrics/pool_metrics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace hisx::host {
namespace {

using ::testing::HasSubstr;

class PoolMetricsTest : public ::testing::Test {
 protected:
  PoolMetricsTest() {
    for (std::size_t i = 0; i < kSize; ++i) {
      pool_.at(i).open(*soci::factory_sqlite3(), "db=:memory:");
    }
  }
  static constexpr std::size_t kSize = 3;
  soci::connection_pool pool_{kSize};
};

TEST_F(PoolMetricsTest, CountsTheSessionsLeasedAndLeavesThemAllUsable) {
  EXPECT_EQ(sessions_in_use(pool_, kSize), 0u);
  {
    soci::session a(pool_);
    EXPECT_EQ(sessions_in_use(pool_, kSize), 1u);
    {
      soci::session b(pool_);
      soci::session c(pool_);
      EXPECT_EQ(sessions_in_use(pool_, kSize), 3u);
    }
    EXPECT_EQ(sessions_in_use(pool_, kSize), 1u);
    // The sessions the count took were given back: both others can still be leased at once.
    soci::session b(pool_);
    soci::session c(pool_);
    int one = 0;
    c << "SELECT 1", soci::into(one);
    EXPECT_EQ(one, 1);
  }
  EXPECT_EQ(sessions_in_use(pool_, kSize), 0u);
}

TEST_F(PoolMetricsTest, GaugesShowSizeAndUseAtEachScrape) {
  MetricsRegistry registry;
  add_pool_metrics(registry, "his", pool_, kSize);
  EXPECT_THAT(registry.expose(), HasSubstr("hisx_db_pool_in_use{db=\"his\"} 0\n"));
  soci::session held(pool_);
  const std::string text = registry.expose();
  EXPECT_THAT(text, HasSubstr("# TYPE hisx_db_pool_sessions gauge\n"));
  EXPECT_THAT(text, HasSubstr("hisx_db_pool_sessions{db=\"his\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("hisx_db_pool_in_use{db=\"his\"} 1\n"));
}

}  // namespace
}  // namespace hisx::host
