// The webhook driver over real TLS: a local HTTPS server with a certificate made by openssl
// for this test. The driver must trust it only through the channel's ca_file, and only for
// the host name it was issued to.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/StreamCopier.h>
#include <gmock/gmock.h>

#include <atomic>

#include "notify/webhook_driver.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace hisx::host {
namespace {

using ::testing::HasSubstr;

// A self-signed certificate and its key for `common_name` (and the IP 127.0.0.1 when that is
// the name), written to dir/<file_stem>.{crt,key}.
void make_certificate(const std::filesystem::path& dir, const std::string& stem,
                      const std::string& common_name) {
  std::vector<std::string> args = {"openssl",  "req",
                                   "-x509",    "-newkey",
                                   "rsa:2048", "-nodes",
                                   "-days",    "2",
                                   "-subj",    "/CN=" + common_name,
                                   "-keyout",  (dir / (stem + ".key")).string(),
                                   "-out",     (dir / (stem + ".crt")).string()};
  if (common_name == "127.0.0.1") {
    args.push_back("-addext");
    args.push_back("subjectAltName=IP:127.0.0.1");
  }
  auto r = test::run_process(args);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
}

class Received : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Received(std::atomic<int>& count) : count_(count) {}
  void handleRequest(Poco::Net::HTTPServerRequest& req,
                     Poco::Net::HTTPServerResponse& res) override {
    std::string body;
    Poco::StreamCopier::copyToString(req.stream(), body);
    ++count_;
    res.setStatus(Poco::Net::HTTPResponse::HTTP_ACCEPTED);
    res.setContentLength(0);
    res.send();
  }

 private:
  std::atomic<int>& count_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(std::atomic<int>& count) : count_(count) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new Received(count_);
  }

 private:
  std::atomic<int>& count_;
};

// An HTTPS server on 127.0.0.1 presenting dir/<stem>.crt; counts the requests it answers.
class HttpsSink {
 public:
  HttpsSink(const std::filesystem::path& dir, const std::string& stem) {
    Poco::Net::Context::Ptr context = new Poco::Net::Context(
        Poco::Net::Context::TLS_SERVER_USE, (dir / (stem + ".key")).string(),
        (dir / (stem + ".crt")).string(), "", Poco::Net::Context::VERIFY_NONE);
    Poco::Net::SecureServerSocket socket(context);
    socket.bind(Poco::Net::SocketAddress("127.0.0.1", 0));
    socket.listen();
    port_ = socket.address().port();
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(count_), socket,
                                                      new Poco::Net::HTTPServerParams);
    server_->start();
  }
  ~HttpsSink() { server_->stopAll(true); }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_) + "/hook"; }
  int requests() const { return count_.load(); }

 private:
  std::atomic<int> count_{0};
  int port_ = 0;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

WebhookConfig config_for(const std::string& url, const std::string& ca_file) {
  WebhookConfig c;
  c.url = url;
  c.secret = "tls-test-secret";
  c.body = R"({"message": "{{text}}"})";
  c.ca_file = ca_file;
  c.timeout = std::chrono::milliseconds(5000);
  return c;
}

OutgoingMessage message() {
  OutgoingMessage m;
  m.id = "tls-1";
  m.channel = "sms";
  m.to = "0912345678";
  m.text = "Xin chào qua TLS";
  return m;
}

class HttpsWebhook : public ::testing::Test {
 protected:
  void SetUp() override {
    make_certificate(dir_.path(), "good", "127.0.0.1");
    make_certificate(dir_.path(), "other", "gateway.example.vn");
  }
  test::TempDir dir_;
  sdk::SystemClock clock_;
};

TEST_F(HttpsWebhook, DeliversToAServerTrustedThroughCaFile) {
  HttpsSink sink(dir_.path(), "good");
  WebhookDriver driver(config_for(sink.url(), (dir_.path() / "good.crt").string()), clock_);
  Delivery d = driver.deliver(message());
  EXPECT_EQ(d.outcome, Delivery::Outcome::kSent) << d.reason;
  EXPECT_EQ(sink.requests(), 1);
}

TEST_F(HttpsWebhook, RefusesAnUntrustedCertificate) {
  HttpsSink sink(dir_.path(), "good");
  WebhookDriver driver(config_for(sink.url(), ""), clock_);  // System CAs only.
  Delivery d = driver.deliver(message());
  EXPECT_EQ(d.outcome, Delivery::Outcome::kRetry);
  EXPECT_THAT(d.reason, HasSubstr("127.0.0.1:"));
  EXPECT_THAT(d.reason, HasSubstr("certificate verify failed"));
  EXPECT_EQ(sink.requests(), 0) << "the message went to a server whose certificate is untrusted";
}

TEST_F(HttpsWebhook, RefusesACertificateForAnotherHost) {
  HttpsSink sink(dir_.path(), "other");
  WebhookDriver driver(config_for(sink.url(), (dir_.path() / "other.crt").string()), clock_);
  Delivery d = driver.deliver(message());
  EXPECT_EQ(d.outcome, Delivery::Outcome::kRetry);
  EXPECT_THAT(d.reason, HasSubstr("Unacceptable certificate from 127.0.0.1"));
  EXPECT_EQ(sink.requests(), 0) << "a certificate for gateway.example.vn was accepted for "
                                   "127.0.0.1";
}

}  // namespace
}  // namespace hisx::host
