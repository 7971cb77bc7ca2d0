#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The bank-transfer QR code of Vietnam ("VietQR", run by NAPAS, the national payment switch),
// as plain code: what the cashier shows so that the patient's banking app fills in the bank,
// the account, the amount and the reference of a transfer to the hospital.
//
// A VietQR payload is an EMVCo merchant-presented QR payload: a string of data objects, each a
// 2-digit tag, a 2-digit length (the number of characters of the value, 01-99) and the value.
// Some values are themselves such strings (templates). The objects hisx writes, in this order:
//
//   00  payload format indicator, "01"
//   01  point of initiation: "11" static (no amount, used many times), "12" dynamic (with an
//       amount, for one payment: what the cashier shows)
//   38  merchant account information, a template:
//         00  GUID of NAPAS, "A000000727"
//         01  beneficiary organisation, a template:
//               00  the acquirer (bank) BIN, 6 digits, e.g. "970436" for Vietcombank
//               01  the account number (or the card number)
//         02  service code: "QRIBFTTA" transfer to an account, "QRIBFTTC" to a card
//   53  currency, "704" (VND)
//   54  amount in whole VND (VND has no minor unit); absent in a static code
//   58  country, "VN"
//   59  merchant name (optional), 60 city (optional)
//   62  additional data, a template: 08 purpose of transaction — for hisx the short reference
//       that the bank statement carries back and payments are matched with ("HISX7Q2XM4")
//   63  CRC: CRC-16/CCITT-FALSE over the whole payload up to and including "6304", as 4
//       uppercase hex digits; always the last object.

namespace hisx::fast_lane {

/// What a VietQR code asks the payer's bank to do.
struct VietQr {
  /// The beneficiary bank's BIN (mã BIN ngân hàng): 6 digits.
  std::string bank_bin{};
  /// The beneficiary account (or card) number: 1-19 characters of [0-9A-Za-z].
  std::string account{};
  /// A transfer to a card (service QRIBFTTC) instead of an account (QRIBFTTA).
  bool to_card = false;
  /// The amount in VND, 1 to 9'999'999'999'999. Set: a dynamic code (01 = "12"); unset: a
  /// static code (01 = "11") where the payer types the amount.
  std::optional<long long> amount{};
  /// The transfer's content (nội dung chuyển khoản), at most 25 of [A-Za-z0-9 ]; "" for none
  /// (no tag 62 then).
  std::string reference{};
  /// The beneficiary's name (tag 59), at most 25 printable ASCII characters; "" for none.
  std::string merchant_name{};
  /// The beneficiary's city (tag 60), at most 15 printable ASCII characters; "" for none.
  std::string city{};

  friend bool operator==(const VietQr&, const VietQr&) = default;
};

/// CRC-16/CCITT-FALSE of `bytes`: polynomial 0x1021, initial value 0xFFFF, no reflection, no
/// final XOR. The check value (of "123456789") is 0x29B1.
std::uint16_t crc16_ccitt_false(std::string_view bytes);

/// The payload of `qr`, objects in the order above, CRC last. Throws std::invalid_argument
/// naming the field and what is wrong ("bank_bin must be 6 digits, found '97041'").
std::string encode_vietqr(const VietQr& qr);

/// Reads a VietQR payload. Throws std::invalid_argument naming the tag and what is wrong: the
/// CRC (with the expected and the found value; either case of hex digits is read), a truncated
/// object, a missing or wrong GUID, bank BIN, account, service code, currency (not 704),
/// country (not VN), amount (not whole digits in range), a repeated tag. Tags hisx does not
/// know (52 merchant category, other templates, other 62 sub-tags, ...) are skipped, so codes
/// written by banks and newer versions of the specification still read. Point of initiation is
/// checked to be "11" or "12" when present; the amount is what tag 54 says.
VietQr decode_vietqr(std::string_view payload);

}  // namespace hisx::fast_lane
