#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "booking/booking.h"
#include "catalogue/schedule.h"
#include "catalogue/slot.h"
#include "his_directory.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// The plugin's data as FHIR R4 resources (JSON). Ids are the REST API's ids.

/// Schedule/{clinic_id}: a bookable clinic room. actor = Location/{clinic_id} with the HIS
/// name; identifier = the HIS clinic code; planningHorizon = today to today + the booking
/// window (local days); one channel extension per accepted channel.
Poco::JSON::Object::Ptr schedule_resource(const ClinicRules& rules, const HisClinic& clinic,
                                          LocalDate today);

/// Slot/{id} of Schedule/{clinic_id}: status (fhir_codes.h slot_status), start and end on the
/// hospital's clock with offset, capacity and booked places as extensions.
Poco::JSON::Object::Ptr slot_resource(const Slot& slot, bool clinic_active, const TimeZone& zone);

/// Appointment/{id} of a booking: status mapped (fhir_codes.h), identifier = booking code,
/// appointmentType from the channel, channel and priority extensions, reasonCode.text =
/// reason, cancelationReason.text when cancelled, start/end/minutesDuration, slot, created,
/// participants Patient/{patient_id}, Location/{clinic_id} (with `clinic_name` when known)
/// and Practitioner/{doctor_id} when the slot is a doctor's; meta.lastUpdated = updated_at.
Poco::JSON::Object::Ptr appointment_resource(const Booking& booking, const TimeZone& zone,
                                             const std::optional<std::string>& clinic_name);

/// One match of a search.
struct BundleEntry {
  std::string full_url;  ///< Absolute URL of the resource.
  Poco::JSON::Object::Ptr resource;
};

/// A Bundle of type searchset: total (every match, also beyond this page), `links` as
/// (relation, url) — self first —, entries with fullUrl and search.mode "match";
/// meta.lastUpdated = `now`.
Poco::JSON::Object::Ptr searchset_bundle(
    const std::vector<std::pair<std::string, std::string>>& links, long long total,
    const std::vector<BundleEntry>& entries, Instant now);

}  // namespace hisx::appointments
