// GET /api/openapi.json from the real server: an OpenAPI 3 document of the routes the host and
// the enabled plugins registered, with parameters, schemas and roles as they declared them.
#include <gmock/gmock.h>

#include "integration_support.h"

namespace hisx::test::integration {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAreArray;

std::vector<std::string> strings(const Poco::JSON::Array::Ptr& array) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < array->size(); ++i) out.push_back(array->getElement<std::string>(i));
  return out;
}

Poco::JSON::Object::Ptr fetch(const HostProcess& host) {
  HttpResult r = host.client().get("/api/openapi.json");  // No credential needed.
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type").rfind("application/json", 0), 0u);
  return r.json();
}

TEST(OpenApi, DescribesThePluginRoutesWithParametersAndRoles) {
  HostProcess host(host_options());
  host.start();
  auto doc = fetch(host);
  EXPECT_EQ(doc->getValue<std::string>("openapi"), "3.0.3");
  EXPECT_EQ(doc->getObject("info")->getValue<std::string>("title"), "hisx");
  EXPECT_FALSE(doc->getObject("info")->getValue<std::string>("version").empty());

  auto paths = doc->getObject("paths");
  auto search = paths->getObject("/api/v1/his/patients")->getObject("get");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->getValue<std::string>("x-owner"), "his");
  EXPECT_THAT(strings(search->getArray("x-roles")),
              UnorderedElementsAreArray(
                  {"admin", "receptionist", "cashier", "call_center", "doctor", "manager"}));
  auto params = search->getArray("parameters");
  ASSERT_EQ(params->size(), 2u);
  auto q = params->getObject(0);
  EXPECT_EQ(q->getValue<std::string>("name"), "q");
  EXPECT_EQ(q->getValue<std::string>("in"), "query");
  EXPECT_TRUE(q->getValue<bool>("required"));
  auto limit = params->getObject(1);
  EXPECT_EQ(limit->getValue<std::string>("name"), "limit");
  EXPECT_FALSE(limit->getValue<bool>("required"));
  EXPECT_EQ(limit->getObject("schema")->getValue<std::string>("type"), "integer");
  EXPECT_TRUE(search->getArray("security")->getObject(0)->has("bearer"));
  EXPECT_TRUE(search->getObject("responses")->has("403"));

  auto one = paths->getObject("/api/v1/his/patients/{id}")->getObject("get");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->getArray("parameters")->getObject(0)->getValue<std::string>("in"), "path");

  // The host's own routes are there too, public ones without security.
  auto healthz = paths->getObject("/healthz")->getObject("get");
  EXPECT_EQ(healthz->getArray("security")->size(), 0u);
  EXPECT_EQ(healthz->getValue<std::string>("x-owner"), "host");
  EXPECT_THAT(strings(paths->getObject("/api/v1/audit")->getObject("get")->getArray("x-roles")),
              ElementsAre("admin"));
  EXPECT_TRUE(paths->has("/metrics"));
  EXPECT_TRUE(paths->has("/api/openapi.json"));
  EXPECT_TRUE(doc->getObject("components")->getObject("schemas")->has("Problem"));
  // A plugin that is not enabled has no routes here.
  for (const auto& [path, item] : *paths) {
    EXPECT_EQ(path.rfind("/api/v1/good", 0), std::string::npos) << path;
  }
}

TEST(OpenApi, AnEnabledPluginsRequestAndResponseSchemasArePublished) {
  HostProcess host(host_options({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]"}));
  host.start();
  auto doc = fetch(host);
  auto greet = doc->getObject("paths")->getObject("/api/v1/good/greetings")->getObject("post");
  ASSERT_TRUE(greet);
  EXPECT_EQ(greet->getValue<std::string>("x-owner"), "good");
  EXPECT_THAT(strings(greet->getArray("x-roles")), ElementsAre("admin", "receptionist"));
  auto request = greet->getObject("requestBody")
                     ->getObject("content")
                     ->getObject("application/json")
                     ->getObject("schema");
  EXPECT_THAT(strings(request->getArray("required")), ElementsAre("text"));
  auto response = greet->getObject("responses")
                      ->getObject("2XX")
                      ->getObject("content")
                      ->getObject("application/json")
                      ->getObject("schema");
  EXPECT_TRUE(response->getObject("properties")->has("id"));
  EXPECT_EQ(greet->getObject("responses")->getObject("422")->getValue<std::string>("$ref"),
            "#/components/responses/Invalid");
}

}  // namespace
}  // namespace hisx::test::integration
