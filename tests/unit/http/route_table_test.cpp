#include "http/route_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "http/plugin_router.h"

namespace hisx::host {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Outcome = RouteMatch::Outcome;

sdk::Route make_route(std::string method, std::string pattern, std::string summary = {}) {
  sdk::Route route;
  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.roles = {"admin"};
  route.handler = [](sdk::Request&, sdk::Response&) {};
  route.summary = std::move(summary);
  return route;
}

std::string invalid_message(RouteTable& table, const std::string& owner, sdk::Route route) {
  try {
    table.add(owner, std::move(route));
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "<accepted>";
}

TEST(RouteTable, MatchesParametersAndDecodesThem) {
  RouteTable table;
  table.add("his", make_route("GET", "/api/v1/his/patients/{id}/visits/{visit_id}"));

  const RouteMatch m = table.match("GET", "/api/v1/his/patients/BN%2F001/visits/V%207");
  ASSERT_EQ(m.outcome, Outcome::found);
  EXPECT_EQ(m.route->owner, "his");
  EXPECT_EQ(m.route->route.pattern, "/api/v1/his/patients/{id}/visits/{visit_id}");
  // An encoded '/' stays inside its parameter instead of splitting the path.
  EXPECT_EQ(m.params.at("id"), "BN/001");
  EXPECT_EQ(m.params.at("visit_id"), "V 7");
  EXPECT_EQ(m.params.size(), 2u);
}

TEST(RouteTable, LiteralSegmentWinsOverParameterWhateverTheOrder) {
  RouteTable table;
  table.add("a", make_route("GET", "/items/{id}", "by id"));
  table.add("a", make_route("GET", "/items/new", "new"));
  table.add("a", make_route("GET", "/things/today", "today"));
  table.add("a", make_route("GET", "/things/{day}", "by day"));

  EXPECT_EQ(table.match("GET", "/items/new").route->route.summary, "new");
  EXPECT_EQ(table.match("GET", "/items/42").route->route.summary, "by id");
  EXPECT_EQ(table.match("GET", "/items/42").params.at("id"), "42");
  EXPECT_EQ(table.match("GET", "/things/today").route->route.summary, "today");
  EXPECT_TRUE(table.match("GET", "/things/today").params.empty());
  EXPECT_EQ(table.match("GET", "/things/monday").route->route.summary, "by day");
}

TEST(RouteTable, LeftmostLiteralDecidesBetweenTwoPartialMatches) {
  RouteTable table;
  table.add("a", make_route("GET", "/{kind}/latest", "param first"));
  table.add("a", make_route("GET", "/reports/{id}", "literal first"));
  EXPECT_EQ(table.match("GET", "/reports/latest").route->route.summary, "literal first");
  EXPECT_EQ(table.match("GET", "/visits/latest").route->route.summary, "param first");
  EXPECT_EQ(table.match("GET", "/reports/9").route->route.summary, "literal first");
}

TEST(RouteTable, UnknownPathsAreNotFound) {
  RouteTable table;
  table.add("a", make_route("GET", "/items/{id}"));
  table.add("a", make_route("GET", "/"));

  EXPECT_EQ(table.match("GET", "/items").outcome, Outcome::not_found);
  EXPECT_EQ(table.match("GET", "/items/1/extra").outcome, Outcome::not_found);
  EXPECT_EQ(table.match("GET", "/items/").outcome, Outcome::not_found);  // empty parameter
  EXPECT_EQ(table.match("GET", "/other/1").outcome, Outcome::not_found);
  EXPECT_EQ(table.match("GET", "items/1").outcome, Outcome::not_found);
  EXPECT_EQ(table.match("GET", "/items/%zz").outcome, Outcome::not_found);
  EXPECT_EQ(table.match("GET", "/").outcome, Outcome::found);
  EXPECT_EQ(table.match("GET", "//").outcome, Outcome::not_found);
}

TEST(RouteTable, KnownPathWithOtherMethodIsMethodNotAllowed) {
  RouteTable table;
  table.add("a", make_route("GET", "/items/{id}"));
  table.add("a", make_route("DELETE", "/items/{id}"));
  table.add("a", make_route("POST", "/items/new"));

  const RouteMatch m = table.match("PUT", "/items/new");
  EXPECT_EQ(m.outcome, Outcome::method_not_allowed);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_THAT(m.allowed_methods, ElementsAre("DELETE", "GET", "POST"));

  EXPECT_THAT(table.match("POST", "/items/7").allowed_methods, ElementsAre("DELETE", "GET"));
  EXPECT_EQ(table.match("get", "/items/7").outcome, Outcome::method_not_allowed);
  EXPECT_EQ(table.match("POST", "/items/new").outcome, Outcome::found);
}

TEST(RouteTable, DuplicateRouteIsRefusedNamingBothOwners) {
  RouteTable table;
  table.add("appointments", make_route("GET", "/api/v1/slots/{id}"));

  const std::string message =
      invalid_message(table, "fast_lane", make_route("GET", "/api/v1/slots/{slot}"));
  EXPECT_THAT(message, HasSubstr("appointments"));
  EXPECT_THAT(message, HasSubstr("fast_lane"));
  EXPECT_THAT(message, HasSubstr("GET /api/v1/slots/{id}"));
  EXPECT_THAT(message, HasSubstr("GET /api/v1/slots/{slot}"));

  // An exact duplicate is refused too.
  EXPECT_THAT(invalid_message(table, "reports", make_route("GET", "/api/v1/slots/{id}")),
              HasSubstr("(from 'reports') is already registered as GET /api/v1/slots/{id} (from "
                        "'appointments')"));
  // Other method, or a literal where the first has a parameter: both fine.
  table.add("fast_lane", make_route("PUT", "/api/v1/slots/{id}"));
  table.add("fast_lane", make_route("GET", "/api/v1/slots/free"));
  EXPECT_EQ(table.routes().size(), 3u);
}

TEST(RouteTable, MalformedRoutesAreRefused) {
  RouteTable table;
  for (const char* pattern :
       {"", "items", "/items/", "/a//b", "/a/{", "/a/{}", "/a/{1x}", "/a/{id}/{id}", "/a/{id}x",
        "/a/x{id}", "/a/b c", "/a/%41", "/a/{i-d}"}) {
    EXPECT_NE(invalid_message(table, "p", make_route("GET", pattern)), "<accepted>") << pattern;
  }
  for (const char* method : {"get", "HEAD", "OPTIONS", "", "TRACE"}) {
    const std::string message = invalid_message(table, "p", make_route(method, "/x"));
    EXPECT_THAT(message, HasSubstr("method")) << method;
  }
  sdk::Route no_handler = make_route("GET", "/x");
  no_handler.handler = nullptr;
  EXPECT_THAT(invalid_message(table, "p", no_handler), HasSubstr("handler"));
  EXPECT_TRUE(table.routes().empty());
}

TEST(RouteTable, ABodyLimitIsAtMost64MiB) {
  RouteTable table;
  sdk::Route huge = make_route("POST", "/upload");
  huge.max_body_bytes = kMaxRouteBodyBytes + 1;
  EXPECT_THAT(invalid_message(table, "p", huge), HasSubstr("max_body_bytes"));
  EXPECT_TRUE(table.routes().empty());
  huge.max_body_bytes = kMaxRouteBodyBytes;
  table.add("p", huge);
  EXPECT_EQ(table.routes().size(), 1u);
}

TEST(RouteTable, DeviceScopesAreTheOwnersAndNeverTheDeviceRole) {
  RouteTable table;
  auto with = [](std::vector<std::string> scopes, std::vector<std::string> roles = {"admin"}) {
    sdk::Route r = make_route("GET", "/board");
    r.device_scopes = std::move(scopes);
    r.roles = std::move(roles);
    return r;
  };
  EXPECT_THAT(invalid_message(table, "fast_lane", with({}, {"admin", "device"})),
              HasSubstr("device_scopes"));
  for (const char* scope : {"board", "app_link.board", "fast_lane.", "fast_lane..x", "fast_lane.B",
                            "fast_lane.board.", "fast_lanes.board"}) {
    EXPECT_THAT(invalid_message(table, "fast_lane", with({scope})), HasSubstr("fast_lane.<name>"))
        << scope;
  }
  EXPECT_THAT(invalid_message(table, "fast_lane", with({"fast_lane.board", "fast_lane.board"})),
              HasSubstr("twice"));
  sdk::Route open = with({"fast_lane.board"}, {});
  open.is_public = true;
  EXPECT_THAT(invalid_message(table, "fast_lane", open), HasSubstr("public"));
  EXPECT_TRUE(table.routes().empty());

  table.add("fast_lane", with({"fast_lane.board", "fast_lane.board.floor_2"}, {}));
  EXPECT_EQ(table.routes().size(), 1u);

  // A plugin's router takes only the scopes its manifest declares.
  PluginRouter router(table, "fast_lane", {"fast_lane.kiosk"});
  sdk::Route kiosk = make_route("POST", "/tickets");
  kiosk.device_scopes = {"fast_lane.kiosk"};
  router.add(kiosk);
  kiosk.pattern = "/tickets/other";
  kiosk.device_scopes = {"fast_lane.board"};
  EXPECT_THROW(router.add(kiosk), std::invalid_argument);
}

TEST(RouteTable, ListsRoutesWithOwnersInRegistrationOrder) {
  RouteTable table;
  PluginRouter appointments(table, "appointments");
  PluginRouter host(table, "host");
  host.add(make_route("GET", "/healthz"));
  appointments.add(make_route("POST", "/api/v1/appointments/bookings", "Book a slot"));

  const auto all = table.routes();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].owner, "host");
  EXPECT_EQ(all[0].route.pattern, "/healthz");
  EXPECT_EQ(all[1].owner, "appointments");
  EXPECT_EQ(all[1].route.method, "POST");
  EXPECT_EQ(all[1].route.summary, "Book a slot");
  EXPECT_THAT(all[1].route.roles, ElementsAre("admin"));

  // A PluginRouter refuses exactly as the table does.
  EXPECT_THROW(appointments.add(make_route("GET", "/healthz")), std::invalid_argument);
}

}  // namespace
}  // namespace hisx::host
