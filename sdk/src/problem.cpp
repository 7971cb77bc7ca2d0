#include "hisx/problem.h"

namespace hisx::sdk {

Problem::Problem(int status, std::string type, std::string detail, std::string field)
    : std::runtime_error(detail),
      status_(status),
      type_(std::move(type)),
      detail_(std::move(detail)),
      field_(std::move(field)) {}

Problem::Problem(int status, std::string type, std::string detail, Poco::JSON::Object::Ptr members,
                 std::string field)
    : Problem(status, std::move(type), std::move(detail), std::move(field)) {
  members_ = std::move(members);
}

Problem::~Problem() = default;

Problem& Problem::with(const std::string& name, const Poco::Dynamic::Var& value) {
  if (!members_) members_ = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  members_->set(name, value);
  return *this;
}

Problem Problem::invalid(std::string field, std::string detail) {
  return Problem(422, "validation", std::move(detail), std::move(field));
}

Problem Problem::not_found(std::string detail) {
  return Problem(404, "not-found", std::move(detail));
}

Problem Problem::conflict(std::string detail) {
  return Problem(409, "conflict", std::move(detail));
}

}  // namespace hisx::sdk
