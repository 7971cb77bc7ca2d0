// Staff pages over real sockets: the shell and the `his` plugin's page as the build copies
// them, the pages list by role, caching, and no way out of the web folders.
#include <gmock/gmock.h>

#include "integration_support.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class StaffWeb : public ::testing::Test {
 protected:
  void SetUp() override { host_.start(); }
  HttpResult get(const std::string& path, const std::string& key = {}) const {
    return host_.client().get(path, key);
  }

  HostProcess host_{host_options()};
};

void expect_static_headers(const HttpResult& r) {
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_THAT(r.header("content-security-policy"), StartsWith("default-src 'self'"));
  EXPECT_THAT(r.header("content-security-policy"), ::testing::Not(HasSubstr("unsafe-inline")));
  EXPECT_EQ(r.header("referrer-policy"), "same-origin");
  EXPECT_EQ(r.header("cache-control"), "no-cache");
  EXPECT_FALSE(r.header("etag").empty());
  EXPECT_FALSE(r.header("last-modified").empty());
}

TEST_F(StaffWeb, ServesTheShellAtTheRoot) {
  HttpResult home = get("/");
  ASSERT_EQ(home.status, 200) << home.body;
  EXPECT_EQ(home.header("content-type"), "text/html; charset=utf-8");
  EXPECT_THAT(home.body, HasSubstr("/shell/shell.js"));
  EXPECT_THAT(home.body, ::testing::Not(HasSubstr("<script>")));  // no inline scripts
  expect_static_headers(home);

  HttpResult login = get("/login.html");
  ASSERT_EQ(login.status, 200);
  EXPECT_THAT(login.body, HasSubstr("id=\"username\""));

  HttpResult css = get("/shell/shell.css");
  ASSERT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  HttpResult js = get("/shell/shell.js");
  ASSERT_EQ(js.status, 200);
  EXPECT_EQ(js.header("content-type"), "text/javascript; charset=utf-8");

  HttpResult vi = get("/i18n/vi.json");
  ASSERT_EQ(vi.status, 200);
  EXPECT_EQ(vi.json()->getValue<std::string>("login.heading"), "Đăng nhập");
  EXPECT_EQ(get("/i18n/en.json").json()->getValue<std::string>("login.heading"), "Log in");
}

TEST_F(StaffWeb, ServesAPluginsPagesUnderItsName) {
  HttpResult page = get("/his/patients.html");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.header("content-type"), "text/html; charset=utf-8");
  EXPECT_THAT(page.body, HasSubstr("patients.js"));
  expect_static_headers(page);
  EXPECT_EQ(get("/his/i18n/en.json").json()->getValue<std::string>("patients.heading"),
            "Patient search");

  HttpResult folder = get("/his");
  EXPECT_EQ(folder.status, 301);
  EXPECT_EQ(folder.header("location"), "/his/");
}

TEST_F(StaffWeb, AnswersNotModifiedToACurrentCopy) {
  HttpResult first = get("/shell/shell.js");
  ASSERT_EQ(first.status, 200);
  HttpResult again = host_.client().request("GET", "/shell/shell.js", "",
                                            {{"If-None-Match", first.header("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), first.header("etag"));
}

TEST_F(StaffWeb, NeverServesAFileOutsideTheWebFolders) {
  // From build/web and build/plugins/his.web, "../" leads to the build's plugins and beyond.
  for (const char* path :
       {"/../plugins/his.so", "/%2e%2e/plugins/his.so", "/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
        "/../../../../../../etc/passwd", "/his/../his.so", "/his/%2e%2e/his.so", "/his/..%2fhis.so",
        "/his/%2e%2e%2f%2e%2e%2fweb/index.html", "/shell/..%5c..%5cetc", "/%2fetc/passwd",
        "//etc/passwd", "/i18n/vi.json%00.html"}) {
    HttpResult r = get(path);
    EXPECT_EQ(r.status, 404) << path << ": " << r.body;
    EXPECT_EQ(r.header("content-type"), "application/problem+json") << path;
    EXPECT_THAT(r.body, ::testing::Not(HasSubstr("ELF"))) << path;
    EXPECT_THAT(r.body, ::testing::Not(HasSubstr("root:"))) << path;
  }
}

TEST_F(StaffWeb, UnknownPathsAndOtherMethodsStayProblems) {
  expect_problem(get("/nothing-here.html"), 404, "not-found");
  expect_problem(get("/api/v1/nothing"), 404, "not-found");
  expect_problem(host_.client().post("/login.html", "{}"), 404, "not-found");
}

TEST_F(StaffWeb, ListsThePagesTheCallersRoleMayOpen) {
  const std::string receptionist = create_key(host_, "receptionist", "front-desk");
  HttpResult r = get("/api/v1/host/pages", receptionist);
  ASSERT_EQ(r.status, 200) << r.body;
  auto pages = r.json_array();
  // The default plugins' pages for a receptionist: patient search, appointment check-in, the
  // app-linking desk and the linking progress, the waiting-room board and the ticket page (not
  // the call centre's worklist, the administrator's schedules, IT's bulk linking nor the
  // cashier window).
  ASSERT_EQ(pages->size(), 6u) << r.body;
  auto page = pages->getObject(0);
  EXPECT_EQ(page->getValue<std::string>("plugin"), "his");
  EXPECT_EQ(page->getValue<std::string>("path"), "/his/patients.html");
  EXPECT_EQ(page->getValue<std::string>("title_vi"), "Tra cứu bệnh nhân");
  EXPECT_EQ(page->getValue<std::string>("title_en"), "Patient search");
  auto reception = pages->getObject(1);
  EXPECT_EQ(reception->getValue<std::string>("plugin"), "appointments");
  EXPECT_EQ(reception->getValue<std::string>("path"), "/appointments/reception.html");
  // The pages the list names are there.
  EXPECT_EQ(get(page->getValue<std::string>("path")).status, 200);
  EXPECT_EQ(get(reception->getValue<std::string>("path")).status, 200);
  EXPECT_EQ(pages->getObject(2)->getValue<std::string>("path"), "/app_link/desk.html");
  EXPECT_EQ(pages->getObject(3)->getValue<std::string>("path"), "/app_link/progress.html");
  EXPECT_EQ(get("/app_link/desk.html").status, 200);
  EXPECT_EQ(pages->getObject(4)->getValue<std::string>("path"), "/fast_lane/board.html");
  EXPECT_EQ(pages->getObject(5)->getValue<std::string>("path"), "/fast_lane/kiosk.html");
  EXPECT_EQ(get("/fast_lane/kiosk.html").status, 200);

  // The patient app's backend may ask, and is shown no staff page.
  const std::string app = create_key(host_, "app", "patient-app");
  HttpResult machine = get("/api/v1/host/pages", app);
  ASSERT_EQ(machine.status, 200) << machine.body;
  EXPECT_EQ(machine.json_array()->size(), 0u) << machine.body;

  expect_problem(get("/api/v1/host/pages"), 401, "unauthorized");
}

TEST(StaffWebConfig, RefusesToStartWithoutTheShellFolderItWasGiven) {
  ProcessResult r =
      HostProcess::start_and_expect_failure(host_options({"web.root=/nonexistent/hisx-web"}));
  EXPECT_EQ(r.exit_code, 78) << all_output(r);
  EXPECT_THAT(all_output(r), HasSubstr("web.root"));
  EXPECT_THAT(all_output(r), HasSubstr("/nonexistent/hisx-web"));
}

}  // namespace
}  // namespace hisx::test::integration
