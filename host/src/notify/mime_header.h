#pragma once

#include <string>
#include <string_view>

namespace hisx::host {

/// `utf8` as the value of a mail header (Subject, the name in From): unchanged when it is
/// printable ASCII; otherwise RFC 2047 "B" encoded words of whole UTF-8 characters, folded so
/// that no line passes 76 characters after a "Subject: " prefix. Poco 1.11's
/// MailMessage::encodeWord() may cut a character between two words, which RFC 2047 forbids
/// and some mail readers show as garbage; Vietnamese text always has such characters.
std::string encode_mime_header(std::string_view utf8);

}  // namespace hisx::host
