#include "fhir/fhir_outcome.h"

#include <Poco/JSON/Array.h>

#include <map>

namespace hisx::appointments {

namespace {

Poco::JSON::Object::Ptr object() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

}  // namespace

std::string issue_type(int status, const std::string& problem_type) {
  switch (status) {
    case 400:
    case 422:
      return "invalid";
    case 401:
      return "login";
    case 403:
      return "forbidden";
    case 404:
      return "not-found";
    case 405:
      return "not-supported";
    case 409:
      return problem_type == "invalid-transition" ? "conflict" : "business-rule";
    case 413:
      return "too-costly";
    default:
      return status >= 500 ? "exception" : "processing";
  }
}

std::string fhir_expression(const std::string& field) {
  static const std::map<std::string, std::string> known = {
      {"slot_id", "Appointment.slot"},
      {"patient_id", "Appointment.participant.actor"},
      {"channel", "Appointment.extension"},
      {"reason", "Appointment.reasonCode"},
  };
  const auto it = known.find(field);
  return it == known.end() ? field : it->second;
}

Poco::JSON::Object::Ptr operation_outcome(int status, const std::string& problem_type,
                                          const std::string& diagnostics,
                                          const std::string& expression) {
  auto coding = object();
  coding->set("system", "urn:hisx:problem");
  coding->set("code", problem_type);
  Poco::JSON::Array::Ptr codings = new Poco::JSON::Array;
  codings->add(coding);
  auto details = object();
  details->set("coding", codings);
  details->set("text", problem_type);

  auto issue = object();
  issue->set("severity", status >= 500 ? "fatal" : "error");
  issue->set("code", issue_type(status, problem_type));
  issue->set("details", details);
  if (!diagnostics.empty()) issue->set("diagnostics", diagnostics);
  if (!expression.empty()) {
    Poco::JSON::Array::Ptr expressions = new Poco::JSON::Array;
    expressions->add(expression);
    issue->set("expression", expressions);
  }
  Poco::JSON::Array::Ptr issues = new Poco::JSON::Array;
  issues->add(issue);

  auto o = object();
  o->set("resourceType", "OperationOutcome");
  o->set("issue", issues);
  return o;
}

}  // namespace hisx::appointments
