#include "sender.h"

#include <mutex>
#include <stdexcept>

#include "hisx/database.h"
#include "message_store.h"
#include "mllp_client.h"

namespace hisx::hl7 {

namespace {

// Runs `work` in its own short store transaction.
template <typename Work>
void in_store(Environment& env, Work work) {
  sdk::with_transaction(env.context.store(), [&](soci::session& s) { work(s); });
}

}  // namespace

Sender::Sender(Environment& env)
    : env_(env),
      attempts_(env.context.metrics().counter(
          "hisx_hl7_attempts_total",
          "HL7 messages sent to the HIS, by outcome: acked, refused (AE/AR), unanswered")) {}

SendReport Sender::run(const sdk::JobRun* job) {
  SendReport report;
  if (!env_.settings.has_endpoint()) return report;
  // The periodic run and a retry's run may overlap: one sender at a time in this host.
  std::lock_guard lock(run_mutex_);
  MllpClient client(env_.settings.host, env_.settings.port, env_.settings.connect_timeout,
                    env_.settings.ack_timeout);
  int budget = env_.settings.batch_size;
  // Pass after pass: a message acknowledged in one lets its patient's next one go in the next.
  for (bool progress = true; progress && budget > 0;) {
    progress = false;
    std::vector<StoredMessage> due;
    {
      const auto lease = env_.context.store().session();
      due = list_due(*lease, env_.now_text(), budget);
    }
    for (const auto& m : due) {
      if (job) job->throw_if_stop_requested();
      --budget;
      const auto now = env_.now();
      const int attempt = m.attempts + 1;
      const std::string next = sdk::format_utc(now + retry_delay(env_.settings, attempt));
      bool claimed = false;
      in_store(env_, [&](soci::session& s) {
        claimed = mark_sending(s, m.id, m.attempts, sdk::format_utc(now), next);
      });
      if (!claimed) continue;  // Another host's sender took it.
      const Exchange exchange = client.send(m.message);
      const bool answered = exchange.outcome == Exchange::Outcome::kAcknowledged;
      if (answered && exchange.ack.accepted() && exchange.ack.control_id == m.control_id) {
        in_store(env_, [&](soci::session& s) {
          mark_acked(s, m.id, exchange.ack.code, env_.now_text());
        });
        ++report.acknowledged;
        attempts_.inc({{"outcome", "acked"}});
        progress = true;
        note_endpoint(true, {});
        continue;
      }
      std::string error = exchange.error;
      if (answered) {
        error =
            exchange.ack.control_id != m.control_id
                ? "ACK " + exchange.ack.code + " names message '" + exchange.ack.control_id +
                      "', not " + m.control_id
                : exchange.ack.code + (exchange.ack.text.empty() ? "" : ": " + exchange.ack.text);
      }
      const std::string state = attempt >= env_.settings.max_attempts ? "failed" : "retrying";
      in_store(env_, [&](soci::session& s) {
        mark_failed_attempt(s, m.id, state, answered ? exchange.ack.code : "", error, next);
      });
      if (state == "failed") {
        env_.context.logger().error(
            "HL7 message %s (%s, booking %s) failed after %d attempt(s): %s / Tin HL7 gửi "
            "không được",
            std::to_string(m.id), m.trigger, m.booking_code, attempt, error);
      }
      if (answered) {
        ++report.refused;
        attempts_.inc({{"outcome", "refused"}});
        note_endpoint(true, {});
        continue;
      }
      ++report.unanswered;
      attempts_.inc({{"outcome", "unanswered"}});
      note_endpoint(false, error);
      return report;  // The listener is away: the others wait for the next run.
    }
  }
  return report;
}

void Sender::note_endpoint(bool reachable, const std::string& error) {
  // Logged on a change only, so that a listener down for a day leaves two lines, not 1,440.
  if (!reachable && !endpoint_down_.exchange(true)) {
    env_.context.logger().warning("HL7 listener %s does not answer; messages stay queued: %s",
                                  env_.settings.endpoint(), error);
  } else if (reachable && endpoint_down_.exchange(false)) {
    env_.context.logger().information("HL7 listener %s answers again", env_.settings.endpoint());
  }
}

void Sender::schedule() {
  auto& jobs = env_.context.scheduler();
  jobs.every("hl7.send", env_.settings.send_schedule,
             [this](const sdk::JobRun& run) { this->run(&run); });
  jobs.once("hl7.send_at_start", env_.context.clock().now(),
            [this](const sdk::JobRun& run) { this->run(&run); });
}

void Sender::run_soon() {
  try {
    env_.context.scheduler().once("hl7.send_now", env_.context.clock().now(),
                                  [this](const sdk::JobRun& run) { this->run(&run); });
  } catch (const std::invalid_argument&) {
    // One is registered for this second already; the periodic run comes anyway.
  }
}

}  // namespace hisx::hl7
