#include "appointments_fixture.h"

#include <Poco/String.h>

#include <chrono>
#include <cstdio>
#include <sstream>

namespace hisx::test::integration {

namespace {

using namespace std::chrono;

std::string format_day(sys_days d) {
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

std::string local_day(int days_from_today) {
  const auto local_now = system_clock::now() + hours(7);  // Vietnam: UTC+7, no DST
  return format_day(floor<days>(local_now) + days(days_from_today));
}

int weekday_of(const std::string& date) {
  const year_month_day ymd{year{std::stoi(date.substr(0, 4))},
                           month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
                           day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
  return static_cast<int>(weekday{sys_days{ymd}}.iso_encoding());
}

std::string json_text(const Poco::JSON::Object::Ptr& object) {
  std::ostringstream out;
  object->stringify(out);
  return out.str();
}

void AppointmentsTest::start_host(const std::vector<std::string>& extra) {
  std::vector<std::string> overrides = small_demo();
  overrides.push_back("plugins.enabled=[his, appointments]");
  // The default configuration seeds demo schedules and bookings; these tests build their own.
  overrides.push_back("plugins.settings.appointments.demo_seed=false");
  overrides.insert(overrides.end(), extra.begin(), extra.end());
  keys_.clear();
  host_.reset();
  harness_.reset();
  backend_ = backend_from_env();
  if (kAppointmentsInProcess) {
    std::vector<std::string> all = backend_.overrides;
    all.insert(all.end(), overrides.begin(), overrides.end());
    harness_ = std::make_unique<hisx::testing::Harness>(hisx::testing::HarnessOptions{
        .plugins = {"his", "appointments"}, .overrides = std::move(all)});
    return;
  }
  host_ = std::make_unique<HostProcess>(host_options(backend_, overrides));
  host_->start();
}

const std::string& AppointmentsTest::key(const std::string& role) {
  if (harness_) return harness_->key(role);
  auto it = keys_.find(role);
  if (it == keys_.end()) it = keys_.emplace(role, create_key(*host_, role, role + "-key")).first;
  return it->second;
}

std::unique_ptr<soci::session> AppointmentsTest::store() {
  if (harness_) return harness_->store();
  return open_store(backend_, host_->data_dir());
}

std::unique_ptr<soci::session> AppointmentsTest::his() {
  if (harness_) return harness_->his();
  return open_his(backend_, host_->data_dir());
}

HttpResult AppointmentsTest::raw(const std::string& method, const std::string& path,
                                 const std::string& body,
                                 const std::map<std::string, std::string>& headers) {
  if (!harness_) return host_->client().request(method, path, body, headers);
  const hisx::testing::Answer answer =
      harness_->call({.method = method, .target = path, .body = body, .headers = headers});
  HttpResult result;
  result.status = answer.status;
  result.body = answer.body;
  for (const auto& [name, value] : answer.headers) result.headers[Poco::toLower(name)] = value;
  return result;
}

HttpResult AppointmentsTest::get(const std::string& path, const std::string& role) {
  return raw("GET", path, "", {{"Authorization", "Bearer " + key(role)}});
}

HttpResult AppointmentsTest::post(const std::string& path, const std::string& body,
                                  const std::string& role,
                                  const std::map<std::string, std::string>& headers) {
  std::map<std::string, std::string> all = {{"Authorization", "Bearer " + key(role)},
                                            {"Content-Type", "application/json"}};
  for (const auto& [name, value] : headers) all[name] = value;
  return raw("POST", path, body, all);
}

HttpResult AppointmentsTest::put(const std::string& path, const std::string& body,
                                 const std::string& role) {
  return raw("PUT", path, body,
             {{"Authorization", "Bearer " + key(role)}, {"Content-Type", "application/json"}});
}

HttpResult AppointmentsTest::del(const std::string& path, const std::string& role) {
  return raw("DELETE", path, "", {{"Authorization", "Bearer " + key(role)}});
}

void AppointmentsTest::open_clinic(long long clinic_id, const std::vector<std::string>& channels,
                                   int window_days, const std::string& cutoff) {
  std::string list;
  for (const auto& c : channels) list += (list.empty() ? "\"" : ", \"") + c + "\"";
  const std::string body =
      "{\"channels\": [" + list + "], \"booking_window_days\": " + std::to_string(window_days) +
      ", \"same_day_cutoff\": " + (cutoff.empty() ? "null" : "\"" + cutoff + "\"") + "}";
  HttpResult r = put("/api/v1/appointments/admin/clinics/" + std::to_string(clinic_id), body);
  ASSERT_EQ(r.status, 200) << r.body;
}

Poco::JSON::Object::Ptr AppointmentsTest::add_template(long long clinic_id, int weekday,
                                                       const std::string& start,
                                                       const std::string& end, int slot_minutes,
                                                       int capacity,
                                                       const std::string& quotas_json) {
  const std::string body =
      "{\"clinic_id\": " + std::to_string(clinic_id) + ", \"weekday\": " + std::to_string(weekday) +
      ", \"start\": \"" + start + "\", \"end\": \"" + end +
      "\", \"slot_minutes\": " + std::to_string(slot_minutes) +
      ", \"capacity\": " + std::to_string(capacity) + ", \"quotas\": " + quotas_json + "}";
  HttpResult r = post("/api/v1/appointments/admin/templates", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json() : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
}

Poco::JSON::Object::Ptr AppointmentsTest::generate(const std::string& from, const std::string& to) {
  HttpResult r = post("/api/v1/appointments/admin/slots/generate",
                      "{\"from\": \"" + from + "\", \"to\": \"" + to + "\"}");
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? r.json() : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
}

Poco::JSON::Array::Ptr AppointmentsTest::slots(long long clinic_id, const std::string& day,
                                               const std::string& role,
                                               const std::string& channel) {
  HttpResult r =
      get("/api/v1/appointments/slots?clinic=" + std::to_string(clinic_id) + "&from=" + day +
              "&to=" + day + (channel.empty() ? "" : "&channel=" + channel),
          role);
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return new Poco::JSON::Array;
  return r.json()->getArray("items");
}

Poco::JSON::Object::Ptr AppointmentsTest::slot(long long clinic_id, const std::string& day,
                                               long long slot_id) {
  auto items = slots(clinic_id, day);
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto s = items->getObject(static_cast<unsigned>(i));
    if (s->getValue<long long>("id") == slot_id) return s;
  }
  ADD_FAILURE() << "slot " << slot_id << " not listed for clinic " << clinic_id << " on " << day;
  return new Poco::JSON::Object;
}

std::vector<long long> AppointmentsTest::bookable_slots(long long clinic_id, int capacity,
                                                        const std::string& quotas_json) {
  const std::string day = booking_day();
  open_clinic(clinic_id, {"app", "web", "phone", "reexam", "walkin"});
  add_template(clinic_id, weekday_of(day), "08:00", "09:00", 15, capacity, quotas_json);
  generate(day, day);
  std::vector<long long> ids;
  auto items = slots(clinic_id, day);
  for (std::size_t i = 0; i < items->size(); ++i) {
    ids.push_back(items->getObject(static_cast<unsigned>(i))->getValue<long long>("id"));
  }
  EXPECT_EQ(ids.size(), 4u);
  return ids;
}

HttpResult AppointmentsTest::book(const std::string& role, long long patient_id, long long slot_id,
                                  const std::string& channel, const std::string& idempotency_key) {
  std::string body = "{\"patient_id\": " + std::to_string(patient_id) +
                     ", \"slot_id\": " + std::to_string(slot_id);
  if (!channel.empty()) body += ", \"channel\": \"" + channel + "\"";
  body += "}";
  std::map<std::string, std::string> headers;
  if (!idempotency_key.empty()) headers["Idempotency-Key"] = idempotency_key;
  return post("/api/v1/appointments/bookings", body, role, headers);
}

}  // namespace hisx::test::integration
