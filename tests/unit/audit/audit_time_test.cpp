#include "audit/audit_time.h"

#include <gtest/gtest.h>

namespace hisx::host {
namespace {

using namespace std::chrono;

TEST(AuditTime, WritesUtcWithMicroseconds) {
  const sys_time<microseconds> t = sys_days{2024y / May / 1} + 8h + 5min + 9s + 123456us;
  EXPECT_EQ(audit_time(time_point_cast<system_clock::duration>(t)), "2024-05-01T08:05:09.123456Z");
  EXPECT_EQ(audit_time(system_clock::time_point(sys_days{1999y / December / 31})),
            "1999-12-31T00:00:00.000000Z");
}

TEST(AuditTime, TextOrderIsTimeOrder) {
  const auto a = system_clock::time_point(sys_days{2024y / May / 1} + 9h + 999999us);
  const auto b = a + 1us;
  const auto c = a + 10h;
  EXPECT_LT(audit_time(a), audit_time(b));
  EXPECT_LT(audit_time(b), audit_time(c));
}

TEST(AuditTimeBound, AcceptsDaysAndUtcTimesInTheStoredForm) {
  EXPECT_EQ(audit_time_bound("2024-05-01"), "2024-05-01T00:00:00.000000Z");
  EXPECT_EQ(audit_time_bound("2024-05-01T08:00:00Z"), "2024-05-01T08:00:00.000000Z");
  EXPECT_EQ(audit_time_bound("2024-05-01T08:00:00.5Z"), "2024-05-01T08:00:00.500000Z");
  EXPECT_EQ(audit_time_bound("2024-05-01T08:00:00.123456789Z"), "2024-05-01T08:00:00.123456Z");
  EXPECT_EQ(audit_time_bound("2024-02-29T23:59:59Z"), "2024-02-29T23:59:59.000000Z");
}

TEST(AuditTimeBound, RefusesAnythingElse) {
  for (const char* bad :
       {"", "yesterday", "2024-5-1", "2024-05-01T08:00:00", "2024-05-01T08:00:00+07:00",
        "2024-05-01 08:00:00Z", "2024-13-01", "2023-02-29", "2024-05-01T24:00:00Z",
        "2024-05-01T08:60:00Z", "2024-05-01T08:00:60Z", "2024-05-01T08:00:00.Z",
        "2024-05-01T08:00:00.1234567890Z", "2024-05-01T08:00:00ZZ", "2024-05-01x"}) {
    EXPECT_FALSE(audit_time_bound(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace hisx::host
