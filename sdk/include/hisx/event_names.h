#pragma once

#include <string_view>

/// The names of the standard events. Their payloads are declared, with a version, in
/// hisx/event_schemas.h (standard_events()) and listed in docs/events.md; the host refuses to
/// publish a payload that does not match. HIS ids in payloads are opaque (text from SDK 2.0 on).
namespace hisx::sdk::events {

/// A booking was made.
inline constexpr std::string_view kAppointmentBooked = "appointment.booked";
/// A booking was confirmed (e.g. by the call centre).
inline constexpr std::string_view kAppointmentConfirmed = "appointment.confirmed";
/// A booking was cancelled.
inline constexpr std::string_view kAppointmentCancelled = "appointment.cancelled";
/// A patient checked in for a booking.
inline constexpr std::string_view kAppointmentCheckedIn = "appointment.checked_in";
/// A booked patient did not come (set after the booking's day ended).
inline constexpr std::string_view kAppointmentNoShow = "appointment.no_show";
/// A checked-in patient's visit ended.
inline constexpr std::string_view kAppointmentCompleted = "appointment.completed";
/// A booking moved to another slot.
inline constexpr std::string_view kAppointmentRescheduled = "appointment.rescheduled";
/// The places a clinic offers on a day changed: slots were generated, or a closure was added
/// or removed. The latest event of a (clinic, day) holds that day's capacity.
inline constexpr std::string_view kScheduleCapacityChanged = "schedule.capacity_changed";
/// An app account was linked to an HIS patient.
inline constexpr std::string_view kPatientLinked = "patient.linked";
/// An app account's link to an HIS patient ended. Since 2.1.
inline constexpr std::string_view kPatientUnlinked = "patient.unlinked";
/// A queue ticket was issued at a cashier lane. Since 2.2.
inline constexpr std::string_view kTicketIssued = "ticket.issued";
/// A queue ticket was called to a window (or called again). Since 2.2.
inline constexpr std::string_view kTicketCalled = "ticket.called";
/// A called ticket's patient was served at the window. Since 2.2.
inline constexpr std::string_view kTicketServed = "ticket.served";
/// A ticket's patient did not come when called (or left). Since 2.2.
inline constexpr std::string_view kTicketNoShow = "ticket.no_show";
/// A payment completed (version 2 since 2.2).
inline constexpr std::string_view kPaymentCompleted = "payment.completed";
/// A payment was reversed by a correcting entry, with a second person's approval. Since 2.2.
inline constexpr std::string_view kPaymentReversed = "payment.reversed";

}  // namespace hisx::sdk::events
