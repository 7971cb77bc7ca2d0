// The SMTP driver against a real SMTP listener on loopback (support/smtp_sink.h).
#include "notify/smtp_driver.h"

#include <Poco/Environment.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>
#include <gmock/gmock.h>

#include <sstream>

#include "support/port.h"
#include "support/smtp_sink.h"

namespace hisx::host {
namespace {

using test::SmtpSink;
using ::testing::HasSubstr;

const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1717200000));

SmtpConfig config_for(int port) {
  SmtpConfig c;
  c.host = "127.0.0.1";
  c.port = port;
  c.from = "hisx@benhvien.vn";
  c.timeout = std::chrono::milliseconds(5000);
  return c;
}

OutgoingMessage message() {
  OutgoingMessage m;
  m.id = "9a1b2c3d-0000-4000-8000-00000000e0a1";
  m.channel = "email";
  m.to = "bs.tran@benhvien.vn";
  m.subject = "Kết quả xét nghiệm của bệnh nhân Nguyễn Thị Ánh";
  m.text =
      "Kính gửi bác sĩ Trần,\nKết quả xét nghiệm máu đã có: đường huyết 5,4 mmol/L.\n"
      ".Dòng bắt đầu bằng dấu chấm.\nTrân trọng.";
  return m;
}

std::string crlf_to_lf(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    out += s[i];
  }
  return out;
}

TEST(SmtpDriver, SendsAUtf8MailThatArrivesIntact) {
  SmtpSink sink;
  sdk::ManualClock clock(kNow);
  auto config = config_for(sink.port());
  config.username = "hisx-relay";
  config.password = "mật-khẩu";
  SmtpDriver driver(config, clock);

  Delivery d = driver.deliver(message());
  ASSERT_EQ(d.outcome, Delivery::Outcome::kSent) << d.reason;

  auto mails = sink.mails();
  ASSERT_EQ(mails.size(), 1u);
  const auto& mail = mails[0];
  EXPECT_EQ(mail.helo, Poco::Environment::nodeName());
  EXPECT_EQ(mail.auth_user, "hisx-relay");
  EXPECT_EQ(mail.auth_password, "mật-khẩu");
  EXPECT_EQ(mail.mail_from, "hisx@benhvien.vn");
  EXPECT_EQ(mail.rcpt_to, std::vector<std::string>{"bs.tran@benhvien.vn"});
  // Headers are 7-bit on the wire; a mail reader decodes them back to the Vietnamese subject.
  for (unsigned char c : mail.header("Subject")) EXPECT_LT(c, 0x80) << mail.header("Subject");
  EXPECT_EQ(test::decode_mime_words(mail.header("Subject")), message().subject);
  EXPECT_THAT(mail.header("Content-Type"), HasSubstr("charset=UTF-8"));
  EXPECT_EQ(mail.header("Content-Transfer-Encoding"), "quoted-printable");
  EXPECT_EQ(mail.header("X-Hisx-Message-Id"), message().id);
  EXPECT_EQ(mail.header("Message-ID"), "<" + message().id + "@hisx>");
  EXPECT_THAT(mail.header("To"), HasSubstr("bs.tran@benhvien.vn"));
  EXPECT_EQ(crlf_to_lf(test::decode_quoted_printable(mail.body())), message().text + "\n");
}

// The parts of a received mail as a MIME reader sees them (Poco's MailMessage parser).
struct ReadPart {
  std::string content_type;
  std::string disposition;
  std::string content;
};

class CollectParts : public Poco::Net::PartHandler {
 public:
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    ReadPart part;
    part.content_type = header.get("Content-Type", "");
    part.disposition = header.get("Content-Disposition", "");
    Poco::StreamCopier::copyToString(stream, part.content);
    parts.push_back(std::move(part));
  }
  std::vector<ReadPart> parts;
};

TEST(SmtpDriver, AttachmentsArriveAsMimePartsWithTheirNamesAndBytes) {
  SmtpSink sink;
  sdk::ManualClock clock(kNow);
  SmtpDriver driver(config_for(sink.port()), clock);
  OutgoingMessage m = message();
  const std::string pdf =
      std::string("%PDF-1.5\n\0\x01\xff\xfe binary", 22) + std::string(5000, '\x80');
  m.attachments = {{"bao-cao-ngay-2026-12-01.pdf", "application/pdf", pdf},
                   {"chi-tieu.csv", "text/csv", "khoa,ty_le\nNội,80%\n"}};
  ASSERT_EQ(driver.deliver(m).outcome, Delivery::Outcome::kSent);

  auto mails = sink.mails();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_THAT(mails[0].header("Content-Type"), HasSubstr("multipart/mixed"));
  std::istringstream raw(mails[0].data);
  Poco::Net::MailMessage read;
  CollectParts parts;
  read.read(raw, parts);
  // The text comes first; each file follows with its name and its exact bytes.
  ASSERT_EQ(parts.parts.size(), 3u);
  EXPECT_THAT(parts.parts[0].content_type, HasSubstr("text/plain"));
  EXPECT_EQ(crlf_to_lf(parts.parts[0].content), message().text);
  EXPECT_THAT(parts.parts[1].content_type, HasSubstr("application/pdf"));
  EXPECT_THAT(parts.parts[1].disposition, HasSubstr("attachment"));
  EXPECT_THAT(parts.parts[1].disposition, HasSubstr("bao-cao-ngay-2026-12-01.pdf"));
  EXPECT_EQ(parts.parts[1].content, pdf);
  EXPECT_THAT(parts.parts[2].content_type, HasSubstr("text/csv"));
  EXPECT_EQ(parts.parts[2].content, "khoa,ty_le\nNội,80%\n");
}

TEST(SmtpDriver, AVietnameseSenderNameIsEncodedTheAddressKept) {
  SmtpSink sink;
  sdk::ManualClock clock(kNow);
  auto config = config_for(sink.port());
  config.from = "Bệnh viện Đa khoa Huyện <hisx@benhvien.vn>";
  SmtpDriver driver(config, clock);
  ASSERT_EQ(driver.deliver(message()).outcome, Delivery::Outcome::kSent);
  const auto mails = sink.mails();
  ASSERT_EQ(mails.size(), 1u);
  const auto& mail = mails[0];
  EXPECT_EQ(mail.mail_from, "hisx@benhvien.vn");
  for (unsigned char c : mail.header("From")) EXPECT_LT(c, 0x80) << mail.header("From");
  EXPECT_EQ(test::decode_mime_words(mail.header("From")), config.from);
}

TEST(SmtpDriver, WithoutCredentialsThereIsNoAuth) {
  SmtpSink sink;
  sdk::ManualClock clock(kNow);
  SmtpDriver driver(config_for(sink.port()), clock);
  ASSERT_EQ(driver.deliver(message()).outcome, Delivery::Outcome::kSent);
  ASSERT_EQ(sink.mails().size(), 1u);
  EXPECT_EQ(sink.mails()[0].auth_user, "");
}

TEST(SmtpDriver, TemporaryRefusalIsRetriedPermanentRefusalFails) {
  SmtpSink sink;
  sdk::ManualClock clock(kNow);
  SmtpDriver driver(config_for(sink.port()), clock);
  sink.answer_data_with({451, 550});
  Delivery first = driver.deliver(message());
  EXPECT_EQ(first.outcome, Delivery::Outcome::kRetry) << first.reason;
  EXPECT_THAT(first.reason, HasSubstr("451"));
  Delivery second = driver.deliver(message());
  EXPECT_EQ(second.outcome, Delivery::Outcome::kFailed) << second.reason;
  EXPECT_THAT(second.reason, HasSubstr("550"));
  EXPECT_EQ(driver.deliver(message()).outcome, Delivery::Outcome::kSent);
  EXPECT_EQ(sink.mails().size(), 3u);
}

TEST(SmtpDriver, ConnectionRefusedIsRetried) {
  sdk::ManualClock clock(kNow);
  const int port = test::free_port();
  SmtpDriver driver(config_for(port), clock);
  Delivery d = driver.deliver(message());
  EXPECT_EQ(d.outcome, Delivery::Outcome::kRetry);
  EXPECT_THAT(d.reason, HasSubstr("127.0.0.1:" + std::to_string(port)));
}

TEST(SmtpDriver, StarttlsRequiredButRefusedIsRetried) {
  SmtpSink sink;  // Answers STARTTLS with 454.
  sdk::ManualClock clock(kNow);
  auto config = config_for(sink.port());
  config.starttls = true;
  SmtpDriver driver(config, clock);
  Delivery d = driver.deliver(message());
  EXPECT_EQ(d.outcome, Delivery::Outcome::kRetry);
  EXPECT_THAT(d.reason, HasSubstr("does not accept STARTTLS"));
  EXPECT_TRUE(sink.mails().empty()) << "the mail went out without TLS";
}

}  // namespace
}  // namespace hisx::host
