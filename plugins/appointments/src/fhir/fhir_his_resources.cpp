#include "fhir/fhir_his_resources.h"

#include <sstream>
#include <vector>

#include "fhir/fhir_codes.h"
#include "fhir/fhir_ids.h"
#include "fhir/fhir_json.h"

namespace hisx::appointments {

namespace {

constexpr std::string_view kIdentifierTypeSystem = "http://terminology.hl7.org/CodeSystem/v2-0203";
constexpr std::string_view kPhysicalTypeSystem =
    "http://terminology.hl7.org/CodeSystem/location-physical-type";

}  // namespace

Poco::JSON::Object::Ptr human_name(const std::string& full_name) {
  auto name = fhir_object();
  name->set("use", "official");
  name->set("text", full_name);
  std::vector<std::string> words;
  std::istringstream in(full_name);
  for (std::string w; in >> w;) words.push_back(w);
  if (words.size() >= 2) {
    name->set("family", words.front());
    Poco::JSON::Array::Ptr given = new Poco::JSON::Array;
    for (std::size_t i = 1; i < words.size(); ++i) given->add(words[i]);
    name->set("given", given);
  }
  return name;
}

Poco::JSON::Object::Ptr patient_resource(const HisPatient& p) {
  auto o = fhir_object();
  o->set("resourceType", "Patient");
  o->set("id", fhir_id_of(p.id));
  Poco::JSON::Array::Ptr identifiers = new Poco::JSON::Array;
  auto code = fhir_identifier(kPatientCodeSystem, p.code);
  code->set("use", "usual");
  code->set("type", fhir_coded(kIdentifierTypeSystem, "MR", "Medical record number"));
  identifiers->add(code);
  if (!p.insurance_no.empty())
    identifiers->add(fhir_identifier(kInsuranceCardSystem, p.insurance_no));
  o->set("identifier", identifiers);
  o->set("active", true);
  o->set("name", fhir_array({human_name(p.full_name)}));
  if (!p.phone.empty()) {
    auto phone = fhir_object();
    phone->set("system", "phone");
    phone->set("value", p.phone);
    phone->set("use", "mobile");
    o->set("telecom", fhir_array({phone}));
  }
  if (!p.gender.empty()) o->set("gender", p.gender);
  if (!p.birth_date.empty()) o->set("birthDate", p.birth_date);
  if (!p.address.empty()) {
    auto address = fhir_object();
    address->set("text", p.address);
    address->set("country", "VN");
    o->set("address", fhir_array({address}));
  }
  return o;
}

Poco::JSON::Object::Ptr practitioner_resource(const HisDoctor& d) {
  auto o = fhir_object();
  o->set("resourceType", "Practitioner");
  o->set("id", fhir_id_of(d.id));
  o->set("identifier", fhir_array({fhir_identifier(kDoctorCodeSystem, d.code)}));
  o->set("active", true);
  auto name = fhir_object();
  name->set("text", d.full_name);
  o->set("name", fhir_array({name}));
  return o;
}

Poco::JSON::Object::Ptr location_resource(const HisClinic& c) {
  auto o = fhir_object();
  o->set("resourceType", "Location");
  o->set("id", fhir_id_of(c.id));
  o->set("identifier", fhir_array({fhir_identifier(kClinicCodeSystem, c.code)}));
  o->set("status", "active");
  o->set("name", c.name);
  o->set("mode", "instance");
  o->set("physicalType", fhir_coded(kPhysicalTypeSystem, "ro", "Room"));
  return o;
}

}  // namespace hisx::appointments
