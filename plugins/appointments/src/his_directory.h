#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hisx/context.h"
#include "hisx/database.h"
#include "hisx/his_id.h"
#include "hisx/his_records.h"

namespace hisx::appointments {

/// A clinic room as the HIS lists it (`clinic.list`).
struct HisClinic {
  sdk::HisId id;
  std::string code;
  std::string name;
  std::optional<sdk::HisId> department_id;
};

/// A session on the HIS for use while `store_session` (perhaps in a transaction) is held:
/// that very session when the store is the HIS database on one pool, so that no second
/// connection is needed (one that may never come free), else a lease from the HIS pool.
/// Every function below that takes `his` runs on such a session; the others lease their own
/// and must not be called while a store session is held.
sdk::LeasedSession his_beside(sdk::Context& context, soci::session& store_session);

/// The HIS's active clinic rooms, through the profile statement `clinic.list`.
std::vector<HisClinic> his_clinics(sdk::Context& context);
/// As above, on the session `his`.
std::vector<HisClinic> his_clinics(sdk::Context& context, soci::session& his);

/// One active HIS clinic room, if the HIS lists it.
std::optional<HisClinic> his_clinic(sdk::Context& context, const sdk::HisId& id);

/// True when the HIS lists an active doctor with this id (`doctor.list`).
bool his_doctor_exists(sdk::Context& context, const sdk::HisId& id);
/// As above, on the session `his`.
bool his_doctor_exists(sdk::Context& context, soci::session& his, const sdk::HisId& id);

/// True when the HIS has a patient with this id (`patient.get`).
bool his_patient_exists(sdk::Context& context, const sdk::HisId& id);

/// A patient as the HIS keeps them (the SDK's reader, hisx/his_records.h).
using HisPatient = sdk::HisPatient;

/// A doctor as the HIS lists them (`doctor.list`).
struct HisDoctor {
  sdk::HisId id;
  std::string code;
  std::string full_name;
  std::optional<sdk::HisId> department_id;
};

/// The HIS's active doctors (`doctor.list`).
std::vector<HisDoctor> his_doctors(sdk::Context& context);

/// The patients by phone or insurance card (optional statements; nothing when undefined).
using sdk::his_patients_by_insurance;
using sdk::his_patients_by_phone;

/// The HIS patient with this id (`patient.get`), if any.
using sdk::his_patient;
/// At most `limit` HIS patients matching a folded query (`patient.search`).
using sdk::his_patient_search;

}  // namespace hisx::appointments
