// Assisted linking at a department's desk (with the consent that allows it), unlinking on
// request, and the app backend's view of an account's patients.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>

#include "hisx/his_records.h"
#include "hisx/patient_access.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "linking/link_json.h"
#include "linking/link_notice.h"
#include "linking/link_store.h"
#include "routes.h"

namespace hisx::app_link {

namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxReason = 500;

NewLink read_assisted(Environment& env, const sdk::Request& req, sdk::HisPatient& patient) {
  const auto body = req.json();
  NewLink in;
  in.patient_id = sdk::json_his_id(body, "patient_id");
  in.account_id = sdk::json_his_id(body, "app_account_id");
  in.department_id = sdk::json_his_id(body, "department_id");
  if (!body->has("consent") || body->isNull("consent") || !body->isObject("consent")) {
    throw sdk::Problem::invalid("consent",
                                "'consent' is required: {by, method: signed_form | "
                                "verbal_witnessed, witness} / Cần ghi nhận sự đồng ý của người "
                                "bệnh");
  }
  const auto consent = body->getObject("consent");
  in.consent_by = [&] {
    try {
      return sdk::json_text(consent, "by", kMaxName);
    } catch (sdk::Problem&) {
      throw sdk::Problem::invalid("consent.by",
                                  "'consent.by' names who consented (the patient or a "
                                  "relative), 1-200 characters / Cần ghi tên người đồng ý");
    }
  }();
  try {
    in.consent_method = sdk::json_enum(consent, "method", {"signed_form", "verbal_witnessed"});
  } catch (sdk::Problem&) {
    throw sdk::Problem::invalid("consent.method",
                                "'consent.method' must be signed_form or verbal_witnessed / "
                                "Hình thức đồng ý phải là phiếu có chữ ký hoặc đồng ý miệng có "
                                "người làm chứng");
  }
  in.consent_witness = [&] {
    try {
      return sdk::json_text(consent, "witness", kMaxName, "");
    } catch (sdk::Problem&) {
      throw sdk::Problem::invalid("consent.witness",
                                  "'consent.witness' is at most 200 characters / Tên người làm "
                                  "chứng tối đa 200 ký tự");
    }
  }();
  if (in.consent_method == "verbal_witnessed" && in.consent_witness.empty()) {
    throw sdk::Problem::invalid("consent.witness",
                                "Verbal consent needs a witness: name them in 'consent.witness' / "
                                "Đồng ý bằng lời cần có người làm chứng");
  }
  auto found = sdk::his_patient(env.context, in.patient_id);
  if (!found) {
    throw sdk::Problem::invalid("patient_id", "No HIS patient " + in.patient_id +
                                                  " / Không có người bệnh mã " + in.patient_id);
  }
  patient = *found;
  const auto departments = sdk::his_departments(env.context);
  if (std::none_of(departments.begin(), departments.end(),
                   [&](const sdk::HisDepartment& d) { return d.id == *in.department_id; })) {
    throw sdk::Problem::invalid("department_id", "No HIS department " + *in.department_id +
                                                     " / Không có khoa " + *in.department_id);
  }
  in.method = "assisted";
  in.linked_by = req.principal()->id;
  return in;
}

std::vector<std::string> account_roles() {
  auto roles = desk_roles();
  roles.emplace_back(sdk::roles::kApp);
  return roles;
}

// An app request acts for its own account only (X-App-Account, when app_link requires it).
void check_own_account(const sdk::Request& req, const std::string& account_id) {
  if (req.principal()->role != sdk::roles::kApp) return;
  const auto header = req.header(sdk::kAppAccountHeader);
  if (!header || *header != account_id) {
    throw sdk::Problem(403, "forbidden",
                       std::string("The app acts for the account named in ") +
                           sdk::kAppAccountHeader +
                           " only / Ứng dụng chỉ thao tác trên tài khoản của chính mình",
                       sdk::kAppAccountHeader);
  }
}

sdk::Problem no_link(long long id) {
  return sdk::Problem::not_found("No link " + std::to_string(id) + " / Không có liên kết số " +
                                 std::to_string(id));
}

}  // namespace

void add_link_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  router.add(
      {"POST",
       "/api/v1/app-link/links",
       desk_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         sdk::HisPatient patient;
         const NewLink in = read_assisted(*e, req, patient);
         LinkResult result;
         sdk::with_transaction(e->context.store(), [&](soci::session& tx) {
           result = make_link(*e, tx, in);
           if (result.outcome == LinkOutcome::kLimitReached) throw family_limit(*e, in.account_id);
           if (result.outcome == LinkOutcome::kLinked) send_link_notice(*e, tx, patient);
         });
         auto body = link_json(result.link);
         body->set("already_linked", result.outcome == LinkOutcome::kAlreadyLinked);
         res.status(result.outcome == LinkOutcome::kLinked ? 201 : 200);
         res.json(body);
       },
       "Links an app account to an HIS patient at a department's desk, with the patient's "
       "consent (signed form, or verbal with a witness)",
       false,
       {},
       R"({"type":"object","required":["patient_id","app_account_id","department_id","consent"],)"
       R"("properties":{"patient_id":{"type":["string","integer"]},)"
       R"("app_account_id":{"type":["string","integer"]},"department_id":{"type":["string","integer"]},)"
       R"("consent":{"type":"object","required":["by","method"],"properties":{)"
       R"("by":{"type":"string","maxLength":200},)"
       R"("method":{"enum":["signed_form","verbal_witnessed"]},)"
       R"("witness":{"type":"string","maxLength":200}}}}})"});

  router.add(
      {"POST", "/api/v1/app-link/links/{id}/unlink", account_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const long long id = sdk::path_id(req);
         const auto body = req.body().find_first_not_of(" \t\r\n") == std::string::npos
                               ? Poco::JSON::Object::Ptr(new Poco::JSON::Object)
                               : req.json();
         const std::string reason = sdk::json_text(body, "reason", kMaxReason, "");
         std::optional<Link> ended;
         sdk::with_transaction(e->context.store(), [&](soci::session& tx) {
           const auto link = find_link(tx, id);
           if (!link) throw no_link(id);
           if (req.principal()->role == sdk::roles::kApp) {
             const auto header = req.header(sdk::kAppAccountHeader);
             if (!header || *header != link->account_id) throw no_link(id);
           }
           if (!link->active()) {
             throw sdk::Problem::conflict("Link " + std::to_string(id) +
                                          " has ended already / Liên kết này đã được hủy")
                 .with("unlinked_at", *link->unlinked_at);
           }
           ended = end_link(*e, tx, id, req.principal()->id, reason);
           if (!ended)
             throw sdk::Problem::conflict("Link " + std::to_string(id) +
                                          " has ended already / Liên kết này đã được hủy");
         });
         res.json(link_json(*ended));
       },
       "Ends a link on the patient's request (the link and its consent stay in the history); "
       "body {reason?}"});

  router.add(
      {"GET",
       "/api/v1/app-link/accounts/{app_account_id}/patients",
       account_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const std::string account = sdk::path_his_id(req, "app_account_id");
         check_own_account(req, account);
         const bool with_ended =
             sdk::query_enum(req, "history", {"true", "false"}, "false") == "true";
         std::vector<Link> links;
         {
           const auto s = e->context.store().session();
           links = links_of_account(*s, account, with_ended);
         }
         Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
         for (const auto& link : links) {
           auto item = link_json(link);
           if (const auto patient = sdk::his_patient(e->context, link.patient_id)) {
             item->set("patient_code", patient->code);
             item->set("full_name", patient->full_name);
             item->set("birth_date", patient->birth_date.empty()
                                         ? Poco::Dynamic::Var()
                                         : Poco::Dynamic::Var(patient->birth_date));
           }
           items->add(item);
         }
         Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         body->set("app_account_id", account);
         body->set("limit", e->settings.max_patients_per_account);
         body->set("count", static_cast<int>(items->size()));
         body->set("items", items);
         res.json(body);
       },
       "The HIS patients an app account is linked to (itself and family), for the app backend",
       false,
       {{"history", "boolean", false, "true: ended links too"}}});
}

}  // namespace hisx::app_link
