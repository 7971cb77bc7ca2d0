#include "booking/booking_window.h"
#include "catalogue/catalogue_json.h"
#include "catalogue/catalogue_store.h"
#include "catalogue/slot_json.h"
#include "catalogue/slot_store.h"
#include "channels.h"
#include "hisx/his_id.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "routes.h"

namespace hisx::appointments {

namespace {

constexpr int kMaxListDays = 31;

// ?channel=, else the caller's first channel (app → app); none for roles without one.
std::optional<std::string> channel_for(const sdk::Request& req) {
  const std::string& role = req.principal()->role;
  if (auto text = req.query("channel")) {
    if (!is_channel(*text)) {
      throw sdk::Problem::invalid("channel",
                                  "'channel' must be one of app, web, phone, reexam, "
                                  "walkin / kênh không hợp lệ");
    }
    if (!role_sees_every_channel(role) && !role_may_use(role, *text)) {
      throw sdk::Problem(403, "forbidden",
                         "Role '" + role + "' may not book through channel '" + *text + "'",
                         "channel");
    }
    return *text;
  }
  const auto own = channels_for_role(role);
  if (own.empty()) return std::nullopt;
  return own.front();
}

}  // namespace

void add_slot_routes(Environment& env) {
  Environment* e = &env;
  env.context.router().add(
      {"GET",
       "/api/v1/appointments/slots",
       reader_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const sdk::HisId clinic = sdk::query_his_id(req, "clinic");
         const LocalDate from = sdk::query_date(req, "from");
         const LocalDate to = sdk::query_date(req, "to");
         if (to < from || (to - from).count() >= kMaxListDays) {
           throw sdk::Problem::invalid("to", "'to' must be from 'from' to " +
                                                 std::to_string(kMaxListDays - 1) +
                                                 " days after it / khoảng ngày không hợp lệ");
         }
         const auto channel = channel_for(req);
         const auto s_lease = e->context.store().session();
         soci::session& s = *s_lease;
         const auto rules = find_clinic_rules(s, clinic);
         if (!rules) {
           throw sdk::Problem::invalid("clinic", "Clinic " + clinic +
                                                     " is not in the appointment catalogue / "
                                                     "Phòng khám chưa có trong danh mục đặt lịch");
         }
         const bool accepts = channel && rules->active &&
                              std::find(rules->channels.begin(), rules->channels.end(), *channel) !=
                                  rules->channels.end();
         const Instant now = e->now();
         Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
         for (const auto& item : list_slots(s, clinic, from, to, channel.value_or(""))) {
           const bool open = accepts && check_booking_window(*rules, item.slot.start, now, e->zone,
                                                             *channel) == WindowCheck::kOpen;
           items->add(slot_json(item, channel, open, e->zone));
         }
         res.json(list_json(items));
       },
       "Slots of a clinic on local days from…to, with places left for the caller's channel",
       false,
       {{"clinic", "string", true, "HIS clinic id"},
        {"from", "string", true, "First local day, YYYY-MM-DD"},
        {"to", "string", true, "Last local day, YYYY-MM-DD (at most 30 days after from)"},
        {"channel", "string", false, "Channel to count places for; default: the caller's"}}});
}

}  // namespace hisx::appointments
