// The queue over HTTP: tickets issued at a desk or kiosk, listed and read; a window's next
// call; recall, skip, transfer, served and no-show.
#include <Poco/JSON/Array.h>

#include <algorithm>
#include <map>

#include "hisx/his_id.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "printing/print_content.h"
#include "queue/queue_service.h"
#include "queue/ticket_json.h"
#include "routes.h"

namespace hisx::fast_lane {

namespace {

constexpr const char* kTicketSchema =
    R"j({"type":"object","properties":{"lane":{"enum":["fast","regular"]},"priority_group":{"type":"string"},"patient_id":{"type":"string"},"patient_code":{"type":"string"}}})j";

Poco::JSON::Object::Ptr next_json(const Environment& env, const NextResult& r) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("window", window_json(r.window));
  o->set("served",
         r.served ? Poco::Dynamic::Var(ticket_json(env, *r.served)) : Poco::Dynamic::Var());
  o->set("called",
         r.called ? Poco::Dynamic::Var(ticket_json(env, *r.called)) : Poco::Dynamic::Var());
  return o;
}

void add_action(Environment& env, const std::string& path, TicketAction action,
                const std::string& summary) {
  Environment* e = &env;
  env.context.router().add(
      {"POST", "/api/v1/fast-lane/tickets/{id}/" + path, cashier_roles(),
       [e, action](sdk::Request& req, sdk::Response& res) {
         const long long id = sdk::path_id(req);
         std::optional<Lane> lane;
         std::string group;
         if (action == TicketAction::kTransfer) {
           const auto body = req.json();
           lane = parse_lane(sdk::json_enum(body, "lane", {"fast", "regular"}));
           group = sdk::json_text(body, "priority_group", 20, std::string());
         }
         const Ticket t = act_on_ticket(*e, *req.principal(), id, action, lane, group);
         const auto s = e->context.store().session();
         res.json(ticket_json(*e, t, t.status == "waiting" ? people_ahead(*e, *s, t) : -1));
       },
       summary});
}

}  // namespace

void add_queue_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  sdk::Route issue{
      "POST",
      "/api/v1/fast-lane/tickets",
      ticket_roles(),
      [e](sdk::Request& req, sdk::Response& res) {
        const auto body = req.json();
        TicketRequest r;
        if (body->has("lane") && !body->isNull("lane")) {
          r.lane = parse_lane(sdk::json_enum(body, "lane", {"fast", "regular"}));
        }
        r.priority_group = sdk::json_text(body, "priority_group", 20, std::string());
        r.patient_id = sdk::json_optional_his_id(body, "patient_id").value_or("");
        r.patient_code = sdk::json_text(body, "patient_code", 40, std::string());
        r.source = req.principal()->role == sdk::roles::kDevice ? "kiosk" : "desk";
        const Ticket t = issue_ticket(*e, *req.principal(), r);
        const auto s = e->context.store().session();
        res.status(201);
        res.json(ticket_json(*e, t, people_ahead(*e, *s, t)));
      },
      "Issues a queue ticket: the fast lane for a priority group (checked against the HIS "
      "birth date for the age groups), the regular lane otherwise",
      false,
      {},
      kTicketSchema};
  issue.device_scopes = {kKioskScope};
  router.add(std::move(issue));

  sdk::Route groups{"GET", "/api/v1/fast-lane/groups", ticket_roles(),
                    [e](sdk::Request&, sdk::Response& res) {
                      Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                      const auto& offered = e->settings.priority_groups;
                      for (const auto& g : ticket_groups()) {
                        const bool given_here =
                            g.code == "app" || std::find(offered.begin(), offered.end(),
                                                         std::string(g.code)) != offered.end();
                        if (!given_here) continue;
                        Poco::JSON::Object::Ptr o =
                            new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                        o->set("code", std::string(g.code));
                        o->set("title_vi", std::string(g.title_vi));
                        o->set("title_en", std::string(g.title_en));
                        o->set("priority", g.priority);
                        o->set("by_age", g.by_age);
                        items->add(o);
                      }
                      Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
                      body->set("items", items);
                      res.json(body);
                    },
                    "The groups a ticket may be given here: app and the hospital's priority "
                    "groups (priority_groups), with their titles and whether they go by age"};
  groups.device_scopes = {kKioskScope};
  router.add(std::move(groups));

  router.add(
      {"GET",
       "/api/v1/fast-lane/tickets",
       viewer_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const std::string day =
             req.query("date") ? sdk::format_date(sdk::query_date(req, "date")) : e->today();
         const std::string status = sdk::query_enum(
             req, "status", {"all", "waiting", "called", "served", "no_show"}, "all");
         const std::string lane = sdk::query_enum(req, "lane", {"all", "fast", "regular"}, "all");
         const auto s = e->context.store().session();
         // The place of each waiting ticket in its lane's order, computed once per lane.
         std::map<long long, int> ahead;
         for (Lane l : {Lane::kFast, Lane::kRegular}) {
           const auto order = lane_order(waiting_entries(*s, day, l), lane_calls(*s, day, l),
                                         e->now(), e->settings.max_wait);
           for (std::size_t i = 0; i < order.size(); ++i) {
             ahead[order[i].id] = static_cast<int>(i);
           }
         }
         Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
         for (const auto& t : tickets_of_day(*s, day, status == "all" ? "" : status)) {
           if (lane != "all" && to_string(t.lane) != lane) continue;
           const auto it = ahead.find(t.id);
           items->add(ticket_json(*e, t, it == ahead.end() ? -1 : it->second));
         }
         Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         body->set("date", day);
         body->set("items", items);
         res.json(body);
       },
       "The tickets of a local day (today by default), in the order issued",
       false,
       {{"date", "string", false, "The local day, YYYY-MM-DD (today by default)"},
        {"status", "string", false, "all (default), waiting, called, served or no_show"},
        {"lane", "string", false, "all (default), fast or regular"}}});

  router.add({"GET", "/api/v1/fast-lane/tickets/{id}", viewer_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                const auto s = e->context.store().session();
                const auto t = find_ticket(*s, id);
                if (!t) {
                  throw sdk::Problem::not_found("No ticket " + std::to_string(id) +
                                                " / Không có số thứ tự này");
                }
                res.json(
                    ticket_json(*e, *t, t->status == "waiting" ? people_ahead(*e, *s, *t) : -1));
              },
              "One ticket, with the people ahead of it while it waits"});

  sdk::Route print{
      "GET",
      "/api/v1/fast-lane/tickets/{id}/print",
      ticket_roles(),
      [e](sdk::Request& req, sdk::Response& res) {
        const long long id = sdk::path_id(req);
        const auto s = e->context.store().session();
        const auto t = find_ticket(*s, id);
        if (!t) throw sdk::Problem::not_found("No ticket " + std::to_string(id));
        std::string windows;
        for (const auto& w : list_windows(*s)) {
          const bool calls = w.mode == WindowMode::kMixed ||
                             (w.mode == WindowMode::kFast) == (t->lane == Lane::kFast);
          if (w.active && calls) windows += (windows.empty() ? "" : ", ") + w.code;
        }
        const auto content = ticket_content(*e, *t, people_ahead(*e, *s, *t), windows);
        send_document(
            req, res, "so-thu-tu-" + t->label, [&] { return ticket_pdf(content); },
            [&] { return ticket_escpos(content); });
      },
      "The ticket to hand over (80 mm PDF or ESC/POS): its number, lane, group, the people "
      "ahead and the windows that call it",
      false,
      {{"format", "string", false, "pdf (default) or escpos"}}};
  print.device_scopes = {kKioskScope};
  router.add(std::move(print));

  router.add({"POST", "/api/v1/fast-lane/windows/{code}/next", cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                res.json(next_json(*e, call_next(*e, *req.principal(), req.param("code"))));
              },
              "Ends the window's current ticket as served and calls the next one (fast lane, "
              "regular lane or interleaved, by the window's mode)"});

  router.add({"GET", "/api/v1/fast-lane/windows/{code}/current", cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const std::string code = req.param("code");
                const auto s = e->context.store().session();
                const auto w = find_window(*s, code);
                if (!w) throw sdk::Problem::not_found("No window " + code + " / Không có quầy");
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                o->set("window", window_json(*w));
                const auto t = ticket_at_window(*s, code);
                o->set("ticket",
                       t ? Poco::Dynamic::Var(ticket_json(*e, *t)) : Poco::Dynamic::Var());
                res.json(o);
              },
              "The window and the ticket it is serving (null when none)"});

  add_action(env, "recall", TicketAction::kRecall,
             "Calls the ticket at its window again (the board announces it again)");
  add_action(env, "skip", TicketAction::kSkip,
             "The called patient is not there: the ticket waits again and comes back after "
             "skip_return_calls calls in its lane");
  add_action(env, "transfer", TicketAction::kTransfer,
             "Moves a waiting or called ticket to the other lane, keeping its arrival time");
  add_action(env, "serve", TicketAction::kServe, "Marks the called ticket served");
  add_action(env, "no-show", TicketAction::kNoShow,
             "Marks a waiting or called ticket's patient absent");
}

void subscribe_checkins(Environment& env) {
  Environment* e = &env;
  env.context.events().subscribe("appointment.checked_in", "fast_lane.checkin_ticket",
                                 [e](const sdk::Event& event, soci::session& store_tx) {
                                   issue_checkin_ticket(
                                       *e, store_tx, event.payload,
                                       sdk::format_utc(sdk::to_instant(event.occurred_at)));
                                 });
}

}  // namespace hisx::fast_lane
