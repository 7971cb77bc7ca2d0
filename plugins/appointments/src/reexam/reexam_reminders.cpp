#include "reexam/reexam_reminders.h"

#include <map>
#include <optional>

#include "booking/booking_code.h"
#include "booking/booking_store.h"
#include "his_directory.h"
#include "hisx/database.h"
#include "reexam/reexam_rules.h"
#include "reexam/reexam_store.h"
#include "reexam/reminder_text.h"
#include "sql_support.h"

namespace hisx::appointments {

namespace {

constexpr const char* kJobName = "appointments.reexam_reminders";

// The patient's phone from the HIS (on the session `his`), "" when the HIS has none; nothing
// when the HIS has no such patient.
std::optional<std::string> his_patient_phone(sdk::Context& context, soci::session& his,
                                             const sdk::HisId& patient_id) {
  const auto rows = context.profile().query(his, "patient.get", {{"id", patient_id}});
  if (rows.empty()) return std::nullopt;
  std::string phone = rows.front().text("phone");
  const auto first = phone.find_first_not_of(" \t");
  if (first == std::string::npos) return std::string();
  return phone.substr(first, phone.find_last_not_of(" \t") - first + 1);
}

// Lookups made once per run, in the HIS, while the run's store transaction `store_tx` is
// open: through that transaction's session when the store is the HIS database on one pool
// (a second lease from it could wait for ever), else on one HIS session taken when first
// needed.
class RunCache {
 public:
  RunCache(sdk::Context& context, soci::session& store_tx)
      : context_(context), store_tx_(store_tx) {}

  const std::optional<std::string>& phone(const sdk::HisId& patient_id) {
    auto it = phones_.find(patient_id);
    if (it == phones_.end()) {
      it = phones_.emplace(patient_id, his_patient_phone(context_, his(), patient_id)).first;
    }
    return it->second;
  }

  std::string clinic_name(const sdk::HisId& clinic_id) {
    if (!clinics_) {
      clinics_.emplace();
      for (const auto& c : his_clinics(context_, his())) (*clinics_)[c.id] = c.name;
    }
    auto it = clinics_->find(clinic_id);
    return it == clinics_->end() ? std::string() : it->second;
  }

 private:
  soci::session& his() {
    if (!his_) his_.emplace(his_beside(context_, store_tx_));
    return **his_;
  }

  sdk::Context& context_;
  soci::session& store_tx_;
  std::optional<sdk::LeasedSession> his_;
  std::map<sdk::HisId, std::optional<std::string>> phones_;
  std::optional<std::map<sdk::HisId, std::string>> clinics_;
};

// One due's reminder, if one is due now and not recorded yet.
void remind(Environment& env, soci::session& s, RunCache& cache, const DueToRemind& item,
            Instant now, ReminderRun& run) {
  const StoredDue& due = item.due;
  ReminderFacts facts;
  facts.clinic_name = cache.clinic_name(item.clinic_id);
  facts.window_start = due.window_start;
  facts.window_end = due.window_end;
  Instant target_start{};
  if (due.status == "booked" && due.booking_id) {
    const auto booking = find_booking(s, *due.booking_id);
    if (!booking || !is_active(booking->status)) return;
    facts.date = env.zone.date_of(booking->start);
    facts.minute_of_day = env.zone.minute_of_day(booking->start);
    facts.booking_code = booking_code(booking->id);
    target_start = booking->start;
  } else {
    facts.date = due.due_date;
    target_start = start_of_day(due.due_date, env.zone);
  }
  const ReminderPlan plan{env.settings.reminder_offsets_days, env.settings.reminder_minute};
  const auto planned = reminder_due(facts.date, target_start, plan, env.zone, now);
  if (!planned || reminder_recorded(s, due.id, planned->offset_days)) return;

  StoredReminder r;
  r.due_id = due.id;
  r.offset_days = planned->offset_days;
  r.send_at = planned->send_at;
  r.created_at = now;
  const auto& phone = cache.phone(item.patient_id);
  if (!phone) {
    r.state = "skipped";
    r.detail = "patient not found in the HIS / không tìm thấy bệnh nhân trong HIS";
  } else if (phone->empty()) {
    r.state = "skipped";
    r.detail = "no phone number in the HIS / bệnh nhân không có số điện thoại";
  } else {
    sdk::Message m;
    m.channel = env.settings.reminder_channel;
    m.to = *phone;
    m.subject = reminder_subject();
    m.text = reminder_text(facts);
    m.dedupe_key = "appointments.reminder." + std::to_string(due.id) + "." +
                   std::to_string(planned->offset_days);
    try {
      r.message_id = env.context.notifier().send(s, m);
      r.state = "queued";
    } catch (const std::invalid_argument& e) {
      r.state = "skipped";
      r.detail = std::string("the notifier refused it: ") + e.what();
    }
  }
  insert_reminder(s, r);
  (r.state == "queued" ? run.queued : run.skipped) += 1;
}

}  // namespace

ReminderRun run_reexam_reminders(Environment& env) {
  // Two runs at once (the job and a new order) may record the same reminder; the unique
  // (due, offset) row makes the later one fail, and running again then finds it recorded.
  for (int attempt = 1;; ++attempt) {
    ReminderRun run;
    try {
      sdk::with_transaction(env.context.store(), [&](soci::session& s) {
        run = ReminderRun{};
        const Instant now = env.now();
        const std::string today = format_date(env.zone.date_of(now));
        reconcile_dues(s, today, format_utc(now));
        RunCache cache(env.context, s);
        for (const auto& item : dues_to_remind(s, today)) remind(env, s, cache, item, now, run);
      });
      return run;
    } catch (const soci::soci_error& e) {
      if (attempt >= 3 || !sdk::is_duplicate_key(e)) throw;
    }
  }
}

void schedule_reexam_reminders(Environment& env) {
  Environment* e = &env;
  env.context.scheduler().every(kJobName, env.settings.reminder_schedule, [e](const sdk::JobRun&) {
    const ReminderRun run = run_reexam_reminders(*e);
    if (run.queued + run.skipped > 0) {
      e->context.logger().information("Re-examination reminders: %d queued, %d skipped", run.queued,
                                      run.skipped);
    }
  });
}

}  // namespace hisx::appointments
