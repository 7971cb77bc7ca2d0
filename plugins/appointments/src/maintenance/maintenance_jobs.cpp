#include "maintenance/maintenance_jobs.h"

#include <chrono>

#include "booking/booking_changes.h"
#include "catalogue/slot_generation.h"
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

int generate_ahead(Environment& env) {
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
