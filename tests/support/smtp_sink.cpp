#include "support/smtp_sink.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/Net/TCPServerParams.h>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace hisx::test {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string base64_decode(const std::string& text) {
  std::istringstream in(text);
  Poco::Base64Decoder decoder(in);
  std::string out;
  char c;
  while (decoder.get(c)) out += c;
  return out;
}

// "MAIL FROM:<a@b> SIZE=10" → "a@b".
std::string address_of(const std::string& argument) {
  const auto open = argument.find('<');
  const auto close = argument.find('>', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return argument;
  return argument.substr(open + 1, close - open - 1);
}

class SmtpConnection : public Poco::Net::TCPServerConnection {
 public:
  SmtpConnection(const Poco::Net::StreamSocket& socket, SmtpSink& sink)
      : TCPServerConnection(socket), sink_(sink) {}

  void run() override {
    socket().setReceiveTimeout(Poco::Timespan(30, 0));
    Poco::Net::SocketStream io(socket());
    auto reply = [&](const std::string& line) { io << line << "\r\n" << std::flush; };
    auto read_line = [&](std::string& line) {
      if (!std::getline(io, line)) return false;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    };
    reply("220 smtp-sink ESMTP ready");
    SmtpMail mail;
    std::string line;
    try {
      while (read_line(line)) {
        const std::string verb = lower(line.substr(0, line.find(' ')));
        const std::string argument =
            line.find(' ') == std::string::npos ? "" : line.substr(line.find(' ') + 1);
        if (verb == "ehlo") {
          mail.helo = argument;
          reply("250-smtp-sink");
          reply("250-AUTH LOGIN");
          reply("250 8BITMIME");
        } else if (verb == "helo") {
          mail.helo = argument;
          reply("250 smtp-sink");
        } else if (verb == "auth") {
          if (lower(argument.substr(0, 5)) != "login") {
            reply("504 only AUTH LOGIN here");
            continue;
          }
          std::string user = argument.size() > 6 ? argument.substr(6) : "";
          if (user.empty()) {
            reply("334 VXNlcm5hbWU6");  // "Username:"
            if (!read_line(user)) return;
          }
          reply("334 UGFzc3dvcmQ6");  // "Password:"
          std::string password;
          if (!read_line(password)) return;
          mail.auth_user = base64_decode(user);
          mail.auth_password = base64_decode(password);
          reply("235 authenticated");
        } else if (verb == "mail") {
          mail.mail_from = address_of(argument);
          mail.rcpt_to.clear();
          reply("250 sender ok");
        } else if (verb == "rcpt") {
          mail.rcpt_to.push_back(address_of(argument));
          reply("250 recipient ok");
        } else if (verb == "data") {
          reply("354 end with <CRLF>.<CRLF>");
          std::string data;
          while (read_line(line) && line != ".") {
            if (line.rfind("..", 0) == 0) line.erase(0, 1);  // Dot-unstuffing.
            data += line + "\r\n";
          }
          mail.data = data;
          const int code = sink_.record(mail);
          reply(std::to_string(code) + (code / 100 == 2   ? " queued"
                                        : code / 100 == 4 ? " try again later"
                                                          : " rejected"));
        } else if (verb == "rset") {
          mail.mail_from.clear();
          mail.rcpt_to.clear();
          reply("250 reset");
        } else if (verb == "noop") {
          reply("250 ok");
        } else if (verb == "starttls") {
          reply("454 TLS not available");
        } else if (verb == "quit") {
          reply("221 bye");
          return;
        } else {
          reply("502 command not implemented");
        }
      }
    } catch (const std::exception&) {
      // The client went away; nothing to record.
    }
  }

 private:
  SmtpSink& sink_;
};

class SmtpFactory : public Poco::Net::TCPServerConnectionFactory {
 public:
  explicit SmtpFactory(SmtpSink& sink) : sink_(sink) {}
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    return new SmtpConnection(socket, sink_);
  }

 private:
  SmtpSink& sink_;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The Q encoding of RFC 2047: like quoted-printable, with '_' for a space.
std::string decode_q(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_') {
      out += ' ';
    } else if (text[i] == '=' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::string SmtpMail::header(const std::string& name) const {
  std::istringstream in(data);
  std::string line, value;
  bool in_header = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) break;
    if (line[0] == ' ' || line[0] == '\t') {
      if (in_header) value += line;  // Folded continuation.
      continue;
    }
    if (in_header) return value;
    const auto colon = line.find(':');
    if (colon != std::string::npos && lower(line.substr(0, colon)) == lower(name)) {
      in_header = true;
      value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    }
  }
  return in_header ? value : std::string();
}

std::string SmtpMail::body() const {
  const auto end = data.find("\r\n\r\n");
  return end == std::string::npos ? std::string() : data.substr(end + 4);
}

SmtpSink::SmtpSink() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  port_ = socket.address().port();
  Poco::Net::TCPServerParams::Ptr params = new Poco::Net::TCPServerParams;
  params->setMaxThreads(4);
  server_ = std::make_unique<Poco::Net::TCPServer>(new SmtpFactory(*this), socket, params);
  server_->start();
}

SmtpSink::~SmtpSink() { server_->stop(); }

void SmtpSink::answer_data_with(std::vector<int> codes) {
  std::lock_guard lock(mutex_);
  answers_.assign(codes.begin(), codes.end());
}

std::vector<SmtpMail> SmtpSink::mails() const {
  std::lock_guard lock(mutex_);
  return mails_;
}

std::vector<SmtpMail> SmtpSink::wait_for(std::size_t count, std::chrono::seconds timeout) {
  std::unique_lock lock(mutex_);
  arrived_.wait_for(lock, timeout, [&] { return mails_.size() >= count; });
  return mails_;
}

int SmtpSink::record(SmtpMail mail) {
  int code = 250;
  {
    std::lock_guard lock(mutex_);
    if (!answers_.empty()) {
      code = answers_.front();
      answers_.pop_front();
    }
    mail.answer = code;
    mails_.push_back(std::move(mail));
  }
  arrived_.notify_all();
  return code;
}

std::string decode_mime_words(const std::string& header) {
  std::string out;
  std::string pending_space;
  bool last_was_word = false;
  std::size_t i = 0;
  while (i < header.size()) {
    if (header.compare(i, 2, "=?") == 0) {
      const auto q1 = header.find('?', i + 2);
      const auto q2 = q1 == std::string::npos ? q1 : header.find('?', q1 + 1);
      const auto end = q2 == std::string::npos ? q2 : header.find("?=", q2 + 1);
      if (end != std::string::npos) {
        const std::string encoding = lower(header.substr(q1 + 1, q2 - q1 - 1));
        const std::string text = header.substr(q2 + 1, end - q2 - 1);
        if (!last_was_word) out += pending_space;
        pending_space.clear();
        out += encoding == "b" ? base64_decode(text) : decode_q(text);
        last_was_word = true;
        i = end + 2;
        continue;
      }
    }
    if (header[i] == ' ' || header[i] == '\t' || header[i] == '\r' || header[i] == '\n') {
      pending_space += header[i];
    } else {
      out += pending_space;
      pending_space.clear();
      out += header[i];
      last_was_word = false;
    }
    ++i;
  }
  return out + (last_was_word ? "" : pending_space);
}

std::string decode_quoted_printable(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out += text[i];
    } else if (text.compare(i + 1, 2, "\r\n") == 0) {
      i += 2;  // Soft line break.
    } else if (i + 1 < text.size() && text[i + 1] == '\n') {
      i += 1;
    } else if (i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace hisx::test
