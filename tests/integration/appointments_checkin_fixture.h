#pragma once

// The check-in tests' fixture (W5), shared by the in-process tests
// (tests/plugins/appointments/checkin_test.cpp) and the real-socket ones
// (tests/integration/appointments_checkin_test.cpp): a host whose clock starts at 09:00
// today, clinics with slots left today, and helpers to book, check in and search.
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>

#include <cctype>
#include <cstdio>
#include <map>
#include <string>

#include "appointments_fixture.h"

namespace hisx::test::integration {

inline std::string url_encode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

class AppointmentsCheckin : public AppointmentsTest {
 protected:
  // The host's clock starts at 09:00 (local) of the day the test began, so that the day has
  // hours left for slots of "today" whenever the test runs.
  const std::string today_ = local_day(0);
  const std::string& today() const { return today_; }
  std::string morning() const { return "clock.start=" + today_ + "T09:00:00+07:00"; }
  void SetUp() override { start_host({morning()}); }

  // A clinic open to every channel with 5-minute slots of `capacity` places from 09:30 (the
  // host's clock starts at 09:00) to midnight today, so that bookings of today can be made;
  // returns the first slot's id.
  long long slot_today(long long clinic_id, int capacity = 20) {
    open_clinic(clinic_id, {"app", "web", "phone", "reexam", "walkin"});
    add_template(clinic_id, weekday_of(today()), "09:30", "24:00", 5, capacity);
    generate(today(), today());
    auto items = slots(clinic_id, today());
    EXPECT_GT(items->size(), 0u);
    for (std::size_t i = 0; i < items->size(); ++i) {
      auto s = items->getObject(static_cast<unsigned>(i));
      if (s->getValue<bool>("bookable")) return s->getValue<long long>("id");
    }
    ADD_FAILURE() << "no bookable slot today at clinic " << clinic_id;
    return 0;
  }

  // Books as admin; the booking's JSON.
  Poco::JSON::Object::Ptr booked(long long patient, long long slot, const std::string& channel) {
    HttpResult r = book("admin", patient, slot, channel);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json() : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
  }

  HttpResult check_in(const std::string& ref, const std::string& role = "receptionist") {
    return post("/api/v1/appointments/bookings/" + ref + "/check-in", "", role);
  }
  HttpResult check_in(long long id, const std::string& role = "receptionist") {
    return check_in(std::to_string(id), role);
  }

  Poco::JSON::Array::Ptr search(const std::string& q, const std::string& role = "receptionist") {
    HttpResult r = get("/api/v1/appointments/check-in/search?q=" + url_encode(q), role);
    EXPECT_EQ(r.status, 200) << q << ": " << r.body;
    return r.status == 200 ? r.json()->getArray("items")
                           : Poco::JSON::Array::Ptr(new Poco::JSON::Array);
  }

  // The appointment.checked_in payloads in the outbox, by booking id.
  std::map<long long, Poco::JSON::Object::Ptr> checked_in_events() {
    std::map<long long, Poco::JSON::Object::Ptr> out;
    auto store_session = store();
    soci::rowset<std::string> rows =
        (store_session->prepare << "SELECT payload FROM hisx_host_outbox WHERE name = "
                                   "'appointment.checked_in'");
    for (const auto& text : rows) {
      auto p = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
      out[p->getValue<long long>("booking_id")] = p;
    }
    return out;
  }

  // HIS visits registered for `source` (demo HIS table luot_kham).
  int visits_with_source(const std::string& source, long long patient, long long clinic) {
    int n = 0;
    *his() << "SELECT COUNT(*) FROM luot_kham WHERE nguon = :source AND benh_nhan_id = :patient "
              "AND phong_kham_id = :clinic AND trang_thai = 'waiting'",
        soci::use(source), soci::use(patient), soci::use(clinic), soci::into(n);
    return n;
  }
};

}  // namespace hisx::test::integration
