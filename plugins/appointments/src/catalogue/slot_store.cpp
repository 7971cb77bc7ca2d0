#include "catalogue/slot_store.h"

#include <stdexcept>

#include "channels.h"
#include "sql_support.h"

namespace hisx::appointments {

namespace {

// 1 when a closure of the slot's clinic or of the whole hospital covers the slot's day.
constexpr const char* kClosed =
    "CASE WHEN EXISTS (SELECT 1 FROM hisx_appointments_closures c "
    "WHERE (c.clinic_id IS NULL OR c.clinic_id = s.clinic_id) "
    "AND s.local_date >= c.from_date AND s.local_date <= c.to_date) THEN 1 ELSE 0 END";

Slot to_slot(Slot row, const sdk::HisId& doctor, soci::indicator doctor_ind, const std::string& day,
             const std::string& start, const std::string& end, int closed) {
  row.doctor_id = optional_his_id(doctor, doctor_ind);
  row.local_date = parse_date(day).value_or(LocalDate{});
  row.start = parse_utc(start).value_or(Instant{});
  row.end = parse_utc(end).value_or(Instant{});
  row.closed = closed != 0;
  return row;
}

}  // namespace

int store_planned_slots(soci::session& s, const std::vector<PlannedSlot>& planned,
                        const std::string& now, std::set<ClinicDay>* created_days) {
  long long template_id = 0, slot_id = 0;
  sdk::HisId clinic_id, doctor_key;
  NullableHisId doctor(std::nullopt);
  std::string day, start, end;
  int capacity = 0;
  soci::statement insert_slot =
      (s.prepare << "INSERT INTO hisx_appointments_slots (clinic_id, doctor_id, doctor_key, "
                    "template_id, local_date, start_utc, end_utc, capacity, booked, created_at) "
                    "VALUES (:clinic, :doctor, :doctor_key, :template, :day, :start_utc, "
                    ":end_utc, :capacity, 0, :now) "
                    "ON CONFLICT (clinic_id, doctor_key, start_utc) DO NOTHING RETURNING id",
       soci::use(clinic_id), soci::use(doctor.value, doctor.indicator), soci::use(doctor_key),
       soci::use(template_id), soci::use(day), soci::use(start), soci::use(end),
       soci::use(capacity), soci::use(now), soci::into(slot_id));
  std::string channel;
  int quota = 0;
  soci::indicator quota_ind = soci::i_null;
  soci::statement insert_channel =
      (s.prepare << "INSERT INTO hisx_appointments_slot_channels (slot_id, channel, quota, "
                    "booked) VALUES (:slot, :channel, :quota, 0)",
       soci::use(slot_id), soci::use(channel), soci::use(quota, quota_ind));
  int created = 0;
  for (const auto& p : planned) {
    template_id = p.template_id;
    clinic_id = p.clinic_id;
    doctor = NullableHisId(p.doctor_id);
    doctor_key = p.doctor_id.value_or(sdk::HisId());  // "": any doctor
    day = format_date(p.local_date);
    start = format_utc(p.start);
    end = format_utc(p.end);
    capacity = p.capacity;
    insert_slot.execute(true);
    if (!insert_slot.got_data()) continue;  // Already generated.
    ++created;
    if (created_days) created_days->emplace(p.clinic_id, p.local_date);
    for (std::string_view c : kChannels) {
      channel = std::string(c);
      auto it = p.channel_limits.find(channel);
      quota = it == p.channel_limits.end() ? 0 : it->second;
      quota_ind = it == p.channel_limits.end() ? soci::i_null : soci::i_ok;
      insert_channel.execute(true);
    }
  }
  return created;
}

DayCapacity day_capacity(soci::session& s, const sdk::HisId& clinic_id, LocalDate day) {
  const std::string date = format_date(day);
  DayCapacity out;
  long long slots = 0, capacity = 0;
  int closed = 0;
  s << std::string("SELECT COUNT(*), COALESCE(SUM(s.capacity), 0), COALESCE(MAX(") + kClosed +
           "), 0) FROM hisx_appointments_slots s WHERE s.clinic_id = :clinic AND "
           "s.local_date = :day",
      soci::into(slots), soci::into(capacity), soci::into(closed), soci::use(clinic_id),
      soci::use(date);
  out.closed = closed != 0;
  if (out.closed) return out;
  out.slots = static_cast<int>(slots);
  out.capacity = static_cast<int>(capacity);
  std::string channel;
  long long places = 0;
  soci::statement quotas =
      (s.prepare << "SELECT q.channel, SUM(q.quota) FROM hisx_appointments_slot_channels q "
                    "JOIN hisx_appointments_slots s ON s.id = q.slot_id "
                    "WHERE s.clinic_id = :clinic AND s.local_date = :day AND q.quota IS NOT NULL "
                    "GROUP BY q.channel ORDER BY q.channel",
       soci::into(channel), soci::into(places), soci::use(clinic_id), soci::use(date));
  quotas.execute();
  while (quotas.fetch()) out.by_channel[channel] = static_cast<int>(places);
  return out;
}

std::set<ClinicDay> days_with_slots(soci::session& s, std::optional<sdk::HisId> clinic_id,
                                    LocalDate from, LocalDate to) {
  const std::string lo = format_date(from), hi = format_date(to);
  sdk::HisId clinic;
  std::string day;
  const sdk::HisId only = clinic_id.value_or(sdk::HisId());
  const int every = clinic_id ? 0 : 1;
  soci::statement st =
      (s.prepare << "SELECT DISTINCT clinic_id, local_date FROM hisx_appointments_slots "
                    "WHERE local_date >= :lo AND local_date <= :hi "
                    "AND (clinic_id = :clinic OR 1 = :every)",
       soci::into(clinic), soci::into(day), soci::use(lo), soci::use(hi), soci::use(only),
       soci::use(every));
  st.execute();
  std::set<ClinicDay> out;
  while (st.fetch()) {
    if (auto d = parse_date(day)) out.emplace(clinic, *d);
  }
  return out;
}

std::optional<Slot> find_slot(soci::session& s, long long id) {
  Slot row;
  sdk::HisId doctor;
  soci::indicator doctor_ind = soci::i_ok;
  std::string day, start, end;
  int closed = 0;
  s << std::string(
           "SELECT s.id, s.clinic_id, s.doctor_id, s.local_date, s.start_utc, "
           "s.end_utc, s.capacity, s.booked, ") +
           kClosed + " FROM hisx_appointments_slots s WHERE s.id = :id",
      soci::into(row.id), soci::into(row.clinic_id), soci::into(doctor, doctor_ind),
      soci::into(day), soci::into(start), soci::into(end), soci::into(row.capacity),
      soci::into(row.booked), soci::into(closed), soci::use(id);
  if (!s.got_data()) return std::nullopt;
  return to_slot(row, doctor, doctor_ind, day, start, end, closed);
}

std::vector<SlotForChannel> list_slots(soci::session& s, const sdk::HisId& clinic_id,
                                       LocalDate from, LocalDate to, const std::string& channel) {
  Slot row;
  sdk::HisId doctor;
  soci::indicator doctor_ind = soci::i_ok;
  std::string day, start, end;
  int quota = 0, channel_booked = 0;
  soci::indicator quota_ind = soci::i_ok, channel_ind = soci::i_ok;
  const std::string lo = format_date(from), hi = format_date(to);
  soci::statement st =
      (s.prepare << std::string("SELECT s.id, s.clinic_id, s.doctor_id, s.local_date, "
                                "s.start_utc, s.end_utc, s.capacity, s.booked, q.quota, q.booked "
                                "FROM hisx_appointments_slots s "
                                "LEFT JOIN hisx_appointments_slot_channels q "
                                "ON q.slot_id = s.id AND q.channel = :channel "
                                "WHERE s.clinic_id = :clinic AND s.local_date >= :lo "
                                "AND s.local_date <= :hi AND ") +
                        kClosed + " = 0 ORDER BY s.start_utc, s.id",
       soci::into(row.id), soci::into(row.clinic_id), soci::into(doctor, doctor_ind),
       soci::into(day), soci::into(start), soci::into(end), soci::into(row.capacity),
       soci::into(row.booked), soci::into(quota, quota_ind),
       soci::into(channel_booked, channel_ind), soci::use(channel), soci::use(clinic_id),
       soci::use(lo), soci::use(hi));
  st.execute();
  std::vector<SlotForChannel> out;
  while (st.fetch()) {
    SlotForChannel item;
    item.slot = to_slot(row, doctor, doctor_ind, day, start, end, 0);
    if (quota_ind != soci::i_null) item.quota = quota;
    item.channel_booked = channel_ind == soci::i_null ? 0 : channel_booked;
    out.push_back(std::move(item));
  }
  return out;
}

bool take_place(soci::session& s, long long slot_id) {
  soci::statement st = (s.prepare << "UPDATE hisx_appointments_slots SET booked = booked + 1 "
                                     "WHERE id = :id AND booked < capacity",
                        soci::use(slot_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool take_channel_place(soci::session& s, long long slot_id, const std::string& channel) {
  soci::statement st =
      (s.prepare << "UPDATE hisx_appointments_slot_channels SET booked = booked + 1 "
                    "WHERE slot_id = :id AND channel = :channel "
                    "AND (quota IS NULL OR booked < quota)",
       soci::use(slot_id), soci::use(channel));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void give_back_place(soci::session& s, long long slot_id, const std::string& channel) {
  soci::statement slot = (s.prepare << "UPDATE hisx_appointments_slots SET booked = booked - 1 "
                                       "WHERE id = :id AND booked > 0",
                          soci::use(slot_id));
  slot.execute(true);
  soci::statement count =
      (s.prepare << "UPDATE hisx_appointments_slot_channels SET booked = booked - 1 "
                    "WHERE slot_id = :id AND channel = :channel AND booked > 0",
       soci::use(slot_id), soci::use(channel));
  count.execute(true);
  if (slot.get_affected_rows() != 1) {
    throw std::logic_error("slot " + std::to_string(slot_id) + " had no place to give back");
  }
}

}  // namespace hisx::appointments
