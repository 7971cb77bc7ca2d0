#include "printing/money_text_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <stdexcept>
#include <string>

#include "hisx/documents/escpos.h"
#include "support/documents/escpos_parser.h"

namespace hisx::fast_lane {
namespace {

TEST(FormatVnd, DotsBetweenThousandsAndTheDongSign) {
  EXPECT_EQ(format_vnd(150000), "150.000 đ");
  EXPECT_EQ(format_vnd(0), "0 đ");
  EXPECT_EQ(format_vnd(5), "5 đ");
  EXPECT_EQ(format_vnd(999), "999 đ");
  EXPECT_EQ(format_vnd(1000), "1.000 đ");
  EXPECT_EQ(format_vnd(-30000), "-30.000 đ");
  EXPECT_EQ(format_vnd(1234567890), "1.234.567.890 đ");
  EXPECT_EQ(format_vnd(LLONG_MAX), "9.223.372.036.854.775.807 đ");
  EXPECT_EQ(format_vnd(LLONG_MIN), "-9.223.372.036.854.775.808 đ");
}

TEST(FormatVnd, ADifferenceCarriesItsSign) {
  EXPECT_EQ(format_vnd_signed(20000), "+20.000 đ");
  EXPECT_EQ(format_vnd_signed(-50000), "-50.000 đ");
  EXPECT_EQ(format_vnd_signed(0), "0 đ");
}

TEST(VndInWords, TheBriefsExamples) {
  EXPECT_EQ(vnd_in_words(150000), "Một trăm năm mươi nghìn đồng");
  EXPECT_EQ(vnd_in_words(0), "Không đồng");
  EXPECT_EQ(vnd_in_words(21), "Hai mươi mốt đồng");
  EXPECT_EQ(vnd_in_words(15), "Mười lăm đồng");
  EXPECT_EQ(vnd_in_words(25), "Hai mươi lăm đồng");
  EXPECT_EQ(vnd_in_words(105), "Một trăm lẻ năm đồng");
  EXPECT_EQ(vnd_in_words(1005000), "Một triệu không trăm lẻ năm nghìn đồng");
  EXPECT_EQ(vnd_in_words(1000000000), "Một tỷ đồng");
  EXPECT_EQ(vnd_in_words(14), "Mười bốn đồng");
  EXPECT_EQ(vnd_in_words(24), "Hai mươi bốn đồng");
  EXPECT_EQ(vnd_in_words(10), "Mười đồng");
}

TEST(VndInWords, UnitsAndTens) {
  EXPECT_EQ(vnd_in_words(1), "Một đồng");
  EXPECT_EQ(vnd_in_words(5), "Năm đồng");
  EXPECT_EQ(vnd_in_words(11), "Mười một đồng");  // mốt only after mươi
  EXPECT_EQ(vnd_in_words(20), "Hai mươi đồng");
  EXPECT_EQ(vnd_in_words(31), "Ba mươi mốt đồng");
  EXPECT_EQ(vnd_in_words(45), "Bốn mươi lăm đồng");
  EXPECT_EQ(vnd_in_words(55), "Năm mươi lăm đồng");
  EXPECT_EQ(vnd_in_words(70), "Bảy mươi đồng");
  EXPECT_EQ(vnd_in_words(99), "Chín mươi chín đồng");
}

TEST(VndInWords, HundredsWithLeAndMuoi) {
  EXPECT_EQ(vnd_in_words(100), "Một trăm đồng");
  EXPECT_EQ(vnd_in_words(101), "Một trăm lẻ một đồng");
  EXPECT_EQ(vnd_in_words(110), "Một trăm mười đồng");
  EXPECT_EQ(vnd_in_words(111), "Một trăm mười một đồng");
  EXPECT_EQ(vnd_in_words(115), "Một trăm mười lăm đồng");
  EXPECT_EQ(vnd_in_words(121), "Một trăm hai mươi mốt đồng");
  EXPECT_EQ(vnd_in_words(205), "Hai trăm lẻ năm đồng");
  EXPECT_EQ(vnd_in_words(999), "Chín trăm chín mươi chín đồng");
}

TEST(VndInWords, LaterGroupsAreReadInFullAndZeroGroupsLeftOut) {
  EXPECT_EQ(vnd_in_words(1000), "Một nghìn đồng");
  EXPECT_EQ(vnd_in_words(1001), "Một nghìn không trăm lẻ một đồng");
  EXPECT_EQ(vnd_in_words(1010), "Một nghìn không trăm mười đồng");
  EXPECT_EQ(vnd_in_words(1015), "Một nghìn không trăm mười lăm đồng");
  EXPECT_EQ(vnd_in_words(1021), "Một nghìn không trăm hai mươi mốt đồng");
  EXPECT_EQ(vnd_in_words(1100), "Một nghìn một trăm đồng");
  EXPECT_EQ(vnd_in_words(15000), "Mười lăm nghìn đồng");
  EXPECT_EQ(vnd_in_words(21000), "Hai mươi mốt nghìn đồng");
  EXPECT_EQ(vnd_in_words(250500), "Hai trăm năm mươi nghìn năm trăm đồng");
  EXPECT_EQ(vnd_in_words(1000000), "Một triệu đồng");
  EXPECT_EQ(vnd_in_words(1000005), "Một triệu không trăm lẻ năm đồng");
  EXPECT_EQ(vnd_in_words(2050000), "Hai triệu không trăm năm mươi nghìn đồng");
  EXPECT_EQ(vnd_in_words(12345678),
            "Mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi "
            "tám đồng");
  EXPECT_EQ(vnd_in_words(1000000005), "Một tỷ không trăm lẻ năm đồng");
  EXPECT_EQ(vnd_in_words(1001000000), "Một tỷ không trăm lẻ một triệu đồng");
  EXPECT_EQ(vnd_in_words(25000000000), "Hai mươi lăm tỷ đồng");
}

TEST(VndInWords, ThousandsAndMillionsOfBillions) {
  EXPECT_EQ(vnd_in_words(1000000000000), "Một nghìn tỷ đồng");
  EXPECT_EQ(vnd_in_words(1000005000000), "Một nghìn tỷ không trăm lẻ năm triệu đồng");
  EXPECT_EQ(vnd_in_words(1000000000000000), "Một triệu tỷ đồng");
  EXPECT_EQ(vnd_in_words(999999999999999),
            "Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi "
            "chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng");
  EXPECT_EQ(vnd_in_words(1000000000000000000), "Một tỷ tỷ đồng");
  EXPECT_EQ(vnd_in_words(LLONG_MAX),
            "Chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi "
            "sáu tỷ tám trăm năm mươi bốn triệu bảy trăm bảy mươi lăm nghìn tám trăm lẻ bảy "
            "đồng");
  EXPECT_EQ(vnd_in_words(LLONG_MIN),
            "Âm chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba "
            "mươi sáu tỷ tám trăm năm mươi bốn triệu bảy trăm bảy mươi lăm nghìn tám trăm lẻ "
            "tám đồng");
}

// Every amount below a thousand, alone and as the last group of a larger amount, against the
// rules themselves: mốt after mươi only, lăm after a ten, lẻ for a missing ten, không trăm in a
// later group.
TEST(VndInWords, EveryGroupFollowsTheRules) {
  const auto has = [](const std::string& text, const std::string& word) {
    return (" " + text + " ").find(" " + word + " ") != std::string::npos;
  };
  for (long long n = 1; n < 1000; ++n) {
    const long long hundreds = n / 100, tens = n / 10 % 10, units = n % 10;
    std::string alone = vnd_in_words(n);
    alone[0] = static_cast<char>(alone[0] - 'A' + 'a');
    SCOPED_TRACE(alone);
    EXPECT_EQ(has(alone, "mốt"), tens >= 2 && units == 1);
    EXPECT_EQ(has(alone, "lăm"), tens >= 1 && units == 5);
    EXPECT_EQ(has(alone, "lẻ"), hundreds > 0 && tens == 0 && units > 0);
    EXPECT_EQ(has(alone, "mười"), tens == 1);
    EXPECT_EQ(has(alone, "mươi"), tens >= 2);
    EXPECT_EQ(has(alone, "trăm"), hundreds > 0);
    EXPECT_FALSE(has(alone, "không"));
    const std::string in_thousands = vnd_in_words(n * 1000);
    EXPECT_EQ(in_thousands,
              vnd_in_words(n).substr(0, vnd_in_words(n).size() - std::string(" đồng").size()) +
                  " nghìn đồng");
    const std::string later = vnd_in_words(7000 + n);
    const std::string expected_tail = hundreds > 0 ? alone
                                      : tens > 0   ? "không trăm " + alone
                                                   : "không trăm lẻ " + alone;
    EXPECT_EQ(later, "Bảy nghìn " + expected_tail);
  }
}

TEST(VndInWords, NegativeAmountsAreAm) {
  EXPECT_EQ(vnd_in_words(-30000), "Âm ba mươi nghìn đồng");
  EXPECT_EQ(vnd_in_words(-1), "Âm một đồng");
  EXPECT_EQ(vnd_in_words(-150000), "Âm một trăm năm mươi nghìn đồng");
}

TEST(PaymentMethodTitle, VietnameseFirstAndNothingForAnUnknownMethod) {
  EXPECT_EQ(payment_method_title("cash"), "Tiền mặt / Cash");
  EXPECT_EQ(payment_method_title("card"), "Thẻ / Card");
  EXPECT_EQ(payment_method_title("transfer"), "Chuyển khoản / Bank transfer");
  EXPECT_EQ(payment_method_title("prepaid"), "Trả trước qua ứng dụng / Prepaid in the app");
  EXPECT_EQ(payment_method_title("Cash"), std::nullopt);
  EXPECT_EQ(payment_method_title(""), std::nullopt);
}

TEST(CheckPrintText, RefusesBrokenUtf8AndControlCharacters) {
  EXPECT_NO_THROW(check_print_text("name", "Nguyễn Thị Ánh"));
  EXPECT_NO_THROW(check_print_text("name", ""));
  EXPECT_NO_THROW(check_print_text("name", "Người bệnh – ‘trích dẫn’ …"));
  EXPECT_THROW(check_print_text("name", "Nguy\xE1\xBB"), std::invalid_argument);
  EXPECT_THROW(check_print_text("name", "\xC3\x28"), std::invalid_argument);
  EXPECT_THROW(check_print_text("name", "A\nB"), std::invalid_argument);
  EXPECT_THROW(check_print_text("name", "A\tB"), std::invalid_argument);
  EXPECT_THROW(check_print_text("name", "A\x1B@"), std::invalid_argument);
  EXPECT_THROW(check_print_text("name", std::string("A\0B", 3)), std::invalid_argument);
  EXPECT_THROW(check_print_text("name", "A\x7F"), std::invalid_argument);
  EXPECT_THROW(check_print_text("name", "A\xC2\x9B"), std::invalid_argument);  // C1 CSI
  try {
    check_print_text("patient_name", "A\x1B");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("patient_name"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace hisx::fast_lane
