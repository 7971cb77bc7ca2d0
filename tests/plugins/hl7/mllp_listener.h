#pragma once

// A loopback MLLP listener for the hl7 plugin's tests: a real TCP socket on 127.0.0.1 that
// takes framed messages, records them and answers each with the next scripted reply (AA once
// the script is used up).

#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hisx::test::hl7 {

/// What the listener answers to one message.
enum class Reply { kAA, kAE, kAR, kSilent };

class MllpListener {
 public:
  /// Listens on 127.0.0.1:`port` (0: a free port) and answers with `script`, in order.
  explicit MllpListener(std::uint16_t port = 0, std::vector<Reply> script = {});
  ~MllpListener();
  MllpListener(const MllpListener&) = delete;
  MllpListener& operator=(const MllpListener&) = delete;

  std::uint16_t port() const { return port_; }
  /// Every message received so far (unframed), in order.
  std::vector<std::string> received() const;

  /// A port on 127.0.0.1 that nothing listens on (bound, then released).
  static std::uint16_t free_port();

 private:
  void serve();
  void serve_connection(Poco::Net::StreamSocket& connection);
  Reply next_reply();

  Poco::Net::ServerSocket server_;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::deque<Reply> script_;
  std::vector<std::string> received_;
  std::thread thread_;
};

}  // namespace hisx::test::hl7
