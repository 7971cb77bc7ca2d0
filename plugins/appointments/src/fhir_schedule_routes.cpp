#include <map>

#include "catalogue_store.h"
#include "channels.h"
#include "fhir_codes.h"
#include "fhir_http.h"
#include "fhir_resources.h"
#include "fhir_routes.h"
#include "fhir_search.h"
#include "fhir_store.h"
#include "his_directory.h"
#include "hisx/problem.h"
#include "request_values.h"
#include "routes.h"

namespace hisx::appointments {

namespace {

constexpr int kDefaultCount = 100;
constexpr int kMaxCount = 500;

struct VisibleSchedule {
  ClinicRules rules;
  HisClinic clinic;
};

// The clinics GET /api/v1/appointments/clinics shows `role`: active, listed by the HIS, and
// for the app and website backends only those taking their channel.
std::vector<VisibleSchedule> visible_schedules(Environment& env, const std::string& role) {
  std::vector<ClinicRules> catalogue;
  {
    soci::session s(env.context.store().pool());
    catalogue = list_clinic_rules(s);
  }
  std::map<long long, HisClinic> his;
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

int count_of(const sdk::Request& req) {
  const auto text = req.query("_count");
  return text ? parse_count_param(*text, kMaxCount) : kDefaultCount;
}

[[noreturn]] void no_resource(const std::string& type, const std::string& id) {
  throw sdk::Problem::not_found("No " + type + "/" + id + " / Không có " + type + "/" + id);
}

}  // namespace

void add_fhir_schedule_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();
  const std::string base = kFhirPath;

  router.add({"GET",
              base + "/Schedule",
              reader_roles(),
              answering_fhir(env,
                             [e](sdk::Request& req, sdk::Response& res) {
                               const int count = count_of(req);
                               const std::string url = fhir_base_url(req);
                               const LocalDate today = local_date(e->now(), e->zone);
                               const auto all = visible_schedules(*e, req.principal()->role);
                               std::vector<BundleEntry> entries;
                               for (const auto& v : all) {
                                 if (static_cast<int>(entries.size()) >= count) break;
                                 entries.push_back(
                                     {url + "/Schedule/" + std::to_string(v.rules.clinic_id),
                                      schedule_resource(v.rules, v.clinic, today)});
                               }
                               std::vector<std::pair<std::string, std::string>> used;
                               if (req.query("_count"))
                                 used.emplace_back("_count", std::to_string(count));
                               send_fhir(res, searchset_bundle(search_url(url + "/Schedule", used),
                                                               static_cast<long long>(all.size()),
                                                               entries, e->now()));
                             }),
              "FHIR Schedule search: the bookable clinics (as GET /api/v1/appointments/clinics)",
              false,
              {{"_count", "integer", false, "Most entries to return (default 100, at most 500)"}}});

  router.add({"GET", base + "/Schedule/{id}", reader_roles(),
              answering_fhir(env,
                             [e](sdk::Request& req, sdk::Response& res) {
                               const std::string& id = req.param("id");
                               for (const auto& v : visible_schedules(*e, req.principal()->role)) {
                                 if (std::to_string(v.rules.clinic_id) == id) {
                                   send_fhir(res, schedule_resource(v.rules, v.clinic,
                                                                    local_date(e->now(), e->zone)));
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
             std::vector<std::pair<std::string, std::string>> used;
             if (auto v = req.query("schedule")) {
               search.clinic_id = parse_reference_param("schedule", *v, "Schedule");
               used.emplace_back("schedule", "Schedule/" + std::to_string(*search.clinic_id));
             }
             if (auto v = req.query("start")) {
               search.start = parse_date_param("start", *v, e->zone);
               used.emplace_back("start", *v);
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
             search.count = count_of(req);
             if (req.query("_count")) used.emplace_back("_count", std::to_string(search.count));
             SlotPage page;
             {
               soci::session s(e->context.store().pool());
               page = search_slots(s, search);
             }
             const std::string url = fhir_base_url(req);
             std::vector<BundleEntry> entries;
             for (const auto& f : page.slots) {
               entries.push_back({url + "/Slot/" + std::to_string(f.slot.id),
                                  slot_resource(f.slot, f.clinic_active, e->zone)});
             }
             send_fhir(res, searchset_bundle(search_url(url + "/Slot", used), page.total, entries,
                                             e->now()));
           }),
       "FHIR Slot search by schedule, start and status",
       false,
       {{"schedule", "string", false, "Schedule/{clinic id}"},
        {"start", "string", false, "[eq|ge|gt|le|lt]date or dateTime (one value)"},
        {"status", "string", false, "free, busy, busy-unavailable (comma-separated)"},
        {"_count", "integer", false, "Most entries to return (default 100, at most 500)"}}});

  router.add({"GET", base + "/Slot/{id}", reader_roles(),
              answering_fhir(env,
                             [e](sdk::Request& req, sdk::Response& res) {
                               const std::string& id = req.param("id");
                               std::optional<FhirSlot> found;
                               long long number = 0;
                               try {
                                 number = parse_integer("id", id, 1, INT64_MAX);
                               } catch (const sdk::Problem&) {
                                 no_resource("Slot", id);
                               }
                               {
                                 soci::session s(e->context.store().pool());
                                 found = find_fhir_slot(s, number);
                               }
                               if (!found) no_resource("Slot", id);
                               send_fhir(res,
                                         slot_resource(found->slot, found->clinic_active, e->zone));
                             }),
              "FHIR Slot read"});
}

}  // namespace hisx::appointments
