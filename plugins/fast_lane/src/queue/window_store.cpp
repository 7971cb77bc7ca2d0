#include "queue/window_store.h"

#include "hisx/database.h"

namespace hisx::fast_lane {

namespace {

constexpr const char* kSelect =
    "SELECT code, name, mode, fast_share, regular_share, position, active, updated_at, "
    "updated_by FROM hisx_fast_lane_windows";

Window window_of(const soci::row& r) {
  Window w;
  w.code = sdk::row_text(r, 0);
  w.name = sdk::row_text(r, 1);
  w.mode = parse_window_mode(sdk::row_text(r, 2)).value_or(WindowMode::kMixed);
  w.ratio = {static_cast<int>(sdk::row_integer(r, 3)), static_cast<int>(sdk::row_integer(r, 4))};
  w.position = static_cast<int>(sdk::row_integer(r, 5));
  w.active = sdk::row_integer(r, 6) != 0;
  w.updated_at = sdk::row_text(r, 7);
  w.updated_by = sdk::row_text(r, 8);
  return w;
}

}  // namespace

std::vector<Window> list_windows(soci::session& s) {
  std::vector<Window> out;
  soci::rowset<soci::row> rows = (s.prepare << std::string(kSelect) + " ORDER BY code");
  for (const auto& r : rows) out.push_back(window_of(r));
  return out;
}

std::optional<Window> find_window(soci::session& s, const std::string& code) {
  soci::row r;
  s << std::string(kSelect) + " WHERE code = :c", soci::use(code), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  return window_of(r);
}

std::optional<Window> lock_window(soci::session& tx, const std::string& code) {
  soci::statement st = (tx.prepare << "UPDATE hisx_fast_lane_windows SET position = position "
                                      "WHERE code = :c",
                        soci::use(code));
  st.execute(true);
  if (st.get_affected_rows() != 1) return std::nullopt;
  return find_window(tx, code);
}

void save_window(soci::session& tx, const Window& w) {
  const std::string mode(to_string(w.mode));
  const int active = w.active ? 1 : 0;
  tx << "INSERT INTO hisx_fast_lane_windows (code, name, mode, fast_share, regular_share, "
        "active, updated_at, updated_by) VALUES (:c, :n, :m, :f, :r, :a, :at, :by) "
        "ON CONFLICT (code) DO UPDATE SET name = excluded.name, mode = excluded.mode, "
        "fast_share = excluded.fast_share, regular_share = excluded.regular_share, "
        "active = excluded.active, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by",
      soci::use(w.code), soci::use(w.name), soci::use(mode), soci::use(w.ratio.fast),
      soci::use(w.ratio.regular), soci::use(active), soci::use(w.updated_at),
      soci::use(w.updated_by);
}

void add_window_if_missing(soci::session& tx, const Window& w) {
  const std::string mode(to_string(w.mode));
  const int active = w.active ? 1 : 0;
  tx << "INSERT INTO hisx_fast_lane_windows (code, name, mode, fast_share, regular_share, "
        "active, updated_at, updated_by) VALUES (:c, :n, :m, :f, :r, :a, :at, :by) "
        "ON CONFLICT DO NOTHING",
      soci::use(w.code), soci::use(w.name), soci::use(mode), soci::use(w.ratio.fast),
      soci::use(w.ratio.regular), soci::use(active), soci::use(w.updated_at),
      soci::use(w.updated_by);
}

void set_position(soci::session& tx, const std::string& code, int position) {
  tx << "UPDATE hisx_fast_lane_windows SET position = :p WHERE code = :c", soci::use(position),
      soci::use(code);
}

}  // namespace hisx::fast_lane
