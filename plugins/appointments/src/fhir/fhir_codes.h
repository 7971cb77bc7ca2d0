#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/booking_status.h"
#include "catalogue/slot.h"

namespace hisx::appointments {

/// The code systems and value sets of FHIR R4 that the facade speaks, and how the plugin's
/// own states map onto them (see README, "FHIR R4").

/// Base of the plugin's own extension and identifier URIs, e.g. "urn:hisx:fhir:channel".
inline constexpr std::string_view kFhirUrnBase = "urn:hisx:fhir:";
/// Extension carrying a booking's channel (valueCode: app, web, phone, reexam, walkin).
inline constexpr std::string_view kChannelExtension = "urn:hisx:fhir:channel";
/// Extension carrying a booking's check-in priority (valueInteger, 0–9, higher first).
inline constexpr std::string_view kPriorityExtension = "urn:hisx:fhir:priority";
/// Extensions of a Slot: its places (valueUnsignedInt).
inline constexpr std::string_view kCapacityExtension = "urn:hisx:fhir:capacity";
inline constexpr std::string_view kBookedExtension = "urn:hisx:fhir:booked";
/// Identifier system of booking codes (HK-7F3Q2).
inline constexpr std::string_view kBookingCodeSystem = "urn:hisx:fhir:booking-code";
/// Identifier system of HIS clinic codes.
inline constexpr std::string_view kClinicCodeSystem = "urn:hisx:fhir:his-clinic-code";
/// http://hl7.org/fhir/appointmentstatus and the v2 appointment reason codes (table 0276).
inline constexpr std::string_view kAppointmentStatusSystem =
    "http://hl7.org/fhir/appointmentstatus";
inline constexpr std::string_view kSlotStatusSystem = "http://hl7.org/fhir/slotstatus";
inline constexpr std::string_view kAppointmentTypeSystem =
    "http://terminology.hl7.org/CodeSystem/v2-0276";

/// The Appointment.status of a booking: requested → pending, confirmed → booked,
/// checked_in → arrived, completed → fulfilled, cancelled → cancelled, no_show → noshow.
std::string_view appointment_status(BookingStatus status);

/// True for a code of the R4 value set AppointmentStatus (proposed … waitlist).
bool is_appointment_status_code(std::string_view code);

/// The booking statuses shown as Appointment.status `code` (none for codes the plugin never
/// produces, such as proposed or waitlist).
std::vector<BookingStatus> booking_statuses_for(std::string_view code);

/// Slot.status: busy-unavailable when a closure covers the slot's day or its clinic takes no
/// bookings, busy when no place is left, free otherwise.
std::string_view slot_status(const Slot& slot, bool clinic_active);

/// True for a code of the R4 value set SlotStatus.
bool is_slot_status_code(std::string_view code);

/// Appointment.appointmentType (v2 0276) of a channel: reexam → FOLLOWUP, walkin → WALKIN,
/// every other channel → ROUTINE.
std::string_view appointment_type_code(std::string_view channel);

}  // namespace hisx::appointments
