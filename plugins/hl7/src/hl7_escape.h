#pragma once

#include <string>
#include <string_view>

namespace hisx::hl7 {

/// `text` with HL7 v2's delimiters escaped for the default encoding characters `|^~\&`:
/// `|` → `\F\`, `^` → `\S\`, `~` → `\R\`, `\` → `\E\`, `&` → `\T\`, a carriage return →
/// `\X0D\` and a line feed → `\X0A\` (a raw CR would end the segment). Every other byte,
/// Vietnamese UTF-8 included, is kept as it is.
std::string escape(std::string_view text);

/// The inverse of escape(): the escape sequences above decoded, `\Xhh…\` as bytes; an
/// unknown or unterminated sequence is kept as written.
std::string unescape(std::string_view text);

}  // namespace hisx::hl7
