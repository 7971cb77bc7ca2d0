#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

namespace hisx::appointments {

/// A request already answered under an Idempotency-Key.
struct StoredAnswer {
  std::string request;  ///< The request as booking_request_text() wrote it.
  int status = 0;       ///< The HTTP status answered.
  std::string body;     ///< The JSON body answered.
};

/// The answer stored for (`principal`, `key`), if any. Keys are scoped to the caller: two
/// API keys may use the same Idempotency-Key without meeting.
std::optional<StoredAnswer> find_answer(soci::session& s, const std::string& principal,
                                        const std::string& key);

/// Claims (`principal`, `key`) for `request` as the first write of the booking
/// transaction. A concurrent request with the same key waits on the primary key and then
/// fails with a duplicate-key error (is_duplicate_key()) once this one commits; it then finds
/// this answer. Throws that error when the key is already used.
void claim_key(soci::session& s, const std::string& principal, const std::string& key,
               const std::string& request, const std::string& now);

/// Records the answer of a claimed key, in the same transaction.
void record_answer(soci::session& s, const std::string& principal, const std::string& key,
                   int status, const std::string& body, long long booking_id);

}  // namespace hisx::appointments
