#pragma once

#include <string>
#include <string_view>

namespace hisx::host {

/// HMAC-SHA256 of `data` with `key`, in lower-case hex (RFC 2104, FIPS 180-4).
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

/// The `X-Hisx-Signature` header of a webhook body: "sha256=" followed by
/// hmac_sha256_hex(secret, timestamp + "." + body), where `timestamp` is the
/// `X-Hisx-Timestamp` header (unix seconds). Signing the timestamp with the body lets a
/// receiver refuse replays older than its window.
std::string webhook_signature(std::string_view secret, std::string_view timestamp,
                              std::string_view body);

}  // namespace hisx::host
