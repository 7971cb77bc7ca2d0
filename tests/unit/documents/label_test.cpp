// Labels (label.h): a QR code with lines of text under it, as PNG and SVG.
#include "hisx/documents/label.h"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/SAX/InputSource.h>
#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <string>

#include "support/documents/decoders.h"
#include "support/temp_dir.h"

namespace hisx::sdk::documents {
namespace {

const std::string kLink = "https://app.example.vn/link?c=7Q4K92XM";

std::string decode(const std::string& png) {
  hisx::test::TempDir dir;
  const auto file = dir.path() / "label.png";
  hisx::test::write_file(file, png);
  return hisx::test::zbar_decode(file);
}

// The rows of `image` (from `from` down) that hold a dark pixel.
int dark_rows_from(const hisx::test::GreyImage& image, int from) {
  int rows = 0;
  for (int y = from; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      if (image.at(x, y) < 128) {
        ++rows;
        break;
      }
    }
  }
  return rows;
}

TEST(LabelPng, TheCodeStillDecodesWithTextUnderIt) {
  const QrCode code = QrCode::encode(kLink);
  const std::string png = render_label_png(
      code, {{"7Q4K-92XM", true, 0}, {"Tổng đài hỗ trợ / Hotline: 1900 1234", false, 14}},
      {.module_px = 6});
  EXPECT_EQ(decode(png), kLink);
}

TEST(LabelPng, LinesAddHeightUnderTheCodeAndDarkPixelsThere) {
  const QrCode code = QrCode::encode(kLink);
  const auto bare = hisx::test::read_png(render_label_png(code, {}, {.module_px = 6}));
  const int side = (code.size() + 8) * 6;
  EXPECT_EQ(bare.width, side);
  EXPECT_EQ(bare.height, side);
  const auto label = hisx::test::read_png(render_label_png(
      code, {{"ABCD-EFGH", true, 14}, {"1900 1234", false, 12}}, {.module_px = 6}));
  EXPECT_EQ(label.width, side);  // The short lines fit under the code.
  EXPECT_GT(label.height, side + 14 + 12);
  EXPECT_GT(dark_rows_from(label, side), 15) << "no text under the code";
}

TEST(LabelPng, AWideLineWidensTheLabelAndTheCodeStaysCentred) {
  const QrCode code = QrCode::encode("x");
  const std::string wide(60, 'W');
  const auto label =
      hisx::test::read_png(render_label_png(code, {{wide, false, 16}}, {.module_px = 2}));
  const int side = (code.size() + 8) * 2;
  EXPECT_GT(label.width, 3 * side);
  // The finder pattern's top-left corner: 4 modules in from the code's own left edge.
  const int code_left = (label.width - side) / 2;
  EXPECT_LT(label.at(code_left + 4 * 2, 4 * 2), 128);
  EXPECT_GT(label.at(code_left + 4 * 2 - 1, 4 * 2), 128);
}

TEST(LabelPng, RefusesWhatCannotBeDrawn) {
  const QrCode code = QrCode::encode("x");
  EXPECT_THROW(render_label_png(code, {}, {.module_px = 0}), std::invalid_argument);
  EXPECT_THROW(render_label_png(code, {{"a\nb"}}), std::invalid_argument);
  EXPECT_THROW(render_label_png(code, {{"\xC3\x28"}}), std::invalid_argument);
  EXPECT_THROW(render_label_svg(code, {{"ok", false, -1}}), std::invalid_argument);
  EXPECT_THROW(render_label_svg(code, {{"ok", false, 501}}), std::invalid_argument);
}

TEST(LabelSvg, IsWellFormedWithEscapedTextOfTheSameSizeAsThePng) {
  const QrCode code = QrCode::encode(kLink);
  const std::vector<LabelLine> lines = {{"Mã: <7Q4K> & \"92XM\"", true, 0},
                                        {"Tổng đài / Hotline 1900 1234"}};
  const std::string svg = render_label_svg(code, lines, {.module_px = 5});
  Poco::XML::DOMParser parser;
  std::istringstream in(svg);
  Poco::XML::InputSource source(in);
  Poco::AutoPtr<Poco::XML::Document> doc = parser.parse(&source);  // Throws if malformed.
  Poco::XML::Element* root = doc->documentElement();
  ASSERT_EQ(root->localName(), "svg");
  Poco::AutoPtr<Poco::XML::NodeList> texts = root->getElementsByTagNameNS("*", "text");
  ASSERT_EQ(texts->length(), 2u);
  EXPECT_EQ(texts->item(0)->innerText(), lines[0].text);
  EXPECT_EQ(texts->item(1)->innerText(), lines[1].text);
  EXPECT_EQ(static_cast<Poco::XML::Element*>(texts->item(0))->getAttribute("font-weight"), "bold");

  const auto png = hisx::test::read_png(render_label_png(code, lines, {.module_px = 5}));
  EXPECT_EQ(root->getAttribute("width"), std::to_string(png.width));
  EXPECT_EQ(root->getAttribute("height"), std::to_string(png.height));
}

TEST(LabelSvg, ThePathDrawsOneSquarePerDarkModule) {
  // No SVG rasteriser is among the test tools: the PNG twin, decoded above, draws the same
  // modules at the same place, and the SVG's path is compared with the code's matrix.
  const QrCode code = QrCode::encode(kLink);
  const std::string svg = render_label_svg(code, {{"x"}}, {.module_px = 3});
  std::size_t squares = 0;
  for (std::size_t at = svg.find("h1v1h-1z"); at != std::string::npos;
       at = svg.find("h1v1h-1z", at + 1)) {
    ++squares;
  }
  EXPECT_EQ(squares, code.dark_count());
}

}  // namespace
}  // namespace hisx::sdk::documents
