// What the waiting room and the head cashier see: the board (the number at each window, the
// next numbers, the latest calls to announce) and the day's wait and service times.
#include <Poco/JSON/Array.h>

#include <map>

#include "hisx/request_values.h"
#include "queue/queue_service.h"
#include "queue/ticket_json.h"
#include "queue/wait_stats_rules.h"
#include "routes.h"

namespace hisx::fast_lane {

namespace {

constexpr int kNextShown = 5;
constexpr int kCallsShown = 10;

Poco::Dynamic::Var optional_number(const std::optional<long long>& v) {
  return v ? Poco::Dynamic::Var(*v) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr summary_json(const DurationSummary& s) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("count", s.count);
  o->set("median_seconds", optional_number(s.median));
  o->set("p90_seconds", optional_number(s.p90));
  o->set("longest_seconds", optional_number(s.longest));
  return o;
}

long long seconds_between(const std::string& from, const std::string& to) {
  return (*sdk::parse_utc(to) - *sdk::parse_utc(from)).count();
}

// The tickets of a group (a lane or a window) and what they add up to.
struct Tally {
  int issued = 0, waiting = 0, called = 0, served = 0, no_show = 0;
  std::vector<long long> waits, services;

  void add(const Ticket& t) {
    ++issued;
    if (t.status == "waiting") ++waiting;
    if (t.status == "called") ++called;
    if (t.status == "served") ++served;
    if (t.status == "no_show") ++no_show;
    if (!t.called_at.empty()) waits.push_back(seconds_between(t.issued_at, t.called_at));
    if (t.status == "served" && !t.called_at.empty()) {
      services.push_back(seconds_between(t.called_at, t.ended_at));
    }
  }

  Poco::JSON::Object::Ptr json() const {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("issued", issued);
    o->set("waiting", waiting);
    o->set("called", called);
    o->set("served", served);
    o->set("no_show", no_show);
    o->set("wait", summary_json(summarize(waits)));
    o->set("service", summary_json(summarize(services)));
    return o;
  }
};

}  // namespace

void add_board_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  sdk::Route board{
      "GET", "/api/v1/fast-lane/board", viewer_roles(),
      [e](sdk::Request&, sdk::Response& res) {
        const std::string day = e->today();
        const auto s = e->context.store().session();
        Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        body->set("date", day);
        body->set("hospital_name", e->settings.hospital_name);
        std::map<std::string, std::string> names;
        Poco::JSON::Array::Ptr windows = new Poco::JSON::Array;
        for (const auto& w : list_windows(*s)) {
          if (!w.active) continue;
          names[w.code] = w.name;
          Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
          o->set("code", w.code);
          o->set("name", w.name);
          o->set("mode", std::string(to_string(w.mode)));
          const auto t = ticket_at_window(*s, w.code);
          if (t) {
            Poco::JSON::Object::Ptr c = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            c->set("label", t->label);
            c->set("lane", std::string(to_string(t->lane)));
            c->set("called_at", t->last_called_at);
            o->set("current", c);
          } else {
            o->set("current", Poco::Dynamic::Var());
          }
          windows->add(o);
        }
        body->set("windows", windows);
        Poco::JSON::Object::Ptr next = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        Poco::JSON::Object::Ptr waiting = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        std::map<long long, std::string> labels;
        for (const auto& t : tickets_of_day(*s, day, "waiting")) labels[t.id] = t.label;
        for (Lane lane : {Lane::kFast, Lane::kRegular}) {
          const auto order = lane_order(waiting_entries(*s, day, lane), lane_calls(*s, day, lane),
                                        e->now(), e->settings.max_wait);
          Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
          for (std::size_t i = 0; i < order.size() && i < kNextShown; ++i) {
            list->add(labels[order[i].id]);
          }
          next->set(std::string(to_string(lane)), list);
          waiting->set(std::string(to_string(lane)), static_cast<int>(order.size()));
        }
        body->set("next", next);
        body->set("waiting", waiting);
        Poco::JSON::Array::Ptr calls = new Poco::JSON::Array;
        long long last = 0;
        for (const auto& c : latest_calls(*s, day, kCallsShown)) {
          Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
          o->set("id", c.id);
          o->set("label", c.label);
          o->set("lane", std::string(to_string(c.lane)));
          o->set("window", c.window_code);
          o->set("window_name", names.count(c.window_code) ? names[c.window_code] : c.window_code);
          o->set("recall", c.recall);
          o->set("called_at", c.called_at);
          calls->add(o);
          last = std::max(last, c.id);
        }
        body->set("calls", calls);
        body->set("last_call_id", last);
        res.header("Cache-Control", "no-store");
        res.json(body);
      },
      "The waiting-room board: the number at each open window, the next numbers of each lane "
      "and the latest calls (newest first) to announce"};
  board.device_scopes = {kBoardScope};
  router.add(std::move(board));

  router.add(
      {"GET",
       "/api/v1/fast-lane/stats",
       viewer_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const std::string day =
             req.query("date") ? sdk::format_date(sdk::query_date(req, "date")) : e->today();
         const auto s = e->context.store().session();
         std::map<std::string, Tally> lanes, windows;
         lanes["fast"];
         lanes["regular"];
         for (const auto& t : tickets_of_day(*s, day)) {
           lanes[std::string(to_string(t.lane))].add(t);
           if (!t.window_code.empty()) windows[t.window_code].add(t);
         }
         Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         body->set("date", day);
         Poco::JSON::Object::Ptr by_lane = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         by_lane->set("fast", lanes["fast"].json());
         by_lane->set("regular", lanes["regular"].json());
         body->set("lanes", by_lane);
         Poco::JSON::Object::Ptr by_window = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         for (const auto& [code, tally] : windows) by_window->set(code, tally.json());
         body->set("windows", by_window);
         res.json(body);
       },
       "Wait (issue to first call) and service (first call to served) times of a local day per "
       "lane and window: count, median, 90th percentile, longest",
       false,
       {{"date", "string", false, "The local day, YYYY-MM-DD (today by default)"}}});
}

}  // namespace hisx::fast_lane
