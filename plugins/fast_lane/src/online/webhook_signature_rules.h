#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "hisx/civil_time.h"

// How hisx knows that a call to `POST /api/v1/fast-lane/webhooks/{provider}` comes from the
// online payment gateway and not from someone who guessed the URL, as plain code.
//
// The gateway sends the header
//
//   X-Hisx-Signature: t=1767225600,v1=5f0c…(64 hex digits)
//
// where t is the time of signing in Unix seconds and v1 the HMAC-SHA256, keyed with the
// provider's shared secret, of `<t>` + "." + the raw request body, in lowercase hex. While a
// secret is rotated the gateway may send several v1 entries, and hisx may hold the current and
// the previous secret: any v1 matching any secret is enough. The timestamp bounds how long a
// captured call can be replayed.

namespace hisx::fast_lane {

/// The outcome of checking a webhook's signature.
enum class SignatureVerdict {
  kValid,      ///< A v1 matches a secret and t is within the window.
  kMissing,    ///< No header (or an empty one).
  kMalformed,  ///< Not "t=<digits>,v1=<64 hex digits>[,v1=…]".
  kMismatch,   ///< Well formed, but no v1 matches any secret (or there is no secret).
  kTooOld,     ///< Signed correctly, but t is further in the past than the window.
  kTooNew,     ///< Signed correctly, but t is further in the future than the window.
};

/// "valid", "missing", "malformed", "mismatch", "too_old", "too_new".
std::string_view to_string(SignatureVerdict verdict);

/// What verify_webhook_signature() found.
struct SignatureCheck {
  SignatureVerdict verdict;
  /// The header's t, when it could be read (0 otherwise).
  long long timestamp = 0;
  /// For a problem document: an English / Vietnamese sentence saying what is wrong ("" when
  /// valid). Never contains a secret or the signature hisx expected.
  std::string detail;
};

/// Checks a webhook call. `header` is the X-Hisx-Signature value ("" when absent); `raw_body`
/// the request body exactly as received; `secrets` the provider's secrets (current and
/// previous; empty ones are ignored); `window` how far t may be from `now` either way (300 s
/// is usual; a t exactly the window away is accepted).
///
/// The header is parts separated by commas, each `key=value`, spaces and tabs around parts,
/// keys and values tolerated. There must be exactly one t (1-12 digits) and 1-8 v1 entries of
/// 64 hex digits (either case); other keys are ignored, so a gateway can add a v2 later. The
/// signature is checked before the time, so too_old and too_new mean a genuine call that came
/// late or early (a replay, a wrong clock), not a forgery. Comparisons take constant time.
SignatureCheck verify_webhook_signature(std::string_view header, std::string_view raw_body,
                                        const std::vector<std::string>& secrets, sdk::Instant now,
                                        std::chrono::seconds window);

/// The header value a gateway sends, "t=<timestamp>,v1=<hex>": for tests, the docs and the
/// bench.
std::string sign_webhook(std::string_view secret, long long timestamp, std::string_view raw_body);

/// HMAC-SHA256 of `data` keyed with `key`, as 64 lowercase hex digits.
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

}  // namespace hisx::fast_lane
