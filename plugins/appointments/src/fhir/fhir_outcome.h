#pragma once

#include <Poco/JSON/Object.h>

#include <string>

namespace hisx::appointments {

/// Refusals as FHIR R4 OperationOutcome resources.

/// The R4 IssueType code for an HTTP status and hisx problem type: 400 invalid, 401 login,
/// 403 forbidden, 404 not-found, 405 not-supported, 409 business-rule (conflict for a
/// concurrent change), 413 too-costly, 422 invalid, 5xx exception.
std::string issue_type(int status, const std::string& problem_type);

/// The FHIRPath expression naming the element at fault: REST field names of the booking core
/// become their Appointment elements (slot_id → Appointment.slot, patient_id →
/// Appointment.participant.actor, channel → Appointment.extension, reason →
/// Appointment.reasonCode); anything else (a FHIRPath already, a search parameter, a header)
/// is kept as it is.
std::string fhir_expression(const std::string& field);

/// {resourceType OperationOutcome, issue: [{severity error (fatal for 5xx), code, details
/// {coding [{system urn:hisx:problem, code <problem_type>}], text}, diagnostics, expression
/// [<expression>] when not empty}]}.
Poco::JSON::Object::Ptr operation_outcome(int status, const std::string& problem_type,
                                          const std::string& diagnostics,
                                          const std::string& expression);

}  // namespace hisx::appointments
