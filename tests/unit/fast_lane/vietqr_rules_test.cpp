#include "vietqr/vietqr_rules.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <stdexcept>
#include <string>

#include "hisx/documents/qr.h"
#include "support/documents/decoders.h"
#include "support/temp_dir.h"

namespace hisx::fast_lane {
namespace {

// One data object, written by hand here so that the tests do not trust the code under test.
std::string tlv(const std::string& tag, const std::string& value) {
  char length[3];
  std::snprintf(length, sizeof length, "%02zu", value.size());
  return tag + length + value;
}

// `body` + "6304" + its CRC: a payload whose CRC is right, to reach the checks behind it.
std::string with_crc(const std::string& body) {
  char crc[5];
  std::snprintf(crc, sizeof crc, "%04X", static_cast<unsigned>(crc16_ccitt_false(body + "6304")));
  return body + "6304" + crc;
}

const std::string kNapas = tlv("00", "A000000727");
const std::string kMerchant =
    tlv("38", kNapas + tlv("01", tlv("00", "970436") + tlv("01", "0011001234567")) +
                  tlv("02", "QRIBFTTA"));

// The message of the std::invalid_argument that `read` throws ("" when it throws none).
template <typename Read>
std::string refusal(Read read) {
  try {
    read();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

std::string decode_refusal(const std::string& payload) {
  return refusal([&] { decode_vietqr(payload); });
}

std::string encode_refusal(const VietQr& qr) {
  return refusal([&] { encode_vietqr(qr); });
}

VietQr hospital_code() {
  return {.bank_bin = "970436",
          .account = "0011001234567",
          .amount = 150000,
          .reference = "HISX7Q2XM4",
          .merchant_name = "BENH VIEN DA KHOA TINH",
          .city = "HA NOI"};
}

// --- CRC ---

TEST(VietQrCrc, GivesTheStandardCheckValue) {
  EXPECT_EQ(crc16_ccitt_false("123456789"), 0x29B1);
  EXPECT_EQ(crc16_ccitt_false(""), 0xFFFF);
}

// --- Published payloads ---

struct Published {
  const char* source;
  VietQr qr;
  const char* payload;
};

// Payloads published with VietQR libraries and by a payment gateway, each read by banking apps.
// Sources: the README of the npm package vietnam-qr-pay (npmjs.com/package/vietnam-qr-pay);
// the README.md and vietqr_test.go of github.com/subiz/vietqr; a payOS payment-link response
// quoted in a public GitHub file.
const Published kPublished[] = {
    {"vietnam-qr-pay README, static (ACB)",
     {.bank_bin = "970416", .account = "257678859"},
     "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F"},
    {"vietnam-qr-pay README, dynamic",
     {.bank_bin = "970416", .account = "257678859", .amount = 10000, .reference = "Chuyen tien"},
     "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN"
     "62150811Chuyen tien630453E6"},
    {"subiz/vietqr README",
     {.bank_bin = "970415",
      .account = "0011001932418",
      .amount = 120000,
      .reference = "ung ho lu lut"},
     "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005"
     "802VN62170813ung ho lu lut6304C15C"},
    {"subiz/vietqr vietqr_test.go, static",
     {.bank_bin = "970423", .account = "0099999999"},
     "00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4"},
    {"subiz/vietqr vietqr_test.go, dynamic",
     {.bank_bin = "970422",
      .account = "0023457923442",
      .amount = 40123,
      .reference = "test text string"},
     "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA530370454054012358"
     "02VN62200816test text string6304D9C6"},
    {"subiz/vietqr vietqr_test.go, longest account and reference",
     {.bank_bin = "970422",
      .account = "0023457923442ASDFLJ",
      .amount = 40123,
      .reference = "chuyen khoan alsdkf laksj"},
     "00020101021238630010A0000007270133000697042201190023457923442ASDFLJ0208QRIBFTTA53037045405"
     "401235802VN62290825chuyen khoan alsdkf laksj6304E5DB"},
    {"payOS payment link (virtual account with letters)",
     {.bank_bin = "970422",
      .account = "VQRQABRLS0448",
      .amount = 2000,
      .reference = "18f8746b181045f0a2ce"},
     "00020101021238570010A000000727012700069704220113VQRQABRLS04480208QRIBFTTA5303704540420005802"
     "VN6224082018f8746b181045f0a2ce63040FC0"},
};

TEST(VietQrPublished, EncodeGivesThemByteForByte) {
  for (const auto& example : kPublished) {
    EXPECT_EQ(encode_vietqr(example.qr), example.payload) << example.source;
  }
}

TEST(VietQrPublished, DecodeReadsThem) {
  for (const auto& example : kPublished) {
    EXPECT_EQ(decode_vietqr(example.payload), example.qr) << example.source;
  }
}

TEST(VietQrPublished, DecodeReadsABankCodeWithMerchantCategoryNameCityAndLowercaseCrc) {
  // A static code as a bank's app shows it (quoted in a public GitHub file): merchant category
  // 52 (not read), name, city, and the CRC in lowercase hex.
  const VietQr qr = decode_vietqr(
      "00020101021138540010A00000072701240006970407011014137171110208QRIBFTTA5204601153037045802V"
      "N5903TCB6005Hanoi6304bb7d");
  EXPECT_EQ(qr.bank_bin, "970407");
  EXPECT_EQ(qr.account, "1413717111");
  EXPECT_FALSE(qr.to_card);
  EXPECT_EQ(qr.amount, std::nullopt);
  EXPECT_EQ(qr.merchant_name, "TCB");
  EXPECT_EQ(qr.city, "Hanoi");
  EXPECT_EQ(qr.reference, "");
}

// --- What hisx writes ---

TEST(VietQrEncode, TheCashiersCodeIsDynamicWithEveryField) {
  const std::string payload = encode_vietqr(hospital_code());
  const std::string body =
      "000201"
      "010212" +
      tlv("38", kNapas + tlv("01", tlv("00", "970436") + tlv("01", "0011001234567")) +
                    tlv("02", "QRIBFTTA")) +
      "5303704"
      "5406150000"
      "5802VN" +
      tlv("59", "BENH VIEN DA KHOA TINH") + tlv("60", "HA NOI") +
      tlv("62", tlv("08", "HISX7Q2XM4"));
  EXPECT_EQ(payload, with_crc(body));
  EXPECT_EQ(decode_vietqr(payload), hospital_code());
}

TEST(VietQrEncode, AStaticCodeHasNoAmountAndInitiation11) {
  VietQr qr{.bank_bin = "970436", .account = "0011001234567"};
  const std::string payload = encode_vietqr(qr);
  EXPECT_EQ(payload.substr(0, 12), "000201010211");
  EXPECT_EQ(payload.find("5406"), std::string::npos);
  EXPECT_EQ(payload, with_crc("000201010211" + kMerchant + "53037045802VN"));
  EXPECT_EQ(decode_vietqr(payload), qr);
}

TEST(VietQrEncode, ACardTransferUsesQribfttc) {
  const VietQr qr{
      .bank_bin = "970436", .account = "9704366614952001", .to_card = true, .amount = 50000};
  const std::string payload = encode_vietqr(qr);
  EXPECT_NE(payload.find("0208QRIBFTTC"), std::string::npos);
  EXPECT_EQ(decode_vietqr(payload), qr);
}

TEST(VietQrEncode, TheCrcIsFourUppercaseHexDigitsOverTheWholePayload) {
  const std::string payload = encode_vietqr(hospital_code());
  const std::string crc = payload.substr(payload.size() - 4);
  for (char c : crc) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F')) << crc;
  EXPECT_EQ(std::stoul(crc, nullptr, 16), crc16_ccitt_false(payload.substr(0, payload.size() - 4)));
}

TEST(VietQrEncode, RoundTripsManyValues) {
  std::mt19937 random(20260101);
  const std::string alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const std::string reference_chars = alnum + " ";
  const std::string printable = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~";
  auto text = [&](const std::string& from, int min, int max) {
    std::string out(std::uniform_int_distribution<int>(min, max)(random), ' ');
    for (char& c : out)
      c = from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
    return out;
  };
  const long long amounts[] = {1, 9, 10, 99, 100, 150000, 2'500'000, 9'999'999'999'999};
  for (int i = 0; i < 500; ++i) {
    VietQr qr;
    qr.bank_bin = text("0123456789", 6, 6);
    qr.account = text(alnum, 1, 19);
    qr.to_card = i % 3 == 0;
    if (i % 4 != 0) {
      qr.amount = i < 8 ? amounts[i]
                        : std::uniform_int_distribution<long long>(1, 9'999'999'999'999)(random);
    }
    if (i % 5 != 0) qr.reference = text(reference_chars, 1, 25);
    if (i % 2 == 0) qr.merchant_name = text(printable, 1, 25);
    if (i % 7 == 0) qr.city = text(printable, 1, 15);
    const std::string payload = encode_vietqr(qr);
    ASSERT_EQ(decode_vietqr(payload), qr) << payload;
    ASSERT_EQ(payload.substr(10, 2), qr.amount ? "12" : "11") << payload;
  }
}

TEST(VietQrEncode, RefusesEachBadFieldByName) {
  auto with = [](auto change) {
    VietQr qr = hospital_code();
    change(qr);
    return encode_refusal(qr);
  };
  EXPECT_EQ(with([](VietQr& q) { q.bank_bin = "97041"; }),
            "bank_bin must be 6 digits, found '97041'");
  EXPECT_NE(with([](VietQr& q) { q.bank_bin = "97041A"; }).find("bank_bin"), std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.bank_bin = "9704360"; }).find("bank_bin"), std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.account = ""; }).find("account"), std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.account = "00110012345678901234"; }).find("account"),
            std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.account = "0011-001"; }).find("account"), std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.amount = 0; }).find("amount"), std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.amount = -5; }).find("amount"), std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.amount = 10'000'000'000'000; }).find("amount"),
            std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.reference = "HISX-7Q2XM4"; }).find("reference"),
            std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.reference = "Thanh toán"; }).find("reference"),
            std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.reference = std::string(26, 'A'); }).find("reference"),
            std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.merchant_name = std::string(26, 'A'); }).find("merchant_name"),
            std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.merchant_name = "BỆNH VIỆN"; }).find("merchant_name"),
            std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.city = "THANH PHO HO CHI MINH"; }).find("city"),
            std::string::npos);
  EXPECT_NE(with([](VietQr& q) { q.city = "HA\nNOI"; }).find("city"), std::string::npos);
  // The limits themselves are accepted.
  EXPECT_EQ(with([](VietQr& q) {
              q.account = std::string(19, '9');
              q.amount = 9'999'999'999'999;
              q.reference = std::string(25, 'Z');
              q.merchant_name = std::string(25, '~');
              q.city = std::string(15, ' ');
            }),
            "");
}

// --- What hisx refuses to read ---

TEST(VietQrDecode, AFlippedCharacterIsRefusedByTheCrc) {
  const std::string payload = encode_vietqr(hospital_code());
  std::string damaged = payload;
  damaged[damaged.find("150000")] = '9';  // 950000 VND instead of 150000.
  const std::string message = decode_refusal(damaged);
  EXPECT_NE(message.find("tag 63 (CRC)"), std::string::npos) << message;
  char expected[5];
  std::snprintf(expected, sizeof expected, "%04X",
                static_cast<unsigned>(crc16_ccitt_false(damaged.substr(0, damaged.size() - 4))));
  EXPECT_NE(message.find(std::string("expected ") + expected), std::string::npos) << message;
  EXPECT_NE(message.find("found '" + payload.substr(payload.size() - 4) + "'"), std::string::npos)
      << message;

  for (std::size_t at = 0; at < payload.size(); ++at) {
    std::string flipped = payload;
    flipped[at] = flipped[at] == 'X' ? 'Y' : 'X';
    EXPECT_NE(decode_refusal(flipped), "") << "character " << at;
  }
}

TEST(VietQrDecode, RefusesAPayloadWithoutCrc) {
  EXPECT_NE(decode_refusal("").find("tag 63"), std::string::npos);
  EXPECT_NE(decode_refusal("000201010211" + kMerchant + "53037045802VN").find("tag 63"),
            std::string::npos);
  const std::string payload = encode_vietqr(hospital_code());
  EXPECT_NE(decode_refusal(payload.substr(0, payload.size() - 1)).find("tag 63"),
            std::string::npos);
}

TEST(VietQrDecode, RefusesTruncatedObjects) {
  // Tag 38 says 99 characters; fewer are left.
  EXPECT_NE(decode_refusal(with_crc("000201010212"
                                    "3899" +
                                    kNapas))
                .find("tag 38: truncated TLV"),
            std::string::npos);
  // Inside 38/01, the account says 20 characters; 13 are there.
  const std::string short_account =
      tlv("38", kNapas + tlv("01", tlv("00", "970436") + "0120" + "0011001234567") +
                    tlv("02", "QRIBFTTA"));
  EXPECT_NE(decode_refusal(with_crc("000201010212" + short_account + "53037045802VN"))
                .find("tag 38/01/01: truncated TLV"),
            std::string::npos);
  // Two characters left over where a tag and a length need four.
  EXPECT_NE(decode_refusal(with_crc("000201010212" + kMerchant +
                                    "53037045802VN"
                                    "59"))
                .find("truncated TLV"),
            std::string::npos);
  // A length that is not two digits.
  EXPECT_NE(decode_refusal(with_crc("000201010212" + kMerchant +
                                    "53037045802VN"
                                    "59A5HELLO"))
                .find("tag 59: the length must be 2 digits"),
            std::string::npos);
}

TEST(VietQrDecode, RefusesTheWrongNapasTemplate) {
  const std::string tail = "53037045802VN";
  auto merchant = [](const std::string& inside) { return tlv("38", inside); };
  const std::string beneficiary = tlv("01", tlv("00", "970436") + tlv("01", "0011001234567"));
  EXPECT_EQ(decode_refusal(with_crc("000201010211" + tail)),
            "tag 38 (merchant account information) missing");
  EXPECT_EQ(decode_refusal(
                with_crc("000201010211" + merchant(beneficiary + tlv("02", "QRIBFTTA")) + tail)),
            "tag 38/00 (GUID) missing");
  EXPECT_NE(
      decode_refusal(
          with_crc("000201010211" +
                   merchant(tlv("00", "A000000677") + beneficiary + tlv("02", "QRIBFTTA")) + tail))
          .find("tag 38/00 (GUID) must be A000000727"),
      std::string::npos);
  EXPECT_EQ(
      decode_refusal(with_crc("000201010211" + merchant(kNapas + tlv("02", "QRIBFTTA")) + tail)),
      "tag 38/01 (beneficiary organisation) missing");
  EXPECT_NE(
      decode_refusal(
          with_crc("000201010211" +
                   merchant(kNapas + tlv("01", tlv("00", "97043") + tlv("01", "0011001234567")) +
                            tlv("02", "QRIBFTTA")) +
                   tail))
          .find("tag 38/01/00 (bank BIN) must be 6 digits, found '97043'"),
      std::string::npos);
  EXPECT_EQ(decode_refusal(with_crc(
                "000201010211" +
                merchant(kNapas + tlv("01", tlv("00", "970436")) + tlv("02", "QRIBFTTA")) + tail)),
            "tag 38/01/01 (account number) missing");
  EXPECT_NE(decode_refusal(
                with_crc("000201010211" +
                         merchant(kNapas + tlv("01", tlv("00", "970436") + tlv("01", "0011.00")) +
                                  tlv("02", "QRIBFTTA")) +
                         tail))
                .find("tag 38/01/01 (account number)"),
            std::string::npos);
  EXPECT_EQ(decode_refusal(with_crc("000201010211" + merchant(kNapas + beneficiary) + tail)),
            "tag 38/02 (service code) missing");
  EXPECT_NE(decode_refusal(with_crc("000201010211" +
                                    merchant(kNapas + beneficiary + tlv("02", "QRPUSH")) + tail))
                .find("unknown service code 'QRPUSH'"),
            std::string::npos);
}

TEST(VietQrDecode, RefusesTheWrongRootValues) {
  const std::string head = "000201010212" + kMerchant;
  EXPECT_NE(decode_refusal(with_crc("000202010212" + kMerchant + "53037045802VN"))
                .find("tag 00 (payload format indicator) must be 01"),
            std::string::npos);
  EXPECT_NE(decode_refusal(with_crc("010212000201" + kMerchant + "53037045802VN"))
                .find("tag 00 (payload format indicator) must come first"),
            std::string::npos);
  EXPECT_NE(decode_refusal(with_crc("000201010213" + kMerchant + "53037045802VN"))
                .find("tag 01 (point of initiation) must be 11 (static) or 12 (dynamic)"),
            std::string::npos);
  EXPECT_EQ(decode_refusal(with_crc(head + "5802VN")), "tag 53 (currency) missing");
  EXPECT_EQ(decode_refusal(with_crc(head + "53038405802VN")),
            "tag 53 (currency) must be 704 (VND), found '840'");
  EXPECT_EQ(decode_refusal(with_crc(head + "5303704")), "tag 58 (country) missing");
  EXPECT_EQ(decode_refusal(with_crc(head + "53037045802TH")),
            "tag 58 (country) must be VN, found 'TH'");
  EXPECT_NE(decode_refusal(with_crc(head + "5303704"
                                           "540879000.00"
                                           "5802VN"))
                .find("tag 54 (amount) must be whole VND"),
            std::string::npos);
  EXPECT_NE(decode_refusal(with_crc(head + "5303704"
                                           "54010"
                                           "5802VN"))
                .find("tag 54 (amount) must be at least 1 VND"),
            std::string::npos);
  EXPECT_NE(decode_refusal(with_crc(head + "5303704"
                                           "541410000000000000"
                                           "5802VN"))
                .find("tag 54 (amount)"),
            std::string::npos);
  EXPECT_EQ(decode_refusal(with_crc(head + "53037045802VN5802VN")), "tag 58 appears twice");
  // 63 in the middle: the CRC's place is last.
  EXPECT_NE(decode_refusal(with_crc(head + "63041234"
                                           "53037045802VN"))
                .find("tag 63"),
            std::string::npos);
}

TEST(VietQrDecode, SkipsTagsItDoesNotKnow) {
  // 52 merchant category, 55 tip indicator, 26 another scheme's template, 62/01 bill number,
  // 62/07 terminal, 64 language template, 99 an unknown tag, 38/99 inside the NAPAS template.
  const std::string merchant =
      tlv("38", kNapas + tlv("01", tlv("00", "970436") + tlv("01", "0011001234567")) +
                    tlv("02", "QRIBFTTA") + tlv("99", "future"));
  const std::string payload =
      with_crc("000201010212" + tlv("26", tlv("00", "A000000999") + tlv("01", "X")) + merchant +
               "52045999"
               "5303704"
               "54049000"
               "550201"
               "5802VN"
               "5906BV TTH" +
               tlv("62", tlv("01", "INV-1") + tlv("08", "HISX7Q2XM4") + tlv("07", "QUAY01")) +
               tlv("64", tlv("00", "vi") + tlv("01", "BENH VIEN")) + tlv("99", "anything"));
  const VietQr qr = decode_vietqr(payload);
  EXPECT_EQ(qr.bank_bin, "970436");
  EXPECT_EQ(qr.account, "0011001234567");
  EXPECT_EQ(qr.amount, 9000);
  EXPECT_EQ(qr.merchant_name, "BV TTH");
  EXPECT_EQ(qr.reference, "HISX7Q2XM4");
}

TEST(VietQrDecode, AStaticCodeWithoutPointOfInitiationReads) {
  // Tag 01 is optional in EMVCo; without it, the amount decides.
  const VietQr qr = decode_vietqr(with_crc("000201" + kMerchant + "53037045802VN"));
  EXPECT_EQ(qr.amount, std::nullopt);
  EXPECT_EQ(qr.bank_bin, "970436");
}

// --- As a phone sees it ---

TEST(VietQrImage, ZbarReadsThePayloadBackFromAPng) {
  const std::string payload = encode_vietqr(hospital_code());
  const auto code = sdk::documents::QrCode::encode(payload);
  hisx::test::TempDir dir;
  const auto file = dir.path() / "vietqr.png";
  hisx::test::write_file(file, sdk::documents::render_png(code));
  const std::string read = hisx::test::zbar_decode(file);
  EXPECT_EQ(read, payload);
  EXPECT_EQ(decode_vietqr(read), hospital_code());
}

}  // namespace
}  // namespace hisx::fast_lane
