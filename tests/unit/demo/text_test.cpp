#include "hisx/text.h"

#include <gtest/gtest.h>

namespace {

using hisx::sdk::fold_search_text;

TEST(FoldSearchText, FoldsEveryVietnameseLetter) {
  // The 67 marked letters of the alphabet, lower and upper case, in groups by base letter.
  EXPECT_EQ(fold_search_text("àáảãạăằắẳẵặâầấẩẫậ"), std::string(17, 'a'));
  EXPECT_EQ(fold_search_text("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"), std::string(17, 'a'));
  EXPECT_EQ(fold_search_text("èéẻẽẹêềếểễệ"), std::string(11, 'e'));
  EXPECT_EQ(fold_search_text("ÈÉẺẼẸÊỀẾỂỄỆ"), std::string(11, 'e'));
  EXPECT_EQ(fold_search_text("ìíỉĩị"), std::string(5, 'i'));
  EXPECT_EQ(fold_search_text("ÌÍỈĨỊ"), std::string(5, 'i'));
  EXPECT_EQ(fold_search_text("òóỏõọôồốổỗộơờớởỡợ"), std::string(17, 'o'));
  EXPECT_EQ(fold_search_text("ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"), std::string(17, 'o'));
  EXPECT_EQ(fold_search_text("ùúủũụưừứửữự"), std::string(11, 'u'));
  EXPECT_EQ(fold_search_text("ÙÚỦŨỤƯỪỨỬỮỰ"), std::string(11, 'u'));
  EXPECT_EQ(fold_search_text("ỳýỷỹỵ"), std::string(5, 'y'));
  EXPECT_EQ(fold_search_text("ỲÝỶỸỴ"), std::string(5, 'y'));
  EXPECT_EQ(fold_search_text("đĐ"), "dd");
}

TEST(FoldSearchText, FoldsFullNames) {
  EXPECT_EQ(fold_search_text("Nguyễn Thị Ánh Đào"), "nguyen thi anh dao");
  EXPECT_EQ(fold_search_text("TRẦN VĂN HƯỞNG"), "tran van huong");
  EXPECT_EQ(fold_search_text("Huỳnh Ngọc Quỳnh Hương"), "huynh ngoc quynh huong");
  EXPECT_EQ(fold_search_text("Võ Thị Mỹ Duyên"), "vo thi my duyen");
  EXPECT_EQ(fold_search_text("Đặng Bùi Ước"), "dang bui uoc");
}

TEST(FoldSearchText, LowerCasesAsciiAndKeepsDigitsAndPunctuation) {
  EXPECT_EQ(fold_search_text("BN2600123"), "bn2600123");
  EXPECT_EQ(fold_search_text("0912 345-678"), "0912 345-678");
  EXPECT_EQ(fold_search_text("Số 12, khóm 3"), "so 12, khom 3");
  EXPECT_EQ(fold_search_text(""), "");
}

TEST(FoldSearchText, StripsCombiningMarksOfDecomposedText) {
  // "Nguyễn Hồ" typed decomposed: e + circumflex (U+0302) + tilde (U+0303), o + U+0302 + grave.
  EXPECT_EQ(fold_search_text("Nguye\xCC\x82\xCC\x83n Ho\xCC\x82\xCC\x80"), "nguyen ho");
  // Horn (U+031B) and dot below (U+0323) on u/o: "Ượ" decomposed.
  EXPECT_EQ(fold_search_text("U\xCC\x9B\xCC\xA3o\xCC\x9B\xCC\xA3"), "uo");
}

TEST(FoldSearchText, KeepsOtherCharactersAndInvalidBytes) {
  EXPECT_EQ(fold_search_text("Ü ç 漢字 €"), "Ü ç 漢字 €");
  EXPECT_EQ(fold_search_text("a\xFF"
                             "b\xC3"),
            "a\xFF"
            "b\xC3");                         // Stray and truncated bytes.
  EXPECT_EQ(fold_search_text("Ðào"), "dao");  // Eth typed for Đ.
}

TEST(FoldSearchText, IsIdempotent) {
  const std::string once = fold_search_text("Lê Thị Hồng Nhung");
  EXPECT_EQ(fold_search_text(once), once);
}

}  // namespace
