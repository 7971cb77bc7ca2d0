// Self-linking: the patient types (or scans) the code of their slip into the app, with their
// birth date. A failing caller learns no more than it must: an unknown code and a wrong birth
// date get the same answer, and each wrong birth date counts towards the code's lock.
#include <Poco/JSON/Object.h>

#include "codes/code_store.h"
#include "codes/link_code_rules.h"
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

struct Claim {
  std::string typed_code;
  std::string account_id;
  std::string birth_date;  ///< "YYYY-MM-DD".
};

Claim read_claim(const sdk::Request& req) {
  const auto body = req.json();
  Claim c;
  c.typed_code = sdk::json_text(body, "code", 40);
  c.account_id = sdk::json_his_id(body, "app_account_id");
  c.birth_date = sdk::format_date(sdk::json_date(body, "birth_date"));
  if (const auto header = req.header(sdk::kAppAccountHeader); header && *header != c.account_id) {
    throw sdk::Problem::invalid(
        "app_account_id", std::string("app_account_id differs from the ") + sdk::kAppAccountHeader +
                              " header / Tài khoản ứng dụng không khớp với tiêu đề " +
                              sdk::kAppAccountHeader);
  }
  return c;
}

// The one answer for an unknown code and for a wrong birth date.
sdk::Problem refused() {
  return sdk::Problem(422, "claim-refused",
                      "The linking code or the birth date does not match. Check both, as "
                      "printed on the slip / Mã liên kết hoặc ngày sinh không đúng, vui lòng "
                      "kiểm tra lại theo phiếu");
}

sdk::Problem locked() {
  return sdk::Problem(423, "code-locked",
                      "This linking code is locked after too many wrong birth dates; ask the "
                      "hospital to print a new slip / Mã liên kết đã bị khóa do nhập sai nhiều "
                      "lần, vui lòng đề nghị bệnh viện in phiếu mới",
                      "code");
}

sdk::Problem expired() {
  return sdk::Problem(410, "code-expired",
                      "This linking code has expired; ask the hospital to print a new slip / Mã "
                      "liên kết đã hết hạn, vui lòng đề nghị bệnh viện in phiếu mới",
                      "code");
}

sdk::Problem used() {
  return sdk::Problem(409, "code-used",
                      "This linking code was used already / Mã liên kết này đã được sử dụng",
                      "code");
}

void admit(Environment& env, const sdk::Request& req, const std::string& account_id) {
  const sdk::RateLimit per_client{"claims_client", env.settings.claims_per_client_per_minute,
                                  std::chrono::seconds(60)};
  const sdk::RateLimit per_account{"claims_account", env.settings.claims_per_account_per_hour,
                                   std::chrono::seconds(3600)};
  const auto decision = env.context.rate_limits().hit_all(
      {{per_client, req.client_address()}, {per_account, account_id}});
  if (!decision) {
    throw sdk::too_many_requests(decision,
                                 "Too many linking attempts; wait and try again / Quá nhiều lần "
                                 "thử liên kết, vui lòng đợi rồi thử lại");
  }
}

void answer(sdk::Response& res, int status, const Link& link, bool already) {
  auto body = link_json(link);
  body->set("already_linked", already);
  res.status(status);
  res.json(body);
}

}  // namespace

void add_claim_routes(Environment& env) {
  Environment* e = &env;
  env.context.router().add(
      {"POST",
       "/api/v1/app-link/claims",
       {std::string(sdk::roles::kApp)},
       [e](sdk::Request& req, sdk::Response& res) {
         const Claim claim = read_claim(req);
         admit(*e, req, claim.account_id);
         const auto code = normalise_link_code(claim.typed_code);
         if (!code) {
           throw sdk::Problem::invalid("code",
                                       "A linking code is 8 letters and digits, as printed "
                                       "(ABCD-EFGH) / Mã liên kết gồm 8 chữ và số như in trên "
                                       "phiếu");
         }
         std::optional<LinkCode> found;
         {
           const auto s = e->context.store().session();
           found = find_code(*s, *code);
         }
         if (!found) throw refused();
         if (found->state == "locked") throw locked();
         const auto patient = sdk::his_patient(e->context, found->patient_id);
         const bool birth_matches =
             patient && !patient->birth_date.empty() && patient->birth_date == claim.birth_date;
         if (!birth_matches) {
           sdk::with_transaction(e->context.store(), [&](soci::session& tx) {
             count_wrong_attempt(tx, found->id, e->settings.max_wrong_birth_dates, e->now_text());
           });
           throw refused();
         }
         std::optional<Link> made;
         bool already = false;
         sdk::with_transaction(e->context.store(), [&](soci::session& tx) {
           const auto now = e->now_text();
           const auto current = find_code_by_id(tx, found->id);
           if (current->state == "locked") throw locked();
           if (current->state == "used") {
             // A retry of this account's own claim is answered with its link.
             if (current->link_id) {
               if (auto link = find_link(tx, *current->link_id);
                   link && link->account_id == claim.account_id && link->active()) {
                 made = link;
                 already = true;
                 return;
               }
             }
             throw used();
           }
           if (current->state == "replaced" || current->expires_at <= now) throw expired();
           NewLink in;
           in.account_id = claim.account_id;
           in.patient_id = current->patient_id;
           in.method = "self";
           in.consent_by = claim.account_id;
           in.consent_method = "in_app";
           in.code_id = current->id;
           in.linked_by = req.principal()->id;
           const LinkResult result = make_link(*e, tx, in);
           if (result.outcome == LinkOutcome::kLimitReached) {
             throw family_limit(*e, claim.account_id);
           }
           if (!use_code(tx, current->id, result.link.id, now)) throw used();
           made = result.link;
           already = result.outcome == LinkOutcome::kAlreadyLinked;
           if (!already) send_link_notice(*e, tx, *patient);
         });
         answer(res, already ? 200 : 201, *made, already);
       },
       "Links the calling app account to the patient of a linking code, proven by the birth "
       "date (self-linking; 5 wrong birth dates lock the code)",
       false,
       {},
       R"({"type":"object","required":["code","app_account_id","birth_date"],"properties":{)"
       R"("code":{"type":"string","maxLength":40},"app_account_id":{"type":["string","integer"]},)"
       R"("birth_date":{"type":"string","format":"date"}}})"});
}

}  // namespace hisx::app_link
