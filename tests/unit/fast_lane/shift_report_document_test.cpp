// The shift close report as PDF (80 mm roll) and ESC/POS, read back by pdftotext and an
// ESC/POS parser.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "printed.h"
#include "printing/print_documents.h"
#include "support/documents/escpos_parser.h"
#include "support/documents/pdf_file.h"

namespace hisx::fast_lane {
namespace {

using hisx::test::EscPosCommand;
using hisx::test::PdfFile;
using Kind = hisx::test::EscPosCommand::Kind;

using testing::cut_at_the_top;
using testing::flat;

ShiftReportContent sample_report() {
  ShiftReportContent s;
  s.hospital_name = "Bệnh viện Đa khoa Tỉnh Bắc Ninh";
  s.shift_id = "CA-2026-12-01-Q1-1";
  s.cashier = "Phạm Thu Hương";
  s.window = "Q1";
  s.opened_local = "07:00 01/12/2026";
  s.closed_local = "11:30 01/12/2026";
  s.opening_float = 1000000;
  s.methods = {{"cash", 42, 9450000, 9470000},
               {"card", 7, 2100000, 2050000},
               {"transfer", 5, 1800000, 1800000},
               {"prepaid", 12, 3600000, std::nullopt}};
  s.reversals = 2;
  s.reversed_amount = 480000;
  return s;
}

void expect_contains(const std::string& text, const std::vector<std::string>& parts) {
  for (const std::string& part : parts) {
    EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
  }
}

TEST(ShiftDifference, CountedMinusExpectedWithItsSignOrADashWhenNotCounted) {
  EXPECT_EQ(shift_difference_text({"cash", 1, 100000, 120000}), "+20.000 đ");
  EXPECT_EQ(shift_difference_text({"card", 1, 100000, 50000}), "-50.000 đ");
  EXPECT_EQ(shift_difference_text({"transfer", 1, 100000, 100000}), "0 đ");
  EXPECT_EQ(shift_difference_text({"prepaid", 1, 100000, std::nullopt}), "—");
}

TEST(ShiftReportPdf, OneRollPageWithEveryMethodItsDifferenceTheTotalsAndSignatures) {
  const PdfFile file(shift_report_pdf(sample_report()));
  EXPECT_EQ(file.pages(), 1);
  const std::string size = file.info().at("Page size");
  EXPECT_NEAR(std::stod(size), 80 * 72 / 25.4, 0.1) << size;
  const std::string text = flat(file.text());
  expect_contains(text, {"Bệnh viện Đa khoa Tỉnh Bắc Ninh",
                         "SHIFT CLOSE REPORT",
                         "CA-2026-12-01-Q1-1",
                         "Phạm Thu Hương",
                         "Quầy / Window: Q1",
                         "07:00 01/12/2026",
                         "11:30 01/12/2026",
                         "Tiền đầu ca / Opening float: 1.000.000 đ",
                         "Tiền mặt",
                         "Cash",
                         "Thẻ / Card",
                         "Chuyển khoản",
                         "Trả trước qua ứng dụng",
                         "9.450.000 đ",
                         "9.470.000 đ",
                         "+20.000 đ",
                         "2.100.000 đ",
                         "2.050.000 đ",
                         "-50.000 đ",
                         "1.800.000 đ",
                         "0 đ",
                         "3.600.000 đ",
                         "—",
                         "Tổng / Total",
                         "66",
                         "16.950.000 đ",
                         "-30.000 đ",
                         "Số biên lai hủy / Reversals: 2",
                         "Số tiền đã hủy / Reversed amount: 480.000 đ",
                         "Thu ngân / Cashier",
                         "Trưởng ca / Shift lead"});
}

// Each method is a small table under its name: expected, counted and the difference one below
// the other, each on the line of its label, before the next method.
TEST(ShiftReportPdf, EachMethodsFiguresStandUnderItsNameBesideTheirLabels) {
  const PdfFile file(shift_report_pdf(sample_report()));
  const auto words = file.words(1);
  const auto find = [&](const std::string& text, double below = -1) {
    const auto found = std::find_if(words.begin(), words.end(), [&](const auto& w) {
      return w.text == text && w.y_min > below;
    });
    EXPECT_NE(found, words.end()) << text;
    return found == words.end() ? hisx::test::PdfWord{text, 0, 0, 0, 0} : *found;
  };
  const auto cash = find("Cash");
  const auto expected = find("9.450.000", cash.y_max);
  const auto counted = find("9.470.000", cash.y_max);
  const auto difference = find("+20.000", cash.y_max);
  const auto card = find("Card", cash.y_max);
  EXPECT_LT(expected.y_min, counted.y_min);
  EXPECT_LT(counted.y_min, difference.y_min);
  EXPECT_LT(difference.y_max, card.y_min);
  EXPECT_NEAR(find("Expected", cash.y_max).y_min, expected.y_min, 2.0);
  EXPECT_NEAR(find("Counted", cash.y_max).y_min, counted.y_min, 2.0);
  EXPECT_NEAR(find("Difference", cash.y_max).y_min, difference.y_min, 2.0);
  const auto card_difference = find("-50.000", card.y_max);
  EXPECT_NEAR(find("Difference", card.y_max).y_min, card_difference.y_min, 2.0);
}

TEST(ShiftReportPdf, WhenEveryMethodIsCountedTheTotalCountedIsShown) {
  ShiftReportContent s = sample_report();
  s.methods.pop_back();
  const std::string text = flat(PdfFile(shift_report_pdf(s)).text());
  expect_contains(text, {"13.350.000 đ", "13.320.000 đ", "-30.000 đ", "54"});
  EXPECT_EQ(text.find("—"), std::string::npos) << text;
}

TEST(ShiftReportEscPos, InitializeFirstCutLastAndTheDifferencesAsLines) {
  const std::string bytes = shift_report_escpos(sample_report());
  const auto commands = hisx::test::parse_escpos(bytes);
  ASSERT_GE(commands.size(), 3u);
  EXPECT_EQ(commands.front().kind, Kind::Initialize);
  EXPECT_EQ(commands.back().kind, Kind::Cut);
  EXPECT_EQ(commands[commands.size() - 2].kind, Kind::Feed);
  EXPECT_GE(std::count_if(commands.begin(), commands.end(),
                          [](const EscPosCommand& c) { return c.kind == Kind::Raster; }),
            25);
  for (const auto& c : commands) {
    if (c.kind == Kind::Raster) {
      EXPECT_EQ(c.width_bytes, 72);
    }
    if (c.kind != Kind::Text) continue;
    EXPECT_LE(c.data.size(), 48u) << c.data;
    for (const char ch : c.data) EXPECT_LT(static_cast<unsigned char>(ch), 0x80) << c.data;
  }
  EXPECT_TRUE(std::any_of(commands.begin(), commands.end(), [](const EscPosCommand& c) {
    return c.kind == Kind::Text && c.data == std::string(48, '=');
  }));
}

TEST(ShiftReportEscPos, MarksAboveCapitalsAreNotCutOff) {
  ShiftReportContent s = sample_report();
  s.hospital_name = "BỆNH VIỆN ĐA KHOA TỈNH BẮC NINH";
  s.cashier = "PHẠM THU HƯƠNG";
  for (const auto& report : {sample_report(), s}) {
    const auto commands = hisx::test::parse_escpos(shift_report_escpos(report));
    EXPECT_EQ(std::count_if(commands.begin(), commands.end(), cut_at_the_top), 0);
  }
}

TEST(ShiftReportDocuments, BadInputIsRefusedNotPrinted) {
  ShiftReportContent s = sample_report();
  s.cashier = "Phạm\x07";
  EXPECT_THROW(shift_report_pdf(s), std::invalid_argument);
  EXPECT_THROW(shift_report_escpos(s), std::invalid_argument);
  s = sample_report();
  s.shift_id = "\xC0\xAF";  // an overlong '/'
  EXPECT_THROW(shift_report_pdf(s), std::invalid_argument);
  s = sample_report();
  s.methods[1].method = "voucher";
  EXPECT_THROW(shift_report_pdf(s), std::invalid_argument);
  EXPECT_THROW(shift_report_escpos(s), std::invalid_argument);
  s = sample_report();
  s.methods[0].payments = -1;
  EXPECT_THROW(shift_report_escpos(s), std::invalid_argument);
}

}  // namespace
}  // namespace hisx::fast_lane
