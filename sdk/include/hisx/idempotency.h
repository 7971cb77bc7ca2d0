#pragma once

#include <soci/soci.h>

#include <functional>
#include <optional>
#include <string>

#include "hisx/export.h"
#include "hisx/http.h"

namespace hisx::sdk {

/// What a write route answers: kept under the request's Idempotency-Key and answered again,
/// unchanged, to a repeat of the request.
struct WriteAnswer {
  int status = 200;       ///< HTTP status.
  std::string body;       ///< JSON text.
  bool replayed = false;  ///< True when this answer was stored by an earlier request.
};

/// `Idempotency-Key` for any write route (a booking, a payment): a client that did not get an
/// answer — a dropped connection, a timeout — sends the same request with the same key again
/// and gets the first answer, and nothing is done twice. Keys are scoped to the caller (its
/// principal) and to a `scope` naming the operation ("fast_lane.payment"), and kept in the
/// store database, so every host of a deployment sees them, for `idempotency.keep_hours`.
/// Since 2.0.
class HISX_SDK_API Idempotency {
 public:
  virtual ~Idempotency();

  /// Runs `work` in one store transaction (as with_transaction: committed when it returns,
  /// rolled back when it throws, retried on serialization failures). With an
  /// `Idempotency-Key` header (sdk::idempotency_key() rules; 422 otherwise), the key is
  /// claimed in the same transaction and `work`'s answer stored with it:
  /// - a repeat with the same key and the same `request` gets the stored answer (replayed),
  ///   without running `work`; so does one that ran concurrently and lost the race;
  /// - a request with a used key but another `request` is refused: 422 on field
  ///   Idempotency-Key;
  /// - when `work` throws, nothing is stored and the key stays free.
  /// `request` is a canonical text of what makes two requests the same (for instance the
  /// parsed fields, in a fixed order), not the raw body.
  virtual WriteAnswer run(const Request& req, const std::string& scope, const std::string& request,
                          const std::function<WriteAnswer(soci::session& store_tx)>& work) = 0;

  /// The stored answer for `req`'s Idempotency-Key, if the key was used (422 when it was used
  /// for another `request`, as in run()); nothing without a key or for a new one. For a route
  /// whose checks before its transaction (an HIS lookup, say) must not refuse a retry that
  /// already succeeded: ask this first, check, then run().
  virtual std::optional<WriteAnswer> replayed(const Request& req, const std::string& scope,
                                              const std::string& request) = 0;
};

}  // namespace hisx::sdk
