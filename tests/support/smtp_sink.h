#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace Poco::Net {
class TCPServer;
}

namespace hisx::test {

/// One message transaction (MAIL FROM … DATA) as the SMTP sink received it.
struct SmtpMail {
  std::string helo;                  ///< The EHLO/HELO argument of the session.
  std::string auth_user;             ///< AUTH LOGIN user name (decoded), if any.
  std::string auth_password;         ///< AUTH LOGIN password (decoded), if any.
  std::string mail_from;             ///< The MAIL FROM address, without < >.
  std::vector<std::string> rcpt_to;  ///< The RCPT TO addresses, without < >.
  std::string data;                  ///< The message (headers and body), dot-unstuffed, CRLF.
  int answer = 250;                  ///< What the sink answered to the end of DATA.

  /// The value of header `name` (unfolded), empty when absent.
  std::string header(const std::string& name) const;
  /// The body: everything after the blank line ending the headers.
  std::string body() const;
};

/// A real SMTP server on 127.0.0.1 (a free port) for tests: it speaks EHLO/HELO, AUTH LOGIN,
/// MAIL FROM, RCPT TO, DATA, RSET, NOOP and QUIT (STARTTLS is refused with 454), records
/// every message and answers 250 at the end of DATA, or the codes queued with
/// answer_data_with() first (e.g. 451 for a passing failure, 550 for a refusal).
class SmtpSink {
 public:
  SmtpSink();
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }

  /// The next messages are answered with these codes, in order; later ones with 250.
  void answer_data_with(std::vector<int> codes);
  /// Every message so far, accepted or not.
  std::vector<SmtpMail> mails() const;
  /// Waits until at least `count` messages arrived or `timeout` passed; returns them all.
  std::vector<SmtpMail> wait_for(std::size_t count,
                                 std::chrono::seconds timeout = std::chrono::seconds(30));

  /// Records a message and returns the code to answer (the connection handler calls this).
  int record(SmtpMail mail);

 private:
  mutable std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<SmtpMail> mails_;
  std::deque<int> answers_;
  std::unique_ptr<Poco::Net::TCPServer> server_;
  int port_ = 0;
};

/// Decodes RFC 2047 encoded words ("=?UTF-8?Q?…?=", "=?UTF-8?B?…?="), as a mail reader
/// shows a header; whitespace (folding line breaks too) between two encoded words is dropped,
/// as the RFC says.
std::string decode_mime_words(const std::string& header);

/// Decodes a quoted-printable body (RFC 2045): "=XX" bytes and "=" soft line breaks.
std::string decode_quoted_printable(const std::string& text);

}  // namespace hisx::test
