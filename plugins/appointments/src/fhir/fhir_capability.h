#pragma once

#include <Poco/JSON/Object.h>

#include <string>

namespace hisx::appointments {

/// The CapabilityStatement served at /fhir/r4/metadata: an instance of FHIR 4.0.1 speaking
/// JSON, with Schedule (read, search), Slot (read, search by schedule, start, status) and
/// Appointment (read, search by patient, date, status; create; update to cancel).
/// `date` is when this capability last changed (the plugin's start), `base_url` the server's
/// FHIR base ("https://host/fhir/r4"), `version` the plugin's version.
Poco::JSON::Object::Ptr capability_statement(const std::string& date, const std::string& base_url,
                                             const std::string& version);

}  // namespace hisx::appointments
