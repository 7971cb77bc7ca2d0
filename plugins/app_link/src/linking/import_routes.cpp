// Paper linking forms in bulk: IT uploads a CSV of the signed forms collected by the
// departments; every row gets its own result, and a file uploaded again changes nothing
// (its rows are already linked). The HIS and the forms are looked up first, then every link
// is made in one store transaction: an import is recorded whole or not at all.
#include <Poco/DigestEngine.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/SHA2Engine.h>
#include <Poco/String.h>

#include <algorithm>
#include <set>

#include "codes/link_code_rules.h"
#include "hisx/his_records.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "hisx/uploads.h"
#include "linking/import_rules.h"
#include "linking/import_store.h"
#include "linking/link_store.h"
#include "printing/print_store.h"
#include "routes.h"

namespace hisx::app_link {

namespace {

constexpr std::size_t kMaxRows = 20000;
constexpr std::size_t kMaxBody = 16 * 1024 * 1024;

// A row ready to link, or its result already.
struct Resolved {
  ImportResult result;
  NewLink link;
  bool ready = false;
};

std::string sha256_of(const std::string& text) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(text);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

ImportResult refusal(const ImportRow& row, const std::string& outcome, const std::string& field,
                     const std::string& detail) {
  ImportResult r;
  r.line = row.line;
  r.outcome = outcome;
  r.field = field;
  r.detail = detail;
  r.account_id = row.account_id;
  return r;
}

std::vector<Resolved> resolve(Environment& env, const std::vector<ImportRow>& rows,
                              const std::string& by) {
  std::set<std::string> departments;
  for (const auto& d : sdk::his_departments(env.context)) departments.insert(d.id);
  const auto his = env.context.his().session();
  const auto store = env.context.store().session();
  std::vector<Resolved> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    Resolved x;
    if (row.bad()) {
      x.result = refusal(row, "bad_row", row.bad_field, row.bad_detail);
      out.push_back(std::move(x));
      continue;
    }
    std::string patient_id;
    std::string department = row.department_id;
    std::optional<long long> form_id;
    if (row.form_serial) {
      const auto form = find_form(*store, *row.form_serial);
      if (!form) {
        x.result = refusal(row, "form_not_found", "form_number",
                           "No linking form " + row.form_number +
                               " was printed here / Không có phiếu liên kết số " + row.form_number);
        out.push_back(std::move(x));
        continue;
      }
      patient_id = form->patient_id;
      form_id = form->id;
      if (department.empty() && form->department_id) department = *form->department_id;
      if (!row.patient_code.empty()) {
        const auto patient = sdk::his_patient(env.context, *his, patient_id);
        if (!patient || Poco::toUpper(patient->code) != row.patient_code) {
          x.result = refusal(row, "bad_row", "patient_code",
                             "Form " + row.form_number + " was printed for another patient than " +
                                 row.patient_code + " / Phiếu này in cho người bệnh khác");
          out.push_back(std::move(x));
          continue;
        }
      }
    } else {
      const auto patient = sdk::his_patient_by_code(env.context, *his, row.patient_code);
      if (!patient) {
        x.result = refusal(row, "patient_not_found", "patient_code",
                           "No HIS patient has the code " + row.patient_code +
                               " / Không có người bệnh mã " + row.patient_code);
        out.push_back(std::move(x));
        continue;
      }
      patient_id = patient->id;
    }
    if (!department.empty() && !departments.count(department)) {
      x.result = refusal(row, "bad_row", "department_id",
                         "No HIS department " + department + " / Không có khoa " + department);
      out.push_back(std::move(x));
      continue;
    }
    x.result.line = row.line;
    x.result.patient_id = patient_id;
    x.result.account_id = row.account_id;
    x.link.account_id = row.account_id;
    x.link.patient_id = patient_id;
    if (!department.empty()) x.link.department_id = department;
    x.link.method = "bulk";
    x.link.consent_method = "signed_form";
    x.link.consent_at = sdk::format_utc(env.zone.start_of(*row.consent_date));
    x.link.form_id = form_id;
    x.link.linked_by = by;
    x.ready = true;
    out.push_back(std::move(x));
  }
  return out;
}

void link_all(Environment& env, soci::session& tx, long long import_id,
              std::vector<Resolved>& rows) {
  for (auto& x : rows) {
    if (!x.ready) continue;
    x.link.import_id = import_id;
    const LinkResult made = make_link(env, tx, x.link);
    switch (made.outcome) {
      case LinkOutcome::kLinked:
        x.result.outcome = "linked";
        x.result.detail = "Linked / Đã liên kết";
        x.result.link_id = made.link.id;
        break;
      case LinkOutcome::kAlreadyLinked:
        x.result.outcome = "already_linked";
        x.result.detail = "Linked already, nothing changed / Đã liên kết từ trước";
        x.result.link_id = made.link.id;
        break;
      case LinkOutcome::kLimitReached:
        x.result.outcome = "limit_reached";
        x.result.field = "app_account_id";
        x.result.detail = "The app account holds " +
                          std::to_string(env.settings.max_patients_per_account) +
                          " links already, the most allowed / Tài khoản đã liên kết tối đa";
        break;
    }
  }
}

Poco::JSON::Object::Ptr import_json(const StoredImport& imp, std::optional<long long> earlier) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("import_id", imp.id);
  body->set("file_name", imp.file_name);
  body->set("uploaded_by", imp.uploaded_by);
  body->set("uploaded_at", imp.uploaded_at);
  body->set("same_file_as", earlier ? Poco::Dynamic::Var(*earlier) : Poco::Dynamic::Var());
  Poco::JSON::Object::Ptr summary = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  summary->set("rows", static_cast<long long>(imp.rows.size()));
  for (const auto& [outcome, n] : count_outcomes(imp.rows)) summary->set(outcome, n);
  body->set("summary", summary);
  Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
  for (const auto& r : imp.rows) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("line", r.line);
    o->set("outcome", r.outcome);
    o->set("field", r.field.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(r.field));
    o->set("detail", r.detail);
    o->set("patient_id",
           r.patient_id.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(r.patient_id));
    o->set("app_account_id", r.account_id);
    o->set("link_id", r.link_id ? Poco::Dynamic::Var(*r.link_id) : Poco::Dynamic::Var());
    rows->add(o);
  }
  body->set("rows", rows);
  return body;
}

StoredImport import_of(Environment& env, long long id) {
  const auto s = env.context.store().session();
  auto imp = load_import(*s, id);
  if (!imp) {
    throw sdk::Problem::not_found("No import " + std::to_string(id) + " / Không có lần nhập số " +
                                  std::to_string(id));
  }
  return *imp;
}

std::vector<std::string> it_roles() { return {std::string(sdk::roles::kAdmin)}; }

}  // namespace

void add_import_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  sdk::Route upload{
      "POST", "/api/v1/app-link/imports", it_roles(),
      [e](sdk::Request& req, sdk::Response& res) {
        const auto upload = sdk::read_text_upload(req, "file");
        const auto records = sdk::read_csv_upload(req, "file");
        std::vector<ImportRow> rows;
        try {
          rows = read_import_rows(records, e->zone.date_of(e->now()));
        } catch (const std::invalid_argument& why) {
          throw sdk::Problem::invalid(
              "file", std::string("The file cannot be read: ") + why.what() +
                          " / Tệp không đúng mẫu: dòng đầu phải là " + kImportHeader);
        }
        if (rows.size() > kMaxRows) {
          throw sdk::Problem::invalid("file", "At most " + std::to_string(kMaxRows) +
                                                  " rows per file; split it / Tối đa " +
                                                  std::to_string(kMaxRows) + " dòng mỗi tệp");
        }
        const std::string by = req.principal()->id;
        auto resolved = resolve(*e, rows, by);
        const std::string sha = sha256_of(upload.text);
        long long id = 0;
        sdk::with_transaction(e->context.store(), [&](soci::session& tx) {
          id = insert_import(tx, upload.file_name, sha, by, e->now_text(), rows.size());
          link_all(*e, tx, id, resolved);
          std::vector<ImportResult> results;
          results.reserve(resolved.size());
          for (const auto& x : resolved) results.push_back(x.result);
          store_results(tx, id, results);
        });
        const auto imp = import_of(*e, id);
        std::optional<long long> earlier;
        {
          const auto s = e->context.store().session();
          earlier = earlier_import_of(*s, sha, id);
        }
        res.status(201);
        res.json(import_json(imp, earlier));
      },
      "Links app accounts from a CSV of signed paper forms (" + std::string(kImportHeader) +
          "): each row's result and a summary; uploading the same file again changes nothing"};
  upload.max_body_bytes = kMaxBody;
  router.add(std::move(upload));

  router.add({"GET", "/api/v1/app-link/imports/{id}", it_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const auto imp = import_of(*e, sdk::path_id(req));
                const auto s = e->context.store().session();
                res.json(import_json(imp, earlier_import_of(*s, imp.file_sha256, imp.id)));
              },
              "One import of paper forms with every row's result"});

  router.add({"GET", "/api/v1/app-link/imports/{id}/results.csv", it_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const auto imp = import_of(*e, sdk::path_id(req));
                std::string csv = sdk::csv_record({"line", "outcome", "field", "detail",
                                                   "patient_id", "app_account_id", "link_id"});
                for (const auto& r : imp.rows) {
                  csv += sdk::csv_record({std::to_string(r.line), r.outcome, r.field, r.detail,
                                          r.patient_id, r.account_id,
                                          r.link_id ? std::to_string(*r.link_id) : ""});
                }
                res.header("Content-Disposition",
                           "attachment; filename=\"lien-ket-" + std::to_string(imp.id) + ".csv\"");
                res.body("\xEF\xBB\xBF" + csv, "text/csv; charset=utf-8");
              },
              "The results of one import as CSV (UTF-8 with a byte order mark, for spreadsheets)"});
}

}  // namespace hisx::app_link
