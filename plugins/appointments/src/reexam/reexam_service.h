#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "booking/booking.h"
#include "booking/booking_service.h"
#include "environment.h"
#include "hisx/his_id.h"
#include "hisx/http.h"
#include "reexam/reexam.h"
#include "reexam/reexam_rules.h"

namespace hisx::appointments {

/// A doctor's re-examination order as asked for (W4). Unset windows take the settings'
/// defaults.
struct ReexamRequest {
  sdk::HisId patient_id;
  sdk::HisId clinic_id;
  std::optional<sdk::HisId> doctor_id;
  std::optional<sdk::HisId> visit_id;
  LocalDate due_date{};
  std::optional<int> window_before_days;
  std::optional<int> window_after_days;
  std::optional<Recurrence> recurrence;
  std::string note;
  std::optional<long long> slot_id;  ///< Hold this slot for the first due.
};

/// An order with its dues, the bookings holding them and the reminders sent.
struct ReexamView {
  ReexamOrder order;
  std::vector<StoredDue> dues;
  std::map<long long, Booking> bookings;  ///< By booking id.
  std::vector<StoredReminder> reminders;
};

/// Creates an order for `who` (a doctor): checks the dates (422 naming the field), the HIS
/// patient (422 patient_id), the clinic (422 clinic_id: active in the catalogue and taking
/// re-examination bookings) and the doctor (422 doctor_id); then, in one store transaction,
/// stores the order and its dues and, with a slot_id, books that slot for the first due
/// through channel reexam (422 slot_id when the slot is unknown, of another clinic or
/// outside the first due's window; the booking's own 409s otherwise). Reminders already due
/// go out at once. Returns the order as it is now.
ReexamView create_reexam(Environment& env, const sdk::Principal& who, const ReexamRequest& request);

/// Orders, newest first, of one patient and/or in one status, at most `limit` (without
/// reminders).
std::vector<ReexamView> list_reexam_views(Environment& env, std::optional<sdk::HisId> patient_id,
                                          const std::string& status, int limit);

/// One order with its dues, bookings and reminders; 404 when there is none.
ReexamView get_reexam(Environment& env, long long id);

/// Cancels an active order and its open dues (bookings stay as they are); 404, or 409
/// invalid-transition with current_status when it is not active.
ReexamView cancel_reexam(Environment& env, const sdk::Principal& who, long long id,
                         const std::string& reason);

/// Books slot `slot_id` for due `seq` of order `id` through channel reexam, whoever books
/// it, in one store transaction with the due becoming booked: 404 for an unknown order or
/// due, 409 invalid-transition {current_status} when the order is not active or the due not
/// open, 422 slot_id for a slot that is unknown, of another clinic or outside the due's
/// window. With an Idempotency-Key, a retry gets the first answer (as POST /bookings).
sdk::WriteAnswer book_reexam_due(Environment& env, const sdk::Request& req, long long id, int seq,
                                 long long slot_id);

}  // namespace hisx::appointments
