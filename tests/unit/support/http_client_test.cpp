#include "support/http_client.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <stdexcept>

#include "support/port.h"

namespace hisx::test {
namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;
using ::testing::HasSubstr;

/// The tiny server the client talks to: a few fixed answers and an echo.
class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(HTTPServerRequest& req, HTTPServerResponse& resp) override {
    std::string body;
    Poco::StreamCopier::copyToString(req.stream(), body);
    const std::string& uri = req.getURI();
    if (uri == "/json") {
      resp.set("X-Request-Id", "abc-123");
      send(resp, 200, "application/json", R"({"status":"ok","count":2,"name":"Bệnh viện"})");
    } else if (uri == "/array") {
      send(resp, 200, "application/json", "[1,2,3]");
    } else if (uri == "/text") {
      send(resp, 503, "text/plain; charset=utf-8", "Dịch vụ tạm ngừng");
    } else if (uri.rfind("/echo", 0) == 0) {
      Poco::JSON::Object echo;
      echo.set("method", req.getMethod());
      echo.set("uri", uri);
      echo.set("body", body);
      echo.set("authorization", req.get("Authorization", "<none>"));
      echo.set("content_type", req.get("Content-Type", "<none>"));
      echo.set("x_custom", req.get("X-Custom", "<none>"));
      std::ostringstream out;
      Poco::JSON::Stringifier::stringify(echo, out);
      send(resp, 200, "application/json", out.str());
    } else {
      send(resp, 404, "application/problem+json", R"({"title":"Not Found"})");
    }
  }

 private:
  static void send(HTTPServerResponse& resp, int status, const std::string& type,
                   const std::string& body) {
    resp.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    resp.setContentType(type);
    resp.setContentLength(static_cast<std::streamsize>(body.size()));
    resp.send() << body;
  }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
    return new Handler;
  }
};

class HttpClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    port_ = socket.address().port();
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory, socket,
                                                      new Poco::Net::HTTPServerParams);
    server_->start();
  }
  void TearDown() override { server_->stopAll(true); }

  HttpClient client() const { return HttpClient("127.0.0.1", port_); }

  int port_ = 0;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

TEST_F(HttpClientTest, GetReturnsStatusLowerCaseHeadersAndJson) {
  HttpResult r = client().get("/json");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers.at("x-request-id"), "abc-123");
  EXPECT_EQ(r.headers.at("content-type"), "application/json");
  EXPECT_EQ(r.header("X-Request-ID"), "abc-123");
  EXPECT_EQ(r.header("X-Absent"), "");
  auto json = r.json();
  EXPECT_EQ(json->getValue<std::string>("status"), "ok");
  EXPECT_EQ(json->getValue<int>("count"), 2);
  EXPECT_EQ(json->getValue<std::string>("name"), "Bệnh viện");
}

TEST_F(HttpClientTest, JsonArrayParsesAnArrayBody) {
  auto array = client().get("/array").json_array();
  ASSERT_EQ(array->size(), 3u);
  EXPECT_EQ(array->getElement<int>(2), 3);
}

TEST_F(HttpClientTest, NonJsonBodyMakesJsonThrowWithStatusAndBody) {
  HttpResult r = client().get("/text");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.body, "Dịch vụ tạm ngừng");
  try {
    r.json();
    FAIL() << "json() accepted a text body";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("not JSON"));
    EXPECT_THAT(e.what(), HasSubstr("503"));
    EXPECT_THAT(e.what(), HasSubstr("Dịch vụ tạm ngừng"));
  }
  EXPECT_THROW(r.json_array(), std::runtime_error);
}

TEST_F(HttpClientTest, JsonOfTheWrongShapeThrows) {
  try {
    client().get("/array").json();
    FAIL() << "json() accepted an array";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("not an object"));
    EXPECT_THAT(e.what(), HasSubstr("[1,2,3]"));
  }
  EXPECT_THROW(client().get("/json").json_array(), std::runtime_error);
}

TEST_F(HttpClientTest, GetSendsBearerOnlyWhenGiven) {
  EXPECT_EQ(client().get("/echo?q=1", "tok-1").json()->getValue<std::string>("authorization"),
            "Bearer tok-1");
  auto plain = client().get("/echo?q=1").json();
  EXPECT_EQ(plain->getValue<std::string>("authorization"), "<none>");
  EXPECT_EQ(plain->getValue<std::string>("method"), "GET");
  EXPECT_EQ(plain->getValue<std::string>("uri"), "/echo?q=1");
}

TEST_F(HttpClientTest, PostSendsJsonBodyBearerAndExtraHeaders) {
  auto echo = client().post("/echo", R"({"a":1})", "tok-2", {{"X-Custom", "giá trị"}}).json();
  EXPECT_EQ(echo->getValue<std::string>("method"), "POST");
  EXPECT_EQ(echo->getValue<std::string>("body"), R"({"a":1})");
  EXPECT_EQ(echo->getValue<std::string>("authorization"), "Bearer tok-2");
  EXPECT_EQ(echo->getValue<std::string>("content_type"), "application/json");
  EXPECT_EQ(echo->getValue<std::string>("x_custom"), "giá trị");
}

TEST_F(HttpClientTest, PostContentTypeCanBeReplacedInAnyCase) {
  auto echo = client().post("/echo", "a=1", {}, {{"content-type", "text/plain"}}).json();
  EXPECT_EQ(echo->getValue<std::string>("content_type"), "text/plain");
  EXPECT_EQ(echo->getValue<std::string>("body"), "a=1");
}

TEST_F(HttpClientTest, RequestSendsAnyMethodAndExactHeaders) {
  auto echo = client().request("DELETE", "/echo/7", "", {{"Authorization", "ApiKey k"}}).json();
  EXPECT_EQ(echo->getValue<std::string>("method"), "DELETE");
  EXPECT_EQ(echo->getValue<std::string>("uri"), "/echo/7");
  EXPECT_EQ(echo->getValue<std::string>("authorization"), "ApiKey k");
  EXPECT_EQ(echo->getValue<std::string>("content_type"), "<none>");
  EXPECT_EQ(client().request("PUT", "/echo", "x").json()->getValue<std::string>("body"), "x");
}

TEST_F(HttpClientTest, UnknownPathGivesItsStatus) {
  HttpResult r = client().get("/nowhere");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.json()->getValue<std::string>("title"), "Not Found");
}

TEST(HttpClient, ConnectionFailureThrowsWithTheUrl) {
  int port = free_port();  // Nothing listens there.
  try {
    HttpClient("127.0.0.1", port).get("/healthz");
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("GET http://127.0.0.1:" + std::to_string(port) + "/healthz"));
  }
}

}  // namespace
}  // namespace hisx::test
