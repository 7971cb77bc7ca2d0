#include "fhir/fhir_store.h"

#include <algorithm>

#include "channels.h"
#include "sql_support.h"

namespace hisx::appointments {

namespace {

// The slot's FHIR status, as fhir_codes.h slot_status() decides it: closed by a closure of its
// clinic or of the whole hospital, or its clinic takes no bookings → busy-unavailable.
constexpr const char* kSlotRows =
    "SELECT s.id, s.clinic_id, s.doctor_id, s.local_date, s.start_utc, s.end_utc, s.capacity, "
    "s.booked, CASE WHEN EXISTS (SELECT 1 FROM hisx_appointments_closures z "
    "WHERE (z.clinic_id IS NULL OR z.clinic_id = s.clinic_id) "
    "AND s.local_date >= z.from_date AND s.local_date <= z.to_date) THEN 1 ELSE 0 END AS closed, "
    "COALESCE(c.active, 0) AS active FROM hisx_appointments_slots s "
    "LEFT JOIN hisx_appointments_clinics c ON c.clinic_id = s.clinic_id";

constexpr const char* kSlotStatus =
    "CASE WHEN x.closed = 1 OR x.active = 0 THEN 'busy-unavailable' "
    "WHEN x.booked >= x.capacity THEN 'busy' ELSE 'free' END";

std::string text_or_blank(const std::optional<Instant>& t) { return t ? format_utc(*t) : ""; }

// `column IN ('a', 'b')` of values from a fixed list (never the caller's text); no value: false.
std::string in_list(const std::string& column, const std::vector<std::string>& values) {
  if (values.empty()) return "1 = 0";
  std::string sql = column + " IN (";
  for (std::size_t i = 0; i < values.size(); ++i) sql += (i ? ", '" : "'") + values[i] + "'";
  return sql + ")";
}

// The known codes among `wanted`, spelled from `known` so that no request text reaches SQL.
template <typename Known>
std::vector<std::string> known_values(const std::vector<std::string>& wanted, const Known& known) {
  std::vector<std::string> out;
  for (const auto& k : known) {
    if (std::find(wanted.begin(), wanted.end(), std::string(k)) != wanted.end()) {
      out.emplace_back(k);
    }
  }
  return out;
}

struct SlotRow {
  Slot slot;
  sdk::HisId doctor;
  soci::indicator doctor_ind = soci::i_ok;
  std::string day, start, end;
  int closed = 0, active = 0;

  void bind(soci::statement& st) {
    st.exchange(soci::into(slot.id));
    st.exchange(soci::into(slot.clinic_id));
    st.exchange(soci::into(doctor, doctor_ind));
    st.exchange(soci::into(day));
    st.exchange(soci::into(start));
    st.exchange(soci::into(end));
    st.exchange(soci::into(slot.capacity));
    st.exchange(soci::into(slot.booked));
    st.exchange(soci::into(closed));
    st.exchange(soci::into(active));
  }

  FhirSlot value() const {
    FhirSlot out;
    out.slot = slot;
    out.slot.doctor_id = optional_his_id(doctor, doctor_ind);
    out.slot.local_date = parse_date(day).value_or(LocalDate{});
    out.slot.start = parse_utc(start).value_or(Instant{});
    out.slot.end = parse_utc(end).value_or(Instant{});
    out.slot.closed = closed != 0;
    out.clinic_active = active != 0;
    return out;
  }
};

}  // namespace

SlotPage search_slots(soci::session& s, const SlotSearch& search) {
  static constexpr std::string_view kCodes[] = {"free", "busy", "busy-unavailable"};
  std::string where =
      " WHERE (:has_clinic = 0 OR x.clinic_id = :clinic) AND (:lo = '' OR x.start_utc >= :lo2) "
      "AND (:hi = '' OR x.start_utc < :hi2)";
  if (search.statuses) {
    where += " AND " + in_list(std::string(kSlotStatus), known_values(*search.statuses, kCodes));
  }
  const std::string from = std::string(" FROM (") + kSlotRows + ") x";
  const int has_clinic = search.clinic_id ? 1 : 0;
  const sdk::HisId clinic = search.clinic_id.value_or(sdk::HisId());
  const std::string lo = text_or_blank(search.start.from), hi = text_or_blank(search.start.before);

  SlotPage page;
  s << "SELECT COUNT(*)" + from + where, soci::into(page.total), soci::use(has_clinic),
      soci::use(clinic), soci::use(lo), soci::use(lo), soci::use(hi), soci::use(hi);
  if (search.paging.count == 0 || page.total <= search.paging.offset()) return page;

  SlotRow row;
  const int limit = search.paging.count;
  const long long offset = search.paging.offset();
  soci::statement st(s);
  row.bind(st);
  st.exchange(soci::use(has_clinic));
  st.exchange(soci::use(clinic));
  st.exchange(soci::use(lo));
  st.exchange(soci::use(lo));
  st.exchange(soci::use(hi));
  st.exchange(soci::use(hi));
  st.exchange(soci::use(limit));
  st.exchange(soci::use(offset));
  st.alloc();
  st.prepare(
      "SELECT x.id, x.clinic_id, x.doctor_id, x.local_date, x.start_utc, x.end_utc, "
      "x.capacity, x.booked, x.closed, x.active" +
      from + where + " ORDER BY x.start_utc, x.id LIMIT :n OFFSET :o");
  st.define_and_bind();
  st.execute();
  while (st.fetch()) page.slots.push_back(row.value());
  return page;
}

std::optional<FhirSlot> find_fhir_slot(soci::session& s, long long id) {
  SlotRow row;
  soci::statement st(s);
  row.bind(st);
  st.exchange(soci::use(id));
  st.alloc();
  st.prepare(std::string(kSlotRows) + " WHERE s.id = :id");
  st.define_and_bind();
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return row.value();
}

BookingPage search_bookings(soci::session& s, const BookingSearch& search) {
  std::string where =
      " WHERE (:has_patient = 0 OR patient_id = :patient) AND (:lo = '' OR start_utc >= :lo2) "
      "AND (:hi = '' OR start_utc < :hi2)";
  if (search.statuses) {
    std::vector<std::string> names;
    for (BookingStatus st : *search.statuses) names.emplace_back(to_string(st));
    where += " AND " + in_list("status", names);
  }
  if (!search.channels.empty()) {
    where += " AND " + in_list("channel", known_values(search.channels, kChannels));
  }
  // HIS ids are opaque text: bound one by one, never spelled into the SQL.
  if (search.patient_ids) {
    if (search.patient_ids->empty()) {
      where += " AND 1 = 0";
    } else {
      where += " AND patient_id IN (";
      for (std::size_t i = 0; i < search.patient_ids->size(); ++i) {
        where += (i ? ", :p" : ":p") + std::to_string(i);
      }
      where += ")";
    }
  }
  const int has_patient = search.patient_id ? 1 : 0;
  const sdk::HisId patient = search.patient_id.value_or(sdk::HisId());
  const std::string lo = text_or_blank(search.start.from), hi = text_or_blank(search.start.before);
  const std::string from = " FROM hisx_appointments_bookings";
  const auto bind_filters = [&](soci::statement& st) {
    st.exchange(soci::use(has_patient));
    st.exchange(soci::use(patient));
    st.exchange(soci::use(lo));
    st.exchange(soci::use(lo));
    st.exchange(soci::use(hi));
    st.exchange(soci::use(hi));
    if (search.patient_ids) {
      for (const auto& id : *search.patient_ids) st.exchange(soci::use(id));
    }
  };

  BookingPage page;
  {
    soci::statement count(s);
    count.exchange(soci::into(page.total));
    bind_filters(count);
    count.alloc();
    count.prepare("SELECT COUNT(*)" + from + where);
    count.define_and_bind();
    count.execute(true);
  }
  if (search.paging.count == 0 || page.total <= search.paging.offset()) return page;

  long long id = 0;
  const int limit = search.paging.count;
  const long long offset = search.paging.offset();
  soci::statement st(s);
  st.exchange(soci::into(id));
  bind_filters(st);
  st.exchange(soci::use(limit));
  st.exchange(soci::use(offset));
  st.alloc();
  st.prepare("SELECT id" + from + where + " ORDER BY start_utc, id LIMIT :n OFFSET :o");
  st.define_and_bind();
  st.execute();
  while (st.fetch()) page.ids.push_back(id);
  return page;
}

}  // namespace hisx::appointments
