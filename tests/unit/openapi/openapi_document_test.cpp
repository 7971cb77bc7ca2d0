#include "openapi/openapi_document.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "http/route_table.h"

namespace hisx::host {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

sdk::Handler noop() {
  return [](sdk::Request&, sdk::Response&) {};
}

std::vector<std::string> strings(const Array::Ptr& array) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < array->size(); ++i) out.push_back(array->getElement<std::string>(i));
  return out;
}

std::vector<std::string> keys(const Object::Ptr& object) {
  std::vector<std::string> out;
  for (const auto& [k, v] : *object) out.push_back(k);
  return out;
}

// The document as a client gets it: serialised and parsed back.
Object::Ptr round_trip(const Object::Ptr& doc) {
  std::ostringstream out;
  doc->stringify(out);
  return Poco::JSON::Parser().parse(out.str()).extract<Object::Ptr>();
}

class OpenApiDocumentTest : public ::testing::Test {
 protected:
  OpenApiDocumentTest() {
    sdk::Route search{"GET", "/api/v1/his/patients", {"admin", "doctor"}, noop(), "Search"};
    search.query_params = {{"q", "string", true, "Name or code"},
                           {"limit", "integer", false, "At most"}};
    search.response_schema = R"({"type": "object", "properties": {"count": {"type": "integer"}}})";
    table_.add("his", search);
    table_.add("his", {"GET", "/api/v1/his/patients/{id}", {"doctor"}, noop(), "One patient"});
    sdk::Route book{"POST", "/api/v1/appointments/{clinic}/bookings", {"app"}, noop(), "Book"};
    book.request_schema = R"({"type": "object", "required": ["slot"]})";
    table_.add("appointments", book);
    table_.add("appointments",
               {"DELETE", "/api/v1/appointments/{clinic}/bookings", {"admin"}, noop(), "Clear"});
    sdk::Route health{"GET", "/healthz", {}, noop(), "Liveness"};
    health.is_public = true;
    table_.add("host", health);
    doc_ = round_trip(openapi_document(table_.routes(), "1.4.0"));
  }

  Object::Ptr op(const std::string& path, const std::string& method) {
    auto p = doc_->getObject("paths")->getObject(path);
    if (!p) {
      ADD_FAILURE() << "no path " << path;
      return new Object;
    }
    auto o = p->getObject(method);
    if (!o) ADD_FAILURE() << "no " << method << " on " << path;
    return o ? o : Object::Ptr(new Object);
  }

  RouteTable table_;
  Object::Ptr doc_;
};

TEST_F(OpenApiDocumentTest, HasTheOpenApiHeaderAndEveryPathOnce) {
  EXPECT_EQ(doc_->getValue<std::string>("openapi"), "3.0.3");
  EXPECT_EQ(doc_->getObject("info")->getValue<std::string>("title"), "hisx");
  EXPECT_EQ(doc_->getObject("info")->getValue<std::string>("version"), "1.4.0");
  EXPECT_THAT(
      keys(doc_->getObject("paths")),
      ::testing::UnorderedElementsAre("/api/v1/his/patients", "/api/v1/his/patients/{id}",
                                      "/api/v1/appointments/{clinic}/bookings", "/healthz"));
  // Two methods on one path share the path item.
  EXPECT_THAT(keys(doc_->getObject("paths")->getObject("/api/v1/appointments/{clinic}/bookings")),
              ::testing::UnorderedElementsAre("post", "delete"));
}

TEST_F(OpenApiDocumentTest, QueryParametersKeepTheirTypesAndRequiredness) {
  auto search = op("/api/v1/his/patients", "get");
  EXPECT_EQ(search->getValue<std::string>("summary"), "Search");
  auto params = search->getArray("parameters");
  ASSERT_EQ(params->size(), 2u);
  auto q = params->getObject(0);
  EXPECT_EQ(q->getValue<std::string>("name"), "q");
  EXPECT_EQ(q->getValue<std::string>("in"), "query");
  EXPECT_TRUE(q->getValue<bool>("required"));
  EXPECT_EQ(q->getValue<std::string>("description"), "Name or code");
  EXPECT_EQ(q->getObject("schema")->getValue<std::string>("type"), "string");
  auto limit = params->getObject(1);
  EXPECT_EQ(limit->getValue<std::string>("name"), "limit");
  EXPECT_FALSE(limit->getValue<bool>("required"));
  EXPECT_EQ(limit->getObject("schema")->getValue<std::string>("type"), "integer");
}

TEST_F(OpenApiDocumentTest, PathParametersAreRequiredStrings) {
  auto params = op("/api/v1/appointments/{clinic}/bookings", "delete")->getArray("parameters");
  ASSERT_EQ(params->size(), 1u);
  EXPECT_EQ(params->getObject(0)->getValue<std::string>("name"), "clinic");
  EXPECT_EQ(params->getObject(0)->getValue<std::string>("in"), "path");
  EXPECT_TRUE(params->getObject(0)->getValue<bool>("required"));
  EXPECT_EQ(params->getObject(0)->getObject("schema")->getValue<std::string>("type"), "string");
}

TEST_F(OpenApiDocumentTest, RoutesTheAppReachesTakeItsAccountHeader) {
  auto params = op("/api/v1/appointments/{clinic}/bookings", "post")->getArray("parameters");
  ASSERT_EQ(params->size(), 2u);
  EXPECT_EQ(params->getObject(1)->getValue<std::string>("name"), "X-App-Account");
  EXPECT_EQ(params->getObject(1)->getValue<std::string>("in"), "header");
  EXPECT_FALSE(params->getObject(1)->getValue<bool>("required"));
  EXPECT_EQ(op("/api/v1/his/patients/{id}", "get")->getArray("parameters")->size(), 1u)
      << "a staff route does not";
}

TEST_F(OpenApiDocumentTest, RolesOwnerAndSecurityAreDeclared) {
  auto search = op("/api/v1/his/patients", "get");
  EXPECT_THAT(strings(search->getArray("x-roles")), ::testing::ElementsAre("admin", "doctor"));
  EXPECT_EQ(search->getValue<std::string>("x-owner"), "his");
  EXPECT_THAT(strings(search->getArray("tags")), ::testing::ElementsAre("his"));
  auto security = search->getArray("security");
  ASSERT_EQ(security->size(), 1u);
  EXPECT_TRUE(security->getObject(0)->has("bearer"));
  auto bearer = doc_->getObject("components")->getObject("securitySchemes")->getObject("bearer");
  EXPECT_EQ(bearer->getValue<std::string>("type"), "http");
  EXPECT_EQ(bearer->getValue<std::string>("scheme"), "bearer");

  auto health = op("/healthz", "get");
  EXPECT_EQ(health->getArray("security")->size(), 0u);  // Public: no credential.
  EXPECT_EQ(health->getArray("x-roles")->size(), 0u);
  EXPECT_EQ(health->getValue<std::string>("x-owner"), "host");
}

TEST_F(OpenApiDocumentTest, SchemasBecomeRequestBodyAndSuccessContent) {
  auto search = op("/api/v1/his/patients", "get");
  EXPECT_FALSE(search->has("requestBody"));
  auto ok = search->getObject("responses")->getObject("200");
  ASSERT_TRUE(ok);
  auto schema = ok->getObject("content")->getObject("application/json")->getObject("schema");
  EXPECT_EQ(schema->getValue<std::string>("type"), "object");
  EXPECT_TRUE(schema->getObject("properties")->has("count"));

  auto book = op("/api/v1/appointments/{clinic}/bookings", "post");
  auto body = book->getObject("requestBody");
  ASSERT_TRUE(body);
  EXPECT_TRUE(body->getValue<bool>("required"));
  auto request_schema =
      body->getObject("content")->getObject("application/json")->getObject("schema");
  EXPECT_THAT(strings(request_schema->getArray("required")), ::testing::ElementsAre("slot"));
  // A write does not say which 2xx it answers; no declared schema means no declared content.
  auto success = book->getObject("responses")->getObject("2XX");
  ASSERT_TRUE(success);
  EXPECT_FALSE(success->has("content"));
}

TEST_F(OpenApiDocumentTest, ProblemAnswersReferToOneSharedSchema) {
  auto refs = [](const Object::Ptr& operation) {
    std::map<std::string, std::string> out;
    auto responses = operation->getObject("responses");
    for (const auto& [status, value] : *responses) {
      auto response = responses->getObject(status);
      if (response->has("$ref")) out[status] = response->getValue<std::string>("$ref");
    }
    return out;
  };
  using Refs = std::map<std::string, std::string>;
  EXPECT_EQ(refs(op("/api/v1/his/patients", "get")),
            (Refs{{"401", "#/components/responses/Unauthorized"},
                  {"403", "#/components/responses/Forbidden"},
                  {"422", "#/components/responses/Invalid"},
                  {"500", "#/components/responses/Internal"}}));
  EXPECT_EQ(refs(op("/api/v1/appointments/{clinic}/bookings", "post")),
            (Refs{{"400", "#/components/responses/BadRequest"},
                  {"401", "#/components/responses/Unauthorized"},
                  {"403", "#/components/responses/Forbidden"},
                  {"404", "#/components/responses/NotFound"},
                  {"422", "#/components/responses/Invalid"},
                  {"500", "#/components/responses/Internal"}}));
  EXPECT_EQ(refs(op("/healthz", "get")), (Refs{{"500", "#/components/responses/Internal"}}));

  auto components = doc_->getObject("components");
  for (const auto& name :
       {"BadRequest", "Unauthorized", "Forbidden", "NotFound", "Invalid", "Internal"}) {
    auto response = components->getObject("responses")->getObject(name);
    ASSERT_TRUE(response) << name;
    EXPECT_EQ(response->getObject("content")
                  ->getObject("application/problem+json")
                  ->getObject("schema")
                  ->getValue<std::string>("$ref"),
              "#/components/schemas/Problem");
  }
  auto problem = components->getObject("schemas")->getObject("Problem");
  EXPECT_THAT(
      keys(problem->getObject("properties")),
      ::testing::IsSupersetOf({"type", "title", "status", "detail", "field", "request_id"}));
}

TEST(OpenApiDocument, AHandBuiltRouteWithABrokenSchemaLosesOnlyTheSchema) {
  RegisteredRoute broken{"x", {"POST", "/api/v1/x", {"admin"}, noop(), "X"}};
  broken.route.request_schema = "{not json";
  broken.route.response_schema = "[1, 2]";
  auto doc = round_trip(openapi_document({broken}, "1"));
  auto post = doc->getObject("paths")->getObject("/api/v1/x")->getObject("post");
  ASSERT_TRUE(post);
  EXPECT_FALSE(post->has("requestBody"));
  EXPECT_FALSE(post->getObject("responses")->getObject("2XX")->has("content"));
}

TEST(RouteTableSchemas, SchemasThatAreNotJsonObjectsAreRefusedWhenTheRouteIsAdded) {
  RouteTable table;
  sdk::Route r{"POST", "/api/v1/x", {"admin"}, noop(), "X"};
  r.request_schema = "{not json";
  try {
    table.add("plug", r);
    FAIL() << "accepted a broken request schema";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("request_schema is not valid JSON"));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("'plug'"));
  }
  r.request_schema.clear();
  r.response_schema = "[1]";
  EXPECT_THROW(table.add("plug", r), std::invalid_argument);
  r.response_schema.clear();
  r.query_params = {{"limit", "int", false, ""}};
  EXPECT_THROW(table.add("plug", r), std::invalid_argument);
  r.query_params = {{"a", "string", false, ""}, {"a", "string", false, ""}};
  EXPECT_THROW(table.add("plug", r), std::invalid_argument);
  EXPECT_TRUE(table.routes().empty());
  r.query_params = {{"a", "string", false, ""}, {"b", "boolean", false, ""}};
  r.request_schema = R"({"type": "object"})";
  table.add("plug", r);
  EXPECT_EQ(table.routes().size(), 1u);
}

}  // namespace
}  // namespace hisx::host
