#include "maintenance/maintenance_jobs.h"

#include <chrono>

#include "booking/booking_changes.h"
#include "catalogue/catalogue_store.h"
#include "catalogue/slot_generation.h"
#include "his_directory.h"
#include "hisx/database.h"
#include "hisx/problem.h"
#include "maintenance/maintenance_store.h"

namespace hisx::appointments {

namespace {

// Whom the history and the events name for changes the plugin makes by itself.
const sdk::Principal& system_principal() {
  static const sdk::Principal principal{"job:appointments", "hisx appointments", "admin"};
  return principal;
}

constexpr int kBatch = 200;

}  // namespace

int mark_no_shows(Environment& env) {
  const LocalDate today = env.zone.date_of(env.now());
  const std::string day_start = format_utc(env.zone.to_utc(LocalTime(today)));
  int marked = 0;
  for (;;) {
    std::vector<long long> ids;
    {
      const auto s_lease = env.context.store().session();
      soci::session& s = *s_lease;
      ids = list_unattended_before(s, day_start, kBatch);
    }
    int changed_in_batch = 0;
    for (long long id : ids) {
      try {
        change_booking(env, system_principal(), id, BookingAction::kNoShow,
                       "No check-in by the end of the day / Không đến khám trong ngày hẹn");
        ++marked;
        ++changed_in_batch;
      } catch (const sdk::Problem& p) {
        // Checked in, cancelled or rescheduled by someone else since the listing.
        env.context.logger().information("no-show job: booking %?d left as it is: %s", id,
                                         p.detail());
      }
    }
    if (static_cast<int>(ids.size()) < kBatch || changed_in_batch == 0) break;
  }
  if (marked > 0) env.context.logger().information("Marked %d booking(s) as no-show", marked);
  return marked;
}

int refresh_clinic_departments(Environment& env) {
  const auto clinics = his_clinics(env.context);  // Before the store transaction: its own lease.
  int changed = 0;
  sdk::with_transaction(env.context.store(), [&](soci::session& s) {
    changed = 0;
    for (const auto& c : clinics) {
      if (set_clinic_department(s, c.id, c.department_id)) ++changed;
    }
  });
  if (changed > 0) {
    env.context.logger().information("Recorded the HIS department of %d clinic(s)", changed);
  }
  return changed;
}

int generate_ahead(Environment& env) {
  try {
    refresh_clinic_departments(env);
  } catch (const std::exception& e) {
    // The slots do not depend on it: the events keep the departments recorded before.
    env.context.logger().warning("Could not refresh the clinics' HIS departments: %s",
                                 std::string(e.what()));
  }
  const LocalDate today = env.zone.date_of(env.now());
  const auto result = generate_and_store(env, today, today + std::chrono::days(kGenerateAheadDays));
  if (result.created > 0) {
    env.context.logger().information("Generated %d slot(s) up to %s", result.created,
                                     format_date(today + std::chrono::days(kGenerateAheadDays)));
  }
  return result.created;
}

void schedule_maintenance(Environment& env) {
  auto& jobs = env.context.scheduler();
  jobs.every("appointments.no_shows", "10 0 * * *",
             [&env](const sdk::JobRun&) { mark_no_shows(env); });
  jobs.every("appointments.generate_slots", "20 0 * * *",
             [&env](const sdk::JobRun&) { generate_ahead(env); });
  const auto now = env.context.clock().now();
  jobs.once("appointments.no_shows_at_start", now,
            [&env](const sdk::JobRun&) { mark_no_shows(env); });
  jobs.once("appointments.generate_slots_at_start", now,
            [&env](const sdk::JobRun&) { generate_ahead(env); });
}

}  // namespace hisx::appointments
