#include "demo/demo_seed.h"

#include "catalogue/catalogue_store.h"
#include "catalogue/slot_generation.h"
#include "catalogue/template_store.h"
#include "channels.h"
#include "his_directory.h"
#include "hisx/database.h"

namespace hisx::appointments {

namespace {

ScheduleTemplate session(const sdk::HisId& clinic_id, int weekday, int start, int end) {
  ScheduleTemplate t;
  t.clinic_id = clinic_id;
  t.weekday = weekday;
  t.start_minute = start;
  t.end_minute = end;
  t.slot_minutes = 15;
  t.capacity = 4;
  t.quotas = {{std::string(kApp), 50}, {std::string(kWeb), 50}};
  return t;
}

}  // namespace

bool seed_demo_schedules(Environment& env) {
  if (!env.settings.demo_seed) return false;
  const auto clinics = his_clinics(env.context);
  bool seeded = false;
  sdk::with_transaction(env.context.store(), [&](soci::session& s) {
    seeded = false;
    if (!list_clinic_rules(s).empty()) return;
    const std::string now = env.now_text();
    for (std::size_t i = 0; i < clinics.size() && i < static_cast<std::size_t>(kDemoClinics); ++i) {
      ClinicRules rules;
      rules.clinic_id = clinics[i].id;
      rules.channels = {kChannels.begin(), kChannels.end()};
      rules.booking_window_days = kDemoDays;
      rules.same_day_cutoff = 10 * 60;
      save_clinic_rules(s, rules, now, "demo");
      for (int weekday = 1; weekday <= 6; ++weekday) {
        insert_template(s, session(rules.clinic_id, weekday, 7 * 60 + 30, 11 * 60 + 30), now);
        if (weekday <= 5) {
          insert_template(s, session(rules.clinic_id, weekday, 13 * 60 + 30, 16 * 60 + 30), now);
        }
      }
    }
    seeded = true;
  });
  if (!seeded) return false;
  const LocalDate today = env.zone.date_of(env.now());
  const auto r = generate_and_store(env, today, today + std::chrono::days(kDemoDays));
  env.context.logger().information("Demo schedules seeded: %d clinics, %d slots",
                                   std::min(static_cast<int>(clinics.size()), kDemoClinics),
                                   r.created);
  return true;
}

}  // namespace hisx::appointments
