// Link-rate targets per department and the progress against them over a period of local
// days: distinct patients who visited (HIS visits through the profile), of them those linked
// at the period's end by any method.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>

#include "hisx/his_records.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "linking/link_store.h"
#include "routes.h"
#include "targets/progress_rules.h"
#include "targets/target_store.h"

namespace hisx::app_link {

namespace {

constexpr int kMaxDays = 366;

std::vector<std::string> viewer_roles() {
  namespace r = sdk::roles;
  return {std::string(r::kManager), std::string(r::kAdmin), std::string(r::kReceptionist),
          std::string(r::kDoctor)};
}

std::vector<std::string> target_setter_roles() {
  namespace r = sdk::roles;
  return {std::string(r::kManager), std::string(r::kAdmin)};
}

Poco::Dynamic::Var number_or_null(const std::optional<double>& v) {
  return v ? Poco::Dynamic::Var(*v) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr progress_json(const DepartmentProgress& p, bool with_department) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  if (with_department) {
    o->set("department_id", p.department_id);
    o->set("code", p.code);
    o->set("name", p.name);
  }
  o->set("visited", p.visited);
  o->set("linked", p.linked);
  o->set("rate_percent", number_or_null(p.rate_percent));
  o->set("target_percent", p.target_percent);
  if (with_department) o->set("target_is_default", p.target_is_default);
  o->set("gap_percent", number_or_null(p.gap_percent));
  o->set("patients_to_target", p.patients_to_target);
  o->set("on_target", p.on_target);
  return o;
}

std::vector<DepartmentTarget> department_targets(const std::vector<sdk::HisDepartment>& departments,
                                                 const std::map<std::string, StoredTarget>& own) {
  std::vector<DepartmentTarget> out;
  for (const auto& d : departments) {
    DepartmentTarget t{d.id, d.code, d.name, std::nullopt};
    if (const auto it = own.find(d.id); it != own.end())
      t.target_percent = it->second.permille / 10.0;
    out.push_back(std::move(t));
  }
  return out;
}

// The period's local days [from, to], today by default.
std::pair<sdk::LocalDate, sdk::LocalDate> period_of(const Environment& env,
                                                    const sdk::Request& req) {
  const sdk::LocalDate today = env.zone.date_of(env.now());
  const sdk::LocalDate from = req.query("from") ? sdk::query_date(req, "from") : today;
  const sdk::LocalDate to = req.query("to") ? sdk::query_date(req, "to") : from;
  if (to < from) {
    throw sdk::Problem::invalid("to", "'to' is before 'from' / Ngày kết thúc trước ngày bắt đầu");
  }
  if ((to - from).count() >= kMaxDays) {
    throw sdk::Problem::invalid("to",
                                "A period is at most 366 days / Khoảng thời gian tối đa 366 ngày");
  }
  return {from, to};
}

}  // namespace

void add_target_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  router.add(
      {"GET", "/api/v1/app-link/targets", viewer_roles(),
       [e](sdk::Request&, sdk::Response& res) {
         const auto departments = sdk::his_departments(e->context);
         std::map<std::string, StoredTarget> own;
         {
           const auto s = e->context.store().session();
           own = load_targets(*s);
         }
         Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
         for (const auto& t : department_targets(departments, own)) {
           Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
           o->set("department_id", t.department_id);
           o->set("code", t.code);
           o->set("name", t.name);
           o->set("target_percent", t.target_percent.value_or(e->settings.default_target_percent));
           o->set("is_default", !t.target_percent.has_value());
           items->add(o);
         }
         Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         body->set("default_target_percent", e->settings.default_target_percent);
         body->set("items", items);
         res.json(body);
       },
       "Each HIS department's link-rate target (the default where none is set)"});

  router.add(
      {"PUT",
       "/api/v1/app-link/targets/{department_id}",
       target_setter_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const auto department_id = sdk::path_his_id(req, "department_id");
         const auto body = req.json();
         std::optional<int> permille;
         if (body->has("target_percent") && !body->isNull("target_percent")) {
           const auto v = body->get("target_percent");
           if (v.isNumeric()) permille = target_permille(v.convert<double>());
         }
         if (!permille) {
           throw sdk::Problem::invalid("target_percent",
                                       "'target_percent' is a number from 0 to 100 with at most "
                                       "one decimal / Chỉ tiêu là số từ 0 đến 100");
         }
         const auto departments = sdk::his_departments(e->context);
         if (std::none_of(departments.begin(), departments.end(),
                          [&](const sdk::HisDepartment& d) { return d.id == department_id; })) {
           throw sdk::Problem::not_found("No HIS department " + department_id +
                                         " / Không có khoa " + department_id);
         }
         const std::string now = e->now_text();
         sdk::with_transaction(e->context.store(), [&](soci::session& tx) {
           save_target(tx, department_id, *permille, req.principal()->id, now);
         });
         Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         o->set("department_id", department_id);
         o->set("target_percent", *permille / 10.0);
         o->set("is_default", false);
         o->set("updated_by", req.principal()->id);
         o->set("updated_at", now);
         res.json(o);
       },
       "Sets a department's link-rate target, in percent of its patients (default 80)",
       false,
       {},
       R"({"type":"object","required":["target_percent"],"properties":{)"
       R"("target_percent":{"type":"number","minimum":0,"maximum":100}}})"});

  router.add(
      {"GET",
       "/api/v1/app-link/progress",
       viewer_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const auto [from, to] = period_of(*e, req);
         const sdk::Instant start = e->zone.start_of(from);
         const sdk::Instant end = e->zone.start_of(to + std::chrono::days(1));
         const auto departments = sdk::his_departments(e->context);
         std::vector<CountedVisit> visits;
         for (const auto& v :
              sdk::his_visits_between(e->context, sdk::format_utc(start), sdk::format_utc(end))) {
           if (v.status == "cancelled") continue;
           visits.push_back({v.patient_id, v.department_id});
         }
         std::set<std::string> linked;
         std::map<std::string, StoredTarget> own;
         {
           const auto s = e->context.store().session();
           // Linked at the period's end: a link made before it and not ended by then.
           const auto last = sdk::format_utc(end - std::chrono::seconds(1));
           for (auto& id : patients_linked_at(*s, last)) linked.insert(std::move(id));
           own = load_targets(*s);
         }
         const Progress p = compute_progress(visits, linked, department_targets(departments, own),
                                             e->settings.default_target_percent);
         Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         body->set("from", sdk::format_date(from));
         body->set("to", sdk::format_date(to));
         Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
         for (const auto& d : p.departments) items->add(progress_json(d, true));
         body->set("departments", items);
         body->set("total", progress_json(p.total, false));
         res.json(body);
       },
       "Per department: distinct patients who visited in the period (local days), of them "
       "linked at its end, the rate against the target, worst first; and the hospital total",
       false,
       {{"from", "string", false, "first local day, YYYY-MM-DD (default today)"},
        {"to", "string", false, "last local day, YYYY-MM-DD (default: from)"}}});
}

}  // namespace hisx::app_link
