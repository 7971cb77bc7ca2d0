#include "hisx/his_statements.h"

namespace hisx::sdk {

namespace {

using T = ValueType;

std::vector<StatementColumn> patient_columns() {
  return {
      {"id", T::kId, false, "The HIS's key of the patient.", "563"},
      {"code", T::kText, false, "The patient code printed on slips (mã bệnh nhân).", "BN00563"},
      {"full_name", T::kText, false, "Full name as written, with diacritics.", "Nguyễn Văn An"},
      {"birth_date", T::kDate, true, "Date of birth.", "1984-03-12"},
      {"gender", T::kCode, false, "Gender.", "male", "gender"},
      {"phone", T::kText, true, "Mobile phone, as the HIS keeps it.", "0912345678"},
      {"insurance_no", T::kText, true, "Health insurance (BHYT) card number.", "DN4010123456789"},
      {"address", T::kText, true, "Address.", "Thôn 3, xã Tân Lập"},
  };
}

StatementSpec patient_lookup(std::string name, StatementParam param, std::string description) {
  StatementSpec spec{std::move(name),
                     StatementKind::kQuery,
                     {std::move(param)},
                     patient_columns(),
                     std::move(description)};
  return spec;
}

std::vector<StatementSpec> make_statements() {
  std::vector<StatementSpec> specs;
  specs.push_back(patient_lookup("patient.get", {"id", T::kId, "The patient's HIS id."},
                                 "The patient with HIS id :id: zero or one row."));

  StatementSpec search{
      "patient.search",
      StatementKind::kQuery,
      {{"q", T::kText,
        "The search text, already folded: lower-case, without diacritics or wildcards. "
        "Empty: any patient."},
       {"limit", T::kInteger, "The most rows to return."}},
      patient_columns(),
      "Patients whose name, phone or patient code contains :q, best matches first (exact "
      "code or phone, then names starting with :q), at most :limit rows."};
  search.sample = {{"q", ""}, {"limit", "1"}};
  search.probe = {{"q", "zq-hisx-probe-zq"}, {"limit", "5"}};
  specs.push_back(std::move(search));

  StatementSpec by_phone = patient_lookup(
      "patient.find_by_phone", {"phone", T::kText, "A phone number as the patient types it."},
      "Patients whose phone is :phone (compare digits only where the HIS stores spaces or "
      "+84), most recently seen first.");
  by_phone.probe = {{"phone", "0000000000000"}};
  specs.push_back(std::move(by_phone));

  StatementSpec by_insurance = patient_lookup(
      "patient.find_by_insurance",
      {"insurance_no", T::kText, "A health insurance (BHYT) card number, upper-case."},
      "Patients whose insurance card number is :insurance_no (usually one).");
  by_insurance.probe = {{"insurance_no", "ZZ-HISX-PROBE"}};
  specs.push_back(std::move(by_insurance));

  StatementSpec by_code = patient_lookup(
      "patient.find_by_code",
      {"code", T::kText, "A patient code (mã bệnh nhân) as printed on a slip, upper-case."},
      "The patient whose patient code is :code, compared without regard to case: zero or one "
      "row. Optional: without it, hisx looks the code up through patient.search.");
  by_code.probe = {{"code", "ZZ-HISX-PROBE"}};
  specs.push_back(std::move(by_code));

  specs.push_back({"department.list",
                   StatementKind::kQuery,
                   {},
                   {{"id", T::kId, false, "The HIS's key of the department.", "K01"},
                    {"code", T::kText, false, "Its short code.", "KKB"},
                    {"name", T::kText, false, "Its name.", "Khoa Khám bệnh"}},
                   "Every active department."});
  specs.push_back({"clinic.list",
                   StatementKind::kQuery,
                   {},
                   {{"id", T::kId, false, "The HIS's key of the clinic room.", "PK01"},
                    {"code", T::kText, false, "Its short code.", "P101"},
                    {"name", T::kText, false, "Its name.", "Phòng khám Nội 1"},
                    {"department_id", T::kId, false, "The department it belongs to.", "K01"}},
                   "Every active clinic room (phòng khám)."});
  specs.push_back(
      {"doctor.list",
       StatementKind::kQuery,
       {},
       {{"id", T::kId, false, "The HIS's key of the doctor (often a staff code).", "bs.lan"},
        {"code", T::kText, false, "Staff code.", "BS012"},
        {"full_name", T::kText, false, "Name as printed, degree first.", "BSCKI. Trần Thị Lan"},
        {"department_id", T::kId, false, "The doctor's department.", "K01"}},
       "Every active doctor."});

  StatementSpec visits{
      "visit.list_between",
      StatementKind::kQuery,
      {{"from", T::kInstant, "Start of the period, inclusive."},
       {"to", T::kInstant, "End of the period, exclusive."}},
      {{"id", T::kId, false, "The HIS's key of the visit.", "88123"},
       {"patient_id", T::kId, false, "The patient.", "563"},
       {"clinic_id", T::kId, false, "The clinic room of the visit.", "PK01"},
       {"department_id", T::kId, false, "The department the visit counts for.", "K01"},
       {"doctor_id", T::kId, true, "The doctor; NULL while the patient waits.", ""},
       {"visit_time", T::kInstant, false, "When the visit was registered.", "2026-12-01T01:30:00Z"},
       {"status", T::kCode, false, "Where the visit stands.", "waiting", "visit_status"},
       {"source", T::kText, true, "How the patient came, in the HIS's words.", "walk_in"}},
      "Outpatient visits registered with :from <= visit_time < :to (never inpatient stays), in "
      "time order: the denominators of the link rate and the app share."};
  visits.sample = {{"from", "2000-01-01T00:00:00Z"}, {"to", "2100-01-01T00:00:00Z"}};
  specs.push_back(std::move(visits));

  StatementSpec charges{
      "charge.open_for_patient",
      StatementKind::kQuery,
      {{"patient_id", T::kId, "The patient."}},
      {{"charge_id", T::kId, false, "The invoice (phiếu thu) the line belongs to: what is paid.",
        "HD20261201-17"},
       {"line_id", T::kId, false, "The service line, unique within the statement's rows.", "1"},
       {"patient_id", T::kId, false, "The patient.", "563"},
       {"visit_id", T::kId, true, "The visit it was ordered in.", "88123"},
       {"service_code", T::kText, true, "The HIS's service code.", "XN001"},
       {"service_name", T::kText, false, "What was done, as printed.", "Tổng phân tích tế bào máu"},
       {"quantity", T::kDecimal, false, "How many.", "1"},
       {"total", T::kDecimal, false,
        "The line's price in VND: total = insurance_share + patient_share.", "150000"},
       {"insurance_share", T::kDecimal, false, "What health insurance (BHYT) pays.", "120000"},
       {"patient_share", T::kDecimal, false, "What the patient pays.", "30000"},
       {"status", T::kCode, false, "The charge's state (only open lines are returned).", "open",
        "charge_status"},
       {"created_at", T::kInstant, false, "When it was ordered.", "2026-12-01T02:05:00Z"}},
      "The open (unpaid) service lines of patient :patient_id, grouped by charge_id, oldest "
      "first."};
  specs.push_back(std::move(charges));

  specs.push_back({"visit.register",
                   StatementKind::kCommand,
                   {{"patient_id", T::kId, "The patient."},
                    {"clinic_id", T::kId, "The clinic room."},
                    {"visit_time", T::kInstant, "When the patient checked in."},
                    {"source", T::kText, "\"hisx:\" and the booking code, e.g. hisx:LH-000042."}},
                   {},
                   "Registers an outpatient visit in the HIS when a booked patient checks in."});
  specs.push_back(
      {"payment.record",
       StatementKind::kCommand,
       {{"payment_id", T::kText,
         "hisx's id of the payment: the statement must be idempotent on it (a second run "
         "changes nothing)."},
        {"charge_id", T::kId, "The charge paid."},
        {"amount", T::kDecimal, "The amount paid by the patient, in VND."},
        {"method", T::kCode, "How it was paid.", "payment_method"},
        {"paid_at", T::kInstant, "When it was paid."},
        {"cashier", T::kText, "The cashier's hisx user name."},
        {"receipt_no", T::kText, "The receipt number hisx printed."}},
       {},
       "Writes a payment of charge :charge_id back to the HIS, marking it paid."});
  return specs;
}

}  // namespace

std::string_view to_string(ValueType type) {
  switch (type) {
    case ValueType::kText:
      return "text";
    case ValueType::kId:
      return "id";
    case ValueType::kInteger:
      return "integer";
    case ValueType::kDecimal:
      return "decimal";
    case ValueType::kDate:
      return "date";
    case ValueType::kInstant:
      return "instant";
    case ValueType::kCode:
      break;
  }
  return "code";
}

const std::vector<Vocabulary>& standard_vocabularies() {
  static const std::vector<Vocabulary> vocabularies = {
      {"gender",
       {"male", "female", "other", "unknown"},
       "unknown",
       "A patient's gender; a HIS code mapped onto none of them reads as unknown."},
      {"visit_status",
       {"waiting", "in_exam", "done", "cancelled"},
       "",
       "waiting: registered, not yet seen; in_exam: with the doctor or in tests; done: the "
       "visit ended; cancelled: registered in error or left before being seen."},
      {"charge_status",
       {"open", "paid", "cancelled"},
       "",
       "open: to be paid; paid: settled; cancelled: voided in the HIS."},
      {"payment_method",
       {"cash", "card", "transfer", "prepaid"},
       "",
       "cash; card: a card terminal; transfer: a bank transfer (VietQR); prepaid: paid online "
       "before arrival."},
  };
  return vocabularies;
}

const Vocabulary* find_vocabulary(std::string_view name) {
  for (const auto& vocabulary : standard_vocabularies()) {
    if (vocabulary.name == name) return &vocabulary;
  }
  return nullptr;
}

const std::vector<StatementSpec>& standard_statements() {
  static const std::vector<StatementSpec> specs = make_statements();
  return specs;
}

const StatementSpec* find_statement(std::string_view name) {
  for (const auto& spec : standard_statements()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

}  // namespace hisx::sdk
