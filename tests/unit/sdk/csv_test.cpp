// The SDK's CSV reader on what spreadsheets and people write: RFC 4180 quoting, embedded
// delimiters and line breaks, CRLF, empty lines and fields, and errors that name the line.
#include "hisx/csv.h"

#include <gmock/gmock.h>

namespace hisx::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::vector<std::string>> fields_of(const std::vector<sdk::CsvRow>& rows) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : rows) out.push_back(r.fields);
  return out;
}

std::size_t error_line(std::string_view text) {
  try {
    sdk::parse_csv(text);
  } catch (const sdk::CsvError& e) {
    return e.line();
  }
  ADD_FAILURE() << "no CsvError for: " << text;
  return 0;
}

TEST(Csv, PlainRecordsWithLfOrCrlfAndAnOptionalFinalBreak) {
  using Row = std::vector<std::string>;
  EXPECT_THAT(fields_of(sdk::parse_csv("ma_bn,ho_ten\nBN001,Lan\n")),
              ElementsAre(Row{"ma_bn", "ho_ten"}, Row{"BN001", "Lan"}));
  EXPECT_THAT(fields_of(sdk::parse_csv("a,b\r\nc,d")), ElementsAre(Row{"a", "b"}, Row{"c", "d"}));
  EXPECT_THAT(fields_of(sdk::parse_csv("a\rb\r")), ElementsAre(Row{"a"}, Row{"b"}));
  EXPECT_TRUE(sdk::parse_csv("").empty());
  EXPECT_TRUE(sdk::parse_csv("\r\n\n").empty());
}

TEST(Csv, QuotedFieldsHoldDelimitersLineBreaksAndDoubledQuotes) {
  const auto rows = sdk::parse_csv(
      "ma_bn,ghi_chu,so\r\n"
      "BN001,\"Khoa Nội, tầng 2\",1\r\n"
      "BN002,\"dòng một\r\ndòng hai\",2\r\n"
      "BN003,\"nói \"\"xin chào\"\"\",\"\"\r\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_THAT(rows[1].fields, ElementsAre("BN001", "Khoa Nội, tầng 2", "1"));
  EXPECT_THAT(rows[2].fields, ElementsAre("BN002", "dòng một\r\ndòng hai", "2"));
  EXPECT_THAT(rows[3].fields, ElementsAre("BN003", "nói \"xin chào\"", ""));
  // Each record knows the line it begins on, line breaks inside quotes counted.
  EXPECT_EQ(rows[0].line, 1u);
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[2].line, 3u);
  EXPECT_EQ(rows[3].line, 5u);
}

TEST(Csv, EmptyFieldsAndEmptyLines) {
  const auto rows = sdk::parse_csv("a,,c,\n\n\n,\nx");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_THAT(rows[0].fields, ElementsAre("a", "", "c", ""));
  EXPECT_THAT(rows[1].fields, ElementsAre("", ""));
  EXPECT_EQ(rows[1].line, 4u) << "empty lines are skipped but counted";
  EXPECT_THAT(rows[2].fields, ElementsAre("x"));
  EXPECT_EQ(rows[2].line, 5u);
}

TEST(Csv, ErrorsNameTheLine) {
  EXPECT_EQ(error_line("a,b\nc,\"never closed\nd,e\n"), 2u) << "where the quote opened";
  EXPECT_EQ(error_line("a,b\nc,d\"e\n"), 2u) << "a quote inside an unquoted field";
  EXPECT_EQ(error_line("a\n\"x\"y,z\n"), 2u) << "text after a closing quote";
  try {
    sdk::parse_csv("\"open");
    FAIL();
  } catch (const sdk::CsvError& e) {
    EXPECT_THAT(e.what(), HasSubstr("never closed"));
    EXPECT_THAT(e.what(), HasSubstr("không được đóng"));
  }
}

TEST(Csv, AReaderGoesRecordByRecord) {
  sdk::CsvReader reader("x;y\n1;2\n", ';');
  sdk::CsvRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_THAT(row.fields, ElementsAre("x", "y"));
  ASSERT_TRUE(reader.next(row));
  EXPECT_THAT(row.fields, ElementsAre("1", "2"));
  EXPECT_EQ(row.line, 2u);
  EXPECT_FALSE(reader.next(row));
}

TEST(Csv, TheDelimiterIsGuessedFromTheFirstLine) {
  EXPECT_EQ(sdk::guess_csv_delimiter("a,b,c\n1;2"), ',');
  EXPECT_EQ(sdk::guess_csv_delimiter("ma_bn;ho_ten;sdt\nBN1;\"Lan, Hoa\";09"), ';');
  EXPECT_EQ(sdk::guess_csv_delimiter("\"a;b;c\",d\n"), ',') << "quoted ones do not count";
  EXPECT_EQ(sdk::guess_csv_delimiter("one_column\n"), ',');
}

TEST(Csv, WrittenFieldsReadBackAsTheyWere) {
  const std::vector<std::string> fields = {"plain", "Nguyễn, Văn \"An\"", "two\nlines", " padded ",
                                           ""};
  const std::string line = sdk::csv_record(fields);
  EXPECT_EQ(line.substr(line.size() - 2), "\r\n");
  const auto back = sdk::parse_csv(line);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].fields, fields);
}

TEST(Csv, AFieldThatASpreadsheetWouldRunAsAFormulaIsDisarmed) {
  EXPECT_EQ(sdk::csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(sdk::csv_field("+84912"), "'+84912");
  EXPECT_EQ(sdk::csv_field("-1"), "'-1");
  EXPECT_EQ(sdk::csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(sdk::csv_field("BN00563"), "BN00563");
}

}  // namespace
}  // namespace hisx::test
