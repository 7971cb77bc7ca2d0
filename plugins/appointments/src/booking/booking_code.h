#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hisx::appointments {

/// The short code a patient reads out at the desk, "HK-7F3Q2" (HK: hẹn khám). It is the
/// booking id scrambled by a fixed bijection and written in Crockford's base 32 (digits and
/// capitals without I, L, O, U, so it survives being read aloud or typed), 5 characters up
/// to id 33,554,431 and one more per factor of 32 after that. Derived from the id, it needs
/// no column, no uniqueness check and no retry; it is a reference, not a secret (whoever
/// holds it still has to be the patient at the desk).
std::string booking_code(long long id);

/// The booking id of `code` ("HK-7F3Q2", any case, the "HK-" prefix optional; O reads
/// as 0 and I or L as 1), or nothing when it is not a code booking_code() can produce.
std::optional<long long> booking_id_from_code(std::string_view code);

}  // namespace hisx::appointments
