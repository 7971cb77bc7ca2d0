#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "booking/booking_status.h"
#include "catalogue/slot.h"
#include "fhir/fhir_search.h"
#include "hisx/his_id.h"

namespace hisx::appointments {

/// The SQL behind the FHIR searches (the REST API lists slots by clinic and day only and has
/// no booking search). Times compare as stored UTC text, which sorts like the instants.

/// A slot with whether its clinic takes bookings (in the catalogue and active).
struct FhirSlot {
  Slot slot;
  bool clinic_active = false;
};

/// Slot search criteria.
struct SlotSearch {
  std::optional<sdk::HisId> clinic_id;  ///< Schedule = clinic.
  InstantRange start;
  /// FHIR slot status codes; none: any status.
  std::optional<std::vector<std::string>> statuses;
  Paging paging;
};

/// Every match counted, and the page `paging` asks for, by start.
struct SlotPage {
  long long total = 0;
  std::vector<FhirSlot> slots;
};

/// Slots matching `search`, closed ones included (their status says busy-unavailable).
SlotPage search_slots(soci::session& s, const SlotSearch& search);

/// One slot with its clinic's state, if it exists.
std::optional<FhirSlot> find_fhir_slot(soci::session& s, long long id);

/// Booking search criteria.
struct BookingSearch {
  std::optional<sdk::HisId> patient_id;
  /// Only the bookings of these patients (a bound PatientScope's); none: any patient. An
  /// empty list matches nothing.
  std::optional<std::vector<sdk::HisId>> patient_ids;
  InstantRange start;
  /// Booking statuses; none: any. An empty list matches nothing.
  std::optional<std::vector<BookingStatus>> statuses;
  /// Channels the caller may see; empty: every channel.
  std::vector<std::string> channels;
  Paging paging;
};

/// Every match counted, and the ids of the page `paging` asks for, by start.
struct BookingPage {
  long long total = 0;
  std::vector<long long> ids;
};

/// Bookings matching `search`.
BookingPage search_bookings(soci::session& s, const BookingSearch& search);

}  // namespace hisx::appointments
