#pragma once

#include <optional>
#include <string>

#include "sdk_time.h"

namespace hisx::appointments {

/// What a re-examination reminder tells the patient, and nothing more (it leaves the host
/// through an SMS gateway or similar).
struct ReminderFacts {
  LocalDate date{};                  ///< The booked day, or the due date when not booked.
  std::optional<int> minute_of_day;  ///< The booked time (local); none when not booked.
  std::string clinic_name;           ///< The HIS clinic's name; may be empty.
  std::string booking_code;          ///< "HK-7F3Q2" when booked; empty otherwise.
  LocalDate window_start{};          ///< When not booked: the days the patient may come.
  LocalDate window_end{};
};

/// "dd/mm/yyyy", as dates are written for patients in Vietnam.
std::string format_vn_date(LocalDate date);

/// The SMS text: Vietnamese first, then English. Booked: the date, time, clinic and booking
/// code; not booked: the date, the days the patient may come and a request to book.
std::string reminder_text(const ReminderFacts& facts);

/// The subject (for e-mail or push channels).
std::string reminder_subject();

}  // namespace hisx::appointments
