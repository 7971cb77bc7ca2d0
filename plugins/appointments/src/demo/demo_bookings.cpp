#include "demo/demo_bookings.h"

#include <array>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "booking/booking_store.h"
#include "catalogue/catalogue_store.h"
#include "catalogue/slot_store.h"
#include "channels.h"
#include "hisx/database.h"

namespace hisx::appointments {

namespace {

// Channel weights in percent (see the header).
constexpr std::array<std::pair<std::string_view, int>, 5> kChannelMix = {
    {{kApp, 35}, {kWalkin, 20}, {kPhone, 20}, {kReexam, 15}, {kWeb, 10}}};

const std::array<std::string_view, 6> kReasons = {"Tái khám tăng huyết áp",  "Đau bụng",
                                                  "Khám sức khỏe định kỳ",   "Ho kéo dài",
                                                  "Tái khám đái tháo đường", ""};

std::vector<sdk::HisId> demo_patients(Environment& env) {
  const auto his_lease = env.context.his().session();
  soci::session& his = *his_lease;
  std::vector<sdk::HisId> ids;
  for (const auto& row :
       env.context.profile().query(his, "patient.search", {{"q", std::string()}, {"limit", 400}})) {
    ids.push_back(row.text("id"));
  }
  return ids;
}

std::string_view pick_channel(std::mt19937& rng) {
  int roll = std::uniform_int_distribution<int>(0, 99)(rng);
  for (const auto& [channel, weight] : kChannelMix) {
    if (roll < weight) return channel;
    roll -= weight;
  }
  return kWalkin;
}

// The status a demo booking has by now.
BookingStatus demo_status(const Booking& b, Instant now, const AppointmentSettings& settings,
                          std::mt19937& rng) {
  const int roll = std::uniform_int_distribution<int>(0, 99)(rng);
  if (roll < 4) return BookingStatus::kCancelled;
  if (b.end <= now - std::chrono::hours(1)) return BookingStatus::kCompleted;
  if (b.start <= now) return BookingStatus::kCheckedIn;
  if (settings.confirm_channels.count(b.channel) > 0 && roll < 70) {
    return BookingStatus::kRequested;
  }
  return BookingStatus::kConfirmed;
}

}  // namespace

int seed_demo_bookings(Environment& env) {
  if (!env.settings.demo_seed) return 0;
  const auto patients = demo_patients(env);
  if (patients.empty()) return 0;
  const Instant now = env.now();
  const LocalDate today = env.zone.date_of(now);
  std::mt19937 rng(static_cast<unsigned>(today.time_since_epoch().count()));
  int created = 0;
  sdk::with_transaction(env.context.store(), [&](soci::session& s) {
    created = 0;
    int existing = 0;
    s << "SELECT COUNT(*) FROM hisx_appointments_bookings", soci::into(existing);
    if (existing > 0) return;
    std::set<std::pair<sdk::HisId, int>> patient_days;  // (patient, day) already booked
    std::size_t next_patient = 0;
    for (const auto& rules : list_clinic_rules(s)) {
      for (int day = 0; day <= kDemoBookingDays; ++day) {
        const LocalDate date = today + std::chrono::days(day);
        const int fill_percent = std::max(25, 80 - day * 8);
        for (const auto& item : list_slots(s, rules.clinic_id, date, date, std::string(kPhone))) {
          const Slot& slot = item.slot;
          const int wanted = (slot.capacity * fill_percent + 50) / 100;
          for (int place = 0; place < wanted; ++place) {
            Booking b;
            b.channel = std::string(pick_channel(rng));
            b.slot_id = slot.id;
            b.clinic_id = slot.clinic_id;
            b.doctor_id = slot.doctor_id;
            b.start = slot.start;
            b.end = slot.end;
            b.status = demo_status(b, now, env.settings, rng);
            const bool holds_place = is_active(b.status) || b.status == BookingStatus::kCompleted;
            if (holds_place && !take_place(s, slot.id)) break;
            if (holds_place && !take_channel_place(s, slot.id, b.channel)) {
              // The channel's quota is used up: the patient came to the desk instead (the
              // demo gives walk-ins no quota; should an admin have set one, the whole seed
              // rolls back rather than leave a place counted without a booking).
              b.channel = std::string(kWalkin);
              if (!take_channel_place(s, slot.id, b.channel)) {
                throw std::logic_error("demo bookings: walk-ins have a quota in slot " +
                                       std::to_string(slot.id));
              }
            }
            do {
              b.patient_id = patients[next_patient++ % patients.size()];
            } while (!patient_days.insert({b.patient_id, day}).second &&
                     next_patient < patients.size() * (kDemoBookingDays + 2));
            b.priority = env.settings.priority_for(b.channel);
            b.reason = std::string(kReasons[next_patient % kReasons.size()]);
            b.created_by = "demo";
            b.created_at = std::min(now, slot.start) - std::chrono::hours(24 * (1 + day % 3));
            b.updated_at = b.created_at;
            if (b.status == BookingStatus::kCancelled) {
              b.cancel_reason = "Bệnh nhân báo bận / Patient busy";
              b.cancelled_by = "demo";
            }
            const long long id = insert_booking(s, b);
            BookingChange change;
            change.at = b.created_at;
            change.action = "book";
            change.to_status = std::string(to_string(b.status));
            change.to_slot_id = slot.id;
            change.by = "demo";
            change.reason = "Demo data / Dữ liệu mẫu";
            add_change(s, id, change);
            ++created;
          }
        }
      }
    }
  });
  if (created > 0) env.context.logger().information("Demo bookings seeded: %d", created);
  return created;
}

}  // namespace hisx::appointments
