#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <map>

#include "booking/booking_changes.h"
#include "booking/booking_service.h"
#include "channels.h"
#include "fhir/fhir_appointment_input.h"
#include "fhir/fhir_codes.h"
#include "fhir/fhir_http.h"
#include "fhir/fhir_ids.h"
#include "fhir/fhir_resources.h"
#include "fhir/fhir_routes.h"
#include "fhir/fhir_search.h"
#include "fhir/fhir_store.h"
#include "his_directory.h"
#include "hisx/his_id.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "patient_scope.h"
#include "routes.h"

namespace hisx::appointments {

namespace {

// Read and search as GET /api/v1/appointments/bookings/{id}: the booking roles and manager.
std::vector<std::string> appointment_reader_roles() {
  auto roles = booking_roles();
  roles.emplace_back(sdk::roles::kManager);
  return roles;
}

// A path {id} that is no booking id names no Appointment.
long long appointment_id(const sdk::Request& req) {
  const std::string& id = req.param("id");
  try {
    return sdk::parse_integer("id", id, 1, INT64_MAX);
  } catch (const sdk::Problem&) {
    throw sdk::Problem::not_found("No Appointment/" + id + " / Không có Appointment/" + id);
  }
}

std::map<sdk::HisId, std::string> clinic_names(Environment& env) {
  std::map<sdk::HisId, std::string> names;
  for (const auto& c : his_clinics(env.context)) names.emplace(c.id, c.name);
  return names;
}

std::optional<std::string> clinic_name(Environment& env, const sdk::HisId& clinic_id) {
  if (auto c = his_clinic(env.context, clinic_id)) return c->name;
  return std::nullopt;
}

// The channel of a FHIR booking: the channel extension, else the caller's only channel.
std::string channel_for(const sdk::Principal& who, const NewAppointment& input) {
  if (input.channel) return *input.channel;
  const auto own = channels_for_role(who.role);
  if (own.size() == 1) return own.front();
  throw sdk::Problem::invalid(
      "Appointment.extension",
      "Role '" + who.role + "' books through several channels: name one in the extension " +
          std::string(kChannelExtension) + " / Vai trò này cần ghi rõ kênh đặt lịch");
}

}  // namespace

void add_fhir_appointment_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();
  const std::string base = std::string(kFhirPath) + "/Appointment";

  router.add({"GET", base + "/{id}", appointment_reader_roles(),
              answering_fhir(env,
                             [e](sdk::Request& req, sdk::Response& res) {
                               const long long id = appointment_id(req);
                               require_booking(*e, patient_scope(*e, req), id);
                               const Booking b = get_booking(*e, *req.principal(), id).booking;
                               send_fhir(res, appointment_resource(b, e->zone,
                                                                   clinic_name(*e, b.clinic_id)));
                             }),
              "FHIR Appointment read: one booking"});

  router.add(
      {"GET",
       base,
       appointment_reader_roles(),
       answering_fhir(
           env,
           [e](sdk::Request& req, sdk::Response& res) {
             const sdk::Principal& who = *req.principal();
             BookingSearch search;
             SearchParams used;
             if (auto v = req.query("patient")) {
               search.patient_id = parse_his_reference_param("patient", *v, "Patient");
               used.emplace_back("patient", "Patient/" + fhir_id_of(*search.patient_id));
             }
             if (const auto dates = req.query_all("date"); !dates.empty()) {
               search.start = parse_date_params("date", dates, e->zone);
               for (const auto& v : dates) used.emplace_back("date", v);
             }
             if (auto v = req.query("status")) {
               std::vector<BookingStatus> statuses;
               for (const auto& code :
                    parse_token_param("status", *v, std::string(kAppointmentStatusSystem))) {
                 if (!is_appointment_status_code(code)) {
                   throw sdk::Problem(400, "validation",
                                      "Search parameter 'status' must hold appointment statuses "
                                      "(pending, booked, arrived, fulfilled, cancelled, noshow) / "
                                      "Tham số 'status' không hợp lệ",
                                      "status");
                 }
                 for (BookingStatus s : booking_statuses_for(code)) statuses.push_back(s);
               }
               search.statuses = statuses;
               used.emplace_back("status", *v);
             }
             search.paging = read_paging(req, used);
             // The app, with app_link, sees the bookings of its account's patients only.
             narrow_to_scope(patient_scope(*e, req), search);
             // The app and website backends see the bookings of their own channel only.
             if (!role_sees_every_channel(who.role)) {
               search.channels = channels_for_role(who.role);
               if (search.channels.empty()) search.statuses = std::vector<BookingStatus>{};
             }
             BookingPage page;
             {
               const auto s_lease = e->context.store().session();
               soci::session& s = *s_lease;
               page = search_bookings(s, search);
             }
             const std::string url = fhir_base_url(req);
             const auto names =
                 page.ids.empty() ? std::map<sdk::HisId, std::string>{} : clinic_names(*e);
             std::vector<BundleEntry> entries;
             for (long long id : page.ids) {
               const Booking b = get_booking(*e, who, id).booking;
               const auto name = names.find(b.clinic_id);
               entries.push_back(
                   {url + "/Appointment/" + std::to_string(id),
                    appointment_resource(
                        b, e->zone,
                        name == names.end() ? std::nullopt : std::optional(name->second))});
             }
             send_fhir(res, searchset_bundle(
                                search_links(url + "/Appointment", used, search.paging, page.total),
                                page.total, entries, e->now()));
           }),
       "FHIR Appointment search by patient, date and status",
       false,
       {{"patient", "string", false, "Patient/{HIS patient id}"},
        {"date", "string", false,
         "[eq|ge|gt|le|lt]date or dateTime of the start; repeat it for a range"},
        {"status", "string", false,
         "pending, booked, arrived, fulfilled, cancelled, noshow (comma-separated)"},
        {"_count", "integer", false, "Entries per page (default 100, at most 500)"},
        {"_page", "integer", false, "Page to return, from 1 (default 1)"}}});

  router.add({"POST",
              base,
              booking_roles(),
              answering_fhir(
                  env,
                  [e](sdk::Request& req, sdk::Response& res) {
                    const sdk::Principal& who = *req.principal();
                    const NewAppointment input = read_new_appointment(req.json());
                    BookingRequest request;
                    request.patient_id = input.patient_id;
                    request.slot_id = input.slot_id;
                    request.channel = channel_for(who, input);
                    request.reason = input.reason;
                    const sdk::WriteAnswer answer = book(*e, req, request);
                    // book() answers the REST API's booking JSON (also when replayed); the
                    // Appointment is the booking as it is now.
                    const long long id = Poco::JSON::Parser()
                                             .parse(answer.body)
                                             .extract<Poco::JSON::Object::Ptr>()
                                             ->getValue<long long>("id");
                    const Booking b = get_booking(*e, who, id).booking;
                    const std::string url = fhir_base_url(req);
                    res.header("Location", url + "/Appointment/" + std::to_string(id));
                    if (answer.replayed) res.header("Idempotent-Replayed", "true");
                    send_fhir(res, appointment_resource(b, e->zone, clinic_name(*e, b.clinic_id)),
                              201);
                  }),
              "FHIR Appointment create: books the slot for the patient (Idempotency-Key supported)",
              false,
              {},
              R"({"type":"object","required":["resourceType","status","slot","participant"],)"
              R"("properties":{"resourceType":{"const":"Appointment"},)"
              R"("status":{"enum":["proposed","pending","booked"]},)"
              R"("slot":{"type":"array","minItems":1,"maxItems":1},)"
              R"("participant":{"type":"array","minItems":1}}})"});

  router.add(
      {"PUT",
       base + "/{id}",
       booking_roles(),
       answering_fhir(
           env,
           [e](sdk::Request& req, sdk::Response& res) {
             const sdk::Principal& who = *req.principal();
             const long long id = appointment_id(req);
             require_booking(*e, patient_scope(*e, req), id);
             const Booking current = get_booking(*e, who, id).booking;
             const auto cancel =
                 read_appointment_cancel(req.json(), id, current.slot_id, current.patient_id);
             const Booking b = change_booking(*e, who, id, BookingAction::kCancel, cancel.reason);
             send_fhir(res, appointment_resource(b, e->zone, clinic_name(*e, b.clinic_id)));
           }),
       "FHIR Appointment update: only status cancelled with a cancelationReason",
       false,
       {},
       R"({"type":"object","required":["resourceType","id","status"],)"
       R"("properties":{"resourceType":{"const":"Appointment"},"status":{"const":"cancelled"}}})"});
}

}  // namespace hisx::appointments
