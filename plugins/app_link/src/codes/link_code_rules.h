#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hisx::app_link {

/// A linking code: 8 characters of Crockford's base 32 (digits and capitals without I, L, O
/// and U, so that nothing reads as another), 40 random bits, printed as "ABCD-EFGH".
inline constexpr std::size_t kCodeLength = 8;

/// A fresh code from the system's cryptographic random source (getrandom(2)).
std::string new_link_code();

/// The code as stored, from what a patient typed: spaces, hyphens and case ignored, and the
/// look-alikes I and L read as 1, O as 0. Nothing when the result is not 8 code characters.
std::optional<std::string> normalise_link_code(std::string_view typed);

/// The code as printed: "ABCD-EFGH".
std::string display_link_code(const std::string& code);

/// A linking form's number as printed and scanned: "LK" and its serial, at least 7 digits
/// ("LK0000042").
std::string form_number(long long serial);

/// The serial of a form number (case and surrounding spaces ignored), or nothing.
std::optional<long long> form_serial(std::string_view number);

}  // namespace hisx::app_link
