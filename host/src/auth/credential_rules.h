#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hisx::host {

/// Shortest password accepted, in characters (a Vietnamese letter with its marks is one).
inline constexpr std::size_t kMinPasswordChars = 10;
/// Longest password accepted, in bytes: the KDF reads all of it.
inline constexpr std::size_t kMaxPasswordBytes = 1024;
/// Longest username, in characters.
inline constexpr std::size_t kMaxUsernameChars = 64;

/// The stored form of a username: trimmed and lower-cased, so that "NVAn" and "nvan" are one
/// account. Nothing when it is not 1–64 characters of a-z, 0-9, '.', '_', '-' starting with a
/// letter or digit.
std::optional<std::string> normalize_username(std::string_view username);

/// Why a username is refused (Vietnamese, then English).
std::string username_rule();

/// Empty when `password` is acceptable; else why not (Vietnamese, then English).
std::string password_problem(std::string_view password);

/// A new random password: 20 characters from letters and digits that are hard to mistake for
/// one another (no 0/O, 1/l/I), about 115 bits of entropy.
std::string generate_password();

}  // namespace hisx::host
