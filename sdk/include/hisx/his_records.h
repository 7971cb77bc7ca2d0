#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hisx/context.h"
#include "hisx/export.h"
#include "hisx/his_id.h"

/// The HIS's records as plugins read them through the standard profile statements
/// (hisx/his_statements.h), written once for every plugin: patients, departments and
/// outpatient visits. Each reader runs one declared statement; a plugin lists the statements
/// it calls in its manifest (`his_statements` or `optional_his_statements`), or the host
/// refuses the call. Functions that take a session run on it (see Database::session_beside()
/// for one beside a store transaction); the others lease their own HIS session and must not be
/// called while a store transaction is open on the same single-connection pool. Since 2.1.
namespace hisx::sdk {

/// A patient as the HIS keeps them (`patient.get`, `patient.search` columns).
struct HisPatient {
  HisId id;
  std::string code;          ///< The patient code printed on slips (mã bệnh nhân).
  std::string full_name;     ///< As written, with diacritics.
  std::string phone;         ///< "" when the HIS has none.
  std::string birth_date;    ///< "YYYY-MM-DD", "" when unknown.
  std::string gender;        ///< male, female, other or unknown.
  std::string insurance_no;  ///< "" when none.
  std::string address;       ///< "" when none.
};

/// A department as the HIS lists it (`department.list`).
struct HisDepartment {
  HisId id;
  std::string code;
  std::string name;
};

/// An outpatient visit as the HIS lists it (`visit.list_between`).
struct HisVisit {
  HisId id;
  HisId patient_id;
  HisId clinic_id;
  HisId department_id;
  std::string visit_time;  ///< UTC, "YYYY-MM-DDTHH:MM:SSZ".
  std::string status;      ///< waiting, in_exam, done or cancelled.
};

/// The patient with HIS id `id` (`patient.get`), if any.
HISX_SDK_API std::optional<HisPatient> his_patient(Context& context, soci::session& his,
                                                   const HisId& id);
/// As above, on a HIS session of its own.
HISX_SDK_API std::optional<HisPatient> his_patient(Context& context, const HisId& id);

/// At most `limit` patients matching `folded_query` (`patient.search`: lower-case, without
/// diacritics or wildcards; a name, phone number or patient code), best matches first.
HISX_SDK_API std::vector<HisPatient> his_patient_search(Context& context,
                                                        const std::string& folded_query, int limit);

/// The patient whose patient code (mã bệnh nhân, as printed) is `code`, compared without
/// regard to case: `patient.find_by_code` when the profile defines it, else the exact code
/// among the best `patient.search` matches. A caller lists `patient.search` as required and
/// `patient.find_by_code` as optional.
HISX_SDK_API std::optional<HisPatient> his_patient_by_code(Context& context, soci::session& his,
                                                           const std::string& code);

/// The patients whose phone is `phone` (`patient.find_by_phone`), most recently seen first,
/// or nothing when the profile does not define that optional statement.
HISX_SDK_API std::optional<std::vector<HisPatient>> his_patients_by_phone(Context& context,
                                                                          const std::string& phone);
/// The patients whose health insurance card number is `insurance_no`
/// (`patient.find_by_insurance`), or nothing when the profile does not define it.
HISX_SDK_API std::optional<std::vector<HisPatient>> his_patients_by_insurance(
    Context& context, const std::string& insurance_no);

/// The HIS's active departments (`department.list`).
HISX_SDK_API std::vector<HisDepartment> his_departments(Context& context);
/// As above, on the session `his`.
HISX_SDK_API std::vector<HisDepartment> his_departments(Context& context, soci::session& his);

/// The outpatient visits registered in [from, to) (`visit.list_between`; UTC instants as
/// "YYYY-MM-DDTHH:MM:SSZ"), in time order.
HISX_SDK_API std::vector<HisVisit> his_visits_between(Context& context, const std::string& from,
                                                      const std::string& to);

}  // namespace hisx::sdk
