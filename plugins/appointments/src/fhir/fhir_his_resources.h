#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>

#include "his_directory.h"

namespace hisx::appointments {

/// The HIS's own records the facade's resources refer to, as read-only FHIR R4 resources,
/// from the HIS through the profile: Patient (patient.get, patient.search, find_by_phone,
/// find_by_insurance), Practitioner (doctor.list) and Location (clinic.list). Ids are FHIR ids
/// of the HIS ids (fhir_ids.h), as in every reference the facade emits.

/// The patient code printed on slips (mã bệnh nhân).
inline constexpr std::string_view kPatientCodeSystem = "urn:hisx:fhir:his-patient-code";
/// The Vietnamese health insurance (BHYT) card number.
inline constexpr std::string_view kInsuranceCardSystem = "urn:hisx:fhir:bhyt-card";
/// A doctor's staff code.
inline constexpr std::string_view kDoctorCodeSystem = "urn:hisx:fhir:his-doctor-code";

/// A Vietnamese full name as a HumanName: text as written; family the first word (họ), given
/// the others (tên đệm, tên), when there are two words or more.
Poco::JSON::Object::Ptr human_name(const std::string& full_name);

/// Patient/{id}: identifiers (patient code, type MR; insurance card), name, phone, gender
/// (hisx's gender vocabulary is FHIR's administrative gender), birthDate, address.
Poco::JSON::Object::Ptr patient_resource(const HisPatient& patient);

/// Practitioner/{id}: staff code and name.
Poco::JSON::Object::Ptr practitioner_resource(const HisDoctor& doctor);

/// Location/{id}: a clinic room, active, with its code and name.
Poco::JSON::Object::Ptr location_resource(const HisClinic& clinic);

}  // namespace hisx::appointments
