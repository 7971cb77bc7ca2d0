#include "web/pages_route.h"

#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

namespace hisx::host {
namespace {

std::vector<PluginPages> two_plugins() {
  return {
      {"his",
       {{"patients.html", "Tra cứu bệnh nhân", "Patient search", {"receptionist", "doctor"}},
        {"departments.html", "Khoa phòng", "Departments", {"doctor"}}}},
      {"reports", {{"daily.html", "Báo cáo ngày", "Daily report", {"manager"}}}},
  };
}

std::vector<std::string> paths(const Poco::JSON::Array::Ptr& list) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    out.push_back(list->getObject(static_cast<unsigned>(i))->getValue<std::string>("path"));
  }
  return out;
}

TEST(PagesForRole, ListsOnlyThePagesOfTheRoleWithTheirPluginsPrefix) {
  const auto plugins = two_plugins();
  EXPECT_EQ(paths(pages_for_role(plugins, "receptionist")),
            std::vector<std::string>{"/his/patients.html"});
  EXPECT_EQ(paths(pages_for_role(plugins, "doctor")),
            (std::vector<std::string>{"/his/patients.html", "/his/departments.html"}));
  EXPECT_EQ(paths(pages_for_role(plugins, "manager")),
            std::vector<std::string>{"/reports/daily.html"});
  EXPECT_EQ(pages_for_role(plugins, "cashier")->size(), 0u);
  EXPECT_EQ(pages_for_role(plugins, "")->size(), 0u);
}

TEST(PagesForRole, CarriesBothTitles) {
  const auto list = pages_for_role(two_plugins(), "receptionist");
  ASSERT_EQ(list->size(), 1u);
  const auto page = list->getObject(0);
  EXPECT_EQ(page->getValue<std::string>("plugin"), "his");
  EXPECT_EQ(page->getValue<std::string>("title_vi"), "Tra cứu bệnh nhân");
  EXPECT_EQ(page->getValue<std::string>("title_en"), "Patient search");
}

TEST(PagesRoute, IsOpenToEveryGivenRoleAndNoOtherCaller) {
  RouteTable routes;
  add_pages_route(routes, two_plugins(), {"admin", "cashier", "app"});
  const auto match = routes.match("GET", "/api/v1/host/pages");
  ASSERT_EQ(match.outcome, RouteMatch::Outcome::found);
  EXPECT_EQ(match.route->owner, "host");
  EXPECT_FALSE(match.route->route.is_public);
  EXPECT_EQ(match.route->route.roles, (std::vector<std::string>{"admin", "cashier", "app"}));
  EXPECT_FALSE(match.route->route.response_schema.empty());
}

}  // namespace
}  // namespace hisx::host
