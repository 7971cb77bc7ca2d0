#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <stdexcept>
#include <string>

#include "hisx/export.h"

namespace hisx::sdk {

/// An error answered to an HTTP client as an RFC 9457 `application/problem+json` document.
/// Throw it from a route handler (or anything it calls) for any expected refusal; the
/// host turns every other exception into a 500 problem and logs it.
class HISX_SDK_API Problem : public std::runtime_error {
 public:
  /// @param status HTTP status (4xx or 5xx).
  /// @param type   stable short identifier, e.g. "validation", "not-found", "conflict";
  ///               published as `urn:hisx:problem:<type>`.
  /// @param detail human explanation in English (and Vietnamese where staff read it).
  /// @param field  the request field at fault, if any (JSON pointer or parameter name).
  Problem(int status, std::string type, std::string detail, std::string field = {});
  /// A problem whose document carries extra members (RFC 9457 extensions) after the standard
  /// ones, e.g. the id of the booking a patient already holds or a booking's current status,
  /// so that a client can act on the refusal without parsing `detail`. A member named like a
  /// standard one ("type", "status", "field", …) is dropped. Since 2.0.
  Problem(int status, std::string type, std::string detail, Poco::JSON::Object::Ptr members,
          std::string field = {});
  ~Problem() override;

  int status() const noexcept { return status_; }                 ///< HTTP status.
  const std::string& type() const noexcept { return type_; }      ///< Short type identifier.
  const std::string& detail() const noexcept { return detail_; }  ///< Explanation.
  const std::string& field() const noexcept { return field_; }    ///< Offending field or "".
  /// The extra members, or null. Since 2.0.
  const Poco::JSON::Object::Ptr& members() const noexcept { return members_; }
  /// Adds extra member `name` (see the constructor); returns this problem, so that
  /// `throw Problem::conflict("…").with("booking_id", id);` reads as one statement. Since 2.0.
  Problem& with(const std::string& name, const Poco::Dynamic::Var& value);

  /// 422 naming the field that failed validation.
  static Problem invalid(std::string field, std::string detail);
  /// 404 for a resource that does not exist.
  static Problem not_found(std::string detail);
  /// 409 for a request that conflicts with the current state.
  static Problem conflict(std::string detail);

 private:
  int status_;
  std::string type_;
  std::string detail_;
  std::string field_;
  Poco::JSON::Object::Ptr members_;
};

}  // namespace hisx::sdk
