// The outbox and the sender on a real database (SQLite and PostgreSQL), with the real
// webhook and log drivers talking to a real HTTP sink; time is a manual clock.
#include <gmock/gmock.h>

#include <atomic>
#include <set>
#include <thread>

#include "db/migrator.h"
#include "notify/notification_service.h"
#include "notify/notify_migrations.h"
#include "support/smtp_sink.h"
#include "support/webhook_sink.h"
#include "unit/db/test_database.h"

namespace hisx::host {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const auto kStart = std::chrono::system_clock::time_point(std::chrono::seconds(1717200000));

class SenderTest : public ::testing::TestWithParam<std::string> {
 protected:
  SenderTest() : db_(GetParam()), pool_(db_.open(4)), clock_(kStart) {
    Migrator(*pool_).apply("host_notify", notify_migrations());
  }

  NotifyConfig config(int max_attempts = 4) {
    NotifyConfig c;
    ChannelConfig sms;
    sms.name = "sms";
    sms.driver = DriverKind::kWebhook;
    sms.webhook.url = sink_.url("/sms");
    sms.webhook.secret = "sender-test-secret";
    sms.webhook.body = R"({"phone": "{{to}}", "message": "{{text}}"})";
    sms.webhook.timeout = milliseconds(5000);
    c.channels["sms"] = sms;
    ChannelConfig push;
    push.name = "push";
    push.driver = DriverKind::kLog;
    c.channels["push"] = push;
    c.max_attempts = max_attempts;
    c.retry_base = milliseconds(200);
    c.retry_max = seconds(10);
    c.poll_interval = milliseconds(20);
    c.lease = seconds(60);
    return c;
  }

  std::unique_ptr<NotificationService> service(NotifyConfig c, DatabasePool* pool = nullptr) {
    return std::make_unique<NotificationService>(pool ? *pool : *pool_, clock_, std::move(c));
  }

  static sdk::Message sms(const std::string& text, const std::string& dedupe = {}) {
    sdk::Message m;
    m.channel = "sms";
    m.to = "0912345678";
    m.text = text;
    m.dedupe_key = dedupe;
    return m;
  }

  std::string send(NotificationService& s, const sdk::Message& m) {
    std::string id;
    sdk::with_transaction(*pool_, [&](soci::session& tx) { id = s.send(tx, m); });
    return id;
  }

  int rows() {
    soci::session s(pool_->pool());
    int n = 0;
    s << "SELECT COUNT(*) FROM hisx_host_notifications", soci::into(n);
    return n;
  }

  test::TestDatabase db_;
  std::shared_ptr<DatabasePool> pool_;
  sdk::ManualClock clock_;
  test::WebhookSink sink_;
};

TEST_P(SenderTest, QueuesInTheCallersTransactionAndSendsOnce) {
  auto notifier = service(config());
  const std::string id = send(*notifier, sms("Nhắc lịch khám: 8:30 sáng mai, phòng 105."));
  auto queued = notifier->status(id);
  ASSERT_TRUE(queued);
  EXPECT_EQ(queued->state, "queued");
  EXPECT_EQ(queued->attempts, 0);
  EXPECT_TRUE(sink_.requests().empty());

  EXPECT_EQ(notifier->deliver_due(), 1);
  auto sent = notifier->status(id);
  ASSERT_TRUE(sent);
  EXPECT_EQ(sent->state, "sent");
  EXPECT_EQ(sent->attempts, 1);
  EXPECT_EQ(sent->last_error, "");
  EXPECT_EQ(sent->sent_at, "2024-06-01T00:00:00.000Z");
  auto requests = sink_.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].header("X-Hisx-Message-Id"), id);
  EXPECT_THAT(requests[0].body, HasSubstr("Nhắc lịch khám: 8:30 sáng mai, phòng 105."));

  // Sent is final: nothing more to do.
  EXPECT_EQ(notifier->deliver_due(), 0);
  EXPECT_EQ(sink_.requests().size(), 1u);
}

TEST_P(SenderTest, AttachmentsAreKeptWithTheMessageAndSentByEmail) {
  test::SmtpSink smtp;
  NotifyConfig c = config();
  ChannelConfig email;
  email.name = "email";
  email.driver = DriverKind::kSmtp;
  email.smtp.host = "127.0.0.1";
  email.smtp.port = smtp.port();
  email.smtp.from = "hisx@benhvien.vn";
  email.smtp.timeout = milliseconds(5000);
  c.channels["email"] = email;
  auto notifier = service(c);
  sdk::Message m;
  m.channel = "email";
  m.to = "giamdoc@benhvien.vn";
  m.subject = "Báo cáo ngày 01/12/2026";
  m.text = "Kính gửi Ban Giám đốc, báo cáo ngày đính kèm.";
  const std::string pdf = std::string("%PDF-1.5\n\0\xff", 12) + std::string(3000, 'x');
  m.attachments = {{"bao-cao-2026-12-01.pdf", "application/pdf", pdf}};
  const std::string id = send(*notifier, m);
  EXPECT_EQ(notifier->deliver_due(), 1);
  EXPECT_EQ(notifier->status(id)->state, "sent") << notifier->status(id)->last_error;
  auto mails = smtp.mails();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_THAT(mails[0].data, HasSubstr("bao-cao-2026-12-01.pdf"));
  EXPECT_THAT(mails[0].header("Content-Type"), HasSubstr("multipart/mixed"));
}

TEST_P(SenderTest, AttachmentsAreRefusedWhereTheyCannotGoOrAreMisnamed) {
  auto notifier = service(config());
  auto refusal = [&](sdk::Message m) {
    try {
      send(*notifier, m);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("(queued)");
  };
  sdk::Message m = sms("Kết quả xét nghiệm");
  m.attachments = {{"ket-qua.pdf", "application/pdf", "%PDF"}};
  EXPECT_THAT(refusal(m), HasSubstr("channel 'sms' cannot carry attachments"));
  m.channel = "push";  // the log driver takes them
  m.attachments = {{"../../etc/passwd", "text/plain", "x"}};
  EXPECT_THAT(refusal(m), HasSubstr("without folders or control characters"));
  m.attachments = {{"ket-qua.pdf", "pdf", "x"}};
  EXPECT_THAT(refusal(m), HasSubstr("needs a content type"));
  m.attachments = {{"lon.bin", "application/octet-stream", std::string(10 * 1024 * 1024 + 1, 'x')}};
  EXPECT_THAT(refusal(m), HasSubstr("exceed the 10 MB"));
  EXPECT_EQ(rows(), 0);
}

TEST_P(SenderTest, ARolledBackSendLeavesNoMessage) {
  auto notifier = service(config());
  EXPECT_THROW(sdk::with_transaction(*pool_,
                                     [&](soci::session& tx) {
                                       notifier->send(tx, sms("never"));
                                       throw std::runtime_error("the booking failed");
                                     }),
               std::runtime_error);
  EXPECT_EQ(rows(), 0);
  EXPECT_EQ(notifier->deliver_due(), 0);
  EXPECT_TRUE(sink_.requests().empty());
}

TEST_P(SenderTest, ADedupeKeyQueuesOneMessage) {
  auto notifier = service(config());
  const std::string first = send(*notifier, sms("Nhắc lịch lần 1", "reminder:booking-12"));
  const std::string again = send(*notifier, sms("Nhắc lịch lần 2", "reminder:booking-12"));
  const std::string other = send(*notifier, sms("Lịch khác", "reminder:booking-13"));
  const std::string plain1 = send(*notifier, sms("Không có khóa"));
  const std::string plain2 = send(*notifier, sms("Không có khóa"));
  EXPECT_EQ(first, again);
  EXPECT_NE(first, other);
  EXPECT_NE(plain1, plain2);
  EXPECT_EQ(rows(), 4);
  EXPECT_EQ(notifier->find(first)->text, "Nhắc lịch lần 1");
}

TEST_P(SenderTest, RetriesWithBackoffUntilSent) {
  auto notifier = service(config());
  sink_.answer_next({{500, "gateway down"}, {502, "still down"}});
  const std::string id = send(*notifier, sms("Kết quả xét nghiệm đã có."));

  EXPECT_EQ(notifier->deliver_due(), 1);
  auto n = notifier->find(id);
  EXPECT_EQ(n->state, "queued");
  EXPECT_EQ(n->attempts, 1);
  EXPECT_THAT(n->last_error, StartsWith("HTTP 500"));
  EXPECT_THAT(n->last_error, HasSubstr("gateway down"));
  EXPECT_EQ(n->next_attempt_at, utc_text(kStart + milliseconds(200)));

  // Not due before its time.
  clock_.advance(milliseconds(199));
  EXPECT_EQ(notifier->deliver_due(), 0);
  clock_.advance(milliseconds(1));
  EXPECT_EQ(notifier->deliver_due(), 1);
  n = notifier->find(id);
  EXPECT_EQ(n->attempts, 2);
  EXPECT_THAT(n->last_error, StartsWith("HTTP 502"));
  // The second delay is twice the first.
  EXPECT_EQ(n->next_attempt_at, utc_text(kStart + milliseconds(200 + 400)));

  clock_.advance(milliseconds(399));
  EXPECT_EQ(notifier->deliver_due(), 0);
  clock_.advance(milliseconds(1));
  EXPECT_EQ(notifier->deliver_due(), 1);
  auto status = notifier->status(id);
  EXPECT_EQ(status->state, "sent");
  EXPECT_EQ(status->attempts, 3);
  EXPECT_EQ(status->last_error, "");
  // Every attempt carried the same message id, for the receiver to deduplicate.
  auto requests = sink_.requests();
  ASSERT_EQ(requests.size(), 3u);
  for (const auto& r : requests) EXPECT_EQ(r.header("X-Hisx-Message-Id"), id);
}

TEST_P(SenderTest, AClientErrorFailsAtOnceWithTheReason) {
  auto notifier = service(config());
  sink_.answer_next({{400, "invalid phone number"}});
  const std::string id = send(*notifier, sms("Tin nhắn"));
  EXPECT_EQ(notifier->deliver_due(), 1);
  auto status = notifier->status(id);
  EXPECT_EQ(status->state, "failed");
  EXPECT_EQ(status->attempts, 1);
  EXPECT_EQ(status->last_error, "HTTP 400 Bad Request: invalid phone number");
  clock_.advance(seconds(3600));
  EXPECT_EQ(notifier->deliver_due(), 0);
  EXPECT_EQ(sink_.requests().size(), 1u);
}

TEST_P(SenderTest, GivesUpAfterMaxAttempts) {
  auto notifier = service(config(/*max_attempts=*/2));
  sink_.answer_next({{503, "busy"}, {503, "busy"}, {503, "busy"}});
  const std::string id = send(*notifier, sms("Tin nhắn"));
  EXPECT_EQ(notifier->deliver_due(), 1);
  clock_.advance(seconds(1));
  EXPECT_EQ(notifier->deliver_due(), 1);
  auto status = notifier->status(id);
  EXPECT_EQ(status->state, "failed");
  EXPECT_EQ(status->attempts, 2);
  EXPECT_THAT(status->last_error, StartsWith("gave up after 2 attempts: HTTP 503"));
  clock_.advance(seconds(60));
  EXPECT_EQ(notifier->deliver_due(), 0);
  EXPECT_EQ(sink_.requests().size(), 2u);
}

TEST_P(SenderTest, RefusesUnknownChannelsAndEmptyMessages) {
  auto notifier = service(config());
  sdk::Message m = sms("x");
  m.channel = "fax";
  try {
    send(*notifier, m);
    FAIL() << "an unknown channel was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("unknown notification channel 'fax'"));
    EXPECT_THAT(e.what(), HasSubstr("push, sms"));
  }
  m = sms("x");
  m.to = "";
  EXPECT_THROW(send(*notifier, m), std::invalid_argument);
  EXPECT_THROW(send(*notifier, sms("")), std::invalid_argument);
  EXPECT_EQ(rows(), 0);
  EXPECT_FALSE(notifier->status("no-such-id"));
}

TEST_P(SenderTest, AMessageOnAChannelNoLongerConfiguredFails) {
  auto before = service(config());
  const std::string id = send(*before, sms("x"));
  NotifyConfig without_sms = config();
  without_sms.channels.erase("sms");
  auto after = service(without_sms);
  EXPECT_EQ(after->deliver_due(), 1);
  auto status = after->status(id);
  EXPECT_EQ(status->state, "failed");
  EXPECT_THAT(status->last_error, HasSubstr("the channel 'sms' is not configured"));
}

TEST_P(SenderTest, TwoHostsNeverSendOneMessageTwice) {
  auto second_pool = db_.open(4);
  auto host_a = service(config());
  auto host_b = service(config(), second_pool.get());
  constexpr int kMessages = 30;
  std::set<std::string> ids;
  for (int i = 0; i < kMessages; ++i) {
    ids.insert(send(*host_a, sms("Tin số " + std::to_string(i))));
  }

  std::atomic<int> claimed{0};
  auto work = [&](NotificationService& host) {
    for (int round = 0; round < 200 && claimed.load() < kMessages; ++round) {
      claimed += host.deliver_due();
    }
  };
  std::thread a([&] { work(*host_a); });
  std::thread b([&] { work(*host_b); });
  a.join();
  b.join();

  EXPECT_EQ(claimed.load(), kMessages);
  auto requests = sink_.requests();
  ASSERT_EQ(requests.size(), static_cast<std::size_t>(kMessages));
  std::set<std::string> delivered;
  for (const auto& r : requests) delivered.insert(r.header("X-Hisx-Message-Id"));
  EXPECT_EQ(delivered, ids);
  for (const auto& id : ids) {
    auto status = host_a->status(id);
    EXPECT_EQ(status->state, "sent") << id;
    EXPECT_EQ(status->attempts, 1) << id;
  }
}

TEST_P(SenderTest, AnExpiredClaimIsTakenOverAndTheLateOutcomeIgnored) {
  auto notifier = service(config());
  const std::string id = send(*notifier, sms("Tin nhắn"));
  // A host claims the message, then dies before recording anything.
  NotificationStore store(*pool_);
  auto claimed = store.claim_due("crashed-host", kStart, kStart + seconds(60), 10, 4);
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(notifier->status(id)->state, "sending");

  EXPECT_EQ(notifier->deliver_due(), 0) << "taken over while the claim still held";
  clock_.advance(seconds(60));
  EXPECT_EQ(notifier->deliver_due(), 1);
  auto status = notifier->status(id);
  EXPECT_EQ(status->state, "sent");
  EXPECT_EQ(status->attempts, 2);
  EXPECT_EQ(sink_.requests().size(), 1u);

  // The crashed host coming back cannot overwrite the outcome.
  EXPECT_FALSE(store.mark_failed(id, "crashed-host", "late"));
  EXPECT_EQ(notifier->status(id)->state, "sent");
}

TEST_P(SenderTest, AnAbandonedLastAttemptFails) {
  auto notifier = service(config(/*max_attempts=*/1));
  const std::string id = send(*notifier, sms("Tin nhắn"));
  NotificationStore store(*pool_);
  ASSERT_EQ(store.claim_due("crashed-host", kStart, kStart + seconds(60), 10, 1).size(), 1u);
  clock_.advance(seconds(61));
  EXPECT_EQ(notifier->deliver_due(), 0);
  auto status = notifier->status(id);
  EXPECT_EQ(status->state, "failed");
  EXPECT_THAT(status->last_error, HasSubstr("stopped before recording the outcome"));
  EXPECT_TRUE(sink_.requests().empty());
}

TEST_P(SenderTest, ReleasedClaimsAreDueAgainWithoutCountingAnAttempt) {
  auto notifier = service(config());
  const std::string id = send(*notifier, sms("Tin nhắn"));
  NotificationStore store(*pool_);
  ASSERT_EQ(store.claim_due("stopping-host", kStart, kStart + seconds(60), 10, 4).size(), 1u);
  EXPECT_TRUE(store.release(id, "stopping-host"));
  EXPECT_EQ(notifier->deliver_due(), 1);
  EXPECT_EQ(notifier->status(id)->state, "sent");
  EXPECT_EQ(notifier->status(id)->attempts, 1);
}

TEST_P(SenderTest, ListsNewestFirstByStateAndChannel) {
  auto notifier = service(config());
  sink_.answer_next({{400, "no"}});
  const std::string failed = send(*notifier, sms("1"));
  clock_.advance(milliseconds(10));
  sdk::Message push;
  push.channel = "push";
  push.to = "acc-1";
  push.text = "2";
  const std::string pushed = send(*notifier, push);
  clock_.advance(milliseconds(10));
  ASSERT_EQ(notifier->deliver_due(), 2);
  const std::string queued = send(*notifier, sms("3"));

  auto all = notifier->list({});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, queued);
  EXPECT_EQ(all[1].id, pushed);
  EXPECT_EQ(all[2].id, failed);
  EXPECT_EQ(all[2].state, "failed");
  EXPECT_EQ(all[1].state, "sent");

  auto sms_only = notifier->list({"", "sms", 50});
  ASSERT_EQ(sms_only.size(), 2u);
  EXPECT_EQ(sms_only[0].id, queued);
  auto failed_sms = notifier->list({"failed", "sms", 50});
  ASSERT_EQ(failed_sms.size(), 1u);
  EXPECT_EQ(failed_sms[0].id, failed);
  EXPECT_EQ(notifier->list({"sent", "", 50}).size(), 1u);
  EXPECT_EQ(notifier->list({"", "", 1}).size(), 1u);
}

TEST_P(SenderTest, TheBackgroundSenderDeliversAfterAWake) {
  auto notifier = service(config());
  notifier->start();
  const std::string id = send(*notifier, sms("Qua luồng gửi nền"));
  notifier->wake();
  const auto deadline = std::chrono::steady_clock::now() + seconds(30);
  while (notifier->status(id)->state != "sent" && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(20));
  }
  notifier->stop();
  EXPECT_EQ(notifier->status(id)->state, "sent");
  EXPECT_EQ(sink_.requests().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, SenderTest, ::testing::Values("sqlite3", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace hisx::host
