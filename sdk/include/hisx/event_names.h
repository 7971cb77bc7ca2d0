#pragma once

#include <string_view>

/// The standard events and their payloads (JSON objects). Times are ISO-8601 UTC text;
/// ids are the REST API's ids. A payload may carry more fields than listed.
namespace hisx::sdk::events {

// Every appointment.* payload carries {booking_id, booking_code, patient_id, clinic_id, channel,
// priority} (channel: app, web, phone, reexam, walkin) plus the fields listed per event.

/// A booking was made. {slot_id, start, status}
inline constexpr std::string_view kAppointmentBooked = "appointment.booked";
/// A booking was confirmed (e.g. by the call centre). {by}
inline constexpr std::string_view kAppointmentConfirmed = "appointment.confirmed";
/// A booking was cancelled. {reason, by}
inline constexpr std::string_view kAppointmentCancelled = "appointment.cancelled";
/// A patient checked in for a booking. {queue_number, by}
inline constexpr std::string_view kAppointmentCheckedIn = "appointment.checked_in";
/// A booked patient did not come (set after the booking's day ended). {by}
inline constexpr std::string_view kAppointmentNoShow = "appointment.no_show";
/// A checked-in patient's visit ended. {by}
inline constexpr std::string_view kAppointmentCompleted = "appointment.completed";
/// A booking moved to another slot. {from_slot_id, slot_id, start, by}
inline constexpr std::string_view kAppointmentRescheduled = "appointment.rescheduled";
/// An app account was linked to an HIS patient. {patient_id, account_id, method, department_id}
inline constexpr std::string_view kPatientLinked = "patient.linked";
/// A payment completed. {payment_id, patient_id, amount, method, invoice_ids}
inline constexpr std::string_view kPaymentCompleted = "payment.completed";

}  // namespace hisx::sdk::events
