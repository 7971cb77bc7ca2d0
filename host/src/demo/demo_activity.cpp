#include "demo/demo_activity.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "demo/demo_calendar.h"
#include "demo/demo_catalogue.h"

namespace hisx::host::demo {

namespace {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::sys_days;

enum class Category { kChild, kWoman, kAdult, kElder };

Category category_of(const DemoPatient& p, sys_days day) {
  const int age = age_on(p.birth_date, day);
  if (age < 16) return Category::kChild;
  if (age >= 60) return Category::kElder;
  if (p.gender == kFemale && age < 50) return Category::kWoman;
  return Category::kAdult;
}

// How likely a patient of each category walks into a room of each kind (per room).
int kind_weight(ClinicKind kind, Category c) {
  //                          child woman adult elder
  static const int table[][4] = {{0, 12, 15, 16},  // internal (each of Nội 1–3)
                                 {0, 3, 6, 18},    // endocrine
                                 {3, 6, 10, 5},    // surgery
                                 {0, 20, 0, 0},    // obstetrics
                                 {75, 0, 0, 0},    // paediatrics
                                 {1, 4, 6, 10},    // traditional medicine
                                 {8, 6, 7, 3},     // ENT
                                 {5, 5, 6, 2},     // dental
                                 {4, 4, 5, 8},     // eye
                                 {5, 4, 5, 4}};    // emergency
  return table[static_cast<int>(kind)][static_cast<int>(c)];
}

// Weights over clinics(): inactive rooms get none; on Sunday only the duty rooms are open.
std::vector<int> clinic_weights(Category c, bool sunday) {
  std::vector<int> weights;
  for (const auto& clinic : clinics()) {
    int w = clinic.active ? kind_weight(clinic.kind, c) : 0;
    const bool duty = clinic.kind == ClinicKind::kEmergency ||
                      clinic.kind == ClinicKind::kPaediatrics || clinic.id == 1;
    if (sunday && !duty) w = 0;
    if (sunday && clinic.kind == ClinicKind::kEmergency) w *= 4;
    weights.push_back(w);
  }
  return weights;
}

// Minutes after local midnight: a crowd at opening, a quiet lunch break, a smaller
// afternoon; 07:00–16:30, mornings only on Saturday.
int draw_minute(DemoRandom& random, bool morning_only) {
  static const std::vector<int> half_hours = {14, 16, 15, 13, 11, 9, 7, 5, 3, 1,
                                              1,  1,  3,  6,  6,  5, 4, 3, 2};
  std::vector<int> weights = half_hours;
  if (morning_only) std::fill(weights.begin() + 10, weights.end(), 0);  // From 12:00.
  const auto slot = static_cast<int>(random.weighted(weights));
  return 7 * 60 + slot * 30 + random.uniform(0, 29);
}

std::string draw_source(DemoRandom& random) {
  static const std::vector<std::string> sources = {"walk_in", "phone", "app", "referral"};
  return sources[random.weighted({84, 7, 6, 3})];
}

int order_percent(ClinicKind kind) {
  switch (kind) {
    case ClinicKind::kInternal:
      return 45;
    case ClinicKind::kEndocrine:
      return 75;
    case ClinicKind::kSurgery:
      return 35;
    case ClinicKind::kObstetrics:
      return 55;
    case ClinicKind::kPaediatrics:
      return 30;
    case ClinicKind::kEmergency:
      return 55;
    default:  // Traditional medicine, ENT, dental, eye: mostly examined in the room.
      return 8;
  }
}

const Service& draw_service(DemoRandom& random, const std::vector<Service>& list) {
  std::vector<int> weights;
  for (const auto& s : list) weights.push_back(s.weight);
  return list[random.weighted(weights)];
}

const Service& pregnancy_ultrasound() {
  for (const auto& s : imaging_services()) {
    if (s.code == "CDHA005") return s;
  }
  throw std::logic_error("demo catalogue lacks the pregnancy ultrasound");
}

// Orders of one visit; returns their total price.
long long add_orders(DemoRandom& random, const DemoVisit& visit, const Clinic& clinic,
                     long long& next_id, std::vector<DemoOrder>& orders) {
  const int count = 1 + static_cast<int>(random.weighted({35, 30, 22, 13}));
  std::set<std::string> codes;
  long long total = 0;
  // Entered one after another in the exam room, some minutes after the visit began.
  auto time = visit.time + minutes{random.uniform(5, 30)};
  for (int i = 0; i < count; ++i) {
    const Service* service = nullptr;
    if (i == 0 && clinic.kind == ClinicKind::kObstetrics && random.percent(70)) {
      service = &pregnancy_ultrasound();
    } else {
      for (int attempt = 0; attempt < 5 && (!service || codes.count(service->code)); ++attempt) {
        service = &draw_service(random, random.percent(75) ? lab_services() : imaging_services());
      }
      if (codes.count(service->code)) continue;
    }
    codes.insert(service->code);
    DemoOrder o;
    o.id = next_id++;
    o.visit_id = visit.id;
    o.patient_id = visit.patient_id;
    o.kind = service->kind;
    o.service_code = service->code;
    o.service_name = service->name;
    o.price = service->price;
    o.time = time;
    time += minutes{random.uniform(1, 3)};
    o.status = visit.status == kVisitInExam ? "ordered" : "done";
    total += o.price;
    orders.push_back(std::move(o));
  }
  return total;
}

long long drug_cost(DemoRandom& random, const Clinic& clinic, Category c) {
  const bool chronic = clinic.kind == ClinicKind::kEndocrine || c == Category::kElder;
  const int percent = clinic.kind == ClinicKind::kEmergency ? 90 : 75;
  if (!random.percent(percent)) return 0;
  return 5'000LL * (chronic ? random.uniform(20, 160) : random.uniform(4, 60));
}

// Visits on a day relative to an ordinary weekday, per mille: Monday is the busiest.
int day_factor(std::chrono::weekday wd) {
  static const int factor[] = {120, 1100, 1000, 970, 950, 980, 350};  // Sunday..Saturday
  return factor[wd.c_encoding()];
}

}  // namespace

DemoActivity make_activity(DemoRandom& random, const std::vector<DemoPatient>& patients,
                           sys_days first_day, sys_days last_day, int visits_per_day,
                           const sdk::TimeZone& zone) {
  DemoActivity out;
  if (patients.empty()) return out;
  // Children and the elderly come more often.
  std::vector<long> cumulative;
  long total_weight = 0;
  for (const auto& p : patients) {
    const int age = age_on(p.birth_date, last_day);
    total_weight += age >= 60 ? 3 : age < 6 ? 2 : 1;
    cumulative.push_back(total_weight);
  }
  long long next_visit = 1;
  long long next_order = 1;
  long long next_invoice = 1;

  for (sys_days day = first_day; day <= last_day; day += days{1}) {
    const std::chrono::weekday wd{day};
    const bool sunday = wd == std::chrono::Sunday;
    const long long n = static_cast<long long>(visits_per_day) * day_factor(wd) *
                        random.uniform(970, 1030) / 1'000'000;
    std::vector<DemoVisit> visits;
    std::set<long long> seen;
    for (long long i = 0; i < n; ++i) {
      std::size_t index = 0;
      for (int attempt = 0; attempt < 5; ++attempt) {  // Rarely the same patient twice a day.
        const long x = random.uniform(0, static_cast<int>(total_weight - 1));
        index = static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), x) -
                                         cumulative.begin());
        if (!seen.count(patients[index].id)) break;
      }
      const DemoPatient& patient = patients[index];
      seen.insert(patient.id);
      const Category c = category_of(patient, day);
      DemoVisit v;
      v.patient_id = patient.id;
      v.clinic_id = clinics()[random.weighted(clinic_weights(c, sunday))].id;
      v.time = local_time(day, draw_minute(random, wd == std::chrono::Saturday),
                          random.uniform(0, 59), zone);
      v.source = draw_source(random);
      visits.push_back(std::move(v));
    }
    std::stable_sort(visits.begin(), visits.end(),
                     [](const DemoVisit& a, const DemoVisit& b) { return a.time < b.time; });

    const auto count = static_cast<long long>(visits.size());
    for (long long k = 0; k < count; ++k) {
      DemoVisit& v = visits[static_cast<std::size_t>(k)];
      v.id = next_visit++;
      v.status = kVisitDone;
      if (day == last_day && k >= count * 60 / 100) {
        v.status = k < count * 75 / 100 ? kVisitInExam : kVisitWaiting;
      }
      const Clinic& clinic = clinics()[static_cast<std::size_t>(v.clinic_id - 1)];
      if (v.status != kVisitWaiting) v.doctor_id = random.pick(clinic.doctor_ids);

      long long total = kConsultationFee;
      if (v.status != kVisitWaiting && random.percent(order_percent(clinic.kind))) {
        total += add_orders(random, v, clinic, next_order, out.orders);
      }
      const DemoPatient& patient = patients[static_cast<std::size_t>(v.patient_id - 1)];
      if (v.status == kVisitDone) total += drug_cost(random, clinic, category_of(patient, day));

      DemoInvoice inv;
      inv.id = next_invoice++;
      inv.patient_id = v.patient_id;
      inv.visit_id = v.id;
      inv.total = total;
      inv.insurance_paid = total * patient.coverage_percent / 100;
      inv.patient_paid = total - inv.insurance_paid;
      inv.created = v.time + minutes{random.uniform(1, 4)};
      if (v.status == kVisitDone) {
        inv.status = "paid";
        inv.paid_at = v.time + minutes{random.uniform(40, 180)};
      } else {
        inv.status = "open";
      }
      out.invoices.push_back(std::move(inv));
      out.visits.push_back(std::move(v));
    }
  }
  return out;
}

}  // namespace hisx::host::demo
