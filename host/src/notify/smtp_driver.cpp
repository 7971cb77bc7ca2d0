#include "notify/smtp_driver.h"

#include <Poco/Exception.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StringPartSource.h>

#include <memory>

#include "notify/driver.h"
#include "notify/mime_header.h"
#include "notify/tls.h"

namespace hisx::host {

namespace {

// "Bệnh viện <hisx@benhvien.vn>": the display name encoded, the address as it is.
std::string sender(const std::string& from) {
  const auto open = from.rfind('<');
  if (open == std::string::npos || open == 0) return from;
  std::string name = from.substr(0, open);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return encode_mime_header(name) + " " + from.substr(open);
}

}  // namespace

SmtpDriver::SmtpDriver(SmtpConfig config, const sdk::Clock& clock)
    : config_(std::move(config)), clock_(clock) {
  if (config_.starttls) tls_ = client_tls_context(config_.ca_file);
}

Delivery SmtpDriver::deliver(const OutgoingMessage& message) {
  const Poco::Timespan timeout(config_.timeout.count() * 1000);
  const std::string where = config_.host + ":" + std::to_string(config_.port);
  try {
    // STARTTLS checks the certificate against the host name, which only the (host, port)
    // constructor records; without TLS, connect ourselves to bound the connect time too.
    std::unique_ptr<Poco::Net::SecureSMTPClientSession> session;
    if (config_.starttls) {
      session = std::make_unique<Poco::Net::SecureSMTPClientSession>(
          config_.host, static_cast<Poco::UInt16>(config_.port));
    } else {
      Poco::Net::StreamSocket socket;
      socket.connect(
          Poco::Net::SocketAddress(config_.host, static_cast<Poco::UInt16>(config_.port)), timeout);
      session = std::make_unique<Poco::Net::SecureSMTPClientSession>(socket);
    }
    session->setTimeout(timeout);
    session->login();  // EHLO with this machine's name, as RFC 5321 asks.
    if (config_.starttls && !session->startTLS(tls_)) {
      session->close();
      return Delivery::retry(where + " does not accept STARTTLS (starttls is on for this channel)");
    }
    if (!config_.username.empty()) {
      session->login(Poco::Net::SMTPClientSession::AUTH_LOGIN, config_.username, config_.password);
    }

    Poco::Net::MailMessage mail;
    mail.setSender(sender(config_.from));
    mail.addRecipient(
        Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, message.to));
    mail.setSubject(encode_mime_header(message.subject));
    mail.setDate(
        Poco::Timestamp::fromEpochTime(std::chrono::system_clock::to_time_t(clock_.now())));
    mail.set("Message-ID", "<" + message.id + "@hisx>");
    mail.set("X-Hisx-Message-Id", message.id);
    if (message.attachments.empty()) {
      mail.setContentType("text/plain; charset=UTF-8");
      mail.setContent(message.text, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    } else {
      // multipart/mixed: the text first, then each file in base64.
      mail.addContent(new Poco::Net::StringPartSource(message.text, "text/plain; charset=UTF-8"),
                      Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
      for (const auto& file : message.attachments) {
        mail.addAttachment(
            encode_mime_header(file.filename),
            new Poco::Net::StringPartSource(file.content, file.content_type, file.filename),
            Poco::Net::MailMessage::ENCODING_BASE64);
      }
    }
    session->sendMessage(mail);
    try {
      session->close();
    } catch (const Poco::Exception&) {
      // The relay took the message; a failed QUIT changes nothing.
    }
    return Delivery::sent();
  } catch (const Poco::Net::SMTPException& e) {
    const std::string reason = "SMTP " + where + ": " + excerpt(e.displayText());
    if (e.code() >= 500 && e.code() < 600) return Delivery::failed(reason);
    return Delivery::retry(reason);
  } catch (const Poco::TimeoutException&) {
    return Delivery::retry("no answer from " + where + " within " +
                           std::to_string(config_.timeout.count()) + " ms");
  } catch (const Poco::Exception& e) {
    return Delivery::retry(where + ": " + e.displayText());
  } catch (const std::exception& e) {
    return Delivery::retry(where + ": " + std::string(e.what()));
  }
}

}  // namespace hisx::host
