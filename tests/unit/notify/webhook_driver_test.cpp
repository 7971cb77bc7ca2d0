// The webhook driver against a real HTTP server on loopback (support/webhook_sink.h).
#include "notify/webhook_driver.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <gmock/gmock.h>

#include "support/port.h"
#include "support/webhook_sink.h"

namespace hisx::host {
namespace {

using test::WebhookAnswer;
using test::WebhookSink;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1717200000));

WebhookConfig config_for(const std::string& url) {
  WebhookConfig c;
  c.url = url;
  c.secret = "webhook-test-secret";
  c.body = R"({"phone": "{{to}}", "message": "{{text}}", "booking": "{{data.booking_id}}"})";
  c.timeout = std::chrono::milliseconds(2000);
  return c;
}

OutgoingMessage message() {
  OutgoingMessage m;
  m.id = "5d9c1a8e-7f00-4c00-9a00-000000000001";
  m.channel = "sms";
  m.to = "0912345678";
  m.text = "Bệnh viện Đa khoa: bà Nguyễn Thị Ánh có lịch khám \"Nội\" lúc 8:30.";
  m.data = new Poco::JSON::Object;
  m.data->set("booking_id", "BK-77");
  return m;
}

TEST(WebhookDriver, PostsTheSignedBodyAndReportsSent) {
  WebhookSink sink;
  sdk::ManualClock clock(kNow);
  WebhookDriver driver(config_for(sink.url("/sms?src=hisx")), clock);

  Delivery d = driver.deliver(message());
  EXPECT_EQ(d.outcome, Delivery::Outcome::kSent) << d.reason;
  EXPECT_TRUE(d.reason.empty());

  auto requests = sink.requests();
  ASSERT_EQ(requests.size(), 1u);
  const auto& r = requests[0];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/sms?src=hisx");
  EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(r.header("X-Hisx-Message-Id"), message().id);
  EXPECT_EQ(r.header("X-Hisx-Timestamp"), "1717200000");
  EXPECT_EQ(r.header("X-Hisx-Signature"),
            test::expected_webhook_signature("webhook-test-secret", "1717200000", r.body));
  Poco::JSON::Parser parser;
  auto body = parser.parse(r.body).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(body->getValue<std::string>("phone"), "0912345678");
  EXPECT_EQ(body->getValue<std::string>("message"), message().text);
  EXPECT_EQ(body->getValue<std::string>("booking"), "BK-77");
}

TEST(WebhookDriver, ServerErrorsAndThrottlingAreRetried) {
  WebhookSink sink;
  sdk::ManualClock clock(kNow);
  WebhookDriver driver(config_for(sink.url()), clock);
  sink.answer_next({{500, "gateway down"}, {503, ""}, {429, "slow down"}, {408, ""}});
  for (int expected : {500, 503, 429, 408}) {
    Delivery d = driver.deliver(message());
    EXPECT_EQ(d.outcome, Delivery::Outcome::kRetry) << expected << ": " << d.reason;
    EXPECT_THAT(d.reason, StartsWith("HTTP " + std::to_string(expected)));
  }
  EXPECT_EQ(driver.deliver(message()).outcome, Delivery::Outcome::kSent);
  EXPECT_EQ(sink.requests().size(), 5u);
}

TEST(WebhookDriver, ClientErrorsFailWithTheAnswer) {
  WebhookSink sink;
  sdk::ManualClock clock(kNow);
  WebhookDriver driver(config_for(sink.url()), clock);
  sink.answer_next({{400, "{\"error\": \"số điện thoại không hợp lệ\"}\n"}, {401, ""}});
  Delivery d = driver.deliver(message());
  EXPECT_EQ(d.outcome, Delivery::Outcome::kFailed);
  EXPECT_EQ(d.reason, "HTTP 400 Bad Request: {\"error\": \"số điện thoại không hợp lệ\"} ");
  d = driver.deliver(message());
  EXPECT_EQ(d.outcome, Delivery::Outcome::kFailed);
  EXPECT_THAT(d.reason, StartsWith("HTTP 401"));
}

TEST(WebhookDriver, RedirectsAreNotFollowed) {
  WebhookSink sink;
  sdk::ManualClock clock(kNow);
  WebhookDriver driver(config_for(sink.url()), clock);
  sink.answer_next({{302, ""}});
  Delivery d = driver.deliver(message());
  EXPECT_EQ(d.outcome, Delivery::Outcome::kFailed);
  EXPECT_THAT(d.reason, HasSubstr("redirects are not followed"));
}

TEST(WebhookDriver, ALongAnswerIsCutForTheReason) {
  WebhookSink sink;
  sdk::ManualClock clock(kNow);
  WebhookDriver driver(config_for(sink.url()), clock);
  std::string long_answer;
  for (int i = 0; i < 400; ++i) long_answer += "ệ";  // 3 bytes each.
  sink.answer_next({{422, long_answer}});
  Delivery d = driver.deliver(message());
  EXPECT_EQ(d.outcome, Delivery::Outcome::kFailed);
  const std::string prefix = "HTTP 422 Unprocessable Entity: ";
  ASSERT_THAT(d.reason, StartsWith(prefix));
  // 300 bytes hold 100 whole letters; the cut never splits one.
  EXPECT_EQ(d.reason.substr(prefix.size()), long_answer.substr(0, 300) + "…");
}

TEST(WebhookDriver, ConnectionRefusedIsRetried) {
  sdk::ManualClock clock(kNow);
  const int port = test::free_port();
  WebhookDriver driver(config_for("http://127.0.0.1:" + std::to_string(port) + "/x"), clock);
  Delivery d = driver.deliver(message());
  EXPECT_EQ(d.outcome, Delivery::Outcome::kRetry);
  EXPECT_THAT(d.reason, HasSubstr("127.0.0.1:" + std::to_string(port)));
}

TEST(WebhookDriver, NoAnswerWithinTheTimeoutIsRetried) {
  // A listening socket that accepts connections (in the kernel) and never answers.
  Poco::Net::ServerSocket silent(Poco::Net::SocketAddress("127.0.0.1", 0));
  sdk::ManualClock clock(kNow);
  auto config = config_for("http://127.0.0.1:" + std::to_string(silent.address().port()) + "/x");
  config.timeout = std::chrono::milliseconds(300);
  WebhookDriver driver(config, clock);
  Delivery d = driver.deliver(message());
  EXPECT_EQ(d.outcome, Delivery::Outcome::kRetry);
  EXPECT_THAT(d.reason, HasSubstr("within 300 ms"));
}

TEST(WebhookDriver, HttpsUrlsSpeakTls) {
  // The sink speaks plain HTTP: a TLS handshake with it fails, and that is retried.
  WebhookSink sink;
  sdk::ManualClock clock(kNow);
  WebhookDriver driver(config_for("https://127.0.0.1:" + std::to_string(sink.port()) + "/x"),
                       clock);
  Delivery d = driver.deliver(message());
  // Which side gives up first (the TLS handshake or the wait for an answer) depends on timing.
  EXPECT_EQ(d.outcome, Delivery::Outcome::kRetry) << d.reason;
  EXPECT_TRUE(sink.requests().empty()) << "a plain HTTP request was sent to an https URL";
}

TEST(Excerpt, CutsBeforeASplitLetterAndBlanksControlCharacters) {
  EXPECT_EQ(excerpt("a\u1EC7\u1EC7", 3), "a…");      // "aệệ": the first ệ is split.
  EXPECT_EQ(excerpt("\u1EC7\u1EC7", 3), "\u1EC7…");  // Exactly one letter fits.
  EXPECT_EQ(excerpt("line 1\r\nline 2\t!", 100), "line 1  line 2 !");
  EXPECT_EQ(excerpt("short", 300), "short");
}

}  // namespace
}  // namespace hisx::host
