#include "catalogue/slot_generation.h"

#include <algorithm>

#include "catalogue/capacity_events.h"
#include "catalogue/catalogue_store.h"
#include "catalogue/closure_store.h"
#include "catalogue/slot_generator.h"
#include "catalogue/slot_store.h"
#include "catalogue/template_store.h"
#include "hisx/database.h"

namespace hisx::appointments {

GenerationResult generate_and_store(Environment& env, LocalDate from, LocalDate to) {
  GenerationResult result;
  result.days = static_cast<int>((to - from).count()) + 1;
  sdk::with_transaction(env.context.store(), [&](soci::session& s) {
    std::vector<sdk::HisId> active;
    for (const auto& rules : list_clinic_rules(s)) {
      if (rules.active) active.push_back(rules.clinic_id);
    }
    std::vector<ScheduleTemplate> templates;
    for (auto& t : list_templates(s)) {
      if (std::find(active.begin(), active.end(), t.clinic_id) != active.end()) {
        templates.push_back(std::move(t));
      }
    }
    const auto planned = generate_slots(templates, list_closures(s, from, to), from, to, env.zone);
    result.planned = static_cast<int>(planned.size());
    std::set<ClinicDay> created_days;
    result.created = store_planned_slots(s, planned, env.now_text(), &created_days);
    publish_capacity(env, s, created_days, kSlotsGenerated);
  });
  return result;
}

}  // namespace hisx::appointments
