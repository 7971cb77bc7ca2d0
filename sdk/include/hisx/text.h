#pragma once

#include <string>
#include <string_view>

#include "hisx/export.h"

namespace hisx::sdk {

/// Lower-cases UTF-8 text and strips Vietnamese diacritics (đ→d), for search keys.
/// Covers every letter of the Vietnamese alphabet in both cases, precomposed (NFC) or
/// decomposed (base letter followed by combining marks, as some keyboards and macOS send:
/// every combining mark U+0300–U+036F is dropped). ASCII letters are lower-cased; any other
/// character, and any byte that is not valid UTF-8, is kept unchanged. "Nguyễn Thị Ánh Đào" →
/// "nguyen thi anh dao".
HISX_SDK_API std::string fold_search_text(std::string_view utf8);

/// Text made safe inside HTML or XML, in an element or a quoted attribute: & < > " ' become
/// &amp; &lt; &gt; &quot; &#39;; everything else, UTF-8 included, is kept. Since 2.1.
HISX_SDK_API std::string escape_markup(std::string_view text);

}  // namespace hisx::sdk
