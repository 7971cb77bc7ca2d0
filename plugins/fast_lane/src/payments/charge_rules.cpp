#include "payments/charge_rules.h"

#include <cctype>
#include <cstdlib>
#include <map>
#include <stdexcept>

namespace hisx::fast_lane {

namespace {

constexpr long long kLimit = 1'000'000'000'000'000LL;

long long centi_of(const std::string& text, const ChargeRow& row, const char* column) {
  const auto v = parse_centi_vnd(text);
  if (!v) {
    throw std::invalid_argument("charge.open_for_patient: column " + std::string(column) +
                                " of charge " + row.charge_id + " line " + row.line_id +
                                " is not an amount in VND: '" + text + "'");
  }
  return *v;
}

}  // namespace

std::optional<long long> parse_centi_vnd(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  long long whole = 0;
  std::size_t digits = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    whole = whole * 10 + (text[i++] - '0');
    if (++digits > 16) return std::nullopt;
  }
  long long hundredths = 0;
  std::size_t fraction_digits = 0;
  bool round_up = false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      const int d = text[i++] - '0';
      if (fraction_digits < 2) hundredths = hundredths * 10 + d;
      if (fraction_digits == 2) round_up = d >= 5;
      ++fraction_digits;
    }
    if (fraction_digits == 0 && digits == 0) return std::nullopt;
  } else if (digits == 0) {
    return std::nullopt;
  }
  if (i != text.size() || whole > kLimit) return std::nullopt;
  if (fraction_digits == 1) hundredths *= 10;
  long long centi = whole * 100 + hundredths + (round_up ? 1 : 0);
  return negative ? -centi : centi;
}

std::optional<long long> parse_vnd(std::string_view text) {
  const auto centi = parse_centi_vnd(text);
  if (!centi || std::llabs(*centi) > kLimit * 100) return std::nullopt;
  const long long whole = (std::llabs(*centi) + 50) / 100;
  return *centi < 0 ? -whole : whole;
}

namespace {

long long whole_dong(long long centi) {
  const long long whole = (std::llabs(centi) + 50) / 100;
  return centi < 0 ? -whole : whole;
}

}  // namespace

std::vector<Charge> group_charges(const std::vector<ChargeRow>& rows) {
  std::vector<Charge> out;
  std::map<std::string, std::size_t> at;
  std::vector<std::pair<long long, long long>> exact;  // per charge: insurance, patient
  for (const auto& row : rows) {
    auto [it, added] = at.emplace(row.charge_id, out.size());
    if (added) {
      Charge c;
      c.charge_id = row.charge_id;
      c.patient_id = row.patient_id;
      c.visit_id = row.visit_id;
      c.created_at = row.created_at;
      out.push_back(std::move(c));
      exact.emplace_back(0, 0);
    }
    Charge& c = out[it->second];
    const long long total = centi_of(row.total, row, "total");
    const long long insurance = centi_of(row.insurance_share, row, "insurance_share");
    const long long patient = centi_of(row.patient_share, row, "patient_share");
    ChargeLine line{row.line_id,       row.service_code,      row.service_name,   row.quantity,
                    whole_dong(total), whole_dong(insurance), whole_dong(patient)};
    auto& [insurance_sum, patient_sum] = exact[it->second];
    insurance_sum += insurance;
    patient_sum += patient;
    c.insurance_share = whole_dong(insurance_sum);
    c.patient_share = whole_dong(patient_sum);
    c.total = c.insurance_share + c.patient_share;
    if (!row.created_at.empty() && (c.created_at.empty() || row.created_at < c.created_at)) {
      c.created_at = row.created_at;
    }
    c.lines.push_back(std::move(line));
  }
  return out;
}

}  // namespace hisx::fast_lane
