#include "posix_tz_rule.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace hisx::sdk::detail {

namespace {

using namespace std::chrono;

// Reads a POSIX TZ text left to right; every reader returns false on malformed input.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool done() const { return pos_ == text_.size(); }
  bool peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool take(char c) {
    if (!peek(c)) return false;
    ++pos_;
    return true;
  }

  // A zone abbreviation: three or more letters, or <…> quoted.
  bool name() {
    if (take('<')) {
      const auto close = text_.find('>', pos_);
      if (close == std::string_view::npos || close == pos_) return false;
      pos_ = close + 1;
      return true;
    }
    const std::size_t start = pos_;
    while (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    return pos_ - start >= 3;
  }

  std::optional<int> number(int max) {
    const std::size_t start = pos_;
    long value = 0;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      value = value * 10 + (text_[pos_++] - '0');
      if (value > max) return std::nullopt;
    }
    if (pos_ == start) return std::nullopt;
    return static_cast<int>(value);
  }

  // [+-]hh[:mm[:ss]], hours up to 167 (RFC 8536 allows that much for change times).
  std::optional<seconds> duration() {
    int sign = 1;
    if (take('-')) {
      sign = -1;
    } else {
      take('+');
    }
    auto h = number(167);
    if (!h) return std::nullopt;
    seconds total = hours{*h};
    if (take(':')) {
      auto m = number(59);
      if (!m) return std::nullopt;
      total += minutes{*m};
      if (take(':')) {
        auto s = number(59);
        if (!s) return std::nullopt;
        total += seconds{*s};
      }
    }
    return sign * total;
  }

  std::optional<PosixTzRule::Change> change() {
    PosixTzRule::Change c;
    using Kind = PosixTzRule::Change::Kind;
    if (take('M')) {
      // Mm.w.d, read one part after the other (GCC 12 misjudges optionals read together).
      c.kind = Kind::kMonthWeekDay;
      c.month = number(12).value_or(0);
      if (c.month < 1 || !take('.')) return std::nullopt;
      c.week = number(5).value_or(0);
      if (c.week < 1 || !take('.')) return std::nullopt;
      c.day = number(6).value_or(-1);
      if (c.day < 0) return std::nullopt;
    } else if (take('J')) {
      auto n = number(365);
      if (!n || *n < 1) return std::nullopt;
      c.kind = Kind::kJulianNoLeap;
      c.day = *n;
    } else {
      auto n = number(365);
      if (!n) return std::nullopt;
      c.kind = Kind::kZeroBasedDay;
      c.day = *n;
    }
    if (take('/')) {
      auto t = duration();
      if (!t) return std::nullopt;
      c.time = *t;
    }
    return c;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// The local day of `change` in year `y`.
local_days change_day(const PosixTzRule::Change& change, int y) {
  using Kind = PosixTzRule::Change::Kind;
  const year yr{y};
  switch (change.kind) {
    case Kind::kJulianNoLeap: {
      // Day 1–365 with February 29 never counted.
      int n = change.day;
      local_days d = local_days{yr / January / 1} + days{n - 1};
      if (yr.is_leap() && n >= 60) d += days{1};
      return d;
    }
    case Kind::kZeroBasedDay:
      return local_days{yr / January / 1} + days{change.day};
    case Kind::kMonthWeekDay:
      break;
  }
  const month m{static_cast<unsigned>(change.month)};
  const weekday wd{static_cast<unsigned>(change.day)};
  if (change.week == 5) return local_days{yr / m / wd[last]};
  return local_days{yr / m / wd[static_cast<unsigned>(change.week)]};
}

}  // namespace

std::optional<PosixTzRule> PosixTzRule::parse(std::string_view text) {
  Reader in(text);
  PosixTzRule rule;
  if (!in.name()) return std::nullopt;
  auto std_offset = in.duration();
  if (!std_offset) return std::nullopt;
  rule.std_offset_ = -*std_offset;
  if (in.done()) return rule;
  if (!in.name()) return std::nullopt;
  rule.dst_offset_ = rule.std_offset_ + hours{1};
  if (!in.peek(',') && !in.done()) {
    auto dst = in.duration();
    if (!dst) return std::nullopt;
    rule.dst_offset_ = -*dst;
  }
  // POSIX leaves a missing rule to the implementation; tzcode's default is the US rule.
  if (in.done()) return std::nullopt;
  if (!in.take(',')) return std::nullopt;
  auto start = in.change();
  if (!start || !in.take(',')) return std::nullopt;
  auto end = in.change();
  if (!end || !in.done()) return std::nullopt;
  rule.start_ = *start;
  rule.end_ = *end;
  return rule;
}

seconds PosixTzRule::offset_at(Instant t) const {
  if (!dst_offset_) return std_offset_;
  // The changes of the year around `t`, in UTC, with the offset each one leads to; the last
  // one at or before `t` is in force. Three years cover both hemispheres and any change time.
  const int y = static_cast<int>(year_month_day{floor<days>(t + std_offset_)}.year());
  std::array<std::pair<Instant, seconds>, 6> changes;
  std::size_t n = 0;
  for (int year_of : {y - 1, y, y + 1}) {
    const local_seconds on =
        local_seconds{change_day(start_, year_of).time_since_epoch()} + start_.time;
    const local_seconds off =
        local_seconds{change_day(end_, year_of).time_since_epoch()} + end_.time;
    changes[n++] = {Instant{on.time_since_epoch() - std_offset_}, *dst_offset_};
    changes[n++] = {Instant{off.time_since_epoch() - *dst_offset_}, std_offset_};
  }
  std::sort(changes.begin(), changes.end());
  seconds offset = std_offset_;
  for (const auto& [at, after] : changes) {
    if (at > t) break;
    offset = after;
  }
  return offset;
}

}  // namespace hisx::sdk::detail
