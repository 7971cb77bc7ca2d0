#include "linking/import_store.h"

#include "linking/import_rules.h"

namespace hisx::app_link {

long long insert_import(soci::session& tx, const std::string& file_name, const std::string& sha256,
                        const std::string& by, const std::string& at, std::size_t rows) {
  long long id = 0;
  const int total = static_cast<int>(rows);
  tx << "INSERT INTO hisx_app_link_imports (file_name, file_sha256, uploaded_by, uploaded_at, "
        "total_rows, linked, already_linked, refused) VALUES (:n, :h, :by, :at, :rows, 0, 0, 0) "
        "RETURNING id",
      soci::use(file_name), soci::use(sha256), soci::use(by), soci::use(at), soci::use(total),
      soci::into(id);
  return id;
}

void store_results(soci::session& tx, long long id, const std::vector<ImportResult>& rows) {
  ImportResult r;
  std::string field, patient, account;
  long long link = 0;
  soci::indicator field_ind = soci::i_null, patient_ind = soci::i_null, account_ind = soci::i_null,
                  link_ind = soci::i_null;
  soci::statement st =
      (tx.prepare << "INSERT INTO hisx_app_link_import_rows (import_id, line, outcome, field, "
                     "detail, patient_id, account_id, link_id) VALUES (:imp, :line, :outcome, "
                     ":field, :detail, :patient, :account, :link)",
       soci::use(id), soci::use(r.line), soci::use(r.outcome), soci::use(field, field_ind),
       soci::use(r.detail), soci::use(patient, patient_ind), soci::use(account, account_ind),
       soci::use(link, link_ind));
  for (const auto& row : rows) {
    r = row;
    field = row.field;
    field_ind = field.empty() ? soci::i_null : soci::i_ok;
    patient = row.patient_id;
    patient_ind = patient.empty() ? soci::i_null : soci::i_ok;
    account = row.account_id;
    account_ind = account.empty() ? soci::i_null : soci::i_ok;
    link = row.link_id.value_or(0);
    link_ind = row.link_id ? soci::i_ok : soci::i_null;
    st.execute(true);
  }
  const auto counts = count_outcomes(rows);
  const long long linked = counts.at("linked"), already = counts.at("already_linked");
  const long long refused = static_cast<long long>(rows.size()) - linked - already;
  tx << "UPDATE hisx_app_link_imports SET linked = :l, already_linked = :a, refused = :r "
        "WHERE id = :id",
      soci::use(linked), soci::use(already), soci::use(refused), soci::use(id);
}

std::optional<StoredImport> load_import(soci::session& s, long long id) {
  std::optional<StoredImport> out;
  soci::rowset<soci::row> head =
      (s.prepare << "SELECT id, file_name, file_sha256, uploaded_by, uploaded_at FROM "
                    "hisx_app_link_imports WHERE id = :id",
       soci::use(id));
  for (const auto& r : head) {
    out = StoredImport{};
    out->id = sdk::row_integer(r, 0);
    out->file_name = sdk::row_text(r, 1);
    out->file_sha256 = r.get<std::string>(2);
    out->uploaded_by = r.get<std::string>(3);
    out->uploaded_at = r.get<std::string>(4);
  }
  if (!out) return out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT line, outcome, field, detail, patient_id, account_id, link_id FROM "
                    "hisx_app_link_import_rows WHERE import_id = :id ORDER BY line",
       soci::use(id));
  for (const auto& r : rows) {
    ImportResult x;
    x.line = static_cast<int>(sdk::row_integer(r, 0));
    x.outcome = r.get<std::string>(1);
    x.field = sdk::row_text(r, 2);
    x.detail = r.get<std::string>(3);
    x.patient_id = sdk::row_text(r, 4);
    x.account_id = sdk::row_text(r, 5);
    if (r.get_indicator(6) != soci::i_null) x.link_id = sdk::row_integer(r, 6);
    out->rows.push_back(std::move(x));
  }
  return out;
}

std::optional<long long> earlier_import_of(soci::session& s, const std::string& sha256,
                                           long long id) {
  long long earlier = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT MAX(id) FROM hisx_app_link_imports WHERE file_sha256 = :h AND id < :id",
      soci::into(earlier, ind), soci::use(sha256), soci::use(id);
  if (ind == soci::i_null) return std::nullopt;
  return earlier;
}

std::map<std::string, long long> count_outcomes(const std::vector<ImportResult>& rows) {
  std::map<std::string, long long> counts;
  for (const char* outcome : kOutcomes) counts[outcome] = 0;
  for (const auto& r : rows) ++counts[r.outcome];
  return counts;
}

}  // namespace hisx::app_link
