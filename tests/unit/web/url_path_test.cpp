#include "web/url_path.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hisx::host {
namespace {

using ::testing::ElementsAre;

TEST(UrlPath, SplitsAndDecodesSegments) {
  auto path = parse_url_path("shell/shell.js");
  ASSERT_TRUE(path);
  EXPECT_THAT(path->segments, ElementsAre("shell", "shell.js"));
  EXPECT_FALSE(path->trailing_slash);

  path = parse_url_path("t%C3%A0i%20li%E1%BB%87u/b%E1%BA%A3ng.html");
  ASSERT_TRUE(path);
  EXPECT_THAT(path->segments, ElementsAre("tài liệu", "bảng.html"));
}

TEST(UrlPath, KnowsAFolderByItsTrailingSlash) {
  auto root = parse_url_path("");
  ASSERT_TRUE(root);
  EXPECT_TRUE(root->segments.empty());
  EXPECT_TRUE(root->trailing_slash);

  auto folder = parse_url_path("shell/");
  ASSERT_TRUE(folder);
  EXPECT_THAT(folder->segments, ElementsAre("shell"));
  EXPECT_TRUE(folder->trailing_slash);
}

TEST(UrlPath, RefusesEverythingThatCouldLeaveTheFolder) {
  for (const char* raw : {"..",
                          "../secret",
                          "a/../../secret",
                          "%2e%2e/secret",
                          "%2E%2e/secret",
                          ".%2e/secret",
                          "a/%2e%2e",
                          ".",
                          "a/./b",
                          "..%2fsecret",
                          "a%2f..%2f..%2fsecret",
                          "..%5csecret",
                          "a%5cb",
                          "a%00.html",
                          "a//b",
                          "/a",
                          ".git/config",
                          "shell/.env",
                          "%2ehidden",
                          "bad%zzescape",
                          "%"}) {
    EXPECT_FALSE(parse_url_path(raw)) << raw;
  }
}

TEST(UrlPath, KeepsDotsInsideNames) {
  auto path = parse_url_path("vendor/lib.min.js");
  ASSERT_TRUE(path);
  EXPECT_THAT(path->segments, ElementsAre("vendor", "lib.min.js"));
  EXPECT_TRUE(parse_url_path("a..b"));
}

}  // namespace
}  // namespace hisx::host
