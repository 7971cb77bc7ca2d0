#include "payments/shift_store.h"

#include "hisx/database.h"

namespace hisx::fast_lane {

namespace {

constexpr const char* kColumns =
    "id, cashier, cashier_name, window_code, opening_float, opened_at, closed_at, counted_cash, "
    "counted_card, counted_transfer, counted_prepaid, close_note";

constexpr const char* kMethods[] = {"cash", "card", "transfer", "prepaid"};

Shift shift_of(const soci::row& r) {
  Shift s;
  s.id = sdk::row_integer(r, 0);
  s.cashier = sdk::row_text(r, 1);
  s.cashier_name = sdk::row_text(r, 2);
  s.window_code = sdk::row_text(r, 3);
  s.opening_float = sdk::row_integer(r, 4);
  s.opened_at = sdk::row_text(r, 5);
  s.closed_at = sdk::row_text(r, 6);
  for (std::size_t i = 0; i < 4; ++i) {
    if (r.get_indicator(7 + i) != soci::i_null) s.counted[kMethods[i]] = sdk::row_integer(r, 7 + i);
  }
  s.close_note = sdk::row_text(r, 11);
  return s;
}

std::optional<Shift> select_one(soci::session& s, const std::string& where,
                                const std::string& value) {
  soci::row r;
  s << std::string("SELECT ") + kColumns + " FROM hisx_fast_lane_shifts WHERE " + where,
      soci::use(value), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  return shift_of(r);
}

}  // namespace

std::optional<long long> insert_shift(soci::session& tx, const Shift& s) {
  soci::indicator window_ind = s.window_code.empty() ? soci::i_null : soci::i_ok;
  long long id = 0;
  soci::indicator id_ind = soci::i_null;
  tx << "INSERT INTO hisx_fast_lane_shifts (cashier, cashier_name, open_cashier, window_code, "
        "opening_float, opened_at) VALUES (:c, :n, :open, :w, :f, :at) ON CONFLICT DO NOTHING "
        "RETURNING id",
      soci::use(s.cashier), soci::use(s.cashier_name), soci::use(s.cashier),
      soci::use(s.window_code, window_ind), soci::use(s.opening_float), soci::use(s.opened_at),
      soci::into(id, id_ind);
  if (!tx.got_data() || id_ind == soci::i_null) return std::nullopt;
  return id;
}

std::optional<Shift> find_shift(soci::session& s, long long id) {
  return select_one(s, "id = CAST(:id AS BIGINT)", std::to_string(id));
}

std::optional<Shift> open_shift_of(soci::session& s, const std::string& cashier) {
  return select_one(s, "open_cashier = :c", cashier);
}

bool close_shift(soci::session& tx, long long id, const std::map<std::string, long long>& counted,
                 const std::string& note, const std::string& at) {
  long long values[4] = {0, 0, 0, 0};
  soci::indicator inds[4] = {soci::i_null, soci::i_null, soci::i_null, soci::i_null};
  for (std::size_t i = 0; i < 4; ++i) {
    if (const auto it = counted.find(kMethods[i]); it != counted.end()) {
      values[i] = it->second;
      inds[i] = soci::i_ok;
    }
  }
  soci::indicator note_ind = note.empty() ? soci::i_null : soci::i_ok;
  soci::statement st =
      (tx.prepare << "UPDATE hisx_fast_lane_shifts SET open_cashier = NULL, closed_at = :at, "
                     "counted_cash = :c1, counted_card = :c2, counted_transfer = :c3, "
                     "counted_prepaid = :c4, close_note = :note WHERE id = :id AND closed_at IS "
                     "NULL",
       soci::use(at), soci::use(values[0], inds[0]), soci::use(values[1], inds[1]),
       soci::use(values[2], inds[2]), soci::use(values[3], inds[3]), soci::use(note, note_ind),
       soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::map<std::string, MethodTakings> shift_takings(soci::session& s, long long shift_id) {
  std::map<std::string, MethodTakings> out;
  for (const char* method : kMethods) out[method];
  soci::rowset<soci::row> paid =
      (s.prepare << "SELECT method, COUNT(*), CAST(SUM(amount) AS BIGINT) FROM "
                    "hisx_fast_lane_payments WHERE shift_id = :s GROUP BY method",
       soci::use(shift_id));
  for (const auto& r : paid) {
    auto& t = out[sdk::row_text(r, 0)];
    t.payments = static_cast<int>(sdk::row_integer(r, 1));
    t.paid = sdk::row_integer(r, 2);
  }
  soci::rowset<soci::row> refunded =
      (s.prepare << "SELECT p.method, COUNT(*), CAST(SUM(p.amount) AS BIGINT) FROM "
                    "hisx_fast_lane_reversals v JOIN hisx_fast_lane_payments p ON p.id = "
                    "v.payment_id WHERE v.shift_id = :s AND v.status = 'approved' GROUP BY "
                    "p.method",
       soci::use(shift_id));
  for (const auto& r : refunded) {
    auto& t = out[sdk::row_text(r, 0)];
    t.reversals = static_cast<int>(sdk::row_integer(r, 1));
    t.refunded = sdk::row_integer(r, 2);
  }
  return out;
}

}  // namespace hisx::fast_lane
