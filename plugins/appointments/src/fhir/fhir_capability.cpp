#include "fhir/fhir_capability.h"

#include <Poco/JSON/Array.h>

#include <initializer_list>

#include "fhir/fhir_json.h"

namespace hisx::appointments {

namespace {

struct Param {
  const char* name;
  const char* type;
  const char* documentation;
};

Poco::JSON::Object::Ptr resource(const std::string& type,
                                 std::initializer_list<const char*> interactions,
                                 std::initializer_list<Param> params, bool update) {
  auto o = fhir_object();
  o->set("type", type);
  o->set("profile", "http://hl7.org/fhir/StructureDefinition/" + type);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const char* code : interactions) {
    auto i = fhir_object();
    i->set("code", code);
    list->add(i);
  }
  o->set("interaction", list);
  o->set("versioning", "no-version");
  o->set("readHistory", false);
  o->set("updateCreate", false);
  if (update) o->set("conditionalUpdate", false);
  if (params.size() > 0) {
    Poco::JSON::Array::Ptr search = new Poco::JSON::Array;
    for (const auto& p : params) {
      auto sp = fhir_object();
      sp->set("name", p.name);
      const std::string name = p.name;
      sp->set("definition",
              "http://hl7.org/fhir/SearchParameter/" +
                  (name.front() == '_' ? "Resource-" + name.substr(1) : type + "-" + name));
      sp->set("type", p.type);
      sp->set("documentation", p.documentation);
      search->add(sp);
    }
    o->set("searchParam", search);
  }
  return o;
}

}  // namespace

Poco::JSON::Object::Ptr capability_statement(const std::string& date, const std::string& base_url,
                                             const std::string& version) {
  auto o = fhir_object();
  o->set("resourceType", "CapabilityStatement");
  o->set("name", "HisxAppointments");
  o->set("title", "hisx appointments FHIR R4 facade");
  o->set("status", "active");
  o->set("experimental", false);
  o->set("date", date);
  o->set("publisher", "hisx");
  o->set("description",
         "Clinic schedules, slots and appointments of the hospital's outpatient clinics. "
         "Lịch khám, khung giờ và lịch hẹn của các phòng khám ngoại trú.");
  o->set("kind", "instance");
  auto software = fhir_object();
  software->set("name", "hisx appointments");
  software->set("version", version);
  o->set("software", software);
  auto implementation = fhir_object();
  implementation->set("description", "hisx appointments plugin");
  implementation->set("url", base_url);
  o->set("implementation", implementation);
  o->set("fhirVersion", "4.0.1");
  Poco::JSON::Array::Ptr formats = new Poco::JSON::Array;
  formats->add("json");
  formats->add("application/fhir+json");
  o->set("format", formats);

  Poco::JSON::Array::Ptr resources = new Poco::JSON::Array;
  resources->add(resource("Schedule", {"read", "search-type"}, {}, false));
  resources->add(resource(
      "Slot", {"read", "search-type"},
      {{"schedule", "reference", "Schedule/{clinic id}"},
       {"start", "date",
        "[eq|ge|gt|le|lt]date or dateTime (hospital time zone when none is given); "
        "repeat it for a range: every value holds"},
       {"status", "token", "free, busy, busy-unavailable (comma-separated for any of them)"}},
      false));
  auto appointment =
      resource("Appointment", {"read", "search-type", "create", "update"},
               {{"patient", "reference", "Patient/{HIS patient id}"},
                {"date", "date",
                 "Appointment start: [eq|ge|gt|le|lt]date or dateTime; repeat it for a range"},
                {"status", "token",
                 "pending, booked, arrived, fulfilled, cancelled, noshow (comma-separated)"}},
               true);
  appointment->set("conditionalCreate", false);
  resources->add(appointment);
  resources->add(resource(
      "Patient", {"read", "search-type"},
      {{"_id", "token", "Patient id"},
       {"identifier", "token",
        "urn:hisx:fhir:his-patient-code|code or urn:hisx:fhir:bhyt-card|number"},
       {"phone", "token", "phone number"},
       {"name", "string", "part of the name, with or without diacritics (50 best matches)"},
       {"birthdate", "date", "YYYY-MM-DD, with one of the others"}},
      false));
  resources->add(resource("Practitioner", {"read", "search-type"},
                          {{"identifier", "token", "urn:hisx:fhir:his-doctor-code|code"},
                           {"name", "string", "part of the name"}},
                          false));
  resources->add(resource("Location", {"read", "search-type"},
                          {{"identifier", "token", "urn:hisx:fhir:his-clinic-code|code"},
                           {"name", "string", "part of the name"}},
                          false));

  auto security = fhir_object();
  security->set("description",
                "An 'Authorization: Bearer <API key or session token>' header; roles as for "
                "/api/v1/appointments. Only this statement is served without a credential.");
  auto rest = fhir_object();
  rest->set("mode", "server");
  rest->set("documentation",
            "Search: one value per parameter, but start and date may repeat (a range); "
            "_count (default 100, at most 500) entries per page, _page (from 1) the page; "
            "Bundle.total counts every match and the next, previous, first and last links "
            "page through them. Create books a free slot; update cancels (status cancelled "
            "with cancelationReason).");
  rest->set("security", security);
  rest->set("resource", resources);
  Poco::JSON::Array::Ptr rests = new Poco::JSON::Array;
  rests->add(rest);
  o->set("rest", rests);
  return o;
}

}  // namespace hisx::appointments
