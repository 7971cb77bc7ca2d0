#include "problem_members.h"

#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace hisx::appointments {

namespace {

// The reason phrases of the statuses this plugin answers with members.
std::string title_of(int status) {
  switch (status) {
    case 404:
      return "Not Found";
    case 409:
      return "Conflict";
    case 422:
      return "Unprocessable Entity";
    default:
      return "Error";
  }
}

}  // namespace

ProblemWithMembers::ProblemWithMembers(int status, std::string type, std::string detail,
                                       Poco::JSON::Object::Ptr members, std::string field)
    : sdk::Problem(status, std::move(type), std::move(detail), std::move(field)),
      members_(std::move(members)) {}

ProblemWithMembers::~ProblemWithMembers() = default;

sdk::Handler answering_members(sdk::Handler handler) {
  return [handler = std::move(handler)](sdk::Request& req, sdk::Response& res) {
    try {
      handler(req, res);
    } catch (const ProblemWithMembers& p) {
      Poco::JSON::Object doc(Poco::JSON_PRESERVE_KEY_ORDER);
      doc.set("type", "urn:hisx:problem:" + p.type());
      doc.set("title", title_of(p.status()));
      doc.set("status", p.status());
      doc.set("detail", p.detail());
      if (!p.field().empty()) doc.set("field", p.field());
      doc.set("request_id", req.request_id());
      if (p.members()) {
        // Extensions never replace the standard members.
        for (const auto& [name, value] : *p.members()) {
          if (!doc.has(name)) doc.set(name, value);
        }
      }
      std::ostringstream out;
      doc.stringify(out);
      res.status(p.status());
      res.body(out.str(), "application/problem+json");
    }
  };
}

}  // namespace hisx::appointments
