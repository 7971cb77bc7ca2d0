// The queue ticket as PDF (80 mm roll) and ESC/POS, read back by pdftotext and an ESC/POS
// parser.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>

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

TicketContent sample_ticket() {
  return {.hospital_name = "Bệnh viện Đa khoa Tỉnh Bắc Ninh",
          .label = "U003",
          .lane = Lane::kFast,
          .group_title = "Người cao tuổi / Elderly",
          .issued_local = "08:15 01/12/2026",
          .people_ahead = 3,
          .windows = "Q1, Q2"};
}

long long count(const std::vector<EscPosCommand>& commands, Kind kind) {
  return std::count_if(commands.begin(), commands.end(),
                       [&](const EscPosCommand& c) { return c.kind == kind; });
}

bool has_text(const std::vector<EscPosCommand>& commands, const std::string& text) {
  return std::any_of(commands.begin(), commands.end(), [&](const EscPosCommand& c) {
    return c.kind == Kind::Text && c.data == text;
  });
}

TEST(TicketPdf, OneRollPageWithTheNumberLaneGroupPeopleAheadAndWindows) {
  const PdfFile file(ticket_pdf(sample_ticket()));
  EXPECT_EQ(file.pages(), 1);
  const std::string size = file.info().at("Page size");
  EXPECT_NEAR(std::stod(size), 80 * 72 / 25.4, 0.1) << size;
  const std::string text = flat(file.text());
  for (const char* expected :
       {"Bệnh viện Đa khoa Tỉnh Bắc Ninh", "Số thứ tự / Number", "U003", "Làn ưu tiên / Fast lane",
        "Người cao tuổi / Elderly", "Số người chờ trước bạn / People ahead of you: 3", "Q1, Q2",
        "08:15 01/12/2026", "Vui lòng chờ gọi số trên màn hình",
        "Please wait for your number on the screen"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
}

TEST(TicketPdf, TheNumberIsTheLargestTextOnTheTicket) {
  const PdfFile file(ticket_pdf(sample_ticket()));
  double number_height = 0, other_height = 0;
  for (const auto& word : file.words(1)) {
    const double height = word.y_max - word.y_min;
    if (word.text == "U003") {
      number_height = height;
    } else {
      other_height = std::max(other_height, height);
    }
  }
  EXPECT_GT(number_height, 3 * other_height);
}

TEST(TicketPdf, ARegularTicketWithoutGroupOrWindowsLeavesThemOut) {
  TicketContent ticket = sample_ticket();
  ticket.label = "T042";
  ticket.lane = Lane::kRegular;
  ticket.group_title = "";
  ticket.windows = "";
  ticket.people_ahead = 0;
  const PdfFile file(ticket_pdf(ticket));
  EXPECT_EQ(file.pages(), 1);
  const std::string text = flat(file.text());
  EXPECT_NE(text.find("T042"), std::string::npos) << text;
  EXPECT_NE(text.find("Làn thường / Regular lane"), std::string::npos) << text;
  EXPECT_NE(text.find("People ahead of you: 0"), std::string::npos) << text;
  EXPECT_EQ(text.find("Làn ưu tiên"), std::string::npos) << text;
  EXPECT_EQ(text.find("Elderly"), std::string::npos) << text;
  EXPECT_EQ(text.find("Windows"), std::string::npos) << text;
}

TEST(TicketEscPos, InitializesPrintsTheNumberLargeAndEndsWithFeedAndCut) {
  const auto commands = hisx::test::parse_escpos(ticket_escpos(sample_ticket()));
  ASSERT_GE(commands.size(), 3u);
  EXPECT_EQ(commands.front().kind, Kind::Initialize);
  EXPECT_EQ(commands.back().kind, Kind::Cut);
  EXPECT_EQ(commands[commands.size() - 2].kind, Kind::Feed);
  // Every Vietnamese line is a raster image as wide as the paper (576 dots: 72 bytes); the
  // number is by far the tallest of them.
  int tallest = 0;
  for (const auto& c : commands) {
    if (c.kind != Kind::Raster) continue;
    EXPECT_EQ(c.width_bytes, 72);
    tallest = std::max(tallest, c.height);
  }
  EXPECT_GE(tallest, 120);
  EXPECT_GE(count(commands, Kind::Raster), 8);
  // Nothing Vietnamese went out as the printer's own text (its code page would garble it).
  for (const auto& c : commands) {
    if (c.kind != Kind::Text) continue;
    for (const char ch : c.data) EXPECT_LT(static_cast<unsigned char>(ch), 0x80) << c.data;
  }
}

TEST(TicketEscPos, TheNumberIsBold) {
  const auto commands = hisx::test::parse_escpos(ticket_escpos(sample_ticket()));
  // The tallest raster comes after a bold-on with no bold-off in between.
  const auto tallest = std::max_element(
      commands.begin(), commands.end(), [](const EscPosCommand& a, const EscPosCommand& b) {
        return (a.kind == Kind::Raster ? a.height : 0) < (b.kind == Kind::Raster ? b.height : 0);
      });
  const auto bold = std::find_if(std::make_reverse_iterator(tallest), commands.rend(),
                                 [](const EscPosCommand& c) { return c.kind == Kind::Bold; });
  ASSERT_NE(bold, commands.rend());
  EXPECT_EQ(bold->value, 1);
  EXPECT_FALSE(has_text(commands, "U003"));  // Not in the printer's small font.
}

TEST(TicketEscPos, MarksAboveCapitalsAreNotCutOff) {
  TicketContent ticket = sample_ticket();
  ticket.hospital_name = "BỆNH VIỆN ĐA KHOA TỈNH BẮC NINH";
  ticket.group_title = "NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG / WAR VETERAN";
  for (const auto& t : {sample_ticket(), ticket}) {
    const auto commands = hisx::test::parse_escpos(ticket_escpos(t));
    EXPECT_EQ(std::count_if(commands.begin(), commands.end(), cut_at_the_top), 0);
  }
}

TEST(TicketDocuments, BadTextIsRefusedNotPrinted) {
  TicketContent ticket = sample_ticket();
  ticket.hospital_name = "Bệnh vi\xE1\xBB";  // cut in the middle of a character
  EXPECT_THROW(ticket_pdf(ticket), std::invalid_argument);
  EXPECT_THROW(ticket_escpos(ticket), std::invalid_argument);
  ticket = sample_ticket();
  ticket.group_title = "Người cao tuổi\x1B@";
  EXPECT_THROW(ticket_pdf(ticket), std::invalid_argument);
  EXPECT_THROW(ticket_escpos(ticket), std::invalid_argument);
  ticket = sample_ticket();
  ticket.windows = "Q1\nQ2";
  EXPECT_THROW(ticket_pdf(ticket), std::invalid_argument);
  ticket = sample_ticket();
  ticket.label = "";
  EXPECT_THROW(ticket_escpos(ticket), std::invalid_argument);
  ticket = sample_ticket();
  ticket.people_ahead = -1;
  EXPECT_THROW(ticket_pdf(ticket), std::invalid_argument);
}

}  // namespace
}  // namespace hisx::fast_lane
