// The cashier windows: listed for everyone who works the queue, set up by the head cashier.
#include <Poco/JSON/Array.h>

#include <algorithm>

#include "hisx/database.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "queue/ticket_json.h"
#include "queue/window_store.h"
#include "routes.h"

namespace hisx::fast_lane {

namespace {

std::string window_code_of(const sdk::Request& req) {
  const std::string& code = req.param("code");
  const bool ok = !code.empty() && code.size() <= 20 &&
                  std::all_of(code.begin(), code.end(), [](unsigned char c) {
                    return std::isalnum(c) || c == '-' || c == '_';
                  });
  if (!ok) {
    throw sdk::Problem::invalid("code",
                                "A window code is 1-20 letters, digits, '-' or '_', e.g. Q1 / Mã "
                                "quầy gồm 1-20 chữ, số, '-' hoặc '_'");
  }
  return code;
}

}  // namespace

void add_window_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  router.add({"GET", "/api/v1/fast-lane/windows", viewer_roles(),
              [e](sdk::Request&, sdk::Response& res) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                const auto s = e->context.store().session();
                for (const auto& w : list_windows(*s)) items->add(window_json(w));
                Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
                body->set("items", items);
                res.json(body);
              },
              "The cashier windows, open and closed"});

  router.add(
      {"PUT",
       "/api/v1/fast-lane/windows/{code}",
       lead_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const auto body = req.json();
         Window w;
         w.code = window_code_of(req);
         w.name = sdk::json_text(body, "name", 100);
         w.mode = *parse_window_mode(sdk::json_enum(body, "mode", {"fast", "regular", "mixed"}));
         w.ratio.fast = static_cast<int>(sdk::json_integer(body, "fast_share", 1, 20, 2));
         w.ratio.regular = static_cast<int>(sdk::json_integer(body, "regular_share", 1, 20, 1));
         w.active = sdk::json_boolean(body, "active", true);
         w.updated_at = e->now_text();
         w.updated_by = req.principal()->id;
         sdk::with_transaction(e->context.store(), [&](soci::session& tx) { save_window(tx, w); });
         const auto s = e->context.store().session();
         res.json(window_json(*find_window(*s, w.code)));
       },
       "Creates or changes a cashier window: its name, mode (fast, regular, mixed), the mixed "
       "ratio and whether it is open",
       false,
       {},
       R"j({"type":"object","required":["name","mode"],"properties":{"name":{"type":"string"},"mode":{"enum":["fast","regular","mixed"]},"fast_share":{"type":"integer","minimum":1,"maximum":20},"regular_share":{"type":"integer","minimum":1,"maximum":20},"active":{"type":"boolean"}}})j"});
}

void seed_demo_windows(Environment& env) {
  if (!env.settings.demo_seed) return;
  const std::string now = env.now_text();
  sdk::with_transaction(env.context.store(), [&](soci::session& tx) {
    if (!list_windows(tx).empty()) return;
    add_window_if_missing(
        tx, {"Q1", "Quầy 1 – ưu tiên", WindowMode::kFast, {2, 1}, 0, true, now, "demo"});
    add_window_if_missing(tx, {"Q2", "Quầy 2", WindowMode::kMixed, {2, 1}, 0, true, now, "demo"});
    add_window_if_missing(tx, {"Q3", "Quầy 3", WindowMode::kRegular, {2, 1}, 0, true, now, "demo"});
  });
}

}  // namespace hisx::fast_lane
