#include "targets/progress_rules.h"

#include <algorithm>
#include <cmath>

namespace hisx::app_link {

namespace {

double one_decimal(double v) { return std::round(v * 10.0) / 10.0; }

void finish(DepartmentProgress& p, const std::set<std::string>& patients,
            const std::set<std::string>& linked) {
  p.visited = static_cast<long long>(patients.size());
  p.linked = static_cast<long long>(std::count_if(
      patients.begin(), patients.end(), [&](const std::string& id) { return linked.count(id); }));
  if (p.visited == 0) {
    p.rate_percent.reset();
    p.gap_percent.reset();
    p.patients_to_target = 0;
    p.on_target = false;
    return;
  }
  const double rate = 100.0 * static_cast<double>(p.linked) / static_cast<double>(p.visited);
  p.rate_percent = one_decimal(rate);
  p.gap_percent = one_decimal(p.target_percent - rate);
  // The fewest linked patients that reach the target: ceil(target × visited / 100), computed
  // in tenths of a percent so that 80 % of 5 is exactly 4.
  const long long permille = std::llround(p.target_percent * 10.0);
  const long long needed = (permille * p.visited + 999) / 1000;
  p.patients_to_target = std::max(0LL, needed - p.linked);
  p.on_target = p.patients_to_target == 0;
}

}  // namespace

Progress compute_progress(const std::vector<CountedVisit>& visits,
                          const std::set<std::string>& linked,
                          const std::vector<DepartmentTarget>& departments, double default_target) {
  std::map<std::string, std::set<std::string>> patients_of;
  std::set<std::string> everyone;
  for (const auto& v : visits) {
    patients_of[v.department_id].insert(v.patient_id);
    everyone.insert(v.patient_id);
  }
  Progress out;
  std::set<std::string> listed;
  auto add = [&](const DepartmentTarget& d) {
    DepartmentProgress p;
    p.department_id = d.department_id;
    p.code = d.code;
    p.name = d.name;
    p.target_percent = d.target_percent.value_or(default_target);
    p.target_is_default = !d.target_percent.has_value();
    finish(p, patients_of[d.department_id], linked);
    out.departments.push_back(std::move(p));
    listed.insert(d.department_id);
  };
  for (const auto& d : departments) {
    if (!listed.count(d.department_id)) add(d);
  }
  for (const auto& [id, patients] : patients_of) {
    if (!listed.count(id)) add({id, "", id, std::nullopt});
  }
  std::stable_sort(out.departments.begin(), out.departments.end(),
                   [](const DepartmentProgress& a, const DepartmentProgress& b) {
                     if (a.gap_percent.has_value() != b.gap_percent.has_value()) {
                       return a.gap_percent.has_value();
                     }
                     if (a.gap_percent && *a.gap_percent != *b.gap_percent) {
                       return *a.gap_percent > *b.gap_percent;
                     }
                     return a.name < b.name;
                   });
  out.total.department_id = "";
  out.total.name = "total";
  out.total.target_percent = default_target;
  finish(out.total, everyone, linked);
  return out;
}

std::optional<int> target_permille(double percent) {
  if (!std::isfinite(percent) || percent < 0 || percent > 100) return std::nullopt;
  const double tenths = percent * 10.0;
  const double rounded = std::round(tenths);
  if (std::fabs(tenths - rounded) > 1e-6) return std::nullopt;
  return static_cast<int>(rounded);
}

}  // namespace hisx::app_link
