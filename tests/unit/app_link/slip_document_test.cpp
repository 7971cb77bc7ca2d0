// The slip as PDF (A5 and 80 mm) and ESC/POS, read back by pdftotext, pdftoppm + zbarimg and
// an ESC/POS parser.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "printing/print_documents.h"
#include "sample_slip.h"
#include "support/documents/decoders.h"
#include "support/documents/escpos_parser.h"
#include "support/documents/pdf_file.h"

namespace hisx::app_link {
namespace {

using hisx::test::PdfFile;
using test::kPatientName;
using test::sample_slip;

// pdftotext -layout may put a long line's words further apart; compare with single spaces.
std::string squeezed(std::string text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

TEST(SlipPdf, AnA5SlipHoldsTheNameTheCodeAndTheHotlineAsText) {
  const SlipContent slip = sample_slip();
  const PdfFile file(slip_pdf(slip, SlipSize::A5));
  EXPECT_EQ(file.pages(), 1);
  const std::string size = file.info().at("Page size");  // "419.528 x 595.276 pts"
  EXPECT_NEAR(std::stod(size), 419.53, 0.01) << size;
  EXPECT_NEAR(std::stod(size.substr(size.find('x') + 1)), 595.28, 0.01) << size;
  const std::string text = squeezed(file.text());
  EXPECT_NE(text.find(kPatientName), std::string::npos) << text;
  EXPECT_NE(text.find("BN000123"), std::string::npos) << text;
  EXPECT_NE(text.find("7Q4K-92XM"), std::string::npos) << text;
  EXPECT_NE(text.find("1900 1234"), std::string::npos) << text;
  EXPECT_NE(text.find(slip.hospital_name), std::string::npos) << text;
  EXPECT_NE(text.find("16:45 04/12/2026"), std::string::npos) << text;
  EXPECT_NE(text.find("Cài ứng dụng"), std::string::npos) << text;
  EXPECT_NE(text.find("birth date"), std::string::npos) << text;
}

TEST(SlipPdf, ItsQrCodeDecodesToExactlyTheDeepLink) {
  const SlipContent slip = sample_slip();
  const PdfFile file(slip_pdf(slip, SlipSize::A5));
  EXPECT_EQ(hisx::test::zbar_decode(file.render(1, 150)), slip.link);
}

TEST(SlipPdf, TheQrCodeHoldsNoPersonalData) {
  SlipContent slip = sample_slip();
  const PdfFile file(slip_pdf(slip, SlipSize::A5));
  const std::string decoded = hisx::test::zbar_decode(file.render(1, 150));
  EXPECT_EQ(decoded.find("BN000123"), std::string::npos);
  EXPECT_EQ(decoded.find("Ánh"), std::string::npos);
}

TEST(SlipPdf, ARollSlipIs80mmWideAndItsCodeDecodes) {
  const SlipContent slip = sample_slip();
  const PdfFile file(slip_pdf(slip, SlipSize::Roll80mm));
  EXPECT_EQ(file.pages(), 1);
  const std::string size = file.info().at("Page size");
  EXPECT_NEAR(std::stod(size), 80 * 72 / 25.4, 0.1) << size;
  const std::string text = squeezed(file.text());
  EXPECT_NE(text.find(kPatientName), std::string::npos) << text;
  EXPECT_NE(text.find("7Q4K-92XM"), std::string::npos) << text;
  EXPECT_EQ(hisx::test::zbar_decode(file.render(1, 200)), slip.link);
}

TEST(SlipEscPos, ThePrinterStoresTheDeepLinkAsItsQrCode) {
  const SlipContent slip = sample_slip();
  const auto commands = hisx::test::parse_escpos(slip_escpos(slip));
  ASSERT_FALSE(commands.empty());
  EXPECT_EQ(commands.front().kind, hisx::test::EscPosCommand::Kind::Initialize);
  const auto store = std::find_if(commands.begin(), commands.end(), [](const auto& c) {
    return c.kind == hisx::test::EscPosCommand::Kind::Qr && c.value == 180;
  });
  ASSERT_NE(store, commands.end());
  EXPECT_EQ(store->data, "0" + slip.link);
  const auto print = std::find_if(store, commands.end(), [](const auto& c) {
    return c.kind == hisx::test::EscPosCommand::Kind::Qr && c.value == 181;
  });
  EXPECT_NE(print, commands.end()) << "the stored code is never printed";
  // The code and the hotline as the printer's own text; the Vietnamese lines as rasters.
  const auto text = [&](const std::string& s) {
    return std::any_of(commands.begin(), commands.end(), [&](const auto& c) {
      return c.kind == hisx::test::EscPosCommand::Kind::Text && c.data == s;
    });
  };
  EXPECT_TRUE(text("7Q4K-92XM"));
  EXPECT_GE(std::count_if(
                commands.begin(), commands.end(),
                [](const auto& c) { return c.kind == hisx::test::EscPosCommand::Kind::Raster; }),
            5);
  EXPECT_EQ(commands.back().kind, hisx::test::EscPosCommand::Kind::Cut);
}

}  // namespace
}  // namespace hisx::app_link
