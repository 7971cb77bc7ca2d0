// Reversals over HTTP: asked for at the window, approved or rejected by a second person, the
// reversal's own receipt.
#include <Poco/JSON/Array.h>

#include "hisx/database.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "payments/payment_json.h"
#include "payments/reversal_service.h"
#include "printing/print_content.h"
#include "routes.h"

namespace hisx::fast_lane {

void add_reversal_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  router.add(
      {"POST",
       "/api/v1/fast-lane/payments/{id}/reversals",
       cashier_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const long long id = sdk::path_id(req);
         const std::string reason = sdk::json_text(req.json(), "reason", 500);
         res.status(201);
         res.json(reversal_json(request_reversal(*e, *req.principal(), id, reason)));
       },
       "Asks for the reversal of a payment, with the reason; a second person approves it",
       false,
       {},
       R"j({"type":"object","required":["reason"],"properties":{"reason":{"type":"string"}}})j"});

  router.add({"GET",
              "/api/v1/fast-lane/reversals",
              cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const std::string status = sdk::query_enum(
                    req, "status", {"all", "requested", "approved", "rejected"}, "all");
                const auto s = e->context.store().session();
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& r : list_reversals(*s, status == "all" ? "" : status, 200)) {
                  items->add(reversal_json(r));
                }
                Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
                body->set("items", items);
                res.json(body);
              },
              "Reversals, newest first (the ones waiting for approval with status=requested)",
              false,
              {{"status", "string", false, "all (default), requested, approved or rejected"}}});

  const std::string decision_schema =
      R"j({"type":"object","properties":{"note":{"type":"string"}}})j";
  router.add({"POST",
              "/api/v1/fast-lane/reversals/{id}/approve",
              lead_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                const std::string note = sdk::json_text(req.json(), "note", 500, std::string());
                res.json(reversal_json(approve_reversal(*e, *req.principal(), id, note)));
              },
              "Approves a reversal (not by the one who asked): the reversing entry with its own "
              "receipt number; the charges may be paid again",
              false,
              {},
              decision_schema});

  router.add({"POST",
              "/api/v1/fast-lane/reversals/{id}/reject",
              lead_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                const std::string note = sdk::json_text(req.json(), "note", 500);
                res.json(reversal_json(reject_reversal(*e, *req.principal(), id, note)));
              },
              "Rejects a reversal, saying why; the payment stands",
              false,
              {},
              decision_schema});

  router.add({"GET",
              "/api/v1/fast-lane/reversals/{id}/receipt",
              cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                const auto s = e->context.store().session();
                const auto r = find_reversal(*s, id);
                if (!r || r->status != "approved") {
                  throw sdk::Problem::not_found("No approved reversal " + std::to_string(id) +
                                                " / Không có phiếu hủy này");
                }
                const auto p = find_payment(*s, r->payment_id);
                const auto content = receipt_content(*e, *p, false, r);
                send_document(
                    req, res, "phieu-huy-" + r->receipt_no, [&] { return receipt_pdf(content); },
                    [&] { return receipt_escpos(content); });
              },
              "The reversal's receipt (phiếu hủy), 80 mm PDF or ESC/POS",
              false,
              {{"format", "string", false, "pdf (default) or escpos"}}});
}

}  // namespace hisx::fast_lane
