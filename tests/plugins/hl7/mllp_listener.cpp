#include "mllp_listener.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Timespan.h>

#include "mllp.h"

namespace hisx::test::hl7 {

namespace {

const Poco::Timespan kPoll(0, 50 * 1000);

}  // namespace

MllpListener::MllpListener(std::uint16_t port, std::vector<Reply> script)
    : script_(script.begin(), script.end()) {
  server_.bind(Poco::Net::SocketAddress("127.0.0.1", port), true);
  server_.listen();
  port_ = server_.address().port();
  thread_ = std::thread([this] { serve(); });
}

MllpListener::~MllpListener() {
  stop_ = true;
  thread_.join();
  server_.close();
}

std::vector<std::string> MllpListener::received() const {
  std::lock_guard lock(mutex_);
  return received_;
}

std::uint16_t MllpListener::free_port() {
  Poco::Net::ServerSocket probe;
  probe.bind(Poco::Net::SocketAddress("127.0.0.1", 0), true);
  const std::uint16_t port = probe.address().port();
  probe.close();
  return port;
}

Reply MllpListener::next_reply() {
  std::lock_guard lock(mutex_);
  if (script_.empty()) return Reply::kAA;
  const Reply r = script_.front();
  script_.pop_front();
  return r;
}

void MllpListener::serve() {
  while (!stop_) {
    if (!server_.poll(kPoll, Poco::Net::Socket::SELECT_READ)) continue;
    Poco::Net::StreamSocket connection = server_.acceptConnection();
    serve_connection(connection);
  }
}

void MllpListener::serve_connection(Poco::Net::StreamSocket& connection) {
  std::string buffer;
  char chunk[4096];
  while (!stop_) {
    if (!connection.poll(kPoll, Poco::Net::Socket::SELECT_READ)) continue;
    int n = 0;
    try {
      n = connection.receiveBytes(chunk, sizeof chunk);
    } catch (const Poco::Exception&) {
      return;
    }
    if (n <= 0) return;  // The sender closed the connection.
    buffer.append(chunk, static_cast<std::size_t>(n));
    while (auto message = hisx::hl7::take_frame(buffer)) {
      {
        std::lock_guard lock(mutex_);
        received_.push_back(*message);
      }
      const Reply reply = next_reply();
      if (reply == Reply::kSilent) continue;
      const char* code = reply == Reply::kAA ? "AA" : reply == Reply::kAE ? "AE" : "AR";
      const std::string ack = hisx::hl7::frame(hisx::hl7::make_ack(
          *message, code, reply == Reply::kAA ? "" : "Hệ thống bận / busy, try again"));
      try {
        connection.sendBytes(ack.data(), static_cast<int>(ack.size()));
      } catch (const Poco::Exception&) {
        return;
      }
    }
  }
}

}  // namespace hisx::test::hl7
