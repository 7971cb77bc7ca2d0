#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/quota.h"
#include "hisx/his_id.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// How a clinic room (an HIS clinic id from `clinic.list`) takes bookings.
struct ClinicRules {
  sdk::HisId clinic_id;
  std::vector<std::string> channels;  ///< Channels it accepts (see channels.h).
  int booking_window_days = 30;       ///< A slot may be booked at most this many days ahead.
  /// Local time (minutes after midnight) after which today's slots can no longer be booked;
  /// none: until a slot starts.
  std::optional<int> same_day_cutoff;
  bool active = true;  ///< Inactive clinics take no bookings and are not listed.
  /// The HIS department of the clinic as clinic.list last gave it (saved with the rules,
  /// refreshed daily); none when the HIS names none. The plugin's events carry it.
  std::optional<sdk::HisId> department_id;
};

/// One weekly session of a clinic (optionally of one doctor): on `weekday`, from `start` to
/// `end` local time, cut into slots of `slot_minutes`, each taking `capacity` patients.
struct ScheduleTemplate {
  long long id = 0;
  sdk::HisId clinic_id;
  std::optional<sdk::HisId> doctor_id;
  int weekday = 1;       ///< ISO: 1 = Monday … 7 = Sunday.
  int start_minute = 0;  ///< Minutes after local midnight.
  int end_minute = 0;    ///< Minutes after local midnight (1440 = midnight at the end).
  int slot_minutes = 15;
  int capacity = 1;
  QuotaPercents quotas;
};

/// Days on which a clinic (or, with no clinic, the whole hospital) takes no bookings:
/// holidays, training days, a broken machine. Dates are local and inclusive.
struct Closure {
  long long id = 0;
  std::optional<sdk::HisId> clinic_id;  ///< None: every clinic.
  LocalDate from{};
  LocalDate to{};
  std::string reason;
};

}  // namespace hisx::appointments
