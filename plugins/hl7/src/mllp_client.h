#pragma once

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <memory>
#include <string>

#include "mllp.h"

namespace hisx::hl7 {

/// How one exchange with the listener ended.
struct Exchange {
  enum class Outcome {
    kAcknowledged,  ///< An ACK came back (accepted or not: see ack).
    kUnreachable,   ///< No connection: refused, unresolvable host, connect timeout.
    kTimedOut,      ///< Sent, but no ACK within the timeout.
    kBroken,        ///< The connection failed while sending or reading, or the answer is no ACK.
  };
  Outcome outcome = Outcome::kBroken;
  Acknowledgment ack;  ///< kAcknowledged only.
  std::string error;   ///< What went wrong, for the operator (not kAcknowledged).
};

/// An MLLP connection to the HIS's listener, opened on first use and kept for the messages
/// that follow; closed after any failure, so that the next exchange starts afresh.
class MllpClient {
 public:
  MllpClient(std::string host, int port, std::chrono::milliseconds connect_timeout,
             std::chrono::milliseconds ack_timeout);
  ~MllpClient();
  MllpClient(const MllpClient&) = delete;
  MllpClient& operator=(const MllpClient&) = delete;

  /// Sends `message` framed and waits for its ACK.
  Exchange send(const std::string& message);

 private:
  void close() noexcept;

  std::string host_;
  int port_;
  std::chrono::milliseconds connect_timeout_;
  std::chrono::milliseconds ack_timeout_;
  std::unique_ptr<Poco::Net::StreamSocket> socket_;
  std::string buffer_;
};

}  // namespace hisx::hl7
