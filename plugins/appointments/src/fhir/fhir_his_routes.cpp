// Read-only Patient, Practitioner and Location at /fhir/r4, from the HIS through the profile:
// what the Appointment, Schedule and Slot resources refer to (see README, "FHIR R4").
#include <algorithm>
#include <functional>

#include "fhir/fhir_codes.h"
#include "fhir/fhir_his_resources.h"
#include "fhir/fhir_http.h"
#include "fhir/fhir_ids.h"
#include "fhir/fhir_resources.h"
#include "fhir/fhir_routes.h"
#include "fhir/fhir_search.h"
#include "hisx/civil_time.h"
#include "hisx/problem.h"
#include "hisx/text.h"
#include "patient_scope.h"
#include "routes.h"

namespace hisx::appointments {

namespace {

// A name search reads at most this many patients from the HIS, best matches first.
constexpr int kMostPatients = 50;

[[noreturn]] void no_resource(const std::string& type, const std::string& id) {
  throw sdk::Problem::not_found("No " + type + "/" + id + " / Không có " + type + "/" + id);
}

[[noreturn]] void bad_search(const std::string& param, const std::string& detail) {
  throw sdk::Problem(400, "validation", detail, param);
}

// A token "system|value" or "value".
struct Token {
  std::optional<std::string> system;
  std::string value;
};

Token parse_token(const std::string& param, const std::string& text) {
  Token t;
  const auto bar = text.find('|');
  if (bar == std::string::npos) {
    t.value = text;
  } else {
    t.system = text.substr(0, bar);
    t.value = text.substr(bar + 1);
  }
  if (t.value.empty()) {
    bad_search(param, "Search parameter '" + param + "' needs a value, e.g. " + param +
                          "=system|value / Tham số '" + param + "' cần một giá trị");
  }
  return t;
}

bool same_text(const std::string& a, const std::string& b) {
  return sdk::fold_search_text(a) == sdk::fold_search_text(b);
}

void add_unique(std::vector<HisPatient>& to, std::vector<HisPatient> more) {
  for (auto& p : more) {
    const bool seen =
        std::any_of(to.begin(), to.end(), [&](const HisPatient& q) { return q.id == p.id; });
    if (!seen) to.push_back(std::move(p));
  }
}

// The patients an identifier names: a patient code, an insurance card, or (without a system)
// either.
std::vector<HisPatient> patients_with_identifier(Environment& env, const Token& t) {
  const bool any = !t.system;
  const bool code = any || *t.system == kPatientCodeSystem;
  const bool card = any || *t.system == kInsuranceCardSystem;
  if (!code && !card) {
    bad_search("identifier", "Search parameter 'identifier' takes the systems " +
                                 std::string(kPatientCodeSystem) + " and " +
                                 std::string(kInsuranceCardSystem) +
                                 " / Tham số 'identifier' không hỗ trợ hệ mã này");
  }
  std::vector<HisPatient> out;
  if (code) {
    for (auto& p : his_patient_search(env.context, sdk::fold_search_text(t.value), kMostPatients)) {
      if (same_text(p.code, t.value)) out.push_back(std::move(p));
    }
  }
  if (card) {
    auto found = his_patients_by_insurance(env.context, t.value);
    if (!found && !any) {
      bad_search("identifier",
                 "This hospital's HIS profile has no patient.find_by_insurance: a search by "
                 "insurance card is not available / Hồ sơ HIS chưa hỗ trợ tìm theo thẻ BHYT");
    }
    if (found) add_unique(out, std::move(*found));
  }
  return out;
}

std::vector<HisPatient> patients_with_phone(Environment& env, const std::string& phone) {
  if (auto found = his_patients_by_phone(env.context, phone)) return std::move(*found);
  // Without patient.find_by_phone, patient.search matches phones too.
  std::vector<HisPatient> out;
  for (auto& p : his_patient_search(env.context, sdk::fold_search_text(phone), kMostPatients)) {
    if (p.phone == phone) out.push_back(std::move(p));
  }
  return out;
}

// Keeps those of `list` that `keep` accepts.
template <class T>
std::vector<T> kept(std::vector<T> list, const std::function<bool(const T&)>& keep) {
  list.erase(std::remove_if(list.begin(), list.end(), [&](const T& t) { return !keep(t); }),
             list.end());
  return list;
}

// One page of `all` as a searchset Bundle of `type`.
template <class T>
void send_page(Environment& env, sdk::Request& req, sdk::Response& res, const std::string& type,
               const std::vector<T>& all, SearchParams& used,
               const std::function<Poco::JSON::Object::Ptr(const T&)>& resource,
               const std::function<sdk::HisId(const T&)>& id_of) {
  const Paging paging = read_paging(req, used);
  const std::string url = fhir_base_url(req);
  const auto total = static_cast<long long>(all.size());
  std::vector<BundleEntry> entries;
  for (long long i = paging.offset(); i < total && i < paging.offset() + paging.count; ++i) {
    const auto& item = all[static_cast<std::size_t>(i)];
    entries.push_back({url + "/" + type + "/" + fhir_id_of(id_of(item)), resource(item)});
  }
  send_fhir(res, searchset_bundle(search_links(url + "/" + type, used, paging, total), total,
                                  entries, env.now()));
}

void add_patient_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();
  const std::string base = std::string(kFhirPath) + "/Patient";
  router.add({"GET", base + "/{id}", reader_roles(),
              answering_fhir(env,
                             [e](sdk::Request& req, sdk::Response& res) {
                               const std::string& id = req.param("id");
                               // Outside the caller's scope: as if the HIS had no such patient.
                               const auto scope = patient_scope(*e, req);
                               const auto his_id = his_id_of_fhir(id);
                               const auto patient = his_id && scope.allows(*his_id)
                                                        ? his_patient(e->context, *his_id)
                                                        : std::nullopt;
                               if (!patient) no_resource("Patient", id);
                               send_fhir(res, patient_resource(*patient));
                             }),
              "FHIR Patient read: the HIS patient (patient.get)"});

  router.add(
      {"GET",
       base,
       reader_roles(),
       answering_fhir(
           env,
           [e](sdk::Request& req, sdk::Response& res) {
             SearchParams used;
             std::optional<std::vector<HisPatient>> found;
             // Each criterion narrows what the ones before found.
             auto narrow = [&](std::vector<HisPatient> matches) {
               if (!found) {
                 found = std::move(matches);
                 return;
               }
               found = kept<HisPatient>(std::move(*found), [&](const HisPatient& p) {
                 return std::any_of(matches.begin(), matches.end(),
                                    [&](const HisPatient& m) { return m.id == p.id; });
               });
             };
             if (auto v = req.query("_id")) {
               used.emplace_back("_id", *v);
               const auto id = his_id_of_fhir(*v);
               auto p = id ? his_patient(e->context, *id) : std::nullopt;
               narrow(p ? std::vector<HisPatient>{*p} : std::vector<HisPatient>{});
             }
             if (auto v = req.query("identifier")) {
               used.emplace_back("identifier", *v);
               narrow(patients_with_identifier(*e, parse_token("identifier", *v)));
             }
             if (auto v = req.query("phone")) {
               used.emplace_back("phone", *v);
               narrow(patients_with_phone(*e, parse_token("phone", *v).value));
             }
             if (auto v = req.query("name")) {
               used.emplace_back("name", *v);
               const std::string q = sdk::fold_search_text(*v);
               if (q.size() < 2) {
                 bad_search("name",
                            "Search parameter 'name' needs at least 2 characters / Tham số "
                            "'name' cần ít nhất 2 ký tự");
               }
               narrow(kept<HisPatient>(
                   his_patient_search(e->context, q, kMostPatients), [&](const HisPatient& p) {
                     return sdk::fold_search_text(p.full_name).find(q) != std::string::npos;
                   }));
             }
             if (!found) {
               bad_search("name",
                          "A Patient search needs _id, identifier, phone or name (the HIS is "
                          "never listed whole) / Tìm bệnh nhân cần _id, identifier, phone hoặc "
                          "name");
             }
             // Only the patients of the caller's scope (the app's linked ones, with app_link).
             if (const auto scope = patient_scope(*e, req); scope.bound()) {
               const auto linked = scope.patients();
               found = kept<HisPatient>(std::move(*found), [&](const HisPatient& p) {
                 return std::find(linked.begin(), linked.end(), p.id) != linked.end();
               });
             }
             if (auto v = req.query("birthdate")) {
               if (!sdk::parse_date(*v)) {
                 bad_search("birthdate",
                            "Search parameter 'birthdate' must be a date YYYY-MM-DD / Tham số "
                            "'birthdate' phải là ngày YYYY-MM-DD");
               }
               used.emplace_back("birthdate", *v);
               found = kept<HisPatient>(std::move(*found),
                                        [&](const HisPatient& p) { return p.birth_date == *v; });
             }
             send_page<HisPatient>(*e, req, res, "Patient", *found, used, patient_resource,
                                   [](const HisPatient& p) { return p.id; });
           }),
       "FHIR Patient search by _id, identifier (patient code or insurance card), phone, name "
       "(at most the 50 best matches) and birthdate, from the HIS",
       false,
       {{"_id", "string", false, "A Patient id"},
        {"identifier", "string", false,
         std::string(kPatientCodeSystem) + "|code or " + std::string(kInsuranceCardSystem) +
             "|card number, or the value alone for either"},
        {"phone", "string", false, "A phone number, as the patient gives it"},
        {"name", "string", false, "Part of the name, with or without diacritics"},
        {"birthdate", "string", false, "YYYY-MM-DD, with one of the others"},
        {"_count", "integer", false, "Entries per page (default 100, at most 500)"},
        {"_page", "integer", false, "Page to return, from 1 (default 1)"}}});
}

// Read and search of a resource whose records the HIS lists whole (doctors, clinics).
template <class T>
void add_listed_routes(Environment& env, const std::string& type, std::string_view code_system,
                       std::function<std::vector<T>(Environment&)> list,
                       std::function<Poco::JSON::Object::Ptr(const T&)> resource,
                       std::function<std::string(const T&)> name_of, const std::string& what) {
  Environment* e = &env;
  auto& router = env.context.router();
  const std::string base = std::string(kFhirPath) + "/" + type;
  const std::string system(code_system);
  router.add({"GET", base + "/{id}", reader_roles(),
              answering_fhir(env,
                             [e, type, list, resource](sdk::Request& req, sdk::Response& res) {
                               const std::string& id = req.param("id");
                               const auto his_id = his_id_of_fhir(id);
                               for (const auto& item : list(*e)) {
                                 if (his_id && item.id == *his_id) {
                                   send_fhir(res, resource(item));
                                   return;
                                 }
                               }
                               no_resource(type, id);
                             }),
              "FHIR " + type + " read: " + what});
  router.add(
      {"GET",
       base,
       reader_roles(),
       answering_fhir(
           env,
           [e, type, system, list, resource, name_of](sdk::Request& req, sdk::Response& res) {
             SearchParams used;
             std::vector<T> all = list(*e);
             if (auto v = req.query("identifier")) {
               used.emplace_back("identifier", *v);
               const Token t = parse_token("identifier", *v);
               if (t.system && *t.system != system) {
                 bad_search("identifier",
                            "Search parameter 'identifier' takes the "
                            "system " +
                                system + " / Hệ mã không hỗ trợ");
               }
               all = kept<T>(std::move(all), [&](const T& item) { return item.code == t.value; });
             }
             if (auto v = req.query("name")) {
               used.emplace_back("name", *v);
               const std::string q = sdk::fold_search_text(*v);
               all = kept<T>(std::move(all), [&](const T& item) {
                 return sdk::fold_search_text(name_of(item)).find(q) != std::string::npos;
               });
             }
             send_page<T>(*e, req, res, type, all, used, resource,
                          [](const T& item) { return item.id; });
           }),
       "FHIR " + type + " search by identifier and name: " + what,
       false,
       {{"identifier", "string", false, system + "|code, or the code alone"},
        {"name", "string", false, "Part of the name, with or without diacritics"},
        {"_count", "integer", false, "Entries per page (default 100, at most 500)"},
        {"_page", "integer", false, "Page to return, from 1 (default 1)"}}});
}

}  // namespace

void add_fhir_his_routes(Environment& env) {
  add_patient_routes(env);
  add_listed_routes<HisDoctor>(
      env, "Practitioner", kDoctorCodeSystem, [](Environment& e) { return his_doctors(e.context); },
      practitioner_resource, [](const HisDoctor& d) { return d.full_name; },
      "the HIS's active doctors (doctor.list)");
  add_listed_routes<HisClinic>(
      env, "Location", kClinicCodeSystem, [](Environment& e) { return his_clinics(e.context); },
      location_resource, [](const HisClinic& c) { return c.name; },
      "the HIS's active clinic rooms (clinic.list)");
}

}  // namespace hisx::appointments
