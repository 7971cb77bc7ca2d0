#include "idempotency/store_idempotency.h"

#include <optional>

#include "config/config_reader.h"
#include "hisx/civil_time.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"

namespace hisx::host {

namespace {

struct Stored {
  std::string request;
  sdk::WriteAnswer answer;
};

std::optional<Stored> find(soci::session& s, const std::string& principal, const std::string& scope,
                           const std::string& key) {
  Stored out;
  s << "SELECT request, status, response FROM hisx_host_idempotency "
       "WHERE principal = :principal AND scope = :scope AND idem_key = :key",
      soci::into(out.request), soci::into(out.answer.status), soci::into(out.answer.body),
      soci::use(principal), soci::use(scope), soci::use(key);
  if (!s.got_data()) return std::nullopt;
  out.answer.replayed = true;
  return out;
}

sdk::WriteAnswer replay(const Stored& stored, const std::string& request) {
  if (stored.request != request) {
    throw sdk::Problem::invalid("Idempotency-Key",
                                "This Idempotency-Key was already used for a different request; "
                                "use a new key for a new request / Khóa Idempotency-Key đã dùng "
                                "cho một yêu cầu khác; hãy dùng khóa mới");
  }
  return stored.answer;
}

// Keys belong to the caller: two API keys may send the same Idempotency-Key unknowingly.
std::string principal_of(const sdk::Request& req) {
  return req.principal() ? req.principal()->id : "address:" + req.client_address();
}

}  // namespace

std::chrono::hours read_idempotency_keep(const ConfigReader& reader) {
  reader.only_keys("idempotency", {"keep_hours"});
  return std::chrono::hours(reader.integer("idempotency.keep_hours", 168, 1, 8760));
}

std::optional<sdk::WriteAnswer> StoreIdempotency::replayed(const sdk::Request& req,
                                                           const std::string& scope,
                                                           const std::string& request) {
  const auto key = sdk::idempotency_key(req);
  if (!key) return std::nullopt;
  const auto lease = store_.session();
  soci::session& s = *lease;
  auto stored = find(s, principal_of(req), scope, *key);
  if (!stored) return std::nullopt;
  return replay(*stored, request);
}

StoreIdempotency::StoreIdempotency(sdk::Database& store, const sdk::Clock& clock,
                                   std::chrono::hours keep)
    : store_(store), clock_(clock), keep_(keep) {}

sdk::WriteAnswer StoreIdempotency::run(
    const sdk::Request& req, const std::string& scope, const std::string& request,
    const std::function<sdk::WriteAnswer(soci::session&)>& work) {
  sdk::WriteAnswer answer;
  const auto key = sdk::idempotency_key(req);
  if (!key) {
    sdk::with_transaction(store_, [&](soci::session& s) { answer = work(s); });
    return answer;
  }
  const std::string principal = principal_of(req);
  if (auto stored = replayed(req, scope, request)) return *stored;
  remove_old_keys();
  try {
    sdk::with_transaction(store_, [&](soci::session& s) {
      const std::string now = sdk::format_utc(sdk::to_instant(clock_.now()));
      // The claim comes first: a concurrent request with the same key waits on it and then
      // fails on the primary key, and replays this answer below.
      s << "INSERT INTO hisx_host_idempotency (principal, scope, idem_key, request, status, "
           "response, created_at) VALUES (:principal, :scope, :key, :request, 0, '', :now)",
          soci::use(principal), soci::use(scope), soci::use(*key), soci::use(request),
          soci::use(now);
      answer = work(s);
      s << "UPDATE hisx_host_idempotency SET status = :status, response = :body "
           "WHERE principal = :principal AND scope = :scope AND idem_key = :key",
          soci::use(answer.status), soci::use(answer.body), soci::use(principal), soci::use(scope),
          soci::use(*key);
    });
  } catch (const soci::soci_error& e) {
    if (!sdk::is_duplicate_key(e)) throw;
    const auto lease = store_.session();
    soci::session& s = *lease;
    auto stored = find(s, principal, scope, *key);
    if (!stored) throw;  // a unique constraint of the work itself
    return replay(*stored, request);
  }
  return answer;
}

void StoreIdempotency::remove_old_keys() {
  const auto now = sdk::to_instant(clock_.now());
  const long long now_s = now.time_since_epoch().count();
  long long last = last_purge_.load();
  if (now_s - last < 3600 || !last_purge_.compare_exchange_strong(last, now_s)) return;
  const std::string cutoff = sdk::format_utc(now - keep_);
  const auto lease = store_.session();
  soci::session& s = *lease;
  s << "DELETE FROM hisx_host_idempotency WHERE created_at < :cutoff", soci::use(cutoff);
}

}  // namespace hisx::host
