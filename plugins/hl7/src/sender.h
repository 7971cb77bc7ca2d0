#pragma once

#include <atomic>
#include <mutex>

#include "environment.h"
#include "hisx/metrics.h"
#include "hisx/scheduler.h"

namespace hisx::hl7 {

/// What one run of the sender did.
struct SendReport {
  int acknowledged = 0;  ///< Accepted by the receiver (AA, CA).
  int refused = 0;       ///< Answered AE, AR, CE, CR (or a wrong ACK): retried later.
  int unanswered = 0;    ///< Unreachable, timed out, broken: retried later.
};

/// Sends the due messages over MLLP, oldest first and, per patient, only after the patient's
/// earlier messages are acknowledged (a refused message holds back that patient's later ones,
/// never another patient's). An unreachable or silent listener ends the run: the rest wait for
/// the next one. Does nothing without an endpoint. No transaction is open during network I/O.
class Sender {
 public:
  explicit Sender(Environment& env);

  /// One run (the job's work).
  SendReport run(const sdk::JobRun* job = nullptr);

  /// Registers the periodic job (`send_schedule`) and a first run at start-up.
  void schedule();

  /// Asks for a run as soon as possible (a retry by hand).
  void run_soon();

 private:
  void note_endpoint(bool reachable, const std::string& error);

  Environment& env_;
  sdk::Counter& attempts_;  ///< hisx_hl7_attempts_total{outcome}.
  std::atomic<bool> endpoint_down_{false};
  std::mutex run_mutex_;
};

}  // namespace hisx::hl7
