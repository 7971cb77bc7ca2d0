#include "hl7_escape.h"

#include <gtest/gtest.h>

namespace hisx::hl7 {
namespace {

TEST(Hl7Escape, EscapesEveryDelimiterAndLineBreak) {
  EXPECT_EQ(escape("a|b^c~d\\e&f\rg\nh"), "a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f\\X0D\\g\\X0A\\h");
  EXPECT_EQ(escape(""), "");
}

TEST(Hl7Escape, KeepsVietnameseUtf8AsItIs) {
  const std::string name = "Nguyễn Thị Ánh Tuyết, 12 Đường Lê Lợi";
  EXPECT_EQ(escape(name), name);
}

TEST(Hl7Escape, UnescapeReversesEscape) {
  for (const std::string text : {"a|b^c~d\\e&f\rg\nh", "Trần Văn Đức & con", "\\", "|||", ""}) {
    EXPECT_EQ(unescape(escape(text)), text) << text;
  }
  EXPECT_EQ(unescape("\\X0D0A\\"), "\r\n");
}

TEST(Hl7Escape, UnknownOrUnterminatedSequencesStayAsWritten) {
  EXPECT_EQ(unescape("\\H\\bold\\N\\"), "\\H\\bold\\N\\");
  EXPECT_EQ(unescape("end\\F"), "end\\F");
  EXPECT_EQ(unescape("\\XZZ\\"), "\\XZZ\\");
}

}  // namespace
}  // namespace hisx::hl7
