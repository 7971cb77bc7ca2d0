#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "hisx/http.h"
#include "hisx/problem.h"

namespace hisx::appointments {

/// A Problem whose document carries extra members (RFC 9457 extensions), e.g. the id of the
/// booking a patient already holds, or a booking's current status. The SDK's Problem has no
/// room for them, so the plugin's handlers answer these themselves (answering_members()).
class ProblemWithMembers : public sdk::Problem {
 public:
  ProblemWithMembers(int status, std::string type, std::string detail,
                     Poco::JSON::Object::Ptr members, std::string field = {});
  ~ProblemWithMembers() override;

  /// The extra members, added after the standard ones (a member named like a standard one,
  /// e.g. "status", is dropped).
  const Poco::JSON::Object::Ptr& members() const { return members_; }

 private:
  Poco::JSON::Object::Ptr members_;
};

/// Wraps `handler` so that a ProblemWithMembers it throws is answered as an
/// `application/problem+json` document in the host's format (type, title, status, detail,
/// field, request_id) plus the extra members. Every other exception passes to the host.
sdk::Handler answering_members(sdk::Handler handler);

}  // namespace hisx::appointments
