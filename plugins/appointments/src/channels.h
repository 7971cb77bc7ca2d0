#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace hisx::appointments {

/// Where a booking came from. Each clinic lists the channels it accepts; each role may book
/// only through its own channels (channels_for_role).
inline constexpr std::string_view kApp = "app";        ///< The patient app (its backend).
inline constexpr std::string_view kWeb = "web";        ///< The hospital's website.
inline constexpr std::string_view kPhone = "phone";    ///< The call centre, by phone.
inline constexpr std::string_view kReexam = "reexam";  ///< A doctor's re-examination order.
inline constexpr std::string_view kWalkin = "walkin";  ///< At the reception desk, same day.

/// Every channel, in a stable order.
inline constexpr std::array<std::string_view, 5> kChannels = {kApp, kWeb, kPhone, kReexam, kWalkin};

/// The role this plugin defines for the hospital website's backend (books with channel web).
inline constexpr std::string_view kWebsiteRole = "website";

/// True for one of kChannels.
bool is_channel(std::string_view text);

/// The channels a role may book through: app → app, website → web, receptionist → walkin and
/// phone, call_center → phone and web, doctor → reexam, admin → all; others none.
std::vector<std::string> channels_for_role(std::string_view role);

/// True when `role` may book through `channel`.
bool role_may_use(std::string_view role, std::string_view channel);

/// True when `role` works with bookings of every channel (staff); false for the machine
/// clients (app, website), which see and change only bookings of their own channel.
bool role_sees_every_channel(std::string_view role);

/// Whether the booking window and same-day cut-off bind `channel`. They do not bind walk-ins
/// (the patient is at the desk) or re-examinations (set by a doctor, often weeks ahead).
bool window_applies(std::string_view channel);

}  // namespace hisx::appointments
