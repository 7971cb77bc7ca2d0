#pragma once

#include <array>
#include <string_view>

namespace hisx::sdk::roles {

/// The built-in roles. A principal has exactly one role; a route lists the roles it admits.
inline constexpr std::string_view kAdmin = "admin";
inline constexpr std::string_view kReceptionist = "receptionist";
inline constexpr std::string_view kCashier = "cashier";
inline constexpr std::string_view kCallCenter = "call_center";
inline constexpr std::string_view kDoctor = "doctor";
inline constexpr std::string_view kManager = "manager";
inline constexpr std::string_view kApp = "app";  ///< The patient app's backend.
inline constexpr std::string_view kHis = "his";  ///< The HIS itself, calling hisx.

/// Every built-in role, in a stable order.
inline constexpr std::array<std::string_view, 8> kAll = {
    kAdmin, kReceptionist, kCashier, kCallCenter, kDoctor, kManager, kApp, kHis};

/// The role of a device credential (a waiting-room board, a ticket kiosk): created with device
/// scopes (`POST /api/v1/host/devices`), it reaches only routes that name one of them in
/// Route::device_scopes. No API key, user or route role list may name it. Since 2.0.
inline constexpr std::string_view kDevice = "device";

/// Staff roles: people at a desk, allowed to browse HIS patient data they work with.
inline constexpr std::array<std::string_view, 6> kStaff = {kAdmin,      kReceptionist, kCashier,
                                                           kCallCenter, kDoctor,       kManager};

}  // namespace hisx::sdk::roles
