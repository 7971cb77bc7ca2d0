#include "mllp_client.h"

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Timespan.h>

namespace hisx::hl7 {

namespace {

Poco::Timespan timespan(std::chrono::milliseconds ms) {
  return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(ms.count()) * 1000);
}

Exchange failure(Exchange::Outcome outcome, std::string error) {
  Exchange e;
  e.outcome = outcome;
  e.error = std::move(error);
  return e;
}

}  // namespace

MllpClient::MllpClient(std::string host, int port, std::chrono::milliseconds connect_timeout,
                       std::chrono::milliseconds ack_timeout)
    : host_(std::move(host)),
      port_(port),
      connect_timeout_(connect_timeout),
      ack_timeout_(ack_timeout) {}

MllpClient::~MllpClient() { close(); }

void MllpClient::close() noexcept {
  if (!socket_) return;
  try {
    socket_->close();
  } catch (...) {
    // Closing a broken connection may fail; it is dropped either way.
  }
  socket_.reset();
  buffer_.clear();
}

Exchange MllpClient::send(const std::string& message) {
  const std::string where = host_ + ":" + std::to_string(port_);
  if (!socket_) {
    try {
      auto socket = std::make_unique<Poco::Net::StreamSocket>();
      socket->connect(Poco::Net::SocketAddress(host_, static_cast<Poco::UInt16>(port_)),
                      timespan(connect_timeout_));
      socket->setNoDelay(true);
      socket_ = std::move(socket);
    } catch (const Poco::Exception& e) {
      return failure(Exchange::Outcome::kUnreachable,
                     "cannot connect to " + where + ": " + e.displayText());
    } catch (const std::exception& e) {
      return failure(Exchange::Outcome::kUnreachable,
                     "cannot connect to " + where + ": " + e.what());
    }
  }
  try {
    const std::string framed = frame(message);
    std::size_t sent = 0;
    socket_->setSendTimeout(timespan(ack_timeout_));
    while (sent < framed.size()) {
      const int n =
          socket_->sendBytes(framed.data() + sent, static_cast<int>(framed.size() - sent));
      if (n <= 0) throw Poco::Net::NetException("the connection closed while sending");
      sent += static_cast<std::size_t>(n);
    }
    const auto deadline = std::chrono::steady_clock::now() + ack_timeout_;
    char chunk[4096];
    for (;;) {
      if (auto answer = take_frame(buffer_)) {
        auto ack = parse_ack(*answer);
        if (!ack) {
          close();
          return failure(Exchange::Outcome::kBroken,
                         "the answer from " + where + " is not an ACK (no MSA segment)");
        }
        Exchange e;
        e.outcome = Exchange::Outcome::kAcknowledged;
        e.ack = std::move(*ack);
        return e;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) throw Poco::TimeoutException();
      socket_->setReceiveTimeout(timespan(left));
      const int n = socket_->receiveBytes(chunk, sizeof chunk);
      if (n <= 0) throw Poco::Net::NetException("the listener closed the connection");
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  } catch (const Poco::TimeoutException&) {
    close();
    return failure(Exchange::Outcome::kTimedOut, "no ACK from " + where + " within " +
                                                     std::to_string(ack_timeout_.count()) + " ms");
  } catch (const Poco::Exception& e) {
    close();
    return failure(Exchange::Outcome::kBroken, "connection to " + where + ": " + e.displayText());
  } catch (const std::exception& e) {
    close();
    return failure(Exchange::Outcome::kBroken, "connection to " + where + ": " + e.what());
  }
}

}  // namespace hisx::hl7
