// The FHIR R4 facade's plain code: status maps, search parameters, resources, outcomes and the
// reading of Appointment bodies.
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <sstream>

#include "fhir/fhir_appointment_input.h"
#include "fhir/fhir_capability.h"
#include "fhir/fhir_codes.h"
#include "fhir/fhir_ids.h"
#include "fhir/fhir_outcome.h"
#include "fhir/fhir_resources.h"
#include "fhir/fhir_search.h"
#include "hisx/problem.h"

namespace hisx::appointments {
namespace {

using namespace std::chrono;

const TimeZone kZone = TimeZone::fixed("Asia/Ho_Chi_Minh", hours(7));

Instant utc(const std::string& text) { return *parse_utc(text); }

Poco::JSON::Object::Ptr parse(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

std::string text(const Poco::JSON::Object::Ptr& o) {
  std::ostringstream out;
  o->stringify(out);
  return out.str();
}

// The problem `call` throws: status and field.
template <typename F>
std::pair<int, std::string> refusal(F call) {
  try {
    call();
  } catch (const sdk::Problem& p) {
    return {p.status(), p.field()};
  }
  return {0, "nothing thrown"};
}

TEST(FhirCodes, BookingStatusesMapOntoR4AppointmentStatuses) {
  EXPECT_EQ(appointment_status(BookingStatus::kRequested), "pending");
  EXPECT_EQ(appointment_status(BookingStatus::kConfirmed), "booked");
  EXPECT_EQ(appointment_status(BookingStatus::kCheckedIn), "arrived");
  EXPECT_EQ(appointment_status(BookingStatus::kCompleted), "fulfilled");
  EXPECT_EQ(appointment_status(BookingStatus::kCancelled), "cancelled");
  EXPECT_EQ(appointment_status(BookingStatus::kNoShow), "noshow");
  for (auto s : {BookingStatus::kRequested, BookingStatus::kConfirmed, BookingStatus::kCheckedIn,
                 BookingStatus::kCompleted, BookingStatus::kCancelled, BookingStatus::kNoShow}) {
    EXPECT_TRUE(is_appointment_status_code(appointment_status(s)));
    EXPECT_EQ(booking_statuses_for(appointment_status(s)), std::vector<BookingStatus>{s});
  }
  EXPECT_TRUE(booking_statuses_for("proposed").empty());
  EXPECT_TRUE(is_appointment_status_code("waitlist"));
  EXPECT_FALSE(is_appointment_status_code("no_show"));
}

TEST(FhirCodes, SlotStatusFollowsPlacesClosuresAndTheClinic) {
  Slot slot;
  slot.capacity = 2;
  slot.booked = 1;
  EXPECT_EQ(slot_status(slot, true), "free");
  slot.booked = 2;
  EXPECT_EQ(slot_status(slot, true), "busy");
  slot.booked = 0;
  EXPECT_EQ(slot_status(slot, false), "busy-unavailable");
  slot.closed = true;
  EXPECT_EQ(slot_status(slot, true), "busy-unavailable");
  EXPECT_TRUE(is_slot_status_code("busy-tentative"));
  EXPECT_FALSE(is_slot_status_code("full"));
  EXPECT_EQ(appointment_type_code("reexam"), "FOLLOWUP");
  EXPECT_EQ(appointment_type_code("walkin"), "WALKIN");
  EXPECT_EQ(appointment_type_code("app"), "ROUTINE");
}

TEST(FhirSearch, ADayIsTheHospitalsDayAndPrefixesCompareWithIt) {
  // 2025-01-06 in Vietnam: 2025-01-05T17:00Z to 2025-01-06T17:00Z.
  auto eq = parse_date_param("date", "2025-01-06", kZone);
  EXPECT_EQ(eq.from, utc("2025-01-05T17:00:00Z"));
  EXPECT_EQ(eq.before, utc("2025-01-06T17:00:00Z"));
  EXPECT_TRUE(eq.contains(utc("2025-01-06T16:59:59Z")));
  EXPECT_FALSE(eq.contains(utc("2025-01-06T17:00:00Z")));
  EXPECT_EQ(parse_date_param("date", "eq2025-01-06", kZone).from, eq.from);

  auto ge = parse_date_param("date", "ge2025-01-06", kZone);
  EXPECT_EQ(ge.from, utc("2025-01-05T17:00:00Z"));
  EXPECT_FALSE(ge.before);
  auto gt = parse_date_param("date", "gt2025-01-06", kZone);
  EXPECT_EQ(gt.from, utc("2025-01-06T17:00:00Z"));
  auto lt = parse_date_param("date", "lt2025-01-06", kZone);
  EXPECT_EQ(lt.before, utc("2025-01-05T17:00:00Z"));
  EXPECT_FALSE(lt.from);
  auto le = parse_date_param("date", "le2025-01-06", kZone);
  EXPECT_EQ(le.before, utc("2025-01-06T17:00:00Z"));
}

TEST(FhirSearch, MonthsYearsAndTimesWithZones) {
  auto month = parse_date_param("start", "2025-02", kZone);
  EXPECT_EQ(month.from, utc("2025-01-31T17:00:00Z"));
  EXPECT_EQ(month.before, utc("2025-02-28T17:00:00Z"));
  auto year = parse_date_param("start", "2024", kZone);
  EXPECT_EQ(year.from, utc("2023-12-31T17:00:00Z"));
  EXPECT_EQ(year.before, utc("2024-12-31T17:00:00Z"));
  auto z = parse_date_param("start", "ge2025-01-06T01:30:00Z", kZone);
  EXPECT_EQ(z.from, utc("2025-01-06T01:30:00Z"));
  auto offset = parse_date_param("start", "2025-01-06T08:30:00+07:00", kZone);
  EXPECT_EQ(offset.from, utc("2025-01-06T01:30:00Z"));
  EXPECT_EQ(offset.before, utc("2025-01-06T01:30:01Z"));
  auto minute = parse_date_param("start", "lt2025-01-06T08:30", kZone);  // hospital clock
  EXPECT_EQ(minute.before, utc("2025-01-06T01:30:00Z"));
  auto west = parse_date_param("start", "2025-01-06T00:00:00-05:00", kZone);
  EXPECT_EQ(west.from, utc("2025-01-06T05:00:00Z"));
}

TEST(FhirSearch, RepeatedDateValuesMustAllHold) {
  auto january = parse_date_params("date", {"ge2025-01-01", "lt2025-02-01"}, kZone);
  EXPECT_EQ(january.from, utc("2024-12-31T17:00:00Z"));
  EXPECT_EQ(january.before, utc("2025-01-31T17:00:00Z"));
  auto narrowest = parse_date_params("date", {"2025-01", "ge2025-01-10", "le2025-01-20"}, kZone);
  EXPECT_EQ(narrowest.from, utc("2025-01-09T17:00:00Z"));
  EXPECT_EQ(narrowest.before, utc("2025-01-20T17:00:00Z"));
  auto none = parse_date_params("date", {"lt2025-01-01", "gt2025-02-01"}, kZone);
  EXPECT_FALSE(none.contains(utc("2025-01-15T00:00:00Z")));
  EXPECT_FALSE(none.contains(utc("2024-12-15T00:00:00Z")));
  EXPECT_EQ(refusal([&] {
              parse_date_params("date", {"ge2025-01-01", "soon"}, kZone);
            }),
            std::make_pair(400, std::string("date")));
}

TEST(FhirSearch, MalformedOrUnsupportedValuesAre400NamingTheParameter) {
  for (const char* bad : {"", "06-01-2025", "2025-13-01", "2025-02-30", "ne2025-01-06",
                          "ap2025-01-06", "2025-01-06T25:00", "2025-01-06T08:00:00+15:00"}) {
    EXPECT_EQ(refusal([&] { parse_date_param("date", bad, kZone); }),
              std::make_pair(400, std::string("date")))
        << bad;
  }
}

TEST(FhirSearch, ReferencesToHisResourcesCarryTheHisId) {
  EXPECT_EQ(parse_his_reference_param("patient", "Patient/007", "Patient"), "007");
  EXPECT_EQ(parse_his_reference_param("patient", "BN0001", "Patient"), "BN0001");
  EXPECT_EQ(parse_his_reference_param("schedule", "Schedule/PK-NOI", "Schedule"), "PK-NOI");
  EXPECT_EQ(parse_his_reference_param("patient", "Patient/hisx-424e5f30303031", "Patient"),
            "BN_0001");
  EXPECT_EQ(refusal([] { parse_his_reference_param("patient", "Location/007", "Patient"); }),
            std::make_pair(400, std::string("patient")));
  EXPECT_EQ(refusal([] { parse_his_reference_param("patient", "Patient/hisx-4", "Patient"); }),
            std::make_pair(400, std::string("patient")));
  EXPECT_EQ(refusal([] { parse_his_reference_param("patient", "Patient/", "Patient"); }).first,
            400);
}

TEST(FhirIds, AValidFhirIdIsUsedAsItIs) {
  for (const char* id : {"007", "K01", "PK-NOI", "bs.lan", "42", "0f8fad5b-d9cb-469f"}) {
    EXPECT_EQ(fhir_id_of(id), id);
    EXPECT_EQ(his_id_of_fhir(id), std::optional<sdk::HisId>(id));
  }
  EXPECT_TRUE(is_fhir_id(std::string(64, 'a')));
  EXPECT_FALSE(is_fhir_id(std::string(65, 'a')));
  EXPECT_FALSE(is_fhir_id(""));
  EXPECT_FALSE(is_fhir_id("a_b"));
}

TEST(FhirIds, AnyOtherIsEncodedReversibly) {
  EXPECT_EQ(fhir_id_of("bs_lan"), "hisx-62735f6c616e");
  EXPECT_EQ(fhir_id_of("PK NỘI"), "hisx-504b204ee1bb9849");
  EXPECT_EQ(fhir_id_of("{A1}"), "hisx-7b41317d");
  // An id that looks like an encoded one is encoded too, so that decoding is unambiguous.
  EXPECT_EQ(fhir_id_of("hisx-1"), "hisx-686973782d31");
  EXPECT_EQ(fhir_id_of(std::string(65, '1')).substr(0, 5), "hisx-");
  for (const std::string& id : std::vector<std::string>{"bs_lan", "PK NỘI", "{A1}", "hisx-1", "a/b",
                                                        std::string(65, '1')}) {
    EXPECT_TRUE(is_fhir_id(fhir_id_of(id)) || id.size() > 29) << id;
    EXPECT_EQ(his_id_of_fhir(fhir_id_of(id)), std::optional<sdk::HisId>(id)) << id;
  }
  EXPECT_EQ(his_id_of_fhir("HISX-62"), std::optional<sdk::HisId>("HISX-62")) << "prefix is exact";
  EXPECT_EQ(his_id_of_fhir("hisx-62735F6C616E"), std::optional<sdk::HisId>("bs_lan"));
  EXPECT_FALSE(his_id_of_fhir("hisx-"));
  EXPECT_FALSE(his_id_of_fhir("hisx-6"));
  EXPECT_FALSE(his_id_of_fhir("hisx-zz"));
  EXPECT_FALSE(his_id_of_fhir("hisx-09")) << "a control character is no HIS id";
}

TEST(FhirResources, HisIdsThatAreNoFhirIdsAreEncodedInReferences) {
  Booking b;
  b.id = 7;
  b.patient_id = "BN 01";
  b.slot_id = 3;
  b.clinic_id = "PK-NOI";
  b.doctor_id = "bs_lan";
  b.channel = "phone";
  const auto zone = TimeZone::locate("Asia/Ho_Chi_Minh");
  std::ostringstream text;
  appointment_resource(b, zone, std::nullopt)->stringify(text);
  EXPECT_NE(text.str().find(R"("reference":"Patient/hisx-424e203031")"), std::string::npos)
      << text.str();
  EXPECT_NE(text.str().find(R"("reference":"Location/PK-NOI")"), std::string::npos);
  EXPECT_NE(text.str().find(R"("reference":"Practitioner/hisx-62735f6c616e")"), std::string::npos);
}

TEST(FhirSearch, ReferencesTokensAndCount) {
  EXPECT_EQ(parse_reference_param("patient", "Patient/12", "Patient"), 12);
  EXPECT_EQ(parse_reference_param("patient", "12", "Patient"), 12);
  EXPECT_EQ(refusal([] { parse_reference_param("patient", "Practitioner/12", "Patient"); }),
            std::make_pair(400, std::string("patient")));
  EXPECT_EQ(refusal([] { parse_reference_param("schedule", "Schedule/x", "Schedule"); }).first,
            400);
  EXPECT_EQ(refusal([] { parse_reference_param("schedule", "Schedule/0", "Schedule"); }).first,
            400);

  const std::string system = "http://hl7.org/fhir/slotstatus";
  EXPECT_EQ(parse_token_param("status", "free,busy", system),
            (std::vector<std::string>{"free", "busy"}));
  EXPECT_EQ(parse_token_param("status", system + "|free", system),
            std::vector<std::string>{"free"});
  EXPECT_EQ(parse_token_param("status", "|free", system), std::vector<std::string>{"free"});
  EXPECT_EQ(refusal([&] { parse_token_param("status", "other|free", system); }).first, 400);
  EXPECT_EQ(refusal([&] { parse_token_param("status", "free,", system); }).first, 400);

  EXPECT_EQ(parse_count_param("0", 500), 0);
  EXPECT_EQ(parse_count_param("20", 500), 20);
  EXPECT_EQ(parse_count_param("9999", 500), 500);
  EXPECT_EQ(refusal([] { parse_count_param("-1", 500); }),
            std::make_pair(400, std::string("_count")));
  EXPECT_EQ(refusal([] { parse_count_param("ten", 500); }).first, 400);
}

TEST(FhirSearch, PagesCountFromOneAndTheLastHoldsTheRest) {
  EXPECT_EQ(parse_page_param("1"), 1);
  EXPECT_EQ(parse_page_param("12"), 12);
  for (const char* bad : {"0", "-1", "", "2a", "one"}) {
    EXPECT_EQ(refusal([&] { parse_page_param(bad); }), std::make_pair(400, std::string("_page")))
        << bad;
  }
  Paging p{10, 3};
  EXPECT_EQ(p.offset(), 20);
  EXPECT_EQ(p.last_page(21), 3);
  EXPECT_EQ(p.last_page(30), 3);
  EXPECT_EQ(p.last_page(31), 4);
  EXPECT_EQ(p.last_page(0), 1) << "no match: one empty page";
  EXPECT_EQ((Paging{0, 1}).last_page(50), 1) << "_count=0 asks for the total alone";
  EXPECT_EQ(Paging{}.count, 100);
}

Booking sample_booking() {
  Booking b;
  b.id = 7;
  b.patient_id = "42";
  b.slot_id = 3;
  b.clinic_id = "5";
  b.doctor_id = "9";
  b.start = utc("2025-01-06T01:00:00Z");
  b.end = utc("2025-01-06T01:15:00Z");
  b.channel = "reexam";
  b.status = BookingStatus::kConfirmed;
  b.priority = 1;
  b.reason = "Tái khám";
  b.created_at = utc("2025-01-01T02:00:00Z");
  b.updated_at = utc("2025-01-02T03:00:00Z");
  return b;
}

TEST(FhirResources, AppointmentCarriesEveryElementTheFacadePromises) {
  const auto a = appointment_resource(sample_booking(), kZone, std::string("Phòng khám Nội 1"));
  EXPECT_EQ(a->getValue<std::string>("resourceType"), "Appointment");
  EXPECT_EQ(a->getValue<std::string>("id"), "7");
  EXPECT_EQ(a->getObject("meta")->getValue<std::string>("lastUpdated"), "2025-01-02T03:00:00Z");
  EXPECT_EQ(a->getValue<std::string>("status"), "booked");
  EXPECT_EQ(a->getValue<std::string>("start"), "2025-01-06T08:00:00+07:00");
  EXPECT_EQ(a->getValue<std::string>("end"), "2025-01-06T08:15:00+07:00");
  EXPECT_EQ(a->getValue<int>("minutesDuration"), 15);
  EXPECT_EQ(a->getValue<std::string>("created"), "2025-01-01T02:00:00Z");
  EXPECT_EQ(a->getArray("slot")->getObject(0)->getValue<std::string>("reference"), "Slot/3");
  EXPECT_EQ(a->getArray("reasonCode")->getObject(0)->getValue<std::string>("text"), "Tái khám");
  EXPECT_FALSE(a->has("cancelationReason"));
  const auto type = a->getObject("appointmentType")->getArray("coding")->getObject(0);
  EXPECT_EQ(type->getValue<std::string>("code"), "FOLLOWUP");
  EXPECT_EQ(type->getValue<std::string>("system"), "http://terminology.hl7.org/CodeSystem/v2-0276");
  const auto ids = a->getArray("identifier")->getObject(0);
  EXPECT_EQ(ids->getValue<std::string>("system"), "urn:hisx:fhir:booking-code");
  EXPECT_EQ(ids->getValue<std::string>("value").substr(0, 3), "HK-");
  const auto ext = a->getArray("extension");
  EXPECT_EQ(ext->getObject(0)->getValue<std::string>("url"), "urn:hisx:fhir:channel");
  EXPECT_EQ(ext->getObject(0)->getValue<std::string>("valueCode"), "reexam");
  EXPECT_EQ(ext->getObject(1)->getValue<std::string>("url"), "urn:hisx:fhir:priority");
  EXPECT_EQ(ext->getObject(1)->getValue<int>("valueInteger"), 1);
  const auto parts = a->getArray("participant");
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ(parts->getObject(0)->getObject("actor")->getValue<std::string>("reference"),
            "Patient/42");
  EXPECT_EQ(parts->getObject(1)->getObject("actor")->getValue<std::string>("display"),
            "Phòng khám Nội 1");
  EXPECT_EQ(parts->getObject(2)->getObject("actor")->getValue<std::string>("reference"),
            "Practitioner/9");
  for (std::size_t i = 0; i < parts->size(); ++i) {
    EXPECT_EQ(parts->getObject(static_cast<unsigned>(i))->getValue<std::string>("status"),
              "accepted");
  }

  Booking cancelled = sample_booking();
  cancelled.status = BookingStatus::kCancelled;
  cancelled.cancel_reason = "Bệnh nhân bận";
  cancelled.doctor_id.reset();
  cancelled.reason.clear();
  const auto c = appointment_resource(cancelled, kZone, std::nullopt);
  EXPECT_EQ(c->getValue<std::string>("status"), "cancelled");
  EXPECT_EQ(c->getObject("cancelationReason")->getValue<std::string>("text"), "Bệnh nhân bận");
  EXPECT_FALSE(c->has("reasonCode"));
  EXPECT_EQ(c->getArray("participant")->size(), 2u);
  EXPECT_FALSE(c->getArray("participant")->getObject(1)->getObject("actor")->has("display"));
}

TEST(FhirResources, ScheduleSlotAndBundle) {
  ClinicRules rules;
  rules.clinic_id = "5";
  rules.channels = {"app", "phone"};
  rules.booking_window_days = 14;
  HisClinic clinic{"5", "PK01", "Phòng khám Nội 1", std::nullopt};
  const auto today = local_days{year{2025} / 1 / 6};
  const auto s = schedule_resource(rules, clinic, today);
  EXPECT_EQ(s->getValue<std::string>("resourceType"), "Schedule");
  EXPECT_EQ(s->getValue<std::string>("id"), "5");
  EXPECT_EQ(s->getArray("actor")->getObject(0)->getValue<std::string>("reference"), "Location/5");
  EXPECT_EQ(s->getArray("actor")->getObject(0)->getValue<std::string>("display"),
            "Phòng khám Nội 1");
  EXPECT_EQ(s->getObject("planningHorizon")->getValue<std::string>("start"), "2025-01-06");
  EXPECT_EQ(s->getObject("planningHorizon")->getValue<std::string>("end"), "2025-01-20");
  EXPECT_EQ(s->getArray("extension")->size(), 2u);
  EXPECT_EQ(s->getArray("identifier")->getObject(0)->getValue<std::string>("value"), "PK01");

  Slot slot;
  slot.id = 3;
  slot.clinic_id = "5";
  slot.capacity = 4;
  slot.booked = 4;
  slot.start = utc("2025-01-06T01:00:00Z");
  slot.end = utc("2025-01-06T01:15:00Z");
  const auto r = slot_resource(slot, true, kZone);
  EXPECT_EQ(r->getValue<std::string>("resourceType"), "Slot");
  EXPECT_EQ(r->getValue<std::string>("status"), "busy");
  EXPECT_EQ(r->getObject("schedule")->getValue<std::string>("reference"), "Schedule/5");
  EXPECT_EQ(r->getValue<std::string>("start"), "2025-01-06T08:00:00+07:00");

  const std::vector<std::pair<std::string, std::string>> self{{"self", "http://h/fhir/r4/Slot"}};
  const auto empty = searchset_bundle(self, 0, {}, utc("2025-01-06T00:00:00Z"));
  EXPECT_EQ(empty->getValue<std::string>("type"), "searchset");
  EXPECT_EQ(empty->getValue<long long>("total"), 0);
  EXPECT_FALSE(empty->has("entry"));  // FHIR JSON has no empty arrays
  const auto one = searchset_bundle(
      {{"self", "http://h/fhir/r4/Slot?_count=1"}, {"next", "http://h/fhir/r4/Slot?_page=2"}}, 9,
      {{"http://h/fhir/r4/Slot/3", r}}, utc("2025-01-06T00:00:00Z"));
  EXPECT_EQ(one->getValue<long long>("total"), 9);
  const auto entry = one->getArray("entry")->getObject(0);
  EXPECT_EQ(entry->getValue<std::string>("fullUrl"), "http://h/fhir/r4/Slot/3");
  EXPECT_EQ(entry->getObject("search")->getValue<std::string>("mode"), "match");
  EXPECT_EQ(one->getArray("link")->getObject(0)->getValue<std::string>("relation"), "self");
  EXPECT_EQ(one->getArray("link")->getObject(1)->getValue<std::string>("relation"), "next");
  EXPECT_EQ(one->getArray("link")->getObject(1)->getValue<std::string>("url"),
            "http://h/fhir/r4/Slot?_page=2");
}

TEST(FhirOutcome, IssueTypesAndExpressions) {
  EXPECT_EQ(issue_type(404, "not-found"), "not-found");
  EXPECT_EQ(issue_type(422, "validation"), "invalid");
  EXPECT_EQ(issue_type(400, "bad-request"), "invalid");
  EXPECT_EQ(issue_type(403, "forbidden"), "forbidden");
  EXPECT_EQ(issue_type(409, "slot-full"), "business-rule");
  EXPECT_EQ(issue_type(409, "invalid-transition"), "conflict");
  EXPECT_EQ(issue_type(500, "internal"), "exception");
  EXPECT_EQ(fhir_expression("slot_id"), "Appointment.slot");
  EXPECT_EQ(fhir_expression("patient_id"), "Appointment.participant.actor");
  EXPECT_EQ(fhir_expression("date"), "date");

  const auto o = operation_outcome(409, "slot-full", "The slot is full", "Appointment.slot");
  EXPECT_EQ(text(o), R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":)"
                     R"("business-rule","details":{"coding":[{"system":"urn:hisx:problem","code":)"
                     R"("slot-full"}],"text":"slot-full"},"diagnostics":"The slot is full",)"
                     R"("expression":["Appointment.slot"]}]})");
  const auto fatal = operation_outcome(500, "internal", "x", "");
  EXPECT_EQ(fatal->getArray("issue")->getObject(0)->getValue<std::string>("severity"), "fatal");
  EXPECT_FALSE(fatal->getArray("issue")->getObject(0)->has("expression"));
}

TEST(FhirCapability, DeclaresTheInteractionsAndSearchParameters) {
  const auto c = capability_statement("2025-01-06T00:00:00Z", "http://h/fhir/r4", "0.1.0");
  EXPECT_EQ(c->getValue<std::string>("resourceType"), "CapabilityStatement");
  EXPECT_EQ(c->getValue<std::string>("fhirVersion"), "4.0.1");
  EXPECT_EQ(c->getValue<std::string>("kind"), "instance");
  const auto rest = c->getArray("rest")->getObject(0);
  EXPECT_EQ(rest->getValue<std::string>("mode"), "server");
  const auto resources = rest->getArray("resource");
  ASSERT_EQ(resources->size(), 6u);
  std::string seen;
  for (std::size_t i = 0; i < resources->size(); ++i) {
    const auto r = resources->getObject(static_cast<unsigned>(i));
    seen += r->getValue<std::string>("type") + ":";
    const auto interactions = r->getArray("interaction");
    for (std::size_t j = 0; j < interactions->size(); ++j) {
      seen +=
          interactions->getObject(static_cast<unsigned>(j))->getValue<std::string>("code") + ",";
    }
    if (r->has("searchParam")) {
      const auto params = r->getArray("searchParam");
      for (std::size_t j = 0; j < params->size(); ++j) {
        seen += params->getObject(static_cast<unsigned>(j))->getValue<std::string>("name") + ",";
      }
    }
    seen += ";";
  }
  EXPECT_EQ(seen,
            "Schedule:read,search-type,;Slot:read,search-type,schedule,start,status,;"
            "Appointment:read,search-type,create,update,patient,date,status,;"
            "Patient:read,search-type,_id,identifier,phone,name,birthdate,;"
            "Practitioner:read,search-type,identifier,name,;"
            "Location:read,search-type,identifier,name,;");
}

TEST(FhirInput, ANewAppointmentNamesOneSlotAndOnePatient) {
  const auto in = read_new_appointment(
      parse(R"({"resourceType":"Appointment","status":"booked","slot":[{"reference":"Slot/3"}],)"
            R"("participant":[{"actor":{"reference":"Location/5"},"status":"accepted"},)"
            R"({"actor":{"reference":"Patient/42"},"status":"accepted"}],)"
            R"("reasonCode":[{"text":"Đau đầu"}],)"
            R"("extension":[{"url":"urn:hisx:fhir:channel","valueCode":"phone"}]})"));
  EXPECT_EQ(in.slot_id, 3);
  EXPECT_EQ(in.patient_id, "42");
  EXPECT_EQ(in.channel, std::optional<std::string>("phone"));
  EXPECT_EQ(in.reason, "Đau đầu");

  const auto plain = read_new_appointment(
      parse(R"({"resourceType":"Appointment","status":"proposed","slot":[{"reference":"Slot/3"}],)"
            R"("participant":[{"actor":{"reference":"Patient/42"},"status":"needs-action"}],)"
            R"("comment":"first visit"})"));
  EXPECT_FALSE(plain.channel);
  EXPECT_EQ(plain.reason, "first visit");
}

TEST(FhirInput, RefusalsNameTheElement) {
  const std::string slot = R"("slot":[{"reference":"Slot/3"}])";
  const std::string patient = R"("participant":[{"actor":{"reference":"Patient/42"}}])";
  auto refused = [](const std::string& body) {
    return refusal([&] { read_new_appointment(parse(body)); });
  };
  EXPECT_EQ(refused(R"({"resourceType":"Patient"})"),
            std::make_pair(400, std::string("resourceType")));
  EXPECT_EQ(refused(R"({"resourceType":"Appointment","status":"cancelled",)" + slot + "," +
                    patient + "}"),
            std::make_pair(422, std::string("Appointment.status")));
  EXPECT_EQ(refused(R"({"resourceType":"Appointment","status":"booked",)" + patient + "}"),
            std::make_pair(422, std::string("Appointment.slot")));
  EXPECT_EQ(refused(R"({"resourceType":"Appointment","status":"booked","slot":[{"reference":)"
                    R"("Slot/3"},{"reference":"Slot/4"}],)" +
                    patient + "}"),
            std::make_pair(422, std::string("Appointment.slot")));
  EXPECT_EQ(refused(R"({"resourceType":"Appointment","status":"booked",)" + slot + "}"),
            std::make_pair(422, std::string("Appointment.participant")));
  EXPECT_EQ(refused(R"({"resourceType":"Appointment","status":"booked",)" + slot +
                    R"(,"participant":[{"actor":{"reference":"Patient/hisx-zz"}}]})"),
            std::make_pair(422, std::string("Appointment.participant.actor")));
  EXPECT_EQ(refused(R"({"resourceType":"Appointment","status":"booked",)" + slot + "," + patient +
                    R"(,"extension":[{"url":"urn:hisx:fhir:channel","valueCode":"fax"}]})"),
            std::make_pair(422, std::string("Appointment.extension")));
  EXPECT_EQ(refused(R"({"resourceType":"Appointment","status":"booked",)" + slot + "," + patient +
                    R"(,"reasonCode":[{"text":")" + std::string(501, 'x') + "\"}]}"),
            std::make_pair(422, std::string("Appointment.reasonCode")));
}

TEST(FhirInput, AnUpdateMayOnlyCancel) {
  const std::string head = R"({"resourceType":"Appointment","id":"7",)";
  const auto ok = read_appointment_cancel(
      parse(head + R"("status":"cancelled","cancelationReason":{"text":"Bận việc"},)"
                   R"("slot":[{"reference":"Slot/3"}],)"
                   R"("participant":[{"actor":{"reference":"Patient/42"}}]})"),
      7, 3, "42");
  EXPECT_EQ(ok.reason, "Bận việc");
  const auto coded = read_appointment_cancel(
      parse(head + R"("status":"cancelled","cancelationReason":{"coding":[{"code":"pat"}]}})"), 7,
      3, "42");
  EXPECT_EQ(coded.reason, "pat");

  auto refused = [](const std::string& body) {
    return refusal([&] { read_appointment_cancel(parse(body), 7, 3, "42"); });
  };
  EXPECT_EQ(refused(R"({"resourceType":"Appointment","id":"8","status":"cancelled"})"),
            std::make_pair(400, std::string("Appointment.id")));
  EXPECT_EQ(refused(head + R"("status":"booked"})"),
            std::make_pair(422, std::string("Appointment.status")));
  EXPECT_EQ(refused(head + R"("status":"bogus"})"),
            std::make_pair(422, std::string("Appointment.status")));
  EXPECT_EQ(refused(head + R"("status":"cancelled"})"),
            std::make_pair(422, std::string("Appointment.cancelationReason")));
  EXPECT_EQ(refused(head + R"("status":"cancelled","cancelationReason":{"text":"x"},)"
                           R"("slot":[{"reference":"Slot/4"}]})"),
            std::make_pair(422, std::string("Appointment.slot")));
  EXPECT_EQ(refused(head + R"("status":"cancelled","cancelationReason":{"text":"x"},)"
                           R"("participant":[{"actor":{"reference":"Patient/43"}}]})"),
            std::make_pair(422, std::string("Appointment.participant")));
}

}  // namespace
}  // namespace hisx::appointments
