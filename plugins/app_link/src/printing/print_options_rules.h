#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hisx::app_link {

/// What a slip is printed as.
enum class SlipFormat {
  Pdf,     ///< The whole slip, A5 or an 80 mm roll.
  Png,     ///< The QR block alone (code, code as text, hotline), for a HIS's own slip template.
  Svg,     ///< The same block as SVG.
  Html,    ///< The same block as a self-contained HTML fragment (inline SVG).
  EscPos,  ///< The whole slip for an 80 mm thermal printer.
};

/// The paper of a PDF slip.
enum class SlipSize {
  A5,        ///< 148 × 210 mm.
  Roll80mm,  ///< An 80 mm receipt roll.
};

/// The format named `text` (pdf, png, svg, html, escpos; lower case), or nothing.
std::optional<SlipFormat> parse_slip_format(std::string_view text);
/// The size named `text` (a5, 80mm), or nothing.
std::optional<SlipSize> parse_slip_size(std::string_view text);

/// "pdf", "png", "svg", "html" or "escpos", as recorded with each print.
std::string format_name(SlipFormat format);
/// The Content-Type a slip of `format` is sent with.
std::string content_type(SlipFormat format);
/// The file extension of `format`, without the dot ("bin" for ESC/POS bytes).
std::string file_extension(SlipFormat format);

/// A file name safe in a Content-Disposition header: `stem` and `key` joined by "-", every
/// character outside A–Z, a–z, 0–9, "-" and "_" replaced by "_", at most 80 characters
/// before ".extension".
std::string print_file_name(std::string_view stem, std::string_view key,
                            std::string_view extension);

}  // namespace hisx::app_link
