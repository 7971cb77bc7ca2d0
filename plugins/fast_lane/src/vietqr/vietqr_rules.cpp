#include "vietqr/vietqr_rules.h"

#include <cstdio>
#include <stdexcept>
#include <vector>

namespace hisx::fast_lane {

namespace {

constexpr std::string_view kNapasGuid = "A000000727";
constexpr std::string_view kToAccount = "QRIBFTTA";
constexpr std::string_view kToCard = "QRIBFTTC";
constexpr long long kMaxAmount = 9'999'999'999'999;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_printable_ascii(char c) { return c >= 0x20 && c <= 0x7E; }

bool all_of(std::string_view text, bool (*test)(char)) {
  for (char c : text) {
    if (!test(c)) return false;
  }
  return true;
}

bool is_reference_char(char c) { return is_alnum(c) || c == ' '; }

[[noreturn]] void refuse(const std::string& what) { throw std::invalid_argument(what); }

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// One data object: tag, two-digit length, value.
void append_object(std::string& out, std::string_view tag, std::string_view value) {
  char length[3];
  std::snprintf(length, sizeof length, "%02zu", value.size());
  out.append(tag).append(length).append(value);
}

std::string object(std::string_view tag, std::string_view value) {
  std::string out;
  append_object(out, tag, value);
  return out;
}

std::string hex4(std::uint16_t value) {
  char text[5];
  std::snprintf(text, sizeof text, "%04X", static_cast<unsigned>(value));
  return text;
}

void check_encodable(const VietQr& qr) {
  if (qr.bank_bin.size() != 6 || !all_of(qr.bank_bin, is_digit)) {
    refuse("bank_bin must be 6 digits, found " + quoted(qr.bank_bin));
  }
  if (qr.account.empty() || qr.account.size() > 19 || !all_of(qr.account, is_alnum)) {
    refuse("account must be 1-19 characters of [0-9A-Za-z], found " + quoted(qr.account));
  }
  if (qr.amount && (*qr.amount < 1 || *qr.amount > kMaxAmount)) {
    refuse("amount must be 1 to 9999999999999 VND, found " + std::to_string(*qr.amount));
  }
  if (qr.reference.size() > 25 || !all_of(qr.reference, is_reference_char)) {
    refuse("reference must be at most 25 characters of [A-Za-z0-9 ], found " +
           quoted(qr.reference));
  }
  if (qr.merchant_name.size() > 25 || !all_of(qr.merchant_name, is_printable_ascii)) {
    refuse("merchant_name must be at most 25 printable ASCII characters, found " +
           quoted(qr.merchant_name));
  }
  if (qr.city.size() > 15 || !all_of(qr.city, is_printable_ascii)) {
    refuse("city must be at most 15 printable ASCII characters, found " + quoted(qr.city));
  }
}

// --- Reading ---

struct DataObject {
  std::string tag;
  std::string_view value;
};

// Splits `text` (the payload or a template's value) into its objects. `where` names the
// template for messages ("" for the root, "38/" for inside tag 38, ...).
std::vector<DataObject> split_objects(std::string_view text, const std::string& where) {
  std::vector<DataObject> objects;
  std::size_t at = 0;
  while (at < text.size()) {
    if (text.size() - at < 4) {
      refuse("truncated TLV at " + (where.empty() ? "the root" : "tag " + where) + " offset " +
             std::to_string(at) + ": " + std::to_string(text.size() - at) +
             " characters left, a tag and a length need 4");
    }
    const std::string tag(text.substr(at, 2));
    const std::string_view length = text.substr(at + 2, 2);
    if (!is_digit(tag[0]) || !is_digit(tag[1])) {
      refuse("malformed TLV at " + (where.empty() ? "the root" : "tag " + where) + " offset " +
             std::to_string(at) + ": the tag must be 2 digits, found " + quoted(tag));
    }
    if (!is_digit(length[0]) || !is_digit(length[1])) {
      refuse("tag " + where + tag + ": the length must be 2 digits, found " + quoted(length));
    }
    const std::size_t size = static_cast<std::size_t>((length[0] - '0') * 10 + (length[1] - '0'));
    if (size > text.size() - at - 4) {
      refuse("tag " + where + tag + ": truncated TLV, the length says " + std::to_string(size) +
             " characters but " + std::to_string(text.size() - at - 4) + " are left");
    }
    for (const auto& seen : objects) {
      if (seen.tag == tag) refuse("tag " + where + tag + " appears twice");
    }
    objects.push_back({tag, text.substr(at + 4, size)});
    at += 4 + size;
  }
  return objects;
}

const DataObject* find(const std::vector<DataObject>& objects, std::string_view tag) {
  for (const auto& object : objects) {
    if (object.tag == tag) return &object;
  }
  return nullptr;
}

std::string_view required(const std::vector<DataObject>& objects, const std::string& where,
                          std::string_view tag, std::string_view name) {
  const DataObject* found = find(objects, tag);
  if (!found) refuse("tag " + where + std::string(tag) + " (" + std::string(name) + ") missing");
  return found->value;
}

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

void check_crc(std::string_view payload) {
  if (payload.size() < 8 || payload.substr(payload.size() - 8, 4) != "6304") {
    refuse("tag 63 (CRC) missing: a VietQR payload ends with '6304' and 4 hex digits");
  }
  const std::string expected = hex4(crc16_ccitt_false(payload.substr(0, payload.size() - 4)));
  std::string found(payload.substr(payload.size() - 4));
  std::string found_upper;
  for (char c : found) found_upper.push_back(upper(c));
  if (found_upper != expected) {
    refuse("tag 63 (CRC) does not match the payload: expected " + expected + ", found " +
           quoted(found));
  }
}

void read_merchant_account(std::string_view value, VietQr& qr) {
  const auto objects = split_objects(value, "38/");
  const std::string_view guid = required(objects, "38/", "00", "GUID");
  if (guid != kNapasGuid) {
    refuse("tag 38/00 (GUID) must be A000000727 (NAPAS), found " + quoted(guid));
  }
  const auto beneficiary =
      split_objects(required(objects, "38/", "01", "beneficiary organisation"), "38/01/");
  qr.bank_bin = std::string(required(beneficiary, "38/01/", "00", "bank BIN"));
  if (qr.bank_bin.size() != 6 || !all_of(qr.bank_bin, is_digit)) {
    refuse("tag 38/01/00 (bank BIN) must be 6 digits, found " + quoted(qr.bank_bin));
  }
  qr.account = std::string(required(beneficiary, "38/01/", "01", "account number"));
  if (qr.account.empty() || qr.account.size() > 19 || !all_of(qr.account, is_alnum)) {
    refuse("tag 38/01/01 (account number) must be 1-19 characters of [0-9A-Za-z], found " +
           quoted(qr.account));
  }
  const std::string_view service = required(objects, "38/", "02", "service code");
  if (service == kToAccount) {
    qr.to_card = false;
  } else if (service == kToCard) {
    qr.to_card = true;
  } else {
    refuse("tag 38/02 (service code) must be QRIBFTTA or QRIBFTTC, found unknown service code " +
           quoted(service));
  }
}

long long read_amount(std::string_view value) {
  if (value.size() > 13 || !all_of(value, is_digit)) {
    refuse("tag 54 (amount) must be whole VND, 1 to 13 digits, found " + quoted(value));
  }
  long long amount = 0;
  for (char c : value) amount = amount * 10 + (c - '0');
  if (amount < 1) refuse("tag 54 (amount) must be at least 1 VND, found " + quoted(value));
  return amount;
}

}  // namespace

std::uint16_t crc16_ccitt_false(std::string_view bytes) {
  std::uint16_t crc = 0xFFFF;
  for (unsigned char byte : bytes) {
    crc = static_cast<std::uint16_t>(crc ^ (byte << 8));
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc & 0x8000) ? static_cast<std::uint16_t>((crc << 1) ^ 0x1021)
                           : static_cast<std::uint16_t>(crc << 1);
    }
  }
  return crc;
}

std::string encode_vietqr(const VietQr& qr) {
  check_encodable(qr);
  const std::string beneficiary = object("00", qr.bank_bin) + object("01", qr.account);
  const std::string merchant_account = object("00", kNapasGuid) + object("01", beneficiary) +
                                       object("02", qr.to_card ? kToCard : kToAccount);
  std::string payload;
  append_object(payload, "00", "01");
  append_object(payload, "01", qr.amount ? "12" : "11");
  append_object(payload, "38", merchant_account);
  append_object(payload, "53", "704");
  if (qr.amount) append_object(payload, "54", std::to_string(*qr.amount));
  append_object(payload, "58", "VN");
  if (!qr.merchant_name.empty()) append_object(payload, "59", qr.merchant_name);
  if (!qr.city.empty()) append_object(payload, "60", qr.city);
  if (!qr.reference.empty()) append_object(payload, "62", object("08", qr.reference));
  payload.append("6304");
  payload.append(hex4(crc16_ccitt_false(payload)));
  return payload;
}

VietQr decode_vietqr(std::string_view payload) {
  // The CRC first: a code misread by a camera or mistyped is then reported as such, whatever
  // the damaged characters happen to spell.
  check_crc(payload);
  const auto objects = split_objects(payload, "");
  if (objects.back().tag != "63" || objects.back().value.size() != 4) {
    refuse("tag 63 (CRC) must be the last object, with 4 hex digits");
  }
  if (objects.front().tag != "00") {
    refuse("tag 00 (payload format indicator) must come first, found tag " + objects.front().tag);
  }
  if (objects.front().value != "01") {
    refuse("tag 00 (payload format indicator) must be 01, found " + quoted(objects.front().value));
  }
  if (const DataObject* initiation = find(objects, "01")) {
    if (initiation->value != "11" && initiation->value != "12") {
      refuse("tag 01 (point of initiation) must be 11 (static) or 12 (dynamic), found " +
             quoted(initiation->value));
    }
  }
  VietQr qr;
  read_merchant_account(required(objects, "", "38", "merchant account information"), qr);
  const std::string_view currency = required(objects, "", "53", "currency");
  if (currency != "704") refuse("tag 53 (currency) must be 704 (VND), found " + quoted(currency));
  if (const DataObject* amount = find(objects, "54")) qr.amount = read_amount(amount->value);
  const std::string_view country = required(objects, "", "58", "country");
  if (country != "VN") refuse("tag 58 (country) must be VN, found " + quoted(country));
  if (const DataObject* name = find(objects, "59")) qr.merchant_name = std::string(name->value);
  if (const DataObject* city = find(objects, "60")) qr.city = std::string(city->value);
  if (const DataObject* additional = find(objects, "62")) {
    const auto data = split_objects(additional->value, "62/");
    if (const DataObject* purpose = find(data, "08")) qr.reference = std::string(purpose->value);
  }
  return qr;
}

}  // namespace hisx::fast_lane
