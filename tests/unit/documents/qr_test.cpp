#include "hisx/documents/qr.h"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/SAX/InputSource.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "support/documents/decoders.h"
#include "support/temp_dir.h"

namespace hisx::sdk::documents {
namespace {

using hisx::test::TempDir;

const std::string kVietnameseName = "Nguyễn Thị Hồng Nhung";
const std::string kLinkUrl = "https://hisx.example.vn/app/link?code=7Q4K-92XM-PLT3&h=TTYT-01";

std::string decode_png(const std::string& png) {
  TempDir dir;
  const auto file = dir.path() / "qr.png";
  hisx::test::write_file(file, png);
  return hisx::test::zbar_decode(file);
}

class QrLevels : public testing::TestWithParam<QrErrorCorrection> {};

TEST_P(QrLevels, ZbarReadsVietnameseTextBack) {
  const QrCode code = QrCode::encode(kVietnameseName, GetParam());
  EXPECT_EQ(decode_png(render_png(code)), kVietnameseName);
}

TEST_P(QrLevels, ZbarReadsALinkWithAOneTimeCodeBack) {
  const QrCode code = QrCode::encode(kLinkUrl, GetParam());
  EXPECT_EQ(decode_png(render_png(code, {.module_px = 3, .quiet_zone = 4})), kLinkUrl);
}

TEST_P(QrLevels, ZbarReadsAMixedTextWithNewlinesBack) {
  const std::string text = "Mã BN: 000123\nTrung tâm Y tế huyện Đông Anh\nNgày 05/03/2025";
  EXPECT_EQ(decode_png(render_png(QrCode::encode(text, GetParam()))), text);
}

INSTANTIATE_TEST_SUITE_P(AllLevels, QrLevels,
                         testing::Values(QrErrorCorrection::M, QrErrorCorrection::Q,
                                         QrErrorCorrection::H),
                         [](const testing::TestParamInfo<QrErrorCorrection>& info) {
                           switch (info.param) {
                             case QrErrorCorrection::M:
                               return std::string("M");
                             case QrErrorCorrection::Q:
                               return std::string("Q");
                             case QrErrorCorrection::H:
                               return std::string("H");
                           }
                           return std::string("unknown");
                         });

TEST(QrCode, DefaultsToLevelMAndTheSmallestVersion) {
  const QrCode code = QrCode::encode("BN000123");
  EXPECT_EQ(code.level(), QrErrorCorrection::M);
  EXPECT_EQ(code.version(), 1);
  EXPECT_EQ(code.size(), 21);
  // The top-left finder pattern: a dark 7×7 ring around a light ring around a dark 3×3.
  for (int i = 0; i < 7; ++i) {
    EXPECT_TRUE(code.dark(i, 0));
    EXPECT_TRUE(code.dark(0, i));
    EXPECT_TRUE(code.dark(6, i));
    EXPECT_TRUE(code.dark(i, 6));
  }
  EXPECT_FALSE(code.dark(1, 1));
  EXPECT_TRUE(code.dark(3, 3));
  EXPECT_FALSE(code.dark(7, 7));  // The separator.
}

TEST(QrCode, HigherLevelsNeedLargerCodes) {
  EXPECT_LT(QrCode::encode(kLinkUrl, QrErrorCorrection::M).size(),
            QrCode::encode(kLinkUrl, QrErrorCorrection::H).size());
}

TEST(QrCode, RefusesEmptyText) {
  try {
    QrCode::encode("");
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("empty"), std::string::npos) << e.what();
  }
}

TEST(QrCode, RefusesTextTooLongForTheLevel) {
  // Version 40 holds 2331 bytes at M and 1273 at H.
  EXPECT_EQ(QrCode::encode(std::string(2331, 'a'), QrErrorCorrection::M).version(), 40);
  EXPECT_EQ(QrCode::encode(std::string(1273, 'a'), QrErrorCorrection::H).version(), 40);
  EXPECT_THROW(QrCode::encode(std::string(1274, 'a'), QrErrorCorrection::H), std::invalid_argument);
  try {
    QrCode::encode(std::string(2332, 'a'));
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("2332 bytes"), std::string::npos) << message;
    EXPECT_NE(message.find("level M"), std::string::npos) << message;
  }
}

TEST(QrCode, DarkOutsideTheMatrixThrows) {
  const QrCode code = QrCode::encode("x");
  EXPECT_THROW(code.dark(21, 0), std::out_of_range);
  EXPECT_THROW(code.dark(0, -1), std::out_of_range);
}

TEST(QrPng, KeepsAQuietZoneOfFourModulesWhenLessIsAsked) {
  const QrCode code = QrCode::encode(kLinkUrl);
  const int px = 5;
  const auto image = hisx::test::read_png(render_png(code, {.module_px = px, .quiet_zone = 1}));
  const int side = (code.size() + 8) * px;
  ASSERT_EQ(image.width, side);
  ASSERT_EQ(image.height, side);
  const int border = 4 * px;
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const bool in_border = x < border || y < border || x >= side - border || y >= side - border;
      if (in_border) {
        ASSERT_EQ(image.at(x, y), 255) << "pixel (" << x << ", " << y << ")";
      }
    }
  }
  // Every module is drawn where it belongs, in pure black or white.
  for (int my = 0; my < code.size(); ++my) {
    for (int mx = 0; mx < code.size(); ++mx) {
      const int x = border + mx * px + px / 2, y = border + my * px + px / 2;
      ASSERT_EQ(image.at(x, y), code.dark(mx, my) ? 0 : 255)
          << "module (" << mx << ", " << my << ")";
    }
  }
  EXPECT_EQ(decode_png(render_png(code, {.module_px = px, .quiet_zone = 1})), kLinkUrl);
}

TEST(QrPng, KeepsALargerQuietZone) {
  const QrCode code = QrCode::encode("BN000123");
  const auto image = hisx::test::read_png(render_png(code, {.module_px = 2, .quiet_zone = 10}));
  EXPECT_EQ(image.width, (21 + 20) * 2);
  EXPECT_EQ(image.at(19, 19), 255);
  EXPECT_EQ(image.at(20, 20), 0);  // The finder pattern's corner.
}

TEST(QrPng, RefusesAModuleSizeBelowOne) {
  EXPECT_THROW(render_png(QrCode::encode("x"), {.module_px = 0}), std::invalid_argument);
  EXPECT_THROW(render_svg(QrCode::encode("x"), {.module_px = -2}), std::invalid_argument);
}

TEST(QrSvg, IsWellFormedAndDrawsExactlyTheDarkModules) {
  const QrCode code = QrCode::encode(kVietnameseName, QrErrorCorrection::Q);
  const std::string svg = render_svg(code, {.module_px = 6, .quiet_zone = 2});

  Poco::XML::DOMParser parser;
  std::istringstream in(svg);
  Poco::XML::InputSource source(in);
  Poco::AutoPtr<Poco::XML::Document> doc = parser.parse(&source);  // Throws if malformed.
  Poco::XML::Element* root = doc->documentElement();
  ASSERT_EQ(root->localName(), "svg");
  EXPECT_EQ(root->namespaceURI(), "http://www.w3.org/2000/svg");
  const int side = code.size() + 8;  // A quiet zone of 2 is raised to 4.
  EXPECT_EQ(root->getAttribute("viewBox"),
            "0 0 " + std::to_string(side) + " " + std::to_string(side));
  EXPECT_EQ(root->getAttribute("width"), std::to_string(side * 6));

  Poco::AutoPtr<Poco::XML::NodeList> paths = root->getElementsByTagNameNS("*", "path");
  ASSERT_EQ(paths->length(), 1u);
  const std::string d = static_cast<Poco::XML::Element*>(paths->item(0))->getAttribute("d");

  // The path is unit squares "M x y h1v1h-1z"; collect them and compare with the matrix.
  std::set<std::pair<int, int>> squares;
  const std::regex square("M(\\d+) (\\d+)h1v1h-1z");
  std::size_t covered = 0;
  for (auto it = std::sregex_iterator(d.begin(), d.end(), square); it != std::sregex_iterator();
       ++it) {
    squares.emplace(std::stoi((*it)[1]) - 4, std::stoi((*it)[2]) - 4);
    covered += it->length();
  }
  EXPECT_EQ(covered, d.size()) << "the path holds something other than unit squares";
  EXPECT_EQ(squares.size(), code.dark_count());
  for (int y = 0; y < code.size(); ++y) {
    for (int x = 0; x < code.size(); ++x) {
      ASSERT_EQ(squares.count({x, y}) == 1, code.dark(x, y)) << "module (" << x << ", " << y << ")";
    }
  }
}

}  // namespace
}  // namespace hisx::sdk::documents
