#include "http/problem_response.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTTPResponse.h>

#include <sstream>

namespace hisx::host {

std::string problem_type_uri(const std::string& type) { return "urn:hisx:problem:" + type; }

std::string problem_json(const sdk::Problem& problem, const std::string& request_id) {
  // Key order kept so that a person reading the raw answer sees type and status first.
  Poco::JSON::Object document(Poco::JSON_PRESERVE_KEY_ORDER);
  document.set("type", problem_type_uri(problem.type()));
  document.set("title", Poco::Net::HTTPResponse::getReasonForStatus(
                            static_cast<Poco::Net::HTTPResponse::HTTPStatus>(problem.status())));
  document.set("status", problem.status());
  document.set("detail", problem.detail());
  if (!problem.field().empty()) document.set("field", problem.field());
  document.set("request_id", request_id);
  if (problem.members()) {
    for (const auto& [name, value] : *problem.members()) {
      if (!document.has(name)) document.set(name, value);  // never replaces a standard member
    }
  }
  std::ostringstream out;
  document.stringify(out);
  return out.str();
}

void set_problem(HostResponse& response, const sdk::Problem& problem,
                 const std::string& request_id) {
  response.reset();
  response.status(problem.status());
  response.body(problem_json(problem, request_id), kProblemContentType);
  // RFC 9110: a 401 names the scheme the client should use.
  if (problem.status() == 401) response.header("WWW-Authenticate", "Bearer");
  // A database pool with no free connection (sdk::Database::session()) frees in a moment.
  if (problem.status() == 503 && problem.type() == "busy") response.header("Retry-After", "1");
  // A rate limit's refusal (sdk::too_many_requests()) says when to come back.
  if (problem.status() == 429 && problem.members() && problem.members()->has("retry_after")) {
    const Poco::Dynamic::Var& seconds = problem.members()->get("retry_after");
    if (seconds.isInteger()) response.header("Retry-After", seconds.convert<std::string>());
  }
}

sdk::Problem internal_problem(const std::string& request_id) {
  return sdk::Problem(500, "internal",
                      "Internal error; see the server log for request " + request_id + ".");
}

}  // namespace hisx::host
