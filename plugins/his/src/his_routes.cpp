#include "his_routes.h"

#include "his_json.h"
#include "hisx/his_id.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "hisx/text.h"

namespace hisx::his {

namespace {

std::vector<std::string> staff_roles() {
  return {sdk::roles::kStaff.begin(), sdk::roles::kStaff.end()};
}

// The search key the profile receives: folded (lower-case, no diacritics), without the LIKE
// wildcards % and _, trimmed.
std::string search_key(const std::string& text) {
  std::string folded = sdk::fold_search_text(text);
  for (char& c : folded) {
    if (c == '%' || c == '_' || c == '\\') c = ' ';
  }
  auto b = folded.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return folded.substr(b, folded.find_last_not_of(" \t") - b + 1);
}

}  // namespace

void add_his_routes(sdk::Context& context, int max_results) {
  auto& router = context.router();
  sdk::Context* ctx = &context;

  router.add({"GET",
              "/api/v1/his/patients",
              staff_roles(),
              [ctx, max_results](sdk::Request& req, sdk::Response& res) {
                const std::string q = search_key(req.query("q").value_or(""));
                if (q.size() < 2) {
                  throw sdk::Problem::invalid(
                      "q",
                      "Give at least 2 characters of a name, phone number or patient code "
                      "/ Nhập ít nhất 2 ký tự của họ tên, số điện thoại hoặc mã bệnh nhân");
                }
                const long long limit = sdk::query_integer(req, "limit", 1, max_results, 20);
                const auto s_lease = ctx->his().session();
                soci::session& s = *s_lease;
                auto rows = ctx->profile().query(s, "patient.search", {{"q", q}, {"limit", limit}});
                res.json(to_json_list(rows));
              },
              "Search HIS patients by name, phone or patient code",
              false,
              {{"q", "string", true,
                "At least 2 characters of a name (with or without diacritics), phone or patient "
                "code"},
               {"limit", "integer", false, "Patients at most, 1 to max_results (default 20)"}}});

  router.add({"GET", "/api/v1/his/patients/{id}", staff_roles(),
              [ctx](sdk::Request& req, sdk::Response& res) {
                const sdk::HisId id = sdk::path_his_id(req, "id");
                const auto s_lease = ctx->his().session();
                soci::session& s = *s_lease;
                auto rows = ctx->profile().query(s, "patient.get", {{"id", id}});
                if (rows.empty()) {
                  throw sdk::Problem::not_found("No HIS patient with id " + id +
                                                " / Không có bệnh nhân mã " + id);
                }
                res.json(to_json(rows.front()));
              },
              "One HIS patient"});

  router.add({"GET", "/api/v1/his/departments", staff_roles(),
              [ctx](sdk::Request&, sdk::Response& res) {
                const auto s_lease = ctx->his().session();
                soci::session& s = *s_lease;
                res.json(to_json_list(ctx->profile().query(s, "department.list", {})));
              },
              "The hospital's departments"});
}

}  // namespace hisx::his
