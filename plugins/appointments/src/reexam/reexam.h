#pragma once

#include <optional>
#include <string>

#include "hisx/his_id.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// A doctor's re-examination order (hisx_appointments_reexams, W4).
struct ReexamOrder {
  long long id = 0;
  sdk::HisId patient_id;  ///< HIS patient id.
  sdk::HisId clinic_id;   ///< HIS clinic id, a bookable clinic of the catalogue.
  std::optional<sdk::HisId> doctor_id;
  std::optional<sdk::HisId> visit_id;
  LocalDate first_due_date{};
  int window_before_days = 0;
  int window_after_days = 0;
  std::optional<int> interval_days;  ///< None: not recurring.
  int occurrences = 1;
  std::string note;
  std::string status = "active";  ///< active, completed, cancelled.
  std::string ordered_by;         ///< Principal id.
  Instant created_at{};
  Instant updated_at{};
  std::string cancel_reason;
  std::string cancelled_by;
};

/// One occurrence of an order (hisx_appointments_reexam_dues).
struct StoredDue {
  long long id = 0;
  long long reexam_id = 0;
  int seq = 1;
  LocalDate due_date{};
  LocalDate window_start{};
  LocalDate window_end{};
  std::string status = "open";  ///< open, booked, done, missed, cancelled.
  std::optional<long long> booking_id;
  Instant updated_at{};
};

/// A reminder recorded for a due (hisx_appointments_reminders): handed to the notifier
/// (queued, with the notifier's message id) or skipped (with why).
struct StoredReminder {
  long long id = 0;
  long long due_id = 0;
  int offset_days = 0;
  Instant send_at{};
  std::string state;  ///< queued, skipped.
  std::string message_id;
  std::string detail;
  Instant created_at{};
};

}  // namespace hisx::appointments
