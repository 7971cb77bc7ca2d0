#include "idempotency_store.h"

namespace hisx::appointments {

std::optional<StoredAnswer> find_answer(soci::session& s, const std::string& principal,
                                        const std::string& key) {
  StoredAnswer answer;
  soci::indicator status_ind = soci::i_ok, body_ind = soci::i_ok;
  s << "SELECT request, status, response FROM hisx_appointments_idempotency "
       "WHERE principal = :principal AND idem_key = :key",
      soci::into(answer.request), soci::into(answer.status, status_ind),
      soci::into(answer.body, body_ind), soci::use(principal), soci::use(key);
  if (!s.got_data() || status_ind == soci::i_null || body_ind == soci::i_null) {
    return std::nullopt;
  }
  return answer;
}

void claim_key(soci::session& s, const std::string& principal, const std::string& key,
               const std::string& request, const std::string& now) {
  s << "INSERT INTO hisx_appointments_idempotency (principal, idem_key, request, created_at) "
       "VALUES (:principal, :key, :request, :now)",
      soci::use(principal), soci::use(key), soci::use(request), soci::use(now);
}

void record_answer(soci::session& s, const std::string& principal, const std::string& key,
                   int status, const std::string& body, long long booking_id) {
  s << "UPDATE hisx_appointments_idempotency SET status = :status, response = :body, "
       "booking_id = :booking WHERE principal = :principal AND idem_key = :key",
      soci::use(status), soci::use(body), soci::use(booking_id), soci::use(principal),
      soci::use(key);
}

}  // namespace hisx::appointments
