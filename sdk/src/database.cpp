#include "hisx/database.h"

#include <Poco/Logger.h>

#include <string>
#include <utility>

#include "hisx/problem.h"

namespace hisx::sdk {

LeasedSession::LeasedSession(soci::connection_pool* pool, std::size_t position,
                             soci::session* session)
    : pool_(pool), position_(position), session_(session) {}

LeasedSession::~LeasedSession() { give_back(); }

LeasedSession::LeasedSession(LeasedSession&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)),
      position_(other.position_),
      session_(std::exchange(other.session_, nullptr)) {}

LeasedSession& LeasedSession::operator=(LeasedSession&& other) noexcept {
  if (this != &other) {
    give_back();
    pool_ = std::exchange(other.pool_, nullptr);
    position_ = other.position_;
    session_ = std::exchange(other.session_, nullptr);
  }
  return *this;
}

void LeasedSession::give_back() noexcept {
  if (pool_ != nullptr) pool_->give_back(position_);
  pool_ = nullptr;
  session_ = nullptr;
}

LeasedSession Database::session() {
  soci::connection_pool& sessions = pool();
  const auto timeout = lease_timeout();
  std::size_t position = 0;
  if (!sessions.try_lease(position, static_cast<int>(timeout.count()))) {
    const std::string waited = std::to_string(timeout.count()) + " ms";
    // The operator's side: which pool ran dry, and the usual causes.
    Poco::Logger::get("hisx.db").warning(
        "%s: no free connection within %s; refused with 503. Raise %s.pool_size or "
        "%s.lease_timeout_ms if this happens under load, or look for code that holds a "
        "session of this pool while it leases another",
        name(), waited, name(), name());
    throw Problem(503, "busy",
                  "The database is busy (" + name() + ": no free connection within " + waited +
                      "); try again / Cơ sở dữ liệu đang bận, vui lòng thử lại");
  }
  return LeasedSession(&sessions, position, &sessions.at(position));
}

bool Database::same_pool_as(Database& other) { return &pool() == &other.pool(); }

LeasedSession Database::session_beside(soci::session& held, Database& held_from) {
  if (same_pool_as(held_from)) return LeasedSession(nullptr, 0, &held);
  return session();
}

}  // namespace hisx::sdk
