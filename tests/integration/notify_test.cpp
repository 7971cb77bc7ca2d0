// Notifications through the real hisxd: channels pointing at an HTTP sink and an SMTP
// listener that run in this test process on loopback, messages queued with the admin test
// route, their state read back over HTTP.
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>

#include <thread>

#include "integration_support.h"
#include "support/smtp_sink.h"
#include "support/webhook_sink.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;

constexpr const char* kSecret = "tích-hợp-webhook-secret";
constexpr const char* kSmtpPassword = "mật-khẩu-thử";
const std::string kBase = "/api/v1/host/notifications";

class Notify : public ::testing::Test {
 protected:
  HostOptions options(std::vector<std::string> extra = {}) {
    std::vector<std::string> overrides = {
        "notify.channels.sms={driver: webhook, url: \"" + hook_.url("/sms") +
            "\", secret_env: HISX_TEST_NOTIFY_SECRET, timeout_ms: 3000, "
            "template: '{\"phone\": \"{{to}}\", \"message\": \"{{text}}\", \"ref\": \"{{id}}\"}'}",
        "notify.channels.email={driver: smtp, host: 127.0.0.1, port: " +
            std::to_string(smtp_.port()) +
            ", from: \"hisx@benhvien.vn\", username: hisx-relay, "
            "password_env: HISX_TEST_SMTP_PASSWORD, timeout_ms: 3000}",
        "notify.retry_base_seconds=0.2",
        "notify.poll_interval_ms=50",
    };
    overrides.insert(overrides.end(), extra.begin(), extra.end());
    HostOptions o = host_options(overrides);
    o.env = {{"HISX_TEST_NOTIFY_SECRET", kSecret}, {"HISX_TEST_SMTP_PASSWORD", kSmtpPassword}};
    return o;
  }

  // POSTs a test message and returns its id (fails the test unless the answer is 202).
  static std::string queue(const HostProcess& host, const std::string& key,
                           const Poco::JSON::Object::Ptr& body) {
    std::ostringstream text;
    body->stringify(text);
    HttpResult r = host.client().post(kBase + "/test", text.str(), key);
    EXPECT_EQ(r.status, 202) << r.body;
    if (r.status != 202) return {};
    const std::string id = r.json()->getValue<std::string>("id");
    EXPECT_EQ(r.json()->getValue<std::string>("state"), "queued");
    EXPECT_EQ(r.header("location"), kBase + "/" + id);
    return id;
  }

  static Poco::JSON::Object::Ptr message(const std::string& channel, const std::string& to,
                                         const std::string& text, const std::string& subject = {}) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("channel", channel);
    body->set("to", to);
    body->set("text", text);
    if (!subject.empty()) body->set("subject", subject);
    return body;
  }

  // Reads the message until it is sent or failed (the sender works in the background).
  static Poco::JSON::Object::Ptr wait_final(const HostProcess& host, const std::string& key,
                                            const std::string& id) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    Poco::JSON::Object::Ptr last;
    while (std::chrono::steady_clock::now() < deadline) {
      HttpResult r = host.client().get(kBase + "/" + id, key);
      EXPECT_EQ(r.status, 200) << r.body;
      if (r.status != 200) return new Poco::JSON::Object;
      last = r.json();
      const std::string state = last->getValue<std::string>("state");
      if (state == "sent" || state == "failed") return last;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "message " << id << " still not sent or failed";
    if (last.isNull()) last = new Poco::JSON::Object;
    return last;
  }

  WebhookSink hook_;
  SmtpSink smtp_;
};

TEST_F(Notify, WebhookMessageArrivesSignedWithVietnameseIntact) {
  HostProcess host(options());
  host.start();
  const std::string key = create_key(host, "admin");
  const std::string text = "Bà Nguyễn Thị Ánh: lịch khám \"Nội tổng quát\" lúc 8:30, phòng 105.";
  const std::string id = queue(host, key, message("sms", "0912345678", text));

  auto final = wait_final(host, key, id);
  EXPECT_EQ(final->getValue<std::string>("state"), "sent");
  EXPECT_EQ(final->getValue<int>("attempts"), 1);
  EXPECT_TRUE(final->get("last_error").isEmpty());
  EXPECT_FALSE(final->getValue<std::string>("sent_at").empty());
  EXPECT_EQ(final->getValue<std::string>("channel"), "sms");
  EXPECT_EQ(final->getValue<std::string>("to"), "0912345678");

  auto requests = hook_.wait_for(1);
  ASSERT_EQ(requests.size(), 1u);
  const auto& r = requests[0];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/sms");
  EXPECT_EQ(r.header("X-Hisx-Message-Id"), id);
  const std::string timestamp = r.header("X-Hisx-Timestamp");
  EXPECT_EQ(r.header("X-Hisx-Signature"), expected_webhook_signature(kSecret, timestamp, r.body));
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  EXPECT_LE(std::abs(now - std::stoll(timestamp)), 300) << "outside a 5-minute replay window";
  Poco::JSON::Parser parser;
  auto body = parser.parse(r.body).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(body->getValue<std::string>("message"), text);
  EXPECT_EQ(body->getValue<std::string>("phone"), "0912345678");
  EXPECT_EQ(body->getValue<std::string>("ref"), id);
}

TEST_F(Notify, WebhookServerErrorsAreRetriedUntilSent) {
  hook_.answer_next({{500, "gateway busy"}, {500, "gateway busy"}});
  HostProcess host(options());
  host.start();
  const std::string key = create_key(host, "admin");
  const std::string id = queue(host, key, message("sms", "0987654321", "Kết quả đã có."));

  auto final = wait_final(host, key, id);
  EXPECT_EQ(final->getValue<std::string>("state"), "sent");
  EXPECT_EQ(final->getValue<int>("attempts"), 3);
  auto requests = hook_.requests();
  ASSERT_EQ(requests.size(), 3u);
  for (const auto& r : requests) EXPECT_EQ(r.header("X-Hisx-Message-Id"), id);
}

TEST_F(Notify, WebhookClientErrorFailsWithTheReason) {
  hook_.answer_next({{400, "{\"error\": \"invalid phone number\"}"}});
  HostProcess host(options());
  host.start();
  const std::string key = create_key(host, "admin");
  const std::string id = queue(host, key, message("sms", "not-a-phone", "Tin nhắn"));

  auto final = wait_final(host, key, id);
  EXPECT_EQ(final->getValue<std::string>("state"), "failed");
  EXPECT_EQ(final->getValue<int>("attempts"), 1);
  EXPECT_EQ(final->getValue<std::string>("last_error"),
            "HTTP 400 Bad Request: {\"error\": \"invalid phone number\"}");
  EXPECT_EQ(hook_.requests().size(), 1u);

  HttpResult listed = host.client().get(kBase + "?state=failed&channel=sms", key);
  ASSERT_EQ(listed.status, 200) << listed.body;
  auto items = listed.json()->getArray("items");
  ASSERT_EQ(items->size(), 1u) << listed.body;
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("id"), id);
  EXPECT_EQ(listed.json()->getValue<int>("count"), 1);
  HttpResult sent = host.client().get(kBase + "?state=sent", key);
  EXPECT_EQ(sent.json()->getValue<int>("count"), 0) << sent.body;
}

TEST_F(Notify, SmtpMailArrivesWithTheUtf8SubjectDecoded) {
  HostProcess host(options());
  host.start();
  const std::string key = create_key(host, "admin");
  const std::string subject = "Kết quả xét nghiệm — Bệnh viện Đa khoa";
  const std::string text = "Kính gửi bác sĩ Trần: kết quả của bệnh nhân Lê Văn Đức đã có.";
  const std::string id = queue(host, key, message("email", "bs.tran@benhvien.vn", text, subject));

  auto final = wait_final(host, key, id);
  EXPECT_EQ(final->getValue<std::string>("state"), "sent")
      << final->getValue<std::string>("last_error");
  auto mails = smtp_.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  const auto& mail = mails[0];
  EXPECT_EQ(mail.auth_user, "hisx-relay");
  EXPECT_EQ(mail.auth_password, kSmtpPassword);
  EXPECT_EQ(mail.mail_from, "hisx@benhvien.vn");
  EXPECT_EQ(mail.rcpt_to, std::vector<std::string>{"bs.tran@benhvien.vn"});
  EXPECT_EQ(decode_mime_words(mail.header("Subject")), subject);
  EXPECT_THAT(decode_quoted_printable(mail.body()), HasSubstr(text));
  EXPECT_EQ(mail.header("X-Hisx-Message-Id"), id);
}

TEST_F(Notify, SmtpTemporaryRefusalIsRetried) {
  smtp_.answer_data_with({451});
  HostProcess host(options());
  host.start();
  const std::string key = create_key(host, "admin");
  const std::string id =
      queue(host, key, message("email", "it@benhvien.vn", "Thử lại / retry", "Thử"));
  auto final = wait_final(host, key, id);
  EXPECT_EQ(final->getValue<std::string>("state"), "sent");
  EXPECT_EQ(final->getValue<int>("attempts"), 2);
  auto mails = smtp_.mails();
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[0].answer, 451);
  EXPECT_EQ(mails[1].answer, 250);
}

TEST_F(Notify, LogChannelMarksSentAndWritesTheLine) {
  HostProcess host(options());
  host.start();
  const std::string key = create_key(host, "admin");
  const std::string id =
      queue(host, key, message("push", "acc-42", "Mời bà Ánh đến quầy số 3.", "Gọi số"));
  auto final = wait_final(host, key, id);
  EXPECT_EQ(final->getValue<std::string>("state"), "sent");
  EXPECT_EQ(final->getValue<int>("attempts"), 1);
  EXPECT_THAT(host.output(), HasSubstr("hisx.notify: [push] to acc-42 subject \"Gọi số\": Mời bà "
                                       "Ánh đến quầy số 3. (id " +
                                       id + ")"));
}

TEST_F(Notify, RoutesRefuseMistakesAndNonAdmins) {
  HostProcess host(options());
  host.start();
  const std::string admin = create_key(host, "admin");
  const std::string desk = create_key(host, "receptionist", "front-desk");

  auto doc =
      expect_problem(host.client().post(kBase + "/test", R"({"channel": "fax", "to": "1"})", admin),
                     422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "channel");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("email, push"));
  doc = expect_problem(host.client().post(kBase + "/test", R"({"channel": "sms"})", admin), 422,
                       "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "to");
  expect_problem(host.client().post(kBase + "/test", "[1]", admin), 400, "bad-request");
  expect_problem(host.client().get(kBase + "/no-such-id", admin), 404, "not-found");
  doc = expect_problem(host.client().get(kBase + "?state=lost", admin), 422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "state");
  doc = expect_problem(host.client().get(kBase + "?limit=0", admin), 422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "limit");

  expect_problem(host.client().get(kBase, desk), 403, "forbidden");
  expect_problem(host.client().post(kBase + "/test", R"({"channel": "push", "to": "x"})", desk),
                 403, "forbidden");
  EXPECT_EQ(host.client().get(kBase, admin).json()->getValue<int>("count"), 0);
}

TEST_F(Notify, AChannelMistakeRefusesTheStart) {
  auto missing_url = options({"notify.channels.sms={driver: webhook, secret_env: X}"});
  ProcessResult r = HostProcess::start_and_expect_failure(missing_url);
  EXPECT_EQ(r.exit_code, 78) << all_output(r);
  EXPECT_THAT(r.err, HasSubstr("notify.channels.sms.url: missing"));

  auto unset_secret = options();
  unset_secret.env.erase("HISX_TEST_NOTIFY_SECRET");
  r = HostProcess::start_and_expect_failure(unset_secret);
  EXPECT_EQ(r.exit_code, 78) << all_output(r);
  EXPECT_THAT(r.err, HasSubstr("notify.channels.sms.secret_env: the environment variable "
                               "HISX_TEST_NOTIFY_SECRET is not set"));
}

}  // namespace
}  // namespace hisx::test::integration
