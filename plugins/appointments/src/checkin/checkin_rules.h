#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sdk_time.h"

namespace hisx::appointments {

/// When the check-in desk accepts a booked patient (W5). Patients come early — often at
/// the opening of the day for a morning slot — so by default a booking may be checked in at
/// any time of its own local day; a late patient is still taken the same day, but flagged.
struct CheckinPolicy {
  /// How many minutes before the slot's start check-in opens; nothing: from local midnight
  /// of the slot's day.
  std::optional<int> earliest_minutes_before;
  /// A patient checking in more than this many minutes after the slot's start is late.
  int late_after_minutes = 15;
};

/// The policy the desk uses until it is a setting: the whole day, late after 15 minutes.
CheckinPolicy default_checkin_policy();

/// Whether a booking can be checked in now, as far as time goes.
enum class CheckinTiming {
  kOnTime,    ///< Its day, not late.
  kLate,      ///< Its day, more than late_after_minutes after the start: allowed, flagged.
  kTooEarly,  ///< Its day, but before earliest_minutes_before the start.
  kWrongDay,  ///< Not today (local): an earlier or a later day.
};

/// Checks a booking whose slot starts at `slot_start` for a check-in at `now`.
CheckinTiming check_in_timing(Instant slot_start, Instant now, const TimeZone& zone,
                              const CheckinPolicy& policy);

/// The number on the patient's ticket and the waiting-room screen: three digits at least
/// ("007", "123", "1024"), prefixed "U-" (ưu tiên, priority) when `priority` > 0. Numbers are
/// one series per clinic and day (arrival order); the "U-" tells the patient and the screen
/// that the ticket is called before those without it.
std::string queue_label(long long number, int priority);

/// What the QR code on a booking holds: "HISX:" and the booking code, "HISX:HK-7F3Q2". A
/// scanner at the desk types it like a keyboard; it carries no personal data.
std::string qr_payload(long long booking_id);

/// The `source` hisx passes to the HIS's visit.register: "hisx:" and the booking code
/// ("hisx:HK-7F3Q2", at most 15 characters, so that it fits a short vendor column).
std::string visit_source(long long booking_id);

/// A Vietnamese phone number in its national form, "0912345678": from "0912 345 678",
/// "0912.345.678", "+84 912 345 678" or "84912345678". A 0 and 9 or 10 digits (mobile and
/// landline numbers); nothing for anything else.
std::optional<std::string> normalize_phone(std::string_view text);

/// What the receptionist typed or scanned into the check-in search, read forgivingly.
struct CheckinLookup {
  /// A booking the text names: the QR payload, a code with its "HK" prefix (any case, with
  /// "-", a space or nothing after HK), or a bare 5-character code with letters and digits.
  std::optional<long long> booking_id;
  /// The phone number, normalised, when the text is one.
  std::optional<std::string> phone;
  /// What to hand to the HIS's patient.search (folded: lower-case, no diacritics): a patient
  /// code, a phone number or a name. Empty when the text names a booking for certain (QR,
  /// HK code) or is too short to search (under 2 characters).
  std::string patient_query;
};

/// Reads the search text; see CheckinLookup.
CheckinLookup read_checkin_lookup(std::string_view typed);

}  // namespace hisx::appointments
