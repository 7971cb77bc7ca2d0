#include <map>

#include "catalogue/catalogue_store.h"
#include "channels.h"
#include "fhir/fhir_codes.h"
#include "fhir/fhir_http.h"
#include "fhir/fhir_ids.h"
#include "fhir/fhir_resources.h"
#include "fhir/fhir_routes.h"
#include "fhir/fhir_search.h"
#include "fhir/fhir_store.h"
#include "his_directory.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "routes.h"

namespace hisx::appointments {

namespace {

struct VisibleSchedule {
  ClinicRules rules;
  HisClinic clinic;
};

// The clinics GET /api/v1/appointments/clinics shows `role`: active, listed by the HIS, and
// for the app and website backends only those taking their channel.
std::vector<VisibleSchedule> visible_schedules(Environment& env, const std::string& role) {
  std::vector<ClinicRules> catalogue;
  {
    const auto s_lease = env.context.store().session();
    soci::session& s = *s_lease;
    catalogue = list_clinic_rules(s);
  }
  std::map<sdk::HisId, HisClinic> his;
  for (auto& c : his_clinics(env.context)) his.emplace(c.id, std::move(c));
  const auto own = channels_for_role(role);
  std::vector<VisibleSchedule> out;
  for (const auto& rules : catalogue) {
    auto it = his.find(rules.clinic_id);
    if (!rules.active || it == his.end()) continue;
    if (!role_sees_every_channel(role) &&
        (own.empty() || std::find(rules.channels.begin(), rules.channels.end(), own.front()) ==
                            rules.channels.end())) {
      continue;
    }
    out.push_back({rules, it->second});
  }
  return out;
}

[[noreturn]] void no_resource(const std::string& type, const std::string& id) {
  throw sdk::Problem::not_found("No " + type + "/" + id + " / Không có " + type + "/" + id);
}

}  // namespace

void add_fhir_schedule_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();
  const std::string base = kFhirPath;

  router.add(
      {"GET",
       base + "/Schedule",
       reader_roles(),
       answering_fhir(env,
                      [e](sdk::Request& req, sdk::Response& res) {
                        SearchParams used;
                        const Paging paging = read_paging(req, used);
                        const std::string url = fhir_base_url(req);
                        const LocalDate today = e->zone.date_of(e->now());
                        const auto all = visible_schedules(*e, req.principal()->role);
                        const auto total = static_cast<long long>(all.size());
                        std::vector<BundleEntry> entries;
                        for (long long i = paging.offset();
                             i < total && i < paging.offset() + paging.count; ++i) {
                          const auto& v = all[static_cast<std::size_t>(i)];
                          entries.push_back({url + "/Schedule/" + fhir_id_of(v.rules.clinic_id),
                                             schedule_resource(v.rules, v.clinic, today)});
                        }
                        send_fhir(res, searchset_bundle(
                                           search_links(url + "/Schedule", used, paging, total),
                                           total, entries, e->now()));
                      }),
       "FHIR Schedule search: the bookable clinics (as GET /api/v1/appointments/clinics)",
       false,
       {{"_count", "integer", false, "Entries per page (default 100, at most 500)"},
        {"_page", "integer", false, "Page to return, from 1 (default 1)"}}});

  router.add({"GET", base + "/Schedule/{id}", reader_roles(),
              answering_fhir(env,
                             [e](sdk::Request& req, sdk::Response& res) {
                               const std::string& id = req.param("id");
                               const auto clinic_id = his_id_of_fhir(id);
                               for (const auto& v : visible_schedules(*e, req.principal()->role)) {
                                 if (clinic_id && v.rules.clinic_id == *clinic_id) {
                                   send_fhir(res, schedule_resource(v.rules, v.clinic,
                                                                    e->zone.date_of(e->now())));
                                   return;
                                 }
                               }
                               no_resource("Schedule", id);
                             }),
              "FHIR Schedule read: one bookable clinic"});

  router.add(
      {"GET",
       base + "/Slot",
       reader_roles(),
       answering_fhir(
           env,
           [e](sdk::Request& req, sdk::Response& res) {
             SlotSearch search;
             SearchParams used;
             if (auto v = req.query("schedule")) {
               search.clinic_id = parse_his_reference_param("schedule", *v, "Schedule");
               used.emplace_back("schedule", "Schedule/" + fhir_id_of(*search.clinic_id));
             }
             if (const auto starts = req.query_all("start"); !starts.empty()) {
               search.start = parse_date_params("start", starts, e->zone);
               for (const auto& v : starts) used.emplace_back("start", v);
             }
             if (auto v = req.query("status")) {
               auto codes = parse_token_param("status", *v, std::string(kSlotStatusSystem));
               for (const auto& c : codes) {
                 if (!is_slot_status_code(c)) {
                   throw sdk::Problem(400, "validation",
                                      "Search parameter 'status' must hold slot statuses (free, "
                                      "busy, busy-unavailable) / Tham số 'status' không hợp lệ",
                                      "status");
                 }
               }
               search.statuses = codes;
               used.emplace_back("status", *v);
             }
             search.paging = read_paging(req, used);
             SlotPage page;
             {
               const auto s_lease = e->context.store().session();
               soci::session& s = *s_lease;
               page = search_slots(s, search);
             }
             const std::string url = fhir_base_url(req);
             std::vector<BundleEntry> entries;
             for (const auto& f : page.slots) {
               entries.push_back({url + "/Slot/" + std::to_string(f.slot.id),
                                  slot_resource(f.slot, f.clinic_active, e->zone)});
             }
             send_fhir(
                 res, searchset_bundle(search_links(url + "/Slot", used, search.paging, page.total),
                                       page.total, entries, e->now()));
           }),
       "FHIR Slot search by schedule, start and status",
       false,
       {{"schedule", "string", false, "Schedule/{clinic id}"},
        {"start", "string", false,
         "[eq|ge|gt|le|lt]date or dateTime; repeat it for a range (every value holds)"},
        {"status", "string", false, "free, busy, busy-unavailable (comma-separated)"},
        {"_count", "integer", false, "Entries per page (default 100, at most 500)"},
        {"_page", "integer", false, "Page to return, from 1 (default 1)"}}});

  router.add({"GET", base + "/Slot/{id}", reader_roles(),
              answering_fhir(env,
                             [e](sdk::Request& req, sdk::Response& res) {
                               const std::string& id = req.param("id");
                               std::optional<FhirSlot> found;
                               long long number = 0;
                               try {
                                 number = sdk::parse_integer("id", id, 1, INT64_MAX);
                               } catch (const sdk::Problem&) {
                                 no_resource("Slot", id);
                               }
                               {
                                 const auto s_lease = e->context.store().session();
                                 soci::session& s = *s_lease;
                                 found = find_fhir_slot(s, number);
                               }
                               if (!found) no_resource("Slot", id);
                               send_fhir(res,
                                         slot_resource(found->slot, found->clinic_active, e->zone));
                             }),
              "FHIR Slot read"});
}

}  // namespace hisx::appointments
