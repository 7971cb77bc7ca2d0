#include "hisx/text.h"

#include <gtest/gtest.h>

namespace hisx::sdk {
namespace {

TEST(Text, MarkupIsEscapedAndVietnameseKept) {
  EXPECT_EQ(escape_markup(R"(<b class="x">Lê & 'Hoa'</b>)"),
            "&lt;b class=&quot;x&quot;&gt;Lê &amp; &#39;Hoa&#39;&lt;/b&gt;");
  EXPECT_EQ(escape_markup("Nguyễn Thị Ngọc Ánh"), "Nguyễn Thị Ngọc Ánh");
  EXPECT_EQ(escape_markup(""), "");
}

}  // namespace
}  // namespace hisx::sdk
