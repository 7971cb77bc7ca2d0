#include "catalogue/closure_store.h"

#include "sql_support.h"

namespace hisx::appointments {

std::vector<Closure> list_closures(soci::session& s, std::optional<LocalDate> from,
                                   std::optional<LocalDate> to) {
  // Text dates compare like dates: 'YYYY-MM-DD'.
  const std::string lo = from ? format_date(*from) : "0000-01-01";
  const std::string hi = to ? format_date(*to) : "9999-12-31";
  Closure row;
  sdk::HisId clinic;
  soci::indicator clinic_ind = soci::i_ok;
  std::string from_text, to_text, reason;
  soci::indicator reason_ind = soci::i_ok;
  soci::statement st =
      (s.prepare << "SELECT id, clinic_id, from_date, to_date, reason "
                    "FROM hisx_appointments_closures WHERE to_date >= :lo AND from_date <= :hi "
                    "ORDER BY from_date, id",
       soci::into(row.id), soci::into(clinic, clinic_ind), soci::into(from_text),
       soci::into(to_text), soci::into(reason, reason_ind), soci::use(lo), soci::use(hi));
  st.execute();
  std::vector<Closure> out;
  while (st.fetch()) {
    Closure c = row;
    c.clinic_id = optional_his_id(clinic, clinic_ind);
    c.from = parse_date(from_text).value_or(LocalDate{});
    c.to = parse_date(to_text).value_or(LocalDate{});
    c.reason = text_or_empty(reason, reason_ind);
    out.push_back(std::move(c));
  }
  return out;
}

long long insert_closure(soci::session& s, const Closure& closure, const std::string& now,
                         const std::string& by) {
  NullableHisId clinic(closure.clinic_id);
  const std::string from = format_date(closure.from), to = format_date(closure.to);
  long long id = 0;
  s << "INSERT INTO hisx_appointments_closures (clinic_id, from_date, to_date, reason, "
       "created_at, created_by) VALUES (:clinic, :from_date, :to_date, :reason, :now, :by) "
       "RETURNING id",
      soci::use(clinic.value, clinic.indicator), soci::use(from), soci::use(to),
      soci::use(closure.reason), soci::use(now), soci::use(by), soci::into(id);
  return id;
}

std::optional<Closure> find_closure(soci::session& s, long long id) {
  Closure c;
  sdk::HisId clinic;
  soci::indicator clinic_ind = soci::i_ok, reason_ind = soci::i_ok;
  std::string from_text, to_text, reason;
  s << "SELECT id, clinic_id, from_date, to_date, reason FROM hisx_appointments_closures "
       "WHERE id = :id",
      soci::into(c.id), soci::into(clinic, clinic_ind), soci::into(from_text), soci::into(to_text),
      soci::into(reason, reason_ind), soci::use(id);
  if (!s.got_data()) return std::nullopt;
  c.clinic_id = optional_his_id(clinic, clinic_ind);
  c.from = parse_date(from_text).value_or(LocalDate{});
  c.to = parse_date(to_text).value_or(LocalDate{});
  c.reason = text_or_empty(reason, reason_ind);
  return c;
}

bool delete_closure(soci::session& s, long long id) {
  soci::statement st =
      (s.prepare << "DELETE FROM hisx_appointments_closures WHERE id = :id", soci::use(id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

}  // namespace hisx::appointments
