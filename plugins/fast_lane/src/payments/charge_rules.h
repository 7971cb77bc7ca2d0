#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A patient's open charges as the HIS lists them (charge.open_for_patient: one row per service
// line), grouped into the charges that are paid whole, as plain code.

namespace hisx::fast_lane {

/// One service line of a charge, amounts in whole VND.
struct ChargeLine {
  std::string line_id;
  std::string service_code;  ///< "" when the HIS gives none.
  std::string service_name;
  std::string quantity;  ///< As the HIS gives it ("1", "2.5").
  long long total = 0;
  long long insurance_share = 0;  ///< What BHYT pays.
  long long patient_share = 0;    ///< What the patient pays.
};

/// A charge (an invoice, phiếu thu) with its lines; what a payment pays, whole.
struct Charge {
  std::string charge_id;
  std::string patient_id;
  std::string visit_id;    ///< "" when none.
  std::string created_at;  ///< UTC text of its oldest line.
  std::vector<ChargeLine> lines;
  long long total = 0;
  long long insurance_share = 0;
  long long patient_share = 0;
};

/// A row of charge.open_for_patient, its amounts still as the HIS's decimal text.
struct ChargeRow {
  std::string charge_id, line_id, patient_id, visit_id, service_code, service_name, quantity;
  std::string total, insurance_share, patient_share, created_at;
};

/// Hundredths of a đồng from the HIS's decimal text ("150000", "150000.00", "-5000",
/// "9240.10"); digits beyond the hundredths are rounded half away from zero. Nothing for text
/// that is not a decimal number or lies beyond ±10^15 đồng.
std::optional<long long> parse_centi_vnd(std::string_view text);
/// Whole VND from the HIS's decimal text, parse_centi_vnd() rounded half away from zero, as a
/// printed receipt shows it ("2469.5" → 2470).
std::optional<long long> parse_vnd(std::string_view text);

/// The rows grouped by charge_id in the order they first appear. A line's amounts are rounded
/// to whole đồng for showing; a charge's shares are its lines' exact sums, each rounded once
/// (what is paid is the patient share so rounded), and its total is the two shares' sum.
/// Throws std::invalid_argument naming the charge, the line and the column when an amount is
/// not a number.
std::vector<Charge> group_charges(const std::vector<ChargeRow>& rows);

}  // namespace hisx::fast_lane
