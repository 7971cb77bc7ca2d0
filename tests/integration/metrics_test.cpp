// GET /metrics as Prometheus scrapes it from the real server: request counters and latency
// histograms by route pattern, pool gauges, and what a plugin counts itself.
#include <gmock/gmock.h>

#include <algorithm>
#include <chrono>
#include <regex>
#include <sstream>
#include <thread>

#include "integration_support.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Scrapes until the exposition holds `line` (a request is counted just after its answer is
// sent, so the scrape that follows may come a moment before it). Returns the last scrape.
// /metrics once it holds every one of `lines`, or after 10 s: a request may be counted after its
// answer reached the client, so the answers a test got are not all counted at once.
std::string scrape_until(const HostProcess& host, const std::vector<std::string>& lines) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::string text;
  while (true) {
    HttpResult r = host.client().get("/metrics");
    EXPECT_EQ(r.status, 200) << r.body;
    text = r.body;
    const bool all = std::all_of(lines.begin(), lines.end(), [&](const std::string& line) {
      return text.find(line) != std::string::npos;
    });
    if (all || std::chrono::steady_clock::now() > deadline) return text;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

std::string scrape_until(const HostProcess& host, const std::string& line) {
  return scrape_until(host, std::vector<std::string>{line});
}

TEST(Metrics, RequestsAreCountedAndTimedByRoutePattern) {
  HostProcess host(host_options());
  host.start();
  const std::string doctor = create_key(host, "doctor", "dr-an");
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(host.client().get("/api/v1/his/departments", doctor).status, 200);
  }
  ASSERT_EQ(host.client().get("/api/v1/his/patients/1", doctor).status, 200);
  ASSERT_EQ(host.client().get("/api/v1/his/patients/999999999", doctor).status, 404);
  ASSERT_EQ(host.client().get("/api/v1/his/departments").status, 401);

  const std::string text = scrape_until(
      host, {"hisx_http_requests_total{method=\"GET\",route=\"/api/v1/his/departments\","
             "status=\"401\"} 1\n",
             "hisx_http_requests_total{method=\"GET\",route=\"/api/v1/his/departments\","
             "status=\"200\"} 2\n",
             "hisx_http_requests_total{method=\"GET\",route=\"/api/v1/his/patients/{id}\","
             "status=\"200\"} 1\n",
             "hisx_http_requests_total{method=\"GET\",route=\"/api/v1/his/patients/{id}\","
             "status=\"404\"} 1\n",
             "hisx_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/his/"
             "departments\"} 3\n"});
  EXPECT_THAT(text, HasSubstr("# TYPE hisx_http_requests_total counter\n"));
  EXPECT_THAT(text, HasSubstr("hisx_http_requests_total{method=\"GET\",route=\"/api/v1/his/"
                              "departments\",status=\"200\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("hisx_http_requests_total{method=\"GET\",route=\"/api/v1/his/"
                              "patients/{id}\",status=\"200\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("hisx_http_requests_total{method=\"GET\",route=\"/api/v1/his/"
                              "patients/{id}\",status=\"404\"} 1\n"));
  // The raw path (a patient id) never becomes a label.
  EXPECT_THAT(text, Not(HasSubstr("/patients/999999999")));
  EXPECT_THAT(text, Not(HasSubstr("route=\"/api/v1/his/patients/1\"")));

  EXPECT_THAT(text, HasSubstr("# TYPE hisx_http_request_duration_seconds histogram\n"));
  EXPECT_THAT(text, HasSubstr("hisx_http_request_duration_seconds_bucket{method=\"GET\",route=\"/"
                              "api/v1/his/departments\",le=\"+Inf\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("hisx_http_request_duration_seconds_count{method=\"GET\",route=\"/"
                              "api/v1/his/departments\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("hisx_http_request_duration_seconds_sum{method=\"GET\",route=\"/api/"
                              "v1/his/departments\"} "));
  // Every bucket line is cumulative: counts never decrease along the buckets of a series.
  const std::regex bucket(
      "hisx_http_request_duration_seconds_bucket\\{method=\"GET\",route=\"/api/v1/his/"
      "departments\",le=\"[^\"]+\"\\} ([0-9]+)\n");
  long previous = 0;
  int buckets = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), bucket), end; it != end; ++it) {
    const long count = std::stol((*it)[1]);
    EXPECT_GE(count, previous);
    previous = count;
    ++buckets;
  }
  EXPECT_EQ(buckets, 12);  // 11 bounds and +Inf.
}

TEST(Metrics, ScrapingNeedsNoCredentialAndIsPrometheusText) {
  HostProcess host(host_options());
  host.start();
  HttpResult r = host.client().get("/metrics");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  // The pool the demo configuration opens (database.his.pool_size: 8), measured at the scrape.
  EXPECT_THAT(r.body, HasSubstr("# TYPE hisx_db_pool_sessions gauge\n"));
  EXPECT_THAT(r.body, HasSubstr("hisx_db_pool_sessions{db=\"his\"} 8\n"));
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(r.body, m, std::regex("hisx_db_pool_in_use\\{db=\"his\"\\} ([0-9]+)\n")))
      << r.body;
  EXPECT_LE(std::stoi(m[1]), 8);
  // Every line is a comment or a sample: `name{labels} value`.
  const std::regex sample("[a-z_][a-z0-9_]*(\\{[^}]*\\})? [-+0-9.eInfNa]+");
  std::istringstream lines(r.body);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) continue;
    EXPECT_TRUE(std::regex_match(line, sample)) << line;
  }
}

TEST(Metrics, APluginCountsIntoTheSameRegistry) {
  HostProcess host(host_options({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]"}));
  host.start();
  const std::string admin = create_key(host, "admin");
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(host.client().post("/api/v1/good/greetings", "{\"text\": \"chào\"}", admin).status,
              201);
  }
  // The request counter is counted after the answer is sent, so the client may scrape before
  // the third request is counted: wait for it, the last of the two to be counted.
  const std::string text = scrape_until(host,
                                        "hisx_http_requests_total{method=\"POST\",route=\"/api/v1/"
                                        "good/greetings\",status=\"201\"} 3\n");
  EXPECT_THAT(text, HasSubstr("# HELP hisx_good_greetings_total Greetings stored\n"));
  EXPECT_THAT(text, HasSubstr("hisx_good_greetings_total 3\n"));
  EXPECT_THAT(text, HasSubstr("hisx_http_requests_total{method=\"POST\",route=\"/api/v1/good/"
                              "greetings\",status=\"201\"} 3\n"));
}

}  // namespace
}  // namespace hisx::test::integration
