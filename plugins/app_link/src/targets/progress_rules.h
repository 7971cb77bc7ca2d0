#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hisx::app_link {

/// One department's figures over a period.
struct DepartmentProgress {
  std::string department_id;
  std::string code;
  std::string name;
  long long visited = 0;  ///< Distinct patients with an outpatient visit in the period.
  long long linked = 0;   ///< Of them, linked to an app account at the period's end.
  std::optional<double> rate_percent;  ///< linked / visited, one decimal; none when visited is 0.
  double target_percent = 80;
  bool target_is_default = true;
  std::optional<double> gap_percent;  ///< target − rate (positive: short of the target).
  long long patients_to_target = 0;   ///< More linked patients needed to reach the target.
  bool on_target = false;             ///< rate ≥ target (a department without visits is not).
};

/// A visit as the link rate counts it: which patient, for which department.
struct CountedVisit {
  std::string patient_id;
  std::string department_id;
};

/// A department as listed, with its target when one is set.
struct DepartmentTarget {
  std::string department_id;
  std::string code;
  std::string name;
  std::optional<double> target_percent;  ///< None: the default applies.
};

/// The link rate per department and for the hospital: `visits` in the period, `linked` the
/// patients linked at its end, `departments` every department to list (a department with
/// visits that is not listed is added under its id), `default_target` for those without a
/// target of their own. Departments come worst first: the largest gap, then those without
/// visits, then by name. The total counts each patient once, whatever departments they
/// visited, against `default_target`.
struct Progress {
  std::vector<DepartmentProgress> departments;
  DepartmentProgress total;
};
Progress compute_progress(const std::vector<CountedVisit>& visits,
                          const std::set<std::string>& linked,
                          const std::vector<DepartmentTarget>& departments, double default_target);

/// A target as given: a number from 0 to 100 with at most one decimal, in tenths (80.5 → 805);
/// nothing otherwise.
std::optional<int> target_permille(double percent);

}  // namespace hisx::app_link
