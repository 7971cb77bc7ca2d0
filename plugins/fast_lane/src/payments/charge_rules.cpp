#include "payments/charge_rules.h"

#include <cctype>
#include <map>
#include <stdexcept>

namespace hisx::fast_lane {

namespace {

constexpr long long kLimit = 1'000'000'000'000'000LL;

long long amount_of(const std::string& text, const ChargeRow& row, const char* column) {
  const auto v = parse_vnd(text);
  if (!v) {
    throw std::invalid_argument("charge.open_for_patient: column " + std::string(column) +
                                " of charge " + row.charge_id + " line " + row.line_id +
                                " is not an amount in VND: '" + text + "'");
  }
  return *v;
}

}  // namespace

std::optional<long long> parse_vnd(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  long long whole = 0;
  std::size_t digits = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    whole = whole * 10 + (text[i++] - '0');
    if (++digits > 16) return std::nullopt;
  }
  bool round_up = false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    std::size_t fraction_digits = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      if (fraction_digits++ == 0) round_up = text[i] >= '5';
      ++i;
    }
    if (fraction_digits == 0 && digits == 0) return std::nullopt;
  } else if (digits == 0) {
    return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  if (round_up) ++whole;
  if (whole > kLimit) return std::nullopt;
  return negative ? -whole : whole;
}

std::vector<Charge> group_charges(const std::vector<ChargeRow>& rows) {
  std::vector<Charge> out;
  std::map<std::string, std::size_t> at;
  for (const auto& row : rows) {
    auto [it, added] = at.emplace(row.charge_id, out.size());
    if (added) {
      Charge c;
      c.charge_id = row.charge_id;
      c.patient_id = row.patient_id;
      c.visit_id = row.visit_id;
      c.created_at = row.created_at;
      out.push_back(std::move(c));
    }
    Charge& c = out[it->second];
    ChargeLine line{row.line_id,
                    row.service_code,
                    row.service_name,
                    row.quantity,
                    amount_of(row.total, row, "total"),
                    amount_of(row.insurance_share, row, "insurance_share"),
                    amount_of(row.patient_share, row, "patient_share")};
    c.total += line.total;
    c.insurance_share += line.insurance_share;
    c.patient_share += line.patient_share;
    if (!row.created_at.empty() && (c.created_at.empty() || row.created_at < c.created_at)) {
      c.created_at = row.created_at;
    }
    c.lines.push_back(std::move(line));
  }
  return out;
}

}  // namespace hisx::fast_lane
