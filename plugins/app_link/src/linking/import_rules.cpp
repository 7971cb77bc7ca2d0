#include "linking/import_rules.h"

#include <Poco/String.h>

#include <map>
#include <stdexcept>

#include "codes/link_code_rules.h"
#include "hisx/his_id.h"

namespace hisx::app_link {

namespace {

const std::vector<std::string> kColumns = {"form_number", "patient_code", "app_account_id",
                                           "department_id", "consent_date"};

std::string trimmed(const std::string& text) { return Poco::trim(text); }

void bad(ImportRow& row, const std::string& field, const std::string& detail) {
  if (row.bad()) return;  // the first fault is reported
  row.bad_field = field;
  row.bad_detail = detail;
}

}  // namespace

std::vector<ImportRow> read_import_rows(const std::vector<sdk::CsvRow>& records,
                                        sdk::LocalDate today) {
  if (records.empty()) throw std::invalid_argument("the file is empty");
  std::map<std::string, std::size_t> at;
  std::vector<std::string> unknown;
  for (std::size_t i = 0; i < records.front().fields.size(); ++i) {
    const std::string name = Poco::toLower(trimmed(records.front().fields[i]));
    if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end()) {
      unknown.push_back(name);
    } else {
      at[name] = i;
    }
  }
  std::string missing;
  for (const std::string required : {"app_account_id", "consent_date"}) {
    if (!at.count(required)) missing += (missing.empty() ? "" : ", ") + required;
  }
  if (!at.count("form_number") && !at.count("patient_code")) {
    missing += std::string(missing.empty() ? "" : ", ") + "form_number or patient_code";
  }
  if (!missing.empty() || !unknown.empty()) {
    std::string why = "the first line must be the header " + std::string(kImportHeader);
    if (!missing.empty()) why += "; missing: " + missing;
    if (!unknown.empty()) {
      why += "; unknown:";
      for (const auto& u : unknown) why += " '" + u + "'";
    }
    throw std::invalid_argument(why);
  }
  if (records.size() < 2) throw std::invalid_argument("the file has a header but no rows");

  const std::size_t width = records.front().fields.size();
  std::vector<ImportRow> rows;
  rows.reserve(records.size() - 1);
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& fields = records[r].fields;
    ImportRow row;
    row.line = static_cast<int>(records[r].line);
    auto value = [&](const char* column) {
      const auto it = at.find(column);
      if (it == at.end() || it->second >= fields.size()) return std::string();
      return trimmed(fields[it->second]);
    };
    if (fields.size() != width) {
      bad(row, "line",
          "The row has " + std::to_string(fields.size()) + " fields, the header " +
              std::to_string(width) + " / Số cột của dòng khác với dòng tiêu đề");
    }
    row.form_number = value("form_number");
    row.patient_code = Poco::toUpper(value("patient_code"));
    row.account_id = value("app_account_id");
    row.department_id = value("department_id");
    if (!row.form_number.empty()) {
      row.form_serial = form_serial(row.form_number);
      if (!row.form_serial) {
        bad(row, "form_number",
            "'" + row.form_number +
                "' is not a form number such as LK0000042 / Số phiếu không đúng dạng");
      }
    } else if (row.patient_code.empty()) {
      bad(row, "form_number",
          "Give the form number or the patient code / Cần số phiếu hoặc mã người bệnh");
    }
    if (row.account_id.empty() || !sdk::is_his_id(row.account_id)) {
      bad(row, "app_account_id",
          "The app account id is missing or not valid (1-100 characters) / Thiếu hoặc sai mã "
          "tài khoản ứng dụng");
    }
    if (!row.department_id.empty() && !sdk::is_his_id(row.department_id)) {
      bad(row, "department_id", "Not a valid department id / Mã khoa không hợp lệ");
    }
    const std::string date = value("consent_date");
    row.consent_date = sdk::parse_date(date);
    if (!row.consent_date) {
      bad(row, "consent_date",
          "'" + date + "' is not a date YYYY-MM-DD / Ngày đồng ý phải có dạng YYYY-MM-DD");
    } else if (*row.consent_date > today) {
      bad(row, "consent_date", "The consent date is in the future / Ngày đồng ý ở tương lai");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace hisx::app_link
