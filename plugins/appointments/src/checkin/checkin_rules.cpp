#include "checkin/checkin_rules.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "booking/booking_code.h"
#include "hisx/text.h"

namespace hisx::appointments {

namespace {

constexpr std::string_view kQrPrefix = "HISX:";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

// "HK-7F3Q2", "hk 7f3q2", "HK7F3Q2" → the id; anything else → nothing.
std::optional<long long> prefixed_code(std::string_view text) {
  std::string code = upper(text);
  if (code.size() < 3 || code[0] != 'H' || code[1] != 'K') return std::nullopt;
  code.erase(0, 2);
  code.erase(std::remove_if(code.begin(), code.end(),
                            [](char c) { return c == '-' || c == ' ' || c == '_'; }),
             code.end());
  return booking_id_from_code(code);
}

// A bare "7F3Q2": five code characters with at least one letter and one digit, so that a
// short number or a word is not taken for a booking.
std::optional<long long> bare_code(std::string_view text) {
  if (text.size() != 5) return std::nullopt;
  const bool letter = std::any_of(text.begin(), text.end(), is_letter);
  const bool digit = std::any_of(text.begin(), text.end(), is_digit);
  if (!letter || !digit) return std::nullopt;
  return booking_id_from_code(text);
}

// The folded text without SQL wildcards, as patient.search expects it.
std::string search_key(std::string_view text) {
  std::string folded = sdk::fold_search_text(text);
  for (char& c : folded) {
    if (c == '%' || c == '_' || c == '\\') c = ' ';
  }
  return std::string(trim(folded));
}

}  // namespace

CheckinPolicy default_checkin_policy() { return CheckinPolicy{}; }

CheckinTiming check_in_timing(Instant slot_start, Instant now, const TimeZone& zone,
                              const CheckinPolicy& policy) {
  if (zone.date_of(slot_start) != zone.date_of(now)) return CheckinTiming::kWrongDay;
  if (policy.earliest_minutes_before &&
      now < slot_start - std::chrono::minutes(*policy.earliest_minutes_before)) {
    return CheckinTiming::kTooEarly;
  }
  if (now > slot_start + std::chrono::minutes(policy.late_after_minutes)) {
    return CheckinTiming::kLate;
  }
  return CheckinTiming::kOnTime;
}

std::string queue_label(long long number, int priority) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%03lld", number);
  return priority > 0 ? "U-" + std::string(digits) : std::string(digits);
}

std::string qr_payload(long long booking_id) {
  return std::string(kQrPrefix) + booking_code(booking_id);
}

std::string visit_source(long long booking_id) { return "hisx:" + booking_code(booking_id); }

std::optional<std::string> normalize_phone(std::string_view text) {
  text = trim(text);
  std::string digits;
  bool plus = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      digits.push_back(c);
    } else if (c == '+' && i == 0) {
      plus = true;
    } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
      return std::nullopt;
    }
  }
  if (digits.rfind("84", 0) == 0 && (plus || digits.size() >= 11)) {
    digits = digits.substr(2);
    if (digits.empty() || digits[0] != '0') digits = "0" + digits;  // "+84 (0)912…" too
  } else if (plus) {
    return std::nullopt;  // Another country's number.
  }
  if (digits.size() < 10 || digits.size() > 11 || digits[0] != '0' || digits[1] == '0') {
    return std::nullopt;
  }
  return digits;
}

CheckinLookup read_checkin_lookup(std::string_view typed) {
  const std::string_view text = trim(typed);
  CheckinLookup out;
  if (text.size() > kQrPrefix.size() && upper(text.substr(0, kQrPrefix.size())) == kQrPrefix) {
    std::string_view code = trim(text.substr(kQrPrefix.size()));
    out.booking_id = prefixed_code(code);
    if (!out.booking_id) out.booking_id = booking_id_from_code(code);
    return out;
  }
  if ((out.booking_id = prefixed_code(text))) return out;
  if ((out.phone = normalize_phone(text))) {
    out.patient_query = *out.phone;
    return out;
  }
  out.booking_id = bare_code(text);
  out.patient_query = search_key(text);
  if (out.patient_query.size() < 2) out.patient_query.clear();
  return out;
}

}  // namespace hisx::appointments
