#include "web/content_type.h"

#include <gtest/gtest.h>

namespace hisx::host {
namespace {

TEST(ContentType, NamesTheTypesOfTheShellsFiles) {
  EXPECT_EQ(content_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("shell/shell.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("shell/shell.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("i18n/vi.json"), "application/json; charset=utf-8");
  EXPECT_EQ(content_type_for("icon.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("logo.PNG"), "image/png");
  EXPECT_EQ(content_type_for("fonts/a.woff2"), "font/woff2");
}

TEST(ContentType, UnknownFilesAreOpaqueBytes) {
  EXPECT_EQ(content_type_for("his.so"), "application/octet-stream");
  EXPECT_EQ(content_type_for("README"), "application/octet-stream");
}

TEST(ContentType, OnlyHtmlIsHtml) {
  EXPECT_TRUE(is_html("a/index.html"));
  EXPECT_TRUE(is_html("A.HTM"));
  EXPECT_FALSE(is_html("shell.js"));
}

}  // namespace
}  // namespace hisx::host
