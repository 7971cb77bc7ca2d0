#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hisx::hl7 {

/// MLLP's block characters: a message is sent as 0x0B, the message, 0x1C 0x0D.
inline constexpr char kStartBlock = '\x0b';
inline constexpr char kEndBlock = '\x1c';
inline constexpr char kCarriageReturn = '\x0d';

/// `message` framed for MLLP.
std::string frame(std::string_view message);

/// Takes the first whole frame off the front of `buffer` and returns its message; nothing
/// (and `buffer` untouched) while the frame is not complete. Bytes before a start block are
/// dropped.
std::optional<std::string> take_frame(std::string& buffer);

/// What an ACK says.
struct Acknowledgment {
  std::string code;        ///< MSA-1: AA, AE, AR (original mode) or CA, CE, CR (enhanced).
  std::string control_id;  ///< MSA-2: the MSH-10 it acknowledges.
  std::string text;        ///< MSA-3 and ERR's diagnostics, unescaped, for the operator.
  /// AA or CA: the receiver took the message.
  bool accepted() const { return code == "AA" || code == "CA"; }
};

/// The acknowledgment in an ACK message (segments split at CR, or LF from sloppy senders);
/// nothing when it has no MSA segment.
std::optional<Acknowledgment> parse_ack(std::string_view message);

/// An ACK to `message` with `code` (AA, AE, …) and `text`: what a receiver answers, for
/// tests and for checking a HIS's listener by hand.
std::string make_ack(std::string_view message, std::string_view code, std::string_view text = {});

}  // namespace hisx::hl7
