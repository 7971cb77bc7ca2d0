#include "payments/payment_store.h"

#include "hisx/database.h"

namespace hisx::fast_lane {

namespace {

constexpr const char* kPaymentColumns =
    "id, patient_id, patient_code, patient_name, amount, method, tendered, change_due, "
    "reference, receipt_no, status, his_state, his_note, his_recorded_at, window_code, "
    "ticket_id, shift_id, paid_at, paid_by, paid_by_name, day, prints, intent_id";

std::optional<long long> optional_integer(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::nullopt;
  return sdk::row_integer(r, i);
}

Payment payment_of(const soci::row& r) {
  Payment p;
  p.id = sdk::row_integer(r, 0);
  p.patient_id = sdk::row_text(r, 1);
  p.patient_code = sdk::row_text(r, 2);
  p.patient_name = sdk::row_text(r, 3);
  p.amount = sdk::row_integer(r, 4);
  p.method = sdk::row_text(r, 5);
  p.tendered = optional_integer(r, 6);
  p.change = optional_integer(r, 7);
  p.reference = sdk::row_text(r, 8);
  p.receipt_no = sdk::row_text(r, 9);
  p.status = sdk::row_text(r, 10);
  p.his_state = sdk::row_text(r, 11);
  p.his_note = sdk::row_text(r, 12);
  p.his_recorded_at = sdk::row_text(r, 13);
  p.window_code = sdk::row_text(r, 14);
  p.ticket_id = optional_integer(r, 15);
  p.shift_id = optional_integer(r, 16);
  p.paid_at = sdk::row_text(r, 17);
  p.paid_by = sdk::row_text(r, 18);
  p.paid_by_name = sdk::row_text(r, 19);
  p.day = sdk::row_text(r, 20);
  p.prints = static_cast<int>(sdk::row_integer(r, 21));
  p.intent_id = optional_integer(r, 22);
  return p;
}

void load_parts(soci::session& s, Payment& p) {
  soci::rowset<soci::row> charges =
      (s.prepare << "SELECT charge_id, total, insurance_share, patient_share, paid_charge_id "
                    "FROM hisx_fast_lane_payment_charges WHERE payment_id = :id ORDER BY charge_id",
       soci::use(p.id));
  for (const auto& r : charges) {
    p.charges.push_back({sdk::row_text(r, 0), sdk::row_integer(r, 1), sdk::row_integer(r, 2),
                         sdk::row_integer(r, 3), r.get_indicator(4) != soci::i_null});
  }
  soci::rowset<soci::row> lines =
      (s.prepare << "SELECT charge_id, line_id, service_name, quantity, total, insurance_share, "
                    "patient_share FROM hisx_fast_lane_payment_lines WHERE payment_id = :id "
                    "ORDER BY position",
       soci::use(p.id));
  for (const auto& r : lines) {
    p.lines.push_back({sdk::row_text(r, 0),
                       {sdk::row_text(r, 1), "", sdk::row_text(r, 2), sdk::row_text(r, 3),
                        sdk::row_integer(r, 4), sdk::row_integer(r, 5), sdk::row_integer(r, 6)}});
  }
}

long long affected(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows();
}

constexpr const char* kReversalColumns =
    "id, payment_id, status, reason, requested_by, requested_by_name, requested_at, shift_id, "
    "decided_by, decided_by_name, decided_at, decision_note, receipt_no, his_state, his_note";

Reversal reversal_of(const soci::row& r) {
  Reversal v;
  v.id = sdk::row_integer(r, 0);
  v.payment_id = sdk::row_integer(r, 1);
  v.status = sdk::row_text(r, 2);
  v.reason = sdk::row_text(r, 3);
  v.requested_by = sdk::row_text(r, 4);
  v.requested_by_name = sdk::row_text(r, 5);
  v.requested_at = sdk::row_text(r, 6);
  v.shift_id = optional_integer(r, 7);
  v.decided_by = sdk::row_text(r, 8);
  v.decided_by_name = sdk::row_text(r, 9);
  v.decided_at = sdk::row_text(r, 10);
  v.decision_note = sdk::row_text(r, 11);
  v.receipt_no = sdk::row_text(r, 12);
  v.his_state = sdk::row_text(r, 13);
  v.his_note = sdk::row_text(r, 14);
  return v;
}

}  // namespace

long long insert_payment(soci::session& tx, const Payment& p) {
  const long long tendered = p.tendered.value_or(0), change = p.change.value_or(0);
  soci::indicator tendered_ind = p.tendered ? soci::i_ok : soci::i_null;
  soci::indicator change_ind = p.change ? soci::i_ok : soci::i_null;
  soci::indicator reference_ind = p.reference.empty() ? soci::i_null : soci::i_ok;
  soci::indicator window_ind = p.window_code.empty() ? soci::i_null : soci::i_ok;
  const long long ticket = p.ticket_id.value_or(0);
  soci::indicator ticket_ind = p.ticket_id ? soci::i_ok : soci::i_null;
  soci::indicator recorded_ind = p.his_recorded_at.empty() ? soci::i_null : soci::i_ok;
  const long long shift = p.shift_id.value_or(0), intent = p.intent_id.value_or(0);
  soci::indicator shift_ind = p.shift_id ? soci::i_ok : soci::i_null;
  soci::indicator intent_ind = p.intent_id ? soci::i_ok : soci::i_null;
  long long id = 0;
  tx << "INSERT INTO hisx_fast_lane_payments (patient_id, patient_code, patient_name, amount, "
        "method, tendered, change_due, reference, receipt_no, his_state, his_recorded_at, "
        "window_code, ticket_id, shift_id, paid_at, paid_by, paid_by_name, day, intent_id) VALUES "
        "(:pid, :pcode, :pname, :amount, :method, :tendered, :change, :ref, :receipt, :his, :rec, "
        ":w, :t, :shift, :at, :by, :byname, :day, :intent) RETURNING id",
      soci::use(p.patient_id), soci::use(p.patient_code), soci::use(p.patient_name),
      soci::use(p.amount), soci::use(p.method), soci::use(tendered, tendered_ind),
      soci::use(change, change_ind), soci::use(p.reference, reference_ind), soci::use(p.receipt_no),
      soci::use(p.his_state), soci::use(p.his_recorded_at, recorded_ind),
      soci::use(p.window_code, window_ind), soci::use(ticket, ticket_ind),
      soci::use(shift, shift_ind), soci::use(p.paid_at), soci::use(p.paid_by),
      soci::use(p.paid_by_name), soci::use(p.day), soci::use(intent, intent_ind), soci::into(id);
  for (const auto& c : p.charges) {
    tx << "INSERT INTO hisx_fast_lane_payment_charges (payment_id, charge_id, paid_charge_id, "
          "total, insurance_share, patient_share) VALUES (:p, :c, :paid, :t, :i, :s)",
        soci::use(id), soci::use(c.charge_id), soci::use(c.charge_id), soci::use(c.total),
        soci::use(c.insurance_share), soci::use(c.patient_share);
  }
  int position = 0;
  for (const auto& l : p.lines) {
    ++position;
    tx << "INSERT INTO hisx_fast_lane_payment_lines (payment_id, position, charge_id, line_id, "
          "service_name, quantity, total, insurance_share, patient_share) VALUES (:p, :n, :c, "
          ":l, :name, :q, :t, :i, :s)",
        soci::use(id), soci::use(position), soci::use(l.charge_id), soci::use(l.line.line_id),
        soci::use(l.line.service_name), soci::use(l.line.quantity), soci::use(l.line.total),
        soci::use(l.line.insurance_share), soci::use(l.line.patient_share);
  }
  return id;
}

std::optional<Payment> find_payment(soci::session& s, long long id) {
  soci::row r;
  s << std::string("SELECT ") + kPaymentColumns + " FROM hisx_fast_lane_payments WHERE id = :id",
      soci::use(id), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  Payment p = payment_of(r);
  load_parts(s, p);
  return p;
}

std::vector<Payment> list_payments(soci::session& s, const std::string& day,
                                   const std::string& patient_id, int limit) {
  std::vector<Payment> out;
  const std::string sql = std::string("SELECT ") + kPaymentColumns +
                          " FROM hisx_fast_lane_payments WHERE day = :d AND (:p = '' OR "
                          "patient_id = :p2) ORDER BY id DESC LIMIT :n";
  soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(day), soci::use(patient_id),
                                  soci::use(patient_id), soci::use(limit));
  for (const auto& r : rows) out.push_back(payment_of(r));
  for (auto& p : out) load_parts(s, p);
  return out;
}

std::vector<std::pair<std::string, long long>> standing_payments(
    soci::session& s, const std::vector<std::string>& charge_ids) {
  std::vector<std::pair<std::string, long long>> out;
  for (const auto& charge : charge_ids) {
    long long payment = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT payment_id FROM hisx_fast_lane_payment_charges WHERE paid_charge_id = :c",
        soci::use(charge), soci::into(payment, ind);
    if (s.got_data() && ind == soci::i_ok) out.emplace_back(charge, payment);
  }
  return out;
}

int count_receipt_print(soci::session& tx, long long id) {
  int before = 0;
  tx << "UPDATE hisx_fast_lane_payments SET prints = prints + 1 WHERE id = :id RETURNING prints",
      soci::use(id), soci::into(before);
  return before - 1;
}

void set_his_state(soci::session& tx, long long id, const std::string& state,
                   const std::string& note, const std::string& at) {
  soci::indicator note_ind = note.empty() ? soci::i_null : soci::i_ok;
  soci::indicator at_ind = at.empty() ? soci::i_null : soci::i_ok;
  tx << "UPDATE hisx_fast_lane_payments SET his_state = :s, his_note = :n, his_recorded_at = :at "
        "WHERE id = :id",
      soci::use(state), soci::use(note, note_ind), soci::use(at, at_ind), soci::use(id);
}

bool mark_payment_reversed(soci::session& tx, long long id) {
  soci::statement st = (tx.prepare << "UPDATE hisx_fast_lane_payments SET status = 'reversed' "
                                      "WHERE id = :id AND status = 'completed'",
                        soci::use(id));
  if (affected(st) != 1) return false;
  tx << "UPDATE hisx_fast_lane_payment_charges SET paid_charge_id = NULL WHERE payment_id = :id",
      soci::use(id);
  return true;
}

long long next_receipt_sequence(soci::session& tx, const std::string& book, int year) {
  tx << "INSERT INTO hisx_fast_lane_receipt_books (book, year) VALUES (:b, :y) "
        "ON CONFLICT DO NOTHING",
      soci::use(book), soci::use(year);
  long long sequence = 0;
  tx << "UPDATE hisx_fast_lane_receipt_books SET last_sequence = last_sequence + 1 "
        "WHERE book = :b AND year = :y RETURNING last_sequence",
      soci::use(book), soci::use(year), soci::into(sequence);
  return sequence;
}

std::optional<long long> insert_reversal(soci::session& tx, const Reversal& r) {
  const long long shift = r.shift_id.value_or(0);
  soci::indicator shift_ind = r.shift_id ? soci::i_ok : soci::i_null;
  long long id = 0;
  soci::indicator id_ind = soci::i_null;
  tx << "INSERT INTO hisx_fast_lane_reversals (payment_id, open_payment_id, reason, "
        "requested_by, requested_by_name, requested_at, shift_id) VALUES (:p, :open, :reason, "
        ":by, :name, :at, :shift) ON CONFLICT DO NOTHING RETURNING id",
      soci::use(r.payment_id), soci::use(r.payment_id), soci::use(r.reason),
      soci::use(r.requested_by), soci::use(r.requested_by_name), soci::use(r.requested_at),
      soci::use(shift, shift_ind), soci::into(id, id_ind);
  if (!tx.got_data() || id_ind == soci::i_null) return std::nullopt;
  return id;
}

std::optional<Reversal> find_reversal(soci::session& s, long long id) {
  soci::row r;
  s << std::string("SELECT ") + kReversalColumns + " FROM hisx_fast_lane_reversals WHERE id = :id",
      soci::use(id), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  return reversal_of(r);
}

std::vector<Reversal> list_reversals(soci::session& s, const std::string& status, int limit) {
  std::vector<Reversal> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kReversalColumns +
                        " FROM hisx_fast_lane_reversals WHERE (:s = '' OR status = :s2) ORDER "
                        "BY id DESC LIMIT :n",
       soci::use(status), soci::use(status), soci::use(limit));
  for (const auto& r : rows) out.push_back(reversal_of(r));
  return out;
}

std::optional<Reversal> standing_reversal(soci::session& s, long long payment_id) {
  soci::row r;
  s << std::string("SELECT ") + kReversalColumns +
           " FROM hisx_fast_lane_reversals WHERE open_payment_id = :p",
      soci::use(payment_id), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  return reversal_of(r);
}

bool approve_reversal(soci::session& tx, long long id, const std::string& by,
                      const std::string& by_name, const std::string& at, const std::string& note,
                      const std::string& receipt_no, const std::string& his_state) {
  soci::indicator note_ind = note.empty() ? soci::i_null : soci::i_ok;
  soci::statement st =
      (tx.prepare << "UPDATE hisx_fast_lane_reversals SET status = 'approved', decided_by = :by, "
                     "decided_by_name = :name, decided_at = :at, decision_note = :note, "
                     "receipt_no = :receipt, his_state = :his WHERE id = :id AND status = "
                     "'requested'",
       soci::use(by), soci::use(by_name), soci::use(at), soci::use(note, note_ind),
       soci::use(receipt_no), soci::use(his_state), soci::use(id));
  return affected(st) == 1;
}

bool reject_reversal(soci::session& tx, long long id, const std::string& by,
                     const std::string& by_name, const std::string& at, const std::string& note) {
  soci::indicator note_ind = note.empty() ? soci::i_null : soci::i_ok;
  soci::statement st =
      (tx.prepare << "UPDATE hisx_fast_lane_reversals SET status = 'rejected', open_payment_id = "
                     "NULL, decided_by = :by, decided_by_name = :name, decided_at = :at, "
                     "decision_note = :note WHERE id = :id AND status = 'requested'",
       soci::use(by), soci::use(by_name), soci::use(at), soci::use(note, note_ind), soci::use(id));
  return affected(st) == 1;
}

void set_reversal_his_state(soci::session& tx, long long id, const std::string& state,
                            const std::string& note) {
  soci::indicator note_ind = note.empty() ? soci::i_null : soci::i_ok;
  tx << "UPDATE hisx_fast_lane_reversals SET his_state = :s, his_note = :n WHERE id = :id",
      soci::use(state), soci::use(note, note_ind), soci::use(id);
}

}  // namespace hisx::fast_lane
