#include "hisx/documents/pdf.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>

#include "hisx/documents/qr.h"
#include "support/documents/decoders.h"
#include "support/documents/pdf_file.h"

namespace hisx::sdk::documents {
namespace {

using hisx::test::PdfFile;

const std::string kPatient = "Nguyễn Thị Hồng Nhung";
const std::string kHospital = "Trung tâm Y tế huyện Gia Lâm";
const std::string kLinkUrl = "https://hisx.example.vn/app/link?code=7Q4K-92XM-PLT3";

// The app-linking slip a plugin prints at the front desk.
PdfDocument link_slip() {
  PdfDocument pdf(PageSetup::a5());
  pdf.title("Phiếu liên kết ứng dụng").author(kHospital);
  pdf.heading(kHospital, 14, Align::Center);
  pdf.paragraph("PHIẾU LIÊN KẾT ỨNG DỤNG", {.size_pt = 12, .bold = true, .align = Align::Center});
  pdf.rule();
  pdf.paragraph("Họ và tên: " + kPatient);
  pdf.paragraph("Mã bệnh nhân: BN000123");
  pdf.space(4);
  pdf.image(render_png(QrCode::encode(kLinkUrl, QrErrorCorrection::Q)), 40, Align::Center);
  pdf.paragraph("Quét mã bằng điện thoại để liên kết hồ sơ.", {.align = Align::Center});
  return pdf;
}

std::string cell_text(int row) {
  char id[16];
  std::snprintf(id, sizeof id, "BN%06d", row);
  return id;
}

Table patient_table(int rows) {
  Table table;
  table.columns = {{"STT", ColumnWidth::mm(12), Align::Right},
                   {"Mã BN", ColumnWidth::mm(25)},
                   {"Họ và tên", ColumnWidth::fraction(2)},
                   {"Ghi chú", ColumnWidth::fraction(1)}};
  for (int r = 1; r <= rows; ++r) {
    table.rows.push_back({std::to_string(r), cell_text(r), kPatient, "Tái khám"});
  }
  return table;
}

// pdfinfo's "Page size" ("419.528 x 595.276 pts") as width and height in points.
std::pair<double, double> page_size(const PdfFile& file) {
  const std::string size = file.info().at("Page size");
  return {std::stod(size), std::stod(size.substr(size.find('x') + 1))};
}

void expect_page_size(const PdfFile& file, double width, double height) {
  const auto [w, h] = page_size(file);
  EXPECT_NEAR(w, width, 0.01);
  EXPECT_NEAR(h, height, 0.01);
}

TEST(PdfDocument, AnA5SlipHoldsTheVietnameseTextAsText) {
  const PdfFile file(link_slip().bytes());
  const std::string text = file.text();
  EXPECT_NE(text.find(kPatient), std::string::npos) << text;
  EXPECT_NE(text.find("Trung tâm Y tế huyện"), std::string::npos) << text;
  EXPECT_NE(text.find("PHIẾU LIÊN KẾT ỨNG DỤNG"), std::string::npos) << text;
  EXPECT_NE(text.find("Quét mã bằng điện thoại để liên kết hồ sơ."), std::string::npos) << text;
}

TEST(PdfDocument, AnA5SlipIsOneA5PageWithItsTitle) {
  const PdfFile file(link_slip().bytes());
  expect_page_size(file, 419.53, 595.28);
  const auto info = file.info();
  EXPECT_EQ(info.at("Pages"), "1");
  EXPECT_EQ(info.at("Title"), "Phiếu liên kết ứng dụng");
  EXPECT_EQ(info.at("Author"), kHospital);
}

TEST(PdfDocument, TheQrCodeOnThePrintedSlipIsReadable) {
  const PdfFile file(link_slip().bytes());
  EXPECT_EQ(hisx::test::zbar_decode(file.render(1, 150)), kLinkUrl);
}

TEST(PdfDocument, TheQrCodeIsEmbeddedAsOneImageAtItsOwnPixels) {
  const QrCode code = QrCode::encode(kLinkUrl, QrErrorCorrection::Q);
  const auto images = PdfFile(link_slip().bytes()).images();
  ASSERT_EQ(images.size(), 1u);
  // page num type width height …
  EXPECT_EQ(images[0][0], "1");
  EXPECT_EQ(images[0][3], std::to_string((code.size() + 8) * 8));
  EXPECT_EQ(images[0][4], std::to_string((code.size() + 8) * 8));
}

TEST(PdfDocument, TextIsSetInEmbeddedDejaVuSans) {
  std::set<std::string> fonts;
  for (const auto& row : PdfFile(link_slip().bytes()).fonts()) {
    ASSERT_GE(row.size(), 5u);
    EXPECT_EQ(row[row.size() - 5], "yes") << "not embedded: " << row[0];
    fonts.insert(row[0].substr(row[0].find('+') + 1));  // Subset prefix "ABCDEF+".
  }
  EXPECT_EQ(fonts, (std::set<std::string>{"DejaVuSans", "DejaVuSans-Bold"}));
}

TEST(PdfDocument, PaperSizes) {
  const auto file = [](PageSetup setup) {
    return PdfFile(PdfDocument(setup).paragraph("x").bytes());
  };
  expect_page_size(file(PageSetup::a4()), 595.28, 841.89);
  expect_page_size(file(PageSetup::a4(Orientation::Landscape)), 841.89, 595.28);
  expect_page_size(file(PageSetup::a5(Orientation::Landscape)), 595.28, 419.53);
  expect_page_size(file({Paper::A5, Orientation::Portrait, {5, 5, 5, 5}}), 419.53, 595.28);
  EXPECT_EQ(file(PageSetup::a4()).info().at("Page size"), "595.276 x 841.89 pts (A4)");
}

TEST(PdfDocument, ARollIs80mmWideAndAsLongAsItsContent) {
  const auto receipt_size = [](int lines) {
    PdfDocument receipt(PageSetup::roll_80mm());
    receipt.heading(kHospital, 11, Align::Center);
    for (int i = 0; i < lines; ++i) receipt.paragraph("Dòng " + std::to_string(i + 1));
    const PdfFile file(receipt.bytes());
    EXPECT_EQ(file.pages(), 1);
    return page_size(file);
  };
  const auto [short_width, short_height] = receipt_size(3);
  const auto [long_width, long_height] = receipt_size(60);
  EXPECT_NEAR(short_width, 226.77, 0.01);
  EXPECT_NEAR(long_width, 226.77, 0.01);
  EXPECT_LT(short_height, 200);                    // Three lines and a heading: a short slip.
  EXPECT_GT(long_height, 841.89);                  // 60 lines: longer than an A4 page,
  EXPECT_GT(long_height - short_height, 57 * 10);  // at least 10 pt a line, on one page.
}

TEST(PdfDocument, ALongTableOnA4RunsOntoMorePagesWithItsHeaderOnEach) {
  PdfDocument report(PageSetup::a4());
  report.heading("Báo cáo tái khám ngày 05/03/2025");
  report.table(patient_table(120));
  const PdfFile file(report.bytes());
  const int pages = file.pages();
  ASSERT_GE(pages, 2);
  EXPECT_EQ(report.page_count(), pages);

  int next_row = 1;
  for (int page = 1; page <= pages; ++page) {
    const std::string text = file.text(page);
    EXPECT_NE(text.find("Họ và tên"), std::string::npos) << "no header on page " << page;
    EXPECT_NE(text.find("Ghi chú"), std::string::npos) << "no header on page " << page;
    // The rows continue in order from one page to the next, none lost, none repeated.
    std::size_t at = 0;
    while ((at = text.find(cell_text(next_row), at)) != std::string::npos) ++next_row;
  }
  EXPECT_EQ(next_row, 121);
  EXPECT_EQ(file.text().find(cell_text(1)), file.text().rfind(cell_text(1)));
}

TEST(PdfDocument, TableCellsWrapInsideTheirColumn) {
  Table table = patient_table(1);
  table.rows[0][3] = "Bệnh nhân cần tái khám sau hai tuần, mang theo sổ khám bệnh và kết quả";
  PdfDocument pdf(PageSetup::a5());
  pdf.table(table);
  const auto words = PdfFile(pdf.bytes()).words(1);
  // The last column starts after 12 + 25 mm and two thirds of the rest (128 mm between
  // 10 mm margins): at 10 + 37 + 91 / 3 * 2 ≈ 107.7 mm, and ends at the right margin.
  const double column_left = (10 + 37 + (128.0 - 37) * 2 / 3) * 72 / 25.4;
  const double column_right = 138 * 72 / 25.4;
  std::set<double> lines;
  for (const auto& w : words) {
    if (w.x_min < column_left) continue;
    EXPECT_LE(w.x_max, column_right) << w.text;
    lines.insert(w.y_min);
  }
  EXPECT_GE(lines.size(), 3u);
}

TEST(PdfDocument, ParagraphsWrapAndAlign) {
  PdfDocument pdf(PageSetup::a5());
  std::string long_text;
  for (int i = 0; i < 30; ++i) long_text += "khám bệnh ";
  pdf.paragraph(long_text);
  pdf.paragraph("Bên phải", {.align = Align::Right});
  pdf.paragraph("Ở giữa", {.align = Align::Center});
  const auto words = PdfFile(pdf.bytes()).words(1);
  const double left = 10 * 72 / 25.4, right = 138 * 72 / 25.4, middle = 74 * 72 / 25.4;
  std::set<double> lines;
  for (const auto& w : words) {
    EXPECT_GE(w.x_min, left - 0.5) << w.text;
    EXPECT_LE(w.x_max, right + 0.5) << w.text;
    if (w.text == "khám") lines.insert(w.y_min);
  }
  EXPECT_GE(lines.size(), 2u) << "the long paragraph did not wrap";
  const auto find = [&](const std::string& text) {
    return *std::find_if(words.begin(), words.end(), [&](const auto& w) { return w.text == text; });
  };
  EXPECT_NEAR(find("phải").x_max, right, 1.0);
  EXPECT_NEAR((find("Ở").x_min + find("giữa").x_max) / 2, middle, 1.0);
  EXPECT_NEAR(find("khám").x_min, left, 1.0);
}

TEST(PdfDocument, LongTextBreaksOntoNewPagesAndAPageBreakStartsOne) {
  PdfDocument pdf(PageSetup::a5());
  for (int i = 1; i <= 80; ++i) pdf.paragraph("Đoạn " + std::to_string(i));
  pdf.page_break();
  pdf.paragraph("Trang cuối");
  pdf.page_break();  // Nothing follows: no blank page.
  pdf.space(50);
  const PdfFile file(pdf.bytes());
  const int pages = file.pages();
  EXPECT_GE(pages, 3);
  EXPECT_EQ(pdf.page_count(), pages);
  EXPECT_NE(file.text(pages).find("Trang cuối"), std::string::npos);
  EXPECT_EQ(file.text(pages).find("Đoạn"), std::string::npos);
  EXPECT_NE(file.text(pages - 1).find("Đoạn 80"), std::string::npos);
}

TEST(PdfDocument, RefusesBytesThatAreNotAPng) {
  PdfDocument pdf(PageSetup::a5());
  try {
    pdf.image("GIF89a not a png", 30);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("not a PNG image"), std::string::npos) << e.what();
  }
}

TEST(PdfDocument, RefusesAnImageWiderThanTheMargins) {
  PdfDocument pdf(PageSetup::a5());  // 128 mm between the margins.
  const std::string png = render_png(QrCode::encode("x"));
  EXPECT_NO_THROW(pdf.image(png, 128));
  try {
    pdf.image(png, 130);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("width 130.0 mm is more than the 128.0 mm"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(pdf.image(png, 0), std::invalid_argument);
}

TEST(PdfDocument, RefusesABadTable) {
  PdfDocument pdf(PageSetup::a4());
  EXPECT_THROW(pdf.table({}), std::invalid_argument);
  Table wrong_cells = patient_table(2);
  wrong_cells.rows[1].pop_back();
  try {
    pdf.table(wrong_cells);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("row 2 has 3 cells for 4 columns"), std::string::npos)
        << e.what();
  }
  Table too_wide = patient_table(1);
  too_wide.columns[1].width = ColumnWidth::mm(200);
  EXPECT_THROW(pdf.table(too_wide), std::invalid_argument);
}

TEST(PdfDocument, RefusesBadPagesAndText) {
  EXPECT_THROW(PdfDocument({Paper::Roll80mm, Orientation::Landscape}), std::invalid_argument);
  EXPECT_THROW(PdfDocument({Paper::A5, Orientation::Portrait, {10, 80, 10, 70}}),
               std::invalid_argument);
  PdfDocument pdf;
  EXPECT_THROW(pdf.paragraph("Nguy\xE1\xBB"), std::invalid_argument);
  EXPECT_THROW(pdf.paragraph("x", {.size_pt = 0}), std::invalid_argument);
}

}  // namespace
}  // namespace hisx::sdk::documents
