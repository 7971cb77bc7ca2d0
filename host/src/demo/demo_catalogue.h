#pragma once

#include <string>
#include <vector>

// The fixed catalogues of the demo hospital (departments, clinic rooms, doctors, billable
// services) and the pools that patient names and addresses are drawn from. Catalogue rows
// do not depend on the seed: the same rooms and doctors exist in every demo database.

namespace hisx::host::demo {

struct Department {
  int id;
  std::string code;
  std::string name;
  bool active;
};

/// What a clinic room treats; decides which patients go there and what is ordered.
enum class ClinicKind {
  kInternal,
  kEndocrine,
  kSurgery,
  kObstetrics,
  kPaediatrics,
  kTraditional,
  kEnt,
  kDental,
  kEye,
  kEmergency
};

struct Clinic {
  int id;
  std::string code;
  std::string name;
  int department_id;
  bool active;
  ClinicKind kind;
  std::vector<int> doctor_ids;  ///< Doctors who see patients in this room.
};

struct Doctor {
  int id;
  std::string code;     ///< Staff code, e.g. "BS001".
  std::string title;    ///< Degree as printed before the name: "BS", "BSCKI", "BSCKII", "ThS.BS".
  std::string name;     ///< Full name with diacritics.
  std::string licence;  ///< Practising certificate number (chứng chỉ hành nghề).
  int department_id;
  bool active;
};

/// A lab test or imaging examination with its insurance price list value (VND).
struct Service {
  std::string code;
  std::string name;
  std::string kind;  ///< "lab" or "imaging".
  long long price;
  int weight;  ///< How often it is ordered relative to the others of its list.
};

/// A weighted name part.
struct NamePart {
  std::string text;
  int weight;
};

/// A commune (xã) or township (thị trấn) patients live in.
struct Place {
  std::string unit;      ///< e.g. "xã Mỹ Long" or "thị trấn Mỹ Thọ".
  std::string district;  ///< e.g. "huyện Cao Lãnh".
  bool town;             ///< Township: addresses use khóm and house numbers instead of ấp.
  int weight;
};

const std::vector<Department>& departments();
const std::vector<Clinic>& clinics();
const std::vector<Doctor>& doctors();
const std::vector<Service>& lab_services();
const std::vector<Service>& imaging_services();
/// Consultation fee (công khám) of a grade-III hospital, VND.
inline constexpr long long kConsultationFee = 34'500;
/// Province of the hospital, as written in addresses, and its insurance province code.
inline constexpr const char* kProvince = "tỉnh Đồng Tháp";
inline constexpr const char* kProvinceCode = "87";

const std::vector<NamePart>& family_names();
/// Middle names; `traditional` for people born before about 1985.
const std::vector<NamePart>& middle_names(bool female, bool traditional);
/// Given names; `traditional` as above.
const std::vector<std::string>& given_names(bool female, bool traditional);
/// Second middle names after "Thị" (Nguyễn Thị Thu Hà).
const std::vector<std::string>& second_middle_names();
const std::vector<Place>& places();
/// Mobile number prefixes in use (3 digits, all starting 03/05/07/08/09).
const std::vector<std::string>& mobile_prefixes();

}  // namespace hisx::host::demo
