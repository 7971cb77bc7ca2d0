// Refusals the host makes before any handler runs, as problem documents.
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_server.h"

namespace hisx::test {
namespace {

using ::testing::HasSubstr;

class ErrorTest : public ServerTest {
 protected:
  void SetUp() override {
    route("GET", "/api/v1/test/items/{id}", [](sdk::Request&, sdk::Response&) {});
    route("DELETE", "/api/v1/test/items/{id}", [](sdk::Request&, sdk::Response&) {});
    route("POST", "/api/v1/test/items",
          [](sdk::Request& req, sdk::Response& res) { res.json(req.json()); });
    start();
  }

  // Every problem document has the same shape.
  static void expect_problem(const Reply& r, int status, const std::string& type) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.header("Content-Type"), "application/problem+json");
    const auto doc = r.json();
    EXPECT_EQ(doc->getValue<std::string>("type"), "urn:hisx:problem:" + type);
    EXPECT_EQ(doc->getValue<int>("status"), status);
    EXPECT_EQ(doc->getValue<std::string>("title"), r.reason);
    EXPECT_FALSE(doc->getValue<std::string>("detail").empty());
    EXPECT_EQ(doc->getValue<std::string>("request_id"), r.header("X-Request-Id"));
  }
};

TEST_F(ErrorTest, UnknownPathIs404Problem) {
  const Reply r = send(Call("GET", "/api/v1/test/nothing?x=1").with_token(kAdminToken));
  expect_problem(r, 404, "not-found");
  EXPECT_EQ(r.json()->getValue<std::string>("title"), "Not Found");
  EXPECT_THAT(r.json()->getValue<std::string>("detail"), HasSubstr("/api/v1/test/nothing"));
  EXPECT_FALSE(r.json()->has("field"));
  // No credential needed to learn that nothing is there.
  expect_problem(send(Call("GET", "/")), 404, "not-found");
}

TEST_F(ErrorTest, WrongMethodIs405ProblemWithAllow) {
  const Reply r = send(Call("PUT", "/api/v1/test/items/3").with_body("{}"));
  expect_problem(r, 405, "method-not-allowed");
  EXPECT_EQ(r.header("Allow"), "DELETE, GET");
  EXPECT_EQ(r.json()->getValue<std::string>("title"), "Method Not Allowed");

  const Reply head = send(Call("PATCH", "/api/v1/test/items"));
  expect_problem(head, 405, "method-not-allowed");
  EXPECT_EQ(head.header("Allow"), "POST");
}

TEST_F(ErrorTest, MalformedJsonIs400Problem) {
  Reply r = send(Call("POST", "/api/v1/test/items")
                     .with_body(R"({"name": "Lan",)")
                     .with_header("Content-Type", "application/json")
                     .with_token(kAdminToken));
  expect_problem(r, 400, "bad-request");
  EXPECT_THAT(r.json()->getValue<std::string>("detail"), HasSubstr("not valid JSON"));

  r = send(Call("POST", "/api/v1/test/items").with_body("[1]").with_token(kAdminToken));
  expect_problem(r, 400, "bad-request");
  EXPECT_THAT(r.json()->getValue<std::string>("detail"), HasSubstr("JSON object"));

  r = send(Call("POST", "/api/v1/test/items").with_token(kAdminToken));
  expect_problem(r, 400, "bad-request");

  r = send(
      Call("POST", "/api/v1/test/items").with_body(R"({"name":"Lan"})").with_token(kAdminToken));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json()->getValue<std::string>("name"), "Lan");
}

TEST_F(ErrorTest, MalformedTargetIs400Problem) {
  const Reply r = send(Call("GET", "/api/v1/test/items/%zz").with_token(kAdminToken));
  expect_problem(r, 400, "bad-request");
}

// Sends `raw` on a plain socket, closes the sending side, and returns all that comes back.
std::string raw_exchange(int port, const std::string& raw) {
  Poco::Net::StreamSocket socket(
      Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
  socket.setReceiveTimeout(Poco::Timespan(10, 0));
  socket.sendBytes(raw.data(), static_cast<int>(raw.size()));
  socket.shutdownSend();
  std::string answer;
  char buffer[4096];
  int n = 0;
  while ((n = socket.receiveBytes(buffer, sizeof buffer)) > 0) answer.append(buffer, n);
  return answer;
}

TEST_F(ErrorTest, TruncatedOrBrokenBodyIs400Problem) {
  const std::string head = "POST /api/v1/test/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                           std::string(kAdminToken) + "\r\n";
  std::string answer = raw_exchange(server_->port(), head + "Content-Length: 100\r\n\r\n{\"a\":1}");
  EXPECT_THAT(answer, ::testing::StartsWith("HTTP/1.1 400"));
  EXPECT_THAT(answer, HasSubstr("urn:hisx:problem:bad-request"));
  EXPECT_THAT(answer, HasSubstr("shorter than its Content-Length"));

  // Poco reads a malformed chunk size as the end of the body; what follows must not be
  // served as a second request, so the connection closes after a chunked request.
  answer = raw_exchange(server_->port(),
                        head +
                            "Transfer-Encoding: chunked\r\n\r\nzz\r\nGET /api/v1/test/items/1 "
                            "HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_THAT(answer, ::testing::StartsWith("HTTP/1.1 400"));
  EXPECT_THAT(answer, HasSubstr("Connection: Close\r\n"));
  EXPECT_EQ(answer.find("HTTP/1.1", 1), std::string::npos) << "one answer only: " << answer;

  // A well-formed chunked body is read whole.
  answer =
      raw_exchange(server_->port(),
                   head + "Transfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n");
  EXPECT_THAT(answer, ::testing::StartsWith("HTTP/1.1 200"));
  EXPECT_THAT(answer, ::testing::EndsWith("{\"a\":1}"));
}

}  // namespace
}  // namespace hisx::test
