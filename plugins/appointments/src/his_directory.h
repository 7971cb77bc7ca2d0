#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hisx/context.h"

namespace hisx::appointments {

/// A clinic room as the HIS lists it (`clinic.list`).
struct HisClinic {
  long long id = 0;
  std::string code;
  std::string name;
  std::optional<long long> department_id;
};

/// The HIS's active clinic rooms, through the profile statement `clinic.list`.
std::vector<HisClinic> his_clinics(sdk::Context& context);

/// One active HIS clinic room, if the HIS lists it.
std::optional<HisClinic> his_clinic(sdk::Context& context, long long id);

/// True when the HIS lists an active doctor with this id (`doctor.list`).
bool his_doctor_exists(sdk::Context& context, long long id);

/// True when the HIS has a patient with this id (`patient.get`).
bool his_patient_exists(sdk::Context& context, long long id);

/// A patient as the check-in desk shows them (`patient.get`, `patient.search` columns).
struct HisPatient {
  long long id = 0;
  std::string code;
  std::string full_name;
  std::string phone;  ///< "" when the HIS has none.
};

/// The HIS patient with this id (`patient.get`), if any.
std::optional<HisPatient> his_patient(sdk::Context& context, long long id);

/// At most `limit` HIS patients matching `folded_query` (`patient.search`: lower-case, no
/// diacritics, no wildcards — a name, phone number or patient code), best matches first.
std::vector<HisPatient> his_patient_search(sdk::Context& context, const std::string& folded_query,
                                           int limit);

}  // namespace hisx::appointments
