#include "metrics/exposition_text.h"

#include <gtest/gtest.h>

#include <limits>

namespace hisx::host {
namespace {

TEST(ExpositionText, SamplesAreShortestDecimalsOrSpecialWords) {
  EXPECT_EQ(format_sample(0), "0");
  EXPECT_EQ(format_sample(3), "3");
  EXPECT_EQ(format_sample(0.1), "0.1");
  EXPECT_EQ(format_sample(2.5), "2.5");
  EXPECT_EQ(format_sample(-7), "-7");
  EXPECT_EQ(format_sample(1e20), "1e+20");
  EXPECT_EQ(format_sample(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(format_sample(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(format_sample(std::numeric_limits<double>::quiet_NaN()), "NaN");
}

TEST(ExpositionText, LabelValuesEscapeBackslashQuoteAndNewline) {
  EXPECT_EQ(escape_label_value(R"(a\b"c)"
                               "\nd"),
            R"(a\\b\"c\nd)");
  EXPECT_EQ(escape_label_value("Khoa Nội"), "Khoa Nội");  // UTF-8 passes as it is.
}

TEST(ExpositionText, HelpEscapesBackslashAndNewlineButNotQuotes) {
  EXPECT_EQ(escape_help("say \"hi\"\\\nnext"), "say \"hi\"\\\\\\nnext");
}

TEST(ExpositionText, LabelsAreWrittenInNameOrderWithExtraLast) {
  EXPECT_EQ(format_labels({}), "");
  EXPECT_EQ(format_labels({{"b", "2"}, {"a", "1"}}), R"({a="1",b="2"})");
  EXPECT_EQ(format_labels({{"a", "1"}}, R"(le="0.5")"), R"({a="1",le="0.5"})");
  EXPECT_EQ(format_labels({}, R"(le="+Inf")"), R"({le="+Inf"})");
}

TEST(ExpositionText, NamesFollowTheRules) {
  EXPECT_TRUE(is_metric_name("hisx_http_requests_total"));
  EXPECT_TRUE(is_metric_name("_x9"));
  EXPECT_FALSE(is_metric_name(""));
  EXPECT_FALSE(is_metric_name("9x"));
  EXPECT_FALSE(is_metric_name("Hisx"));
  EXPECT_FALSE(is_metric_name("hisx-x"));
  EXPECT_FALSE(is_metric_name("hisx:x"));

  EXPECT_TRUE(is_label_name("route"));
  EXPECT_TRUE(is_label_name("Route_2"));
  EXPECT_TRUE(is_label_name("_x"));
  EXPECT_FALSE(is_label_name("__name__"));
  EXPECT_FALSE(is_label_name("2x"));
  EXPECT_FALSE(is_label_name("a-b"));
  EXPECT_FALSE(is_label_name(""));
}

}  // namespace
}  // namespace hisx::host
