// The receipt and the receipt of a reversal as PDF (80 mm roll) and ESC/POS, read back by
// pdftotext and an ESC/POS parser.
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

ReceiptContent sample_receipt() {
  ReceiptContent r;
  r.hospital_name = "Bệnh viện Đa khoa Tỉnh Bắc Ninh";
  r.receipt_no = "A-2026-000123";
  r.paid_local = "09:41 01/12/2026";
  r.cashier = "Phạm Thu Hương";
  r.window = "Q1";
  r.patient_code = "BN000123";
  r.patient_name = "Nguyễn Thị Ánh";
  r.lines = {{"Khám nội tổng quát", "1", 150000, 120000, 30000},
             {"Xét nghiệm công thức máu", "1", 90000, 72000, 18000},
             {"Siêu âm ổ bụng", "2", 400000, 0, 400000}};
  r.total = 640000;
  r.insurance_total = 192000;
  r.patient_total = 448000;
  r.method = "cash";
  r.tendered = 500000;
  r.change = 52000;
  return r;
}

ReceiptContent sample_reversal() {
  ReceiptContent r = sample_receipt();
  r.receipt_no = "A-2026-000130";
  r.paid_local = "10:05 01/12/2026";
  r.lines = {{"Siêu âm ổ bụng", "2", -400000, 0, -400000}};
  r.total = -400000;
  r.insurance_total = 0;
  r.patient_total = -400000;
  r.tendered.reset();
  r.change.reset();
  r.reversal = ReceiptContent::Reversal{.of_receipt_no = "A-2026-000123",
                                        .reason = "Chỉ định nhầm dịch vụ",
                                        .by = "Phạm Thu Hương",
                                        .approved_by = "Lê Văn Toàn"};
  return r;
}

bool has_text(const std::vector<EscPosCommand>& commands, const std::string& text) {
  return std::any_of(commands.begin(), commands.end(), [&](const EscPosCommand& c) {
    return c.kind == Kind::Text && c.data == text;
  });
}

long long count(const std::vector<EscPosCommand>& commands, Kind kind) {
  return std::count_if(commands.begin(), commands.end(),
                       [&](const EscPosCommand& c) { return c.kind == kind; });
}

void expect_contains(const std::string& text, const std::vector<std::string>& parts) {
  for (const std::string& part : parts) {
    EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
  }
}

TEST(ReceiptPdf, OneRollPageWithThePaymentEveryLineTheTotalsAndTheAmountInWords) {
  const PdfFile file(receipt_pdf(sample_receipt()));
  EXPECT_EQ(file.pages(), 1);
  const std::string size = file.info().at("Page size");
  EXPECT_NEAR(std::stod(size), 80 * 72 / 25.4, 0.1) << size;
  const std::string text = flat(file.text());
  expect_contains(text, {"Bệnh viện Đa khoa Tỉnh Bắc Ninh",
                         "BIÊN LAI THU TIỀN / RECEIPT",
                         "A-2026-000123",
                         "09:41 01/12/2026",
                         "Phạm Thu Hương",
                         "Q1",
                         "BN000123",
                         "Nguyễn Thị Ánh",
                         "150.000",
                         "120.000",
                         "30.000",
                         "90.000",
                         "72.000",
                         "18.000",
                         "400.000",
                         "Tổng chi phí / Total: 640.000 đ",
                         "BHYT chi trả / Insurance pays: 192.000 đ",
                         "Người bệnh trả / Patient pays: 448.000 đ",
                         "Bằng chữ / In words: Bốn trăm bốn mươi tám nghìn đồng",
                         "Tiền mặt / Cash",
                         "Tiền khách đưa / Tendered: 500.000 đ",
                         "Tiền trả lại / Change: 52.000 đ",
                         "Người nộp tiền / Payer",
                         "Người thu tiền / Cashier"});
  EXPECT_EQ(text.find("BẢN SAO"), std::string::npos) << text;
  EXPECT_EQ(text.find("PHIẾU HỦY"), std::string::npos) << text;
}

// The text of the table's first column (the services), top to bottom: the words that end left
// of the amounts, which pdftotext -layout interleaves with them when a name wraps.
std::string service_column(const PdfFile& file) {
  auto words = file.words(1);
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
    return a.y_min < b.y_min - 1 || (a.y_min < b.y_min + 1 && a.x_min < b.x_min);
  });
  const double amounts_left_pt = (80 - 4 - 3 * 17) * 72 / 25.4;
  std::string text;
  for (const auto& w : words) {
    if (w.x_max < amounts_left_pt) text += w.text + " ";
  }
  return text;
}

TEST(ReceiptPdf, EveryServiceIsNamedWithItsQuantity) {
  const std::string column = service_column(PdfFile(receipt_pdf(sample_receipt())));
  for (const char* expected :
       {"Dịch vụ Service", "Khám nội tổng quát SL / Qty: 1", "Xét nghiệm công thức máu SL / Qty: 1",
        "Siêu âm ổ bụng SL / Qty: 2"}) {
    EXPECT_NE(column.find(expected), std::string::npos) << expected << "\n" << column;
  }
}

TEST(ReceiptPdf, EachLineIsARowOfTheTable) {
  const PdfFile file(receipt_pdf(sample_receipt()));
  // The words of a row share a baseline: the amounts of "Siêu âm ổ bụng" stand beside it.
  const auto words = file.words(1);
  const auto word = [&](const std::string& text) {
    return std::find_if(words.begin(), words.end(), [&](const auto& w) { return w.text == text; });
  };
  const auto name = word("Siêu");
  const auto amount = word("400.000");
  ASSERT_NE(name, words.end());
  ASSERT_NE(amount, words.end());
  EXPECT_NEAR(name->y_min, amount->y_min, 2.0);
  EXPECT_GT(amount->x_min, name->x_max);
}

TEST(ReceiptPdf, ACardPaymentShowsItsReferenceAndNoCash) {
  ReceiptContent r = sample_receipt();
  r.method = "card";
  r.tendered.reset();
  r.change.reset();
  r.reference = "POS-778812";
  r.window = "";
  const std::string text = flat(PdfFile(receipt_pdf(r)).text());
  expect_contains(text, {"Thẻ / Card", "Mã giao dịch / Reference: POS-778812"});
  EXPECT_EQ(text.find("Tendered"), std::string::npos) << text;
  EXPECT_EQ(text.find("Change"), std::string::npos) << text;
  EXPECT_EQ(text.find("Window"), std::string::npos) << text;
}

TEST(ReceiptPdf, AReprintSaysCopy) {
  ReceiptContent r = sample_receipt();
  r.copy = true;
  const PdfFile file(receipt_pdf(r));
  EXPECT_NE(flat(file.text()).find("BẢN SAO / COPY"), std::string::npos);
  // Clearly: larger than the receipt's title.
  double copy_height = 0, title_height = 0;
  for (const auto& w : file.words(1)) {
    if (w.text == "COPY") copy_height = w.y_max - w.y_min;
    if (w.text == "RECEIPT") title_height = w.y_max - w.y_min;
  }
  EXPECT_GT(copy_height, 1.4 * title_height);
}

TEST(ReceiptPdf, AReversalNamesTheReceiptTheReasonWhoReversedAndWhoApproved) {
  const PdfFile file(receipt_pdf(sample_reversal()));
  EXPECT_EQ(file.pages(), 1);
  const std::string text = flat(file.text());
  expect_contains(
      text,
      {"PHIẾU HỦY BIÊN LAI / RECEIPT REVERSAL",
       "Hủy biên lai số / Reverses receipt No.: A-2026-000123",
       "Lý do / Reason: Chỉ định nhầm dịch vụ", "Người hủy / Reversed by: Phạm Thu Hương",
       "Người duyệt / Approved by: Lê Văn Toàn", "A-2026-000130",
       "Người bệnh trả / Patient pays: -400.000 đ", "Bằng chữ / In words: Âm bốn trăm nghìn đồng"});
  EXPECT_EQ(text.find("BIÊN LAI THU TIỀN"), std::string::npos) << text;
}

TEST(ReceiptPdf, ManyLinesStillMakeOneRollPage) {
  ReceiptContent r = sample_receipt();
  for (int i = 0; i < 40; ++i) {
    r.lines.push_back(
        {"Thuốc viên nén bao phim Paracetamol 500 mg (hộp 10 vỉ x 10 viên) số " + std::to_string(i),
         "10 viên", 1234567, 0, 1234567});
  }
  const PdfFile file(receipt_pdf(r));
  EXPECT_EQ(file.pages(), 1);
  EXPECT_NE(flat(file.text()).find("số 39"), std::string::npos);
}

TEST(ReceiptEscPos, ColumnsOfPlainTextForTheAmountsAndRastersForVietnamese) {
  const auto commands = hisx::test::parse_escpos(receipt_escpos(sample_receipt()));
  ASSERT_GE(commands.size(), 3u);
  EXPECT_EQ(commands.front().kind, Kind::Initialize);
  EXPECT_EQ(commands.back().kind, Kind::Cut);
  EXPECT_EQ(commands[commands.size() - 2].kind, Kind::Feed);
  // Each line's quantity and amounts: 48 characters of the printer's font, in columns.
  for (const std::string row : {"1                150.000     120.000      30.000",
                                "1                 90.000      72.000      18.000",
                                "2                400.000           0     400.000"}) {
    EXPECT_EQ(row.size(), 48u);
    EXPECT_TRUE(has_text(commands, row)) << row;
  }
  for (const auto& c : commands) {
    if (c.kind != Kind::Text) continue;
    EXPECT_LE(c.data.size(), 48u) << c.data;
    for (const char ch : c.data) EXPECT_LT(static_cast<unsigned char>(ch), 0x80) << c.data;
  }
  // Vietnamese lines (hospital, title, patient, every service, totals, in words) as rasters
  // the paper's width.
  EXPECT_GE(count(commands, Kind::Raster), 15);
  for (const auto& c : commands) {
    if (c.kind == Kind::Raster) {
      EXPECT_EQ(c.width_bytes, 72);
    }
  }
}

TEST(ReceiptEscPos, AnAmountTooWideForItsColumnIsPrintedAsLabelledLines) {
  ReceiptContent r = sample_receipt();
  r.lines = {{"Phẫu thuật", "1", 12345678901, 0, 12345678901}};
  const auto commands = hisx::test::parse_escpos(receipt_escpos(r));
  for (const auto& c : commands) {
    if (c.kind == Kind::Text) {
      EXPECT_EQ(c.data.find("12.345.678.901"), std::string::npos) << c.data;
    }
  }
  EXPECT_EQ(commands.back().kind, Kind::Cut);
}

TEST(ReceiptEscPos, AReprintAndAReversalSayWhatTheyAre) {
  ReceiptContent copy = sample_receipt();
  copy.copy = true;
  const auto plain = hisx::test::parse_escpos(receipt_escpos(sample_receipt()));
  const auto reprint = hisx::test::parse_escpos(receipt_escpos(copy));
  EXPECT_EQ(count(reprint, Kind::Raster), count(plain, Kind::Raster) + 2);  // top and bottom
  const auto reversal = hisx::test::parse_escpos(receipt_escpos(sample_reversal()));
  EXPECT_EQ(reversal.front().kind, Kind::Initialize);
  EXPECT_EQ(reversal.back().kind, Kind::Cut);
  EXPECT_TRUE(has_text(reversal, "2               -400.000           0    -400.000"));
}

TEST(ReceiptEscPos, MarksAboveCapitalsAreNotCutOff) {
  ReceiptContent r = sample_receipt();
  r.hospital_name = "BỆNH VIỆN ĐA KHOA TỈNH BẮC NINH";
  r.patient_name = "NGUYỄN THỊ ÁNH";
  r.copy = true;
  for (const auto& receipt : {sample_receipt(), sample_reversal(), r}) {
    const auto commands = hisx::test::parse_escpos(receipt_escpos(receipt));
    EXPECT_EQ(std::count_if(commands.begin(), commands.end(), cut_at_the_top), 0);
  }
}

TEST(ReceiptDocuments, BadInputIsRefusedNotPrinted) {
  ReceiptContent r = sample_receipt();
  r.patient_name = "Nguy\xE1\xBB\x85n\xFF";
  EXPECT_THROW(receipt_pdf(r), std::invalid_argument);
  EXPECT_THROW(receipt_escpos(r), std::invalid_argument);
  r = sample_receipt();
  r.lines[1].service_name =
      "Xét nghiệm\x1B"
      "d\x09";
  EXPECT_THROW(receipt_pdf(r), std::invalid_argument);
  EXPECT_THROW(receipt_escpos(r), std::invalid_argument);
  r = sample_reversal();
  r.reversal->reason = "Lý do\r\nkhác";
  EXPECT_THROW(receipt_pdf(r), std::invalid_argument);
  r = sample_receipt();
  r.method = "bitcoin";
  EXPECT_THROW(receipt_pdf(r), std::invalid_argument);
  EXPECT_THROW(receipt_escpos(r), std::invalid_argument);
  r = sample_receipt();
  r.receipt_no = "";
  EXPECT_THROW(receipt_pdf(r), std::invalid_argument);
}

}  // namespace
}  // namespace hisx::fast_lane
