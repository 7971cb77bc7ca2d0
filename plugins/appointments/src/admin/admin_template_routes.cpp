#include "catalogue/catalogue_json.h"
#include "catalogue/catalogue_store.h"
#include "catalogue/schedule_rules.h"
#include "catalogue/template_store.h"
#include "channels.h"
#include "his_directory.h"
#include "hisx/database.h"
#include "hisx/his_id.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "routes.h"

namespace hisx::appointments {

namespace {

constexpr const char* kTemplateSchema =
    R"({"type":"object","required":["clinic_id","weekday","start","end","slot_minutes","capacity"],)"
    R"("properties":{"clinic_id":{"type":["string","integer"]},)"
    R"("doctor_id":{"type":["string","integer","null"]},)"
    R"("weekday":{"type":"integer","minimum":1,"maximum":7},"start":{"type":"string"},)"
    R"("end":{"type":"string"},"slot_minutes":{"type":"integer","minimum":5,"maximum":240},)"
    R"("capacity":{"type":"integer","minimum":1,"maximum":500},)"
    R"("quotas":{"type":"object","additionalProperties":{"type":"integer","minimum":0,"maximum":100}}}})";

std::vector<std::string> admin() { return {std::string(sdk::roles::kAdmin)}; }

QuotaPercents read_quotas(const Poco::JSON::Object::Ptr& body) {
  QuotaPercents out;
  if (!body->has("quotas") || body->isNull("quotas")) return out;
  Poco::JSON::Object::Ptr quotas = body->getObject("quotas");
  if (!quotas) {
    throw sdk::Problem::invalid("quotas",
                                "'quotas' must be an object such as {\"app\": 30} / "
                                "'quotas' phải có dạng {\"app\": 30}");
  }
  for (const auto& name : quotas->getNames()) {
    if (!is_channel(name)) {
      throw sdk::Problem::invalid("quotas." + name, "unknown channel '" + name +
                                                        "'; use app, web, phone, reexam, walkin "
                                                        "/ kênh không hợp lệ");
    }
    const Poco::Dynamic::Var v = quotas->get(name);
    if (!v.isInteger() || v.isBoolean() || v.convert<long long>() < 0 ||
        v.convert<long long>() > 100) {
      throw sdk::Problem::invalid("quotas." + name,
                                  "a quota is a whole percent from 0 to 100 / "
                                  "hạn mức là số phần trăm từ 0 đến 100");
    }
    out[name] = v.convert<int>();
  }
  return out;
}

// The template of a POST or PUT body, checked on its own and against the clinic's others,
// the catalogue and the HIS's doctors.
ScheduleTemplate read_template(Environment& env, soci::session& s,
                               const Poco::JSON::Object::Ptr& body, long long id) {
  ScheduleTemplate t;
  t.id = id;
  t.clinic_id = sdk::json_his_id(body, "clinic_id");
  t.doctor_id = sdk::json_optional_his_id(body, "doctor_id");
  t.weekday = static_cast<int>(sdk::json_integer(body, "weekday", 1, 7));
  t.start_minute = sdk::json_clock(body, "start");
  t.end_minute = sdk::json_clock(body, "end", true);
  t.slot_minutes = static_cast<int>(sdk::json_integer(body, "slot_minutes", 5, 240));
  t.capacity = static_cast<int>(sdk::json_integer(body, "capacity", 1, 500));
  t.quotas = read_quotas(body);
  if (auto error = check_template(t)) throw sdk::Problem::invalid(error->field, error->detail);
  if (!find_clinic_rules(s, t.clinic_id)) {
    throw sdk::Problem::invalid("clinic_id",
                                "Clinic " + t.clinic_id +
                                    " is not in the appointment catalogue; add it first with PUT "
                                    "/api/v1/appointments/admin/clinics/{clinic_id} / Phòng khám "
                                    "chưa có trong danh mục đặt lịch");
  }
  // Inside the store transaction `s`: the HIS through it when both share a pool.
  if (t.doctor_id && !his_doctor_exists(env.context, *his_beside(env.context, s), *t.doctor_id)) {
    throw sdk::Problem::invalid("doctor_id", "The HIS lists no active doctor " + *t.doctor_id +
                                                 " / HIS không có bác sĩ này");
  }
  if (auto error = check_no_overlap(t, list_templates(s, t.clinic_id))) {
    throw sdk::Problem::invalid(error->field, error->detail);
  }
  return t;
}

}  // namespace

void add_admin_template_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  router.add({"GET",
              "/api/v1/appointments/admin/templates",
              admin(),
              [e](sdk::Request& req, sdk::Response& res) {
                const auto clinic = sdk::query_optional_his_id(req, "clinic");
                const auto s_lease = e->context.store().session();
                soci::session& s = *s_lease;
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& t : list_templates(s, clinic)) items->add(template_json(t));
                res.json(list_json(items));
              },
              "Weekly schedule templates, of one clinic with ?clinic=",
              false,
              {{"clinic", "string", false, "HIS clinic id"}}});

  router.add({"POST",
              "/api/v1/appointments/admin/templates",
              admin(),
              [e](sdk::Request& req, sdk::Response& res) {
                const auto body = req.json();
                ScheduleTemplate t;
                sdk::with_transaction(e->context.store(), [&](soci::session& s) {
                  t = read_template(*e, s, body, 0);
                  t.id = insert_template(s, t, e->now_text());
                });
                res.status(201);
                res.json(template_json(t));
              },
              "Adds a weekly schedule template",
              false,
              {},
              kTemplateSchema});

  router.add({"PUT",
              "/api/v1/appointments/admin/templates/{id}",
              admin(),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                const auto body = req.json();
                ScheduleTemplate t;
                sdk::with_transaction(e->context.store(), [&](soci::session& s) {
                  if (!find_template(s, id)) {
                    throw sdk::Problem::not_found("No template " + std::to_string(id) +
                                                  " / Không có lịch mẫu " + std::to_string(id));
                  }
                  t = read_template(*e, s, body, id);
                  update_template(s, t, e->now_text());
                });
                res.json(template_json(t));
              },
              "Changes a template (slots already generated stay as they are)",
              false,
              {},
              kTemplateSchema});

  router.add({"DELETE", "/api/v1/appointments/admin/templates/{id}", admin(),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                bool removed = false;
                sdk::with_transaction(e->context.store(),
                                      [&](soci::session& s) { removed = delete_template(s, id); });
                if (!removed) {
                  throw sdk::Problem::not_found("No template " + std::to_string(id) +
                                                " / Không có lịch mẫu " + std::to_string(id));
                }
                res.status(204);
                res.body("", "text/plain");
              },
              "Removes a template (slots already generated stay)"});

  // The admin page names a template's doctor from this list rather than by a bare id.
  router.add({"GET", "/api/v1/appointments/admin/his-doctors", admin(),
              [e](sdk::Request&, sdk::Response& res) {
                const auto s_lease = e->context.his().session();
                soci::session& s = *s_lease;
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& row : e->context.profile().query(s, "doctor.list", {})) {
                  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                  o->set("doctor_id", row.text("id"));
                  o->set("code", row.text("code"));
                  o->set("full_name", row.text("full_name"));
                  o->set("department_id", row.at("department_id").isEmpty()
                                              ? Poco::Dynamic::Var()
                                              : Poco::Dynamic::Var(row.text("department_id")));
                  items->add(o);
                }
                res.json(list_json(items));
              },
              "The HIS's active doctors (doctor.list), for a template's doctor"});
}

}  // namespace hisx::appointments
