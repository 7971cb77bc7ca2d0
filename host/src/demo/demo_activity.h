#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "demo/demo_patients.h"
#include "demo/demo_random.h"
#include "hisx/time_zone.h"

namespace hisx::host::demo {

/// Visit statuses (luot_kham.trang_thai).
inline constexpr const char* kVisitWaiting = "waiting";
inline constexpr const char* kVisitInExam = "in_exam";
inline constexpr const char* kVisitDone = "done";

/// One outpatient visit (luot_kham).
struct DemoVisit {
  long long id = 0;
  long long patient_id = 0;
  int clinic_id = 0;
  std::optional<int> doctor_id;   ///< None while the patient still waits.
  std::chrono::sys_seconds time;  ///< Registration time (UTC).
  std::string status;
  std::string source;  ///< "walk_in", "phone", "app" or "referral".
};

/// One lab or imaging order (chi_dinh_cls).
struct DemoOrder {
  long long id = 0;
  long long visit_id = 0;
  long long patient_id = 0;
  std::string kind;  ///< "lab" or "imaging".
  std::string service_code;
  std::string service_name;
  long long price = 0;
  std::chrono::sys_seconds time;
  std::string status;  ///< "ordered" or "done".
};

/// One invoice (hoa_don), one per visit.
struct DemoInvoice {
  long long id = 0;
  long long patient_id = 0;
  long long visit_id = 0;
  long long total = 0;
  long long insurance_paid = 0;
  long long patient_paid = 0;
  std::string status;  ///< "open" or "paid".
  std::chrono::sys_seconds created;
  std::optional<std::chrono::sys_seconds> paid_at;
};

struct DemoActivity {
  std::vector<DemoVisit> visits;
  std::vector<DemoOrder> orders;
  std::vector<DemoInvoice> invoices;
};

/// Generates the outpatient activity of local days first_day..last_day: about
/// `visits_per_day` visits on a weekday, a Saturday morning clinic, a small Sunday duty
/// service. Days before last_day are closed (done, paid); on last_day the later visits are
/// still waiting or in the exam room with open invoices. Local days and times are in `zone`.
DemoActivity make_activity(DemoRandom& random, const std::vector<DemoPatient>& patients,
                           std::chrono::sys_days first_day, std::chrono::sys_days last_day,
                           int visits_per_day, const sdk::TimeZone& zone);

}  // namespace hisx::host::demo
