#include "hisx/documents/escpos.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "support/documents/escpos_parser.h"

namespace hisx::sdk::documents {
namespace {

using hisx::test::EscPosCommand;
using hisx::test::parse_escpos;
using testing::ElementsAre;
using testing::MatchesRegex;
using Kind = EscPosCommand::Kind;

const std::string kLinkUrl = "https://hisx.example.vn/app/link?code=7Q4K-92XM-PLT3";

// The rasters of a stream, in order.
std::vector<EscPosCommand> rasters(const std::string& bytes) {
  std::vector<EscPosCommand> out;
  for (const auto& command : parse_escpos(bytes)) {
    if (command.kind == Kind::Raster) out.push_back(command);
  }
  return out;
}

bool black(const EscPosCommand& raster, int x, int y) {
  const auto byte = static_cast<unsigned char>(
      raster.data[static_cast<std::size_t>(y) * raster.width_bytes + x / 8]);
  return (byte & (0x80 >> (x % 8))) != 0;
}

int black_dots(const EscPosCommand& raster) {
  int n = 0;
  for (int y = 0; y < raster.height; ++y) {
    for (int x = 0; x < raster.width_bytes * 8; ++x) n += black(raster, x, y) ? 1 : 0;
  }
  return n;
}

// The leftmost and rightmost black columns (-1, -1 when blank).
std::pair<int, int> black_columns(const EscPosCommand& raster) {
  int left = -1, right = -1;
  for (int x = 0; x < raster.width_bytes * 8; ++x) {
    for (int y = 0; y < raster.height; ++y) {
      if (!black(raster, x, y)) continue;
      if (left < 0) left = x;
      right = x;
      break;
    }
  }
  return {left, right};
}

EscPosCommand raster_of(std::string_view text, Align align = Align::Left, bool bold = false) {
  EscPosDocument doc;
  doc.align(align).bold(bold).line(text);
  const auto found = rasters(doc.bytes());
  EXPECT_EQ(found.size(), 1u);
  return found.at(0);
}

TEST(EscPosDocument, ACashierReceiptIsTheCommandsAPrinterExpects) {
  EscPosDocument receipt;
  receipt.initialize()
      .align(Align::Center)
      .bold()
      .line("TTYT GIA LAM")
      .bold(false)
      .line("Trung tâm Y tế huyện Gia Lâm")
      .align(Align::Left)
      .line("Receipt 000123\nTotal: 159,000 VND")
      .feed(1)
      .align(Align::Center)
      .qr(kLinkUrl, 6, QrErrorCorrection::Q)
      .feed(4)
      .cut();
  EXPECT_THAT(
      hisx::test::describe(parse_escpos(receipt.bytes())),
      ElementsAre("ESC @", "ESC a 1", "ESC E 1", "TEXT TTYT GIA LAM", "LF", "ESC E 0",
                  MatchesRegex("GS v 0 72x[0-9]+"), "ESC a 0", "TEXT Receipt 000123", "LF",
                  "TEXT Total: 159,000 VND", "LF", "ESC d 1", "ESC a 1", "GS ( k 165", "GS ( k 167",
                  "GS ( k 169", "GS ( k 180", "GS ( k 181", "ESC d 4", "GS V 66 0"));
}

TEST(EscPosDocument, TheQrCodeIsStoredWithTheDataExactlyAndItsSettings) {
  for (const std::string& data : {kLinkUrl, std::string("Nguyễn Thị Hồng Nhung"),
                                  std::string(300, 'x')}) {  // 300: pL pH beyond one byte.
    EscPosDocument doc;
    doc.qr(data, 5, QrErrorCorrection::H);
    const auto commands = parse_escpos(doc.bytes());
    ASSERT_EQ(commands.size(), 5u);
    EXPECT_EQ(commands[0].value, 165);
    EXPECT_EQ(commands[0].data, std::string("2\0", 2));  // Model 2.
    EXPECT_EQ(commands[1].value, 167);
    EXPECT_EQ(commands[1].data, "\x05");  // Module size.
    EXPECT_EQ(commands[2].value, 169);
    EXPECT_EQ(commands[2].data, "3");  // 51: level H.
    EXPECT_EQ(commands[3].value, 180);
    EXPECT_EQ(commands[3].data, "0" + data);
    EXPECT_EQ(commands[4].value, 181);
    EXPECT_EQ(commands[4].data, "0");
  }
}

TEST(EscPosDocument, TheStoreCommandCountsItsLengthInPlPh) {
  const std::string data(300, 'x');
  EscPosDocument doc;
  doc.qr(data);
  const std::string store = std::string("\x1d(k") + char(303 & 0xFF) + char(303 >> 8) + "1P0";
  EXPECT_NE(doc.bytes().find(store + data), std::string::npos);
}

TEST(EscPosDocument, AVietnameseLineIsARasterImageNotUtf8Text) {
  EscPosDocument doc;
  doc.line("Nguyễn Thị Hồng Nhung");
  const auto commands = parse_escpos(doc.bytes());
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_EQ(commands[0].kind, Kind::Raster);
  EXPECT_EQ(doc.bytes().find("Nguy"), std::string::npos);
  EXPECT_EQ(doc.bytes().find("ễ"), std::string::npos);
}

TEST(EscPosDocument, ARasterImageIsAsWideAsThePaperAndHoldsWidthTimesHeightBytes) {
  for (const int dots : {576, 384}) {
    EscPosDocument doc(dots);
    doc.line("Trung tâm Y tế huyện");
    const auto found = rasters(doc.bytes());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].width_bytes, dots / 8);
    EXPECT_LE(found[0].width_bytes * 8, 576);
    EXPECT_GE(found[0].height, 24);
    EXPECT_EQ(found[0].data.size(),
              static_cast<std::size_t>(found[0].width_bytes) * found[0].height);
    EXPECT_EQ(found[0].value, 0);  // Normal size.
  }
}

TEST(EscPosDocument, ARasterOfNguyenIsNotBlankAndShowsItsDiacritics) {
  const EscPosCommand nguyen = raster_of("Nguyễn");
  EXPECT_GT(black_dots(nguyen), 100);
  // The same word without its marks prints fewer black dots.
  EscPosDocument plain;
  plain.raster_text("Nguyen");
  EXPECT_LT(black_dots(rasters(plain.bytes()).at(0)), black_dots(nguyen));
}

TEST(EscPosDocument, RasterTextFollowsAlignmentAndBold) {
  const auto [left_start, left_end] = black_columns(raster_of("Nguyễn", Align::Left));
  EXPECT_LT(left_start, 8);
  EXPECT_LT(left_end, 288);
  const auto [right_start, right_end] = black_columns(raster_of("Nguyễn", Align::Right));
  EXPECT_GT(right_start, 288);
  EXPECT_GT(right_end, 576 - 8);
  const auto [center_start, center_end] = black_columns(raster_of("Nguyễn", Align::Center));
  EXPECT_NEAR((center_start + center_end) / 2.0, 288, 8);
  EXPECT_GT(black_dots(raster_of("Nguyễn", Align::Left, true)), black_dots(raster_of("Nguyễn")));
}

TEST(EscPosDocument, LongVietnameseTextWrapsToThePaperInBands) {
  std::string text;
  for (int i = 0; i < 12; ++i) text += "Bệnh nhân vui lòng mang theo phiếu này khi tái khám. ";
  EscPosDocument doc;
  doc.raster_text(text);
  const auto found = rasters(doc.bytes());
  int height = 0;
  for (const auto& band : found) {
    EXPECT_EQ(band.width_bytes, 72);
    EXPECT_LE(band.height, 256);
    height += band.height;
  }
  EXPECT_GE(found.size(), 2u);
  EXPECT_GT(height, 10 * 24);  // Many lines, not one line cut off at the paper's edge.
}

TEST(EscPosDocument, RefusesWhatAPrinterCannotTake) {
  EXPECT_THROW(EscPosDocument(570), std::invalid_argument);
  EXPECT_THROW(EscPosDocument(0), std::invalid_argument);
  EscPosDocument doc;
  doc.line("kept");
  const std::string before = doc.bytes();
  EXPECT_THROW(doc.line("Total\x1b@"), std::invalid_argument);
  EXPECT_THROW(doc.line("ok\nNguy\xE1\xBB"), std::invalid_argument);  // Not UTF-8.
  EXPECT_THROW(doc.feed(256), std::invalid_argument);
  EXPECT_THROW(doc.raster_text("x", 7), std::invalid_argument);
  EXPECT_THROW(doc.qr(""), std::invalid_argument);
  EXPECT_THROW(doc.qr("x", 0), std::invalid_argument);
  EXPECT_THROW(doc.qr("x", 17), std::invalid_argument);
  try {
    doc.qr(std::string(200, 'x'), 16);  // Version 8 or more: 49+ modules at 16 dots.
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("more than the paper's 576"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(doc.bytes(), before);
}

std::string utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// Every letter of Latin-1, Latin Extended-A/B and Latin Extended Additional (all of
// Vietnamese), regular and bold, at the sizes documents print: the top row of the raster is
// blank, so nothing of the letter (the marks above Ề, Ố, Ẩ) was cut off.
TEST(EscPosDocument, NoLetterIsCutOffAtTheTop) {
  std::vector<char32_t> letters;
  for (char32_t cp = 0xC0; cp <= 0x24F; ++cp) letters.push_back(cp);
  for (char32_t cp = 0x1EA0; cp <= 0x1EF9; ++cp) letters.push_back(cp);
  for (const char32_t cp : letters) {
    if (cp == 0xD7 || cp == 0xF7) continue;  // × ÷
    const std::string letter = "A" + utf8(cp) + "h";
    for (const int size : {20, 24, 26, 28, 32, 40, 160}) {
      for (const bool bold : {false, true}) {
        EscPosDocument printer(576);
        printer.bold(bold);
        printer.raster_text(letter, size);
        const auto commands = parse_escpos(printer.bytes());
        // The top of the image (a taller one is sent in bands).
        const auto band = std::find_if(commands.begin(), commands.end(),
                                       [](const auto& c) { return c.kind == Kind::Raster; });
        ASSERT_NE(band, commands.end());
        EXPECT_TRUE(std::all_of(band->data.begin(), band->data.begin() + band->width_bytes,
                                [](char byte) { return byte == 0; }))
            << letter << " at " << size << (bold ? " bold" : "");
      }
    }
  }
}

}  // namespace
}  // namespace hisx::sdk::documents
