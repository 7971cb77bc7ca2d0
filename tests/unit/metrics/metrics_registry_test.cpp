#include "metrics/metrics_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

#include "metrics/http_metrics.h"

namespace hisx::host {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(MetricsRegistry, CounterIsWrittenWithHelpTypeAndOneLinePerSeries) {
  MetricsRegistry registry;
  auto& c = registry.counter("hisx_test_calls_total", "Calls, by kind");
  c.inc({{"kind", "a"}});
  c.inc({{"kind", "a"}}, 2);
  c.inc({{"kind", "b"}}, 0.5);
  EXPECT_EQ(registry.expose(),
            "# HELP hisx_test_calls_total Calls, by kind\n"
            "# TYPE hisx_test_calls_total counter\n"
            "hisx_test_calls_total{kind=\"a\"} 3\n"
            "hisx_test_calls_total{kind=\"b\"} 0.5\n");
}

TEST(MetricsRegistry, GaugeKeepsTheLastValueAndUnlabelledSeriesHaveNoBraces) {
  MetricsRegistry registry;
  auto& g = registry.gauge("hisx_test_backlog", "Waiting");
  g.set(5);
  g.set(2);
  EXPECT_EQ(registry.expose(),
            "# HELP hisx_test_backlog Waiting\n"
            "# TYPE hisx_test_backlog gauge\n"
            "hisx_test_backlog 2\n");
}

TEST(MetricsRegistry, HistogramWritesCumulativeBucketsSumAndCount) {
  MetricsRegistry registry;
  auto& h = registry.histogram("hisx_test_seconds", "Time", {0.1, 1});
  h.observe(0.05, {{"route", "/x"}});
  h.observe(0.1, {{"route", "/x"}});  // On the bound: counted in le="0.1".
  h.observe(0.5, {{"route", "/x"}});
  h.observe(3, {{"route", "/x"}});
  EXPECT_EQ(registry.expose(),
            "# HELP hisx_test_seconds Time\n"
            "# TYPE hisx_test_seconds histogram\n"
            "hisx_test_seconds_bucket{route=\"/x\",le=\"0.1\"} 2\n"
            "hisx_test_seconds_bucket{route=\"/x\",le=\"1\"} 3\n"
            "hisx_test_seconds_bucket{route=\"/x\",le=\"+Inf\"} 4\n"
            "hisx_test_seconds_sum{route=\"/x\"} 3.65\n"
            "hisx_test_seconds_count{route=\"/x\"} 4\n");
}

TEST(MetricsRegistry, MetricsAreOrderedByNameAndLabelValuesEscaped) {
  MetricsRegistry registry;
  registry.gauge("hisx_b", "B").set(1, {{"path", "a\"b\\c\nd"}});
  registry.counter("hisx_a", "A\nsecond line").inc();
  EXPECT_EQ(registry.expose(),
            "# HELP hisx_a A\\nsecond line\n"
            "# TYPE hisx_a counter\n"
            "hisx_a 1\n"
            "# HELP hisx_b B\n"
            "# TYPE hisx_b gauge\n"
            "hisx_b{path=\"a\\\"b\\\\c\\nd\"} 1\n");
}

TEST(MetricsRegistry, AskingTwiceGivesTheSameMetric) {
  MetricsRegistry registry;
  auto& first = registry.counter("hisx_test_total", "x");
  auto& second = registry.counter("hisx_test_total", "x");
  EXPECT_EQ(&first, &second);
  auto& h1 = registry.histogram("hisx_test_h", "h", {1, 2});
  auto& h2 = registry.histogram("hisx_test_h", "h", {1, 2});
  EXPECT_EQ(&h1, &h2);
}

TEST(MetricsRegistry, RefusesBadNamesTypeClashesAndBadBuckets) {
  MetricsRegistry registry;
  EXPECT_THROW(registry.counter("Hisx-Bad", "x"), std::invalid_argument);
  registry.counter("hisx_test_total", "x");
  EXPECT_THROW(registry.gauge("hisx_test_total", "x"), std::invalid_argument);
  EXPECT_THROW(registry.histogram("hisx_test_total", "x", {1}), std::invalid_argument);
  EXPECT_THROW(registry.histogram("hisx_test_h", "x", {1, 1}), std::invalid_argument);
  EXPECT_THROW(registry.histogram("hisx_test_h2", "x", {2, 1}), std::invalid_argument);
  registry.histogram("hisx_test_h3", "x", {1, 2});
  EXPECT_THROW(registry.histogram("hisx_test_h3", "x", {1, 3}), std::invalid_argument);
}

TEST(MetricsRegistry, RefusesBadLabelsAndValues) {
  MetricsRegistry registry;
  auto& c = registry.counter("hisx_test_total", "x");
  EXPECT_THROW(c.inc({}, -1), std::invalid_argument);
  EXPECT_THROW(c.inc({{"bad-name", "v"}}), std::invalid_argument);
  EXPECT_THROW(c.inc({{"__reserved", "v"}}), std::invalid_argument);
  auto& h = registry.histogram("hisx_test_h", "x", {1});
  EXPECT_THROW(h.observe(0.5, {{"le", "1"}}), std::invalid_argument);
  // Nothing was recorded by the refused calls.
  EXPECT_THAT(registry.expose(), Not(HasSubstr("hisx_test_total{")));
}

TEST(MetricsRegistry, CollectorsRunAtEveryExpositionAndAFailingOneIsSkipped) {
  MetricsRegistry registry;
  auto& backlog = registry.gauge("hisx_test_backlog", "Waiting");
  int runs = 0;
  registry.add_collector([] { throw std::runtime_error("database away"); });
  registry.add_collector([&] { backlog.set(++runs * 10); });
  EXPECT_THAT(registry.expose(), HasSubstr("hisx_test_backlog 10\n"));
  EXPECT_THAT(registry.expose(), HasSubstr("hisx_test_backlog 20\n"));
  EXPECT_EQ(runs, 2);
}

TEST(MetricsRegistry, CountsFromManyThreadsAddUp) {
  MetricsRegistry registry;
  auto& c = registry.counter("hisx_test_total", "x");
  auto& h = registry.histogram("hisx_test_h", "x", {1});
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) {
        c.inc({{"k", "v"}});
        h.observe(0.5);
        if (i % 100 == 0) registry.expose();
      }
    });
  }
  for (auto& t : threads) t.join();
  const std::string text = registry.expose();
  EXPECT_THAT(text, HasSubstr("hisx_test_total{k=\"v\"} 8000\n"));
  EXPECT_THAT(text, HasSubstr("hisx_test_h_count 8000\n"));
  EXPECT_THAT(text, HasSubstr("hisx_test_h_bucket{le=\"1\"} 8000\n"));
}

TEST(HttpMetrics, ObserverCountsByMethodRouteAndStatusAndTimesByRoute) {
  MetricsRegistry registry;
  auto observe = http_metrics_observer(registry);
  observe("GET", "/api/v1/his/patients/{id}", 200, 0.02);
  observe("GET", "/api/v1/his/patients/{id}", 404, 0.003);
  observe("POST", "unmatched", 404, 0.001);
  const std::string text = registry.expose();
  EXPECT_THAT(text, HasSubstr("# TYPE hisx_http_requests_total counter\n"));
  EXPECT_THAT(text, HasSubstr("hisx_http_requests_total{method=\"GET\",route=\"/api/v1/his/"
                              "patients/{id}\",status=\"200\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("hisx_http_requests_total{method=\"GET\",route=\"/api/v1/his/"
                              "patients/{id}\",status=\"404\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("hisx_http_requests_total{method=\"POST\",route=\"unmatched\","
                              "status=\"404\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE hisx_http_request_duration_seconds histogram\n"));
  EXPECT_THAT(text, HasSubstr("hisx_http_request_duration_seconds_bucket{method=\"GET\",route=\"/"
                              "api/v1/his/patients/{id}\",le=\"0.005\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("hisx_http_request_duration_seconds_bucket{method=\"GET\",route=\"/"
                              "api/v1/his/patients/{id}\",le=\"0.025\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("hisx_http_request_duration_seconds_count{method=\"GET\",route=\"/"
                              "api/v1/his/patients/{id}\"} 2\n"));
}

}  // namespace
}  // namespace hisx::host
