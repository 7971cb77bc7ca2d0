// PdfDocument::box() and boxes(): places to write or sign by hand on a printed form.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "hisx/documents/pdf.h"
#include "support/documents/decoders.h"
#include "support/documents/pdf_file.h"

namespace hisx::sdk::documents {
namespace {

using hisx::test::PdfFile;

constexpr double kPtPerMm = 72 / 25.4;

const hisx::test::PdfWord& word(const std::vector<hisx::test::PdfWord>& words,
                                const std::string& text) {
  const auto it =
      std::find_if(words.begin(), words.end(), [&](const auto& w) { return w.text == text; });
  if (it == words.end()) throw std::runtime_error("no word " + text);
  return *it;
}

TEST(PdfBox, TheCaptionIsTextAtTheTopLeftAndTheNextBlockIsBelowTheBox) {
  PdfDocument pdf(PageSetup::a5());
  pdf.paragraph("Trên");
  pdf.box(30, "Chữ ký / Signature");
  pdf.paragraph("Dưới");
  const PdfFile file(pdf.bytes());
  EXPECT_NE(file.text().find("Chữ ký / Signature"), std::string::npos) << file.text();
  const auto words = file.words(1);
  const auto& caption = word(words, "Chữ");
  EXPECT_NEAR(caption.x_min, (10 + 1.2) * kPtPerMm, 1.5);
  // The paragraph below starts after the box's 30 mm and its 2 mm of space.
  EXPECT_GT(word(words, "Dưới").y_min - word(words, "Trên").y_max, 30 * kPtPerMm);
  EXPECT_LT(word(words, "Dưới").y_min - caption.y_min, 36 * kPtPerMm);
}

TEST(PdfBox, TheBoxIsDrawnAsADarkOutline) {
  PdfDocument pdf(PageSetup::a5());
  pdf.box(40);
  const PdfFile file(pdf.bytes());
  const auto page = hisx::test::read_png(hisx::test::read_file(file.render(1, 150)));
  // At 150 dpi: the left edge at 10 mm, the top at 10 mm, 40 mm tall.
  const auto px = [](double mm) { return static_cast<int>(mm / 25.4 * 150); };
  const auto darkest = [&](int x, int y, bool across_x) {
    unsigned char d = 255;
    for (int k = -2; k <= 2; ++k) {
      d = std::min(d, across_x ? page.at(x + k, y) : page.at(x, y + k));
    }
    return d;
  };
  EXPECT_LT(darkest(px(10), px(30), true), 128) << "no left edge";
  EXPECT_LT(darkest(px(138), px(30), true), 128) << "no right edge";
  EXPECT_LT(darkest(px(74), px(10), false), 128) << "no top edge";
  EXPECT_LT(darkest(px(74), px(50), false), 128) << "no bottom edge";
  EXPECT_GT(page.at(px(74), px(30)), 250) << "the inside is not blank";
  EXPECT_GT(page.at(px(74), px(60)), 250) << "something below the box";
}

TEST(PdfBox, BoxesShareTheWidthSideBySide) {
  PdfDocument pdf(PageSetup::a5());
  pdf.boxes(15, {"Họ tên / Name", "Ngày / Date"});
  const auto words = PdfFile(pdf.bytes()).words(1);
  const auto& name = word(words, "Họ");
  const auto& date = word(words, "Ngày");
  EXPECT_NEAR(name.y_min, date.y_min, 0.5);
  EXPECT_NEAR(date.x_min, (10 + 64 + 1.2) * kPtPerMm, 1.5);  // Half of the 128 mm.
}

TEST(PdfBox, ABoxThatDoesNotFitMovesToTheNextPageWhole) {
  PdfDocument pdf(PageSetup::a5());
  pdf.space(150);
  pdf.paragraph("Trang một");
  pdf.box(60, "Chữ ký");
  EXPECT_EQ(pdf.page_count(), 2);
  const PdfFile file(pdf.bytes());
  EXPECT_EQ(file.pages(), 2);
  EXPECT_NE(file.text(2).find("Chữ ký"), std::string::npos);
  EXPECT_EQ(file.text(1).find("Chữ ký"), std::string::npos);
}

TEST(PdfBox, RefusesWhatCannotBeDrawn) {
  PdfDocument pdf(PageSetup::a5());
  EXPECT_THROW(pdf.box(0, "x"), std::invalid_argument);
  EXPECT_THROW(pdf.box(-3), std::invalid_argument);
  EXPECT_THROW(pdf.box(191), std::invalid_argument);  // A5 leaves 190 mm between margins.
  EXPECT_THROW(pdf.box(10, "\xC3\x28"), std::invalid_argument);
  EXPECT_THROW(pdf.boxes(10, {}), std::invalid_argument);
  EXPECT_EQ(pdf.page_count(), 1);
  PdfDocument roll(PageSetup::roll_80mm());
  EXPECT_NO_THROW(roll.box(400, "a long roll"));  // A roll has no page height.
}

}  // namespace
}  // namespace hisx::sdk::documents
