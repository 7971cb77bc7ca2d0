#include "web/static_site.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <stdexcept>

#include "support/temp_dir.h"

namespace hisx::host {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string header(const HostResponse& response, const std::string& name) {
  for (const auto& [n, v] : response.headers()) {
    if (n == name) return v;
  }
  return {};
}

// A shell folder, a plugin's web folder and a secret next to them, as on a real host.
class StaticSiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    shell_ = dir_.path() / "web";
    plugin_ = dir_.path() / "plugins" / "his.web";
    write(shell_ / "index.html", "<!doctype html><title>shell</title>");
    write(shell_ / "login.html", "<!doctype html><title>login</title>");
    write(shell_ / "shell" / "shell.js", "console.log('shell');");
    write(shell_ / "shell" / "shell.css", "body{}");
    write(shell_ / "i18n" / "vi.json", R"({"a":"Đăng nhập"})");
    write(shell_ / ".env", "SECRET=1");
    write(plugin_ / "patients.html", "<!doctype html><title>patients</title>");
    write(dir_.path() / "secret.txt", "secret");
    write(dir_.path() / "plugins" / "secret.txt", "secret");
    site_.mount("/", shell_);
    site_.mount("/his/", plugin_);
  }

  // Serves GET `raw_path`; nothing when the site has no file there.
  std::optional<HostResponse> get(const std::string& raw_path, const std::string& method = "GET",
                                  std::optional<std::string> if_none_match = {},
                                  std::optional<std::string> if_modified_since = {}) {
    StaticRequest request{method, raw_path, "", if_none_match, if_modified_since};
    HostResponse response;
    if (!site_.serve(request, response)) return std::nullopt;
    return response;
  }

  test::TempDir dir_;
  fs::path shell_;
  fs::path plugin_;
  StaticSite site_;
};

TEST_F(StaticSiteTest, ServesAFileWithItsTypeAndTheSecurityHeaders) {
  auto r = get("/shell/shell.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status_code(), 200);
  EXPECT_EQ(r->content(), "console.log('shell');");
  EXPECT_EQ(r->content_type(), "text/javascript; charset=utf-8");
  EXPECT_EQ(header(*r, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(header(*r, "Content-Security-Policy"), kStaticContentSecurityPolicy);
  EXPECT_THAT(header(*r, "Content-Security-Policy"), HasSubstr("default-src 'self'"));
  EXPECT_THAT(header(*r, "Content-Security-Policy"), ::testing::Not(HasSubstr("unsafe-inline")));
  EXPECT_EQ(header(*r, "Referrer-Policy"), "same-origin");
  EXPECT_EQ(header(*r, "Cache-Control"), "no-cache");
  EXPECT_THAT(header(*r, "ETag"), ::testing::MatchesRegex("\"[0-9a-f]+-[0-9a-f]+\\.[0-9a-f]+\""));
  EXPECT_THAT(header(*r, "Last-Modified"), HasSubstr(" GMT"));

  auto json = get("/i18n/vi.json");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->content(), R"({"a":"Đăng nhập"})");
  EXPECT_EQ(json->content_type(), "application/json; charset=utf-8");
}

TEST_F(StaticSiteTest, HtmlIsRevalidatedEveryTime) {
  auto r = get("/login.html");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->content_type(), "text/html; charset=utf-8");
  EXPECT_EQ(header(*r, "Cache-Control"), "no-cache");
}

TEST_F(StaticSiteTest, AFolderServesItsIndexAndAFolderWithoutSlashRedirects) {
  auto root = get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->status_code(), 200);
  EXPECT_THAT(root->content(), HasSubstr("<title>shell</title>"));

  StaticRequest request{"GET", "/his", "x=1", {}, {}};
  HostResponse response;
  ASSERT_TRUE(site_.serve(request, response));
  EXPECT_EQ(response.status_code(), 301);
  EXPECT_EQ(header(response, "Location"), "/his/?x=1");

  auto folder = get("/shell");
  ASSERT_TRUE(folder);
  EXPECT_EQ(folder->status_code(), 301);
  EXPECT_EQ(header(*folder, "Location"), "/shell/");

  // A folder without index.html, and a file named as a folder, are not there.
  EXPECT_FALSE(get("/shell/"));
  EXPECT_FALSE(get("/login.html/"));
  EXPECT_FALSE(get("/his/"));
}

TEST_F(StaticSiteTest, APluginsPrefixServesOnlyItsOwnFolder) {
  auto r = get("/his/patients.html");
  ASSERT_TRUE(r);
  EXPECT_THAT(r->content(), HasSubstr("patients"));
  // The shell's files are not reachable through the plugin's prefix, nor the other way.
  EXPECT_FALSE(get("/his/login.html"));
  EXPECT_FALSE(get("/patients.html"));
}

TEST_F(StaticSiteTest, RefusesPathsThatLeaveTheFolder) {
  for (const char* path :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/shell/../../secret.txt",
        "/shell/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/his/../secret.txt",
        "/his/%2e%2e/secret.txt", "/his/..%2f..%2fsecret.txt", "/his/..%5csecret.txt", "/.env",
        "/%2eenv", "//secret.txt", "/shell//shell.js", "/login.html%00.js"}) {
    EXPECT_FALSE(get(path)) << path;
  }
}

TEST_F(StaticSiteTest, RefusesSymbolicLinksLeadingOutOfTheFolder) {
  fs::create_symlink(dir_.path() / "secret.txt", shell_ / "leak.txt");
  fs::create_directory_symlink(dir_.path(), shell_ / "up");
  fs::create_symlink(dir_.path() / "secret.txt", shell_ / "index-out");
  EXPECT_FALSE(get("/leak.txt"));
  EXPECT_FALSE(get("/up/secret.txt"));
  EXPECT_FALSE(get("/up/"));

  // A folder whose index.html leads out is refused too.
  fs::create_directories(shell_ / "trap");
  fs::create_symlink(dir_.path() / "secret.txt", shell_ / "trap" / "index.html");
  EXPECT_FALSE(get("/trap/"));

  // A link that stays inside is followed.
  fs::create_symlink(shell_ / "login.html", shell_ / "signin.html");
  auto r = get("/signin.html");
  ASSERT_TRUE(r);
  EXPECT_THAT(r->content(), HasSubstr("login"));
}

TEST_F(StaticSiteTest, AnswersNotModifiedToACurrentCopy) {
  auto first = get("/shell/shell.css");
  ASSERT_TRUE(first);
  const std::string etag = header(*first, "ETag");

  auto same = get("/shell/shell.css", "GET", etag);
  ASSERT_TRUE(same);
  EXPECT_EQ(same->status_code(), 304);
  EXPECT_TRUE(same->content().empty());
  EXPECT_EQ(header(*same, "ETag"), etag);
  EXPECT_EQ(header(*same, "Cache-Control"), "no-cache");

  auto listed = get("/shell/shell.css", "GET", "\"other\", W/" + etag);
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->status_code(), 304);

  auto other = get("/shell/shell.css", "GET", std::string("\"other\""));
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status_code(), 200);
  EXPECT_EQ(other->content(), "body{}");

  auto since = get("/shell/shell.css", "GET", {}, header(*first, "Last-Modified"));
  ASSERT_TRUE(since);
  EXPECT_EQ(since->status_code(), 304);
  auto older = get("/shell/shell.css", "GET", {}, std::string("Mon, 01 Jan 2001 00:00:00 GMT"));
  ASSERT_TRUE(older);
  EXPECT_EQ(older->status_code(), 200);
  auto garbage = get("/shell/shell.css", "GET", {}, std::string("yesterday"));
  ASSERT_TRUE(garbage);
  EXPECT_EQ(garbage->status_code(), 200);
}

TEST_F(StaticSiteTest, AChangedFileGetsANewETag) {
  const std::string before = header(*get("/shell/shell.css"), "ETag");
  write(shell_ / "shell" / "shell.css", "body{color:red}");
  auto after = get("/shell/shell.css", "GET", before);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status_code(), 200);
  EXPECT_EQ(after->content(), "body{color:red}");
  EXPECT_NE(header(*after, "ETag"), before);
}

TEST_F(StaticSiteTest, ServesOnlyGetAndHead) {
  auto head = get("/login.html", "HEAD");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status_code(), 200);
  EXPECT_FALSE(get("/login.html", "POST"));
  EXPECT_FALSE(get("/login.html", "DELETE"));
}

TEST_F(StaticSiteTest, RefusesBadMounts) {
  EXPECT_THROW(site_.mount("/his/", plugin_), std::invalid_argument);
  EXPECT_THROW(site_.mount("his", plugin_), std::invalid_argument);
  EXPECT_THROW(site_.mount("/a/b/", plugin_), std::invalid_argument);
  EXPECT_THROW(site_.mount("/../", plugin_), std::invalid_argument);
  EXPECT_THROW(site_.mount("/x/", dir_.path() / "missing"), std::invalid_argument);
  EXPECT_THROW(site_.mount("/y/", dir_.path() / "secret.txt"), std::invalid_argument);
  ASSERT_EQ(site_.mounts().size(), 2u);
  EXPECT_EQ(site_.mounts().front().prefix, "/his/");  // longest first
}

}  // namespace
}  // namespace hisx::host
