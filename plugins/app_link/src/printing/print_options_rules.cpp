#include "printing/print_options_rules.h"

namespace hisx::app_link {

std::optional<SlipFormat> parse_slip_format(std::string_view text) {
  if (text == "pdf") return SlipFormat::Pdf;
  if (text == "png") return SlipFormat::Png;
  if (text == "svg") return SlipFormat::Svg;
  if (text == "html") return SlipFormat::Html;
  if (text == "escpos") return SlipFormat::EscPos;
  return std::nullopt;
}

std::optional<SlipSize> parse_slip_size(std::string_view text) {
  if (text == "a5") return SlipSize::A5;
  if (text == "80mm") return SlipSize::Roll80mm;
  return std::nullopt;
}

std::string format_name(SlipFormat format) {
  switch (format) {
    case SlipFormat::Pdf:
      return "pdf";
    case SlipFormat::Png:
      return "png";
    case SlipFormat::Svg:
      return "svg";
    case SlipFormat::Html:
      return "html";
    case SlipFormat::EscPos:
      return "escpos";
  }
  return "pdf";
}

std::string content_type(SlipFormat format) {
  switch (format) {
    case SlipFormat::Pdf:
      return "application/pdf";
    case SlipFormat::Png:
      return "image/png";
    case SlipFormat::Svg:
      return "image/svg+xml";
    case SlipFormat::Html:
      return "text/html; charset=utf-8";
    case SlipFormat::EscPos:
      return "application/vnd.escpos";
  }
  return "application/octet-stream";
}

std::string file_extension(SlipFormat format) {
  return format == SlipFormat::EscPos ? "bin" : format_name(format);
}

std::string print_file_name(std::string_view stem, std::string_view key,
                            std::string_view extension) {
  std::string name;
  const auto add = [&](std::string_view part) {
    for (const char c : part) {
      const bool safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
      name += safe ? c : '_';
    }
  };
  add(stem);
  if (!key.empty()) {
    name += '-';
    add(key);
  }
  if (name.size() > 80) name.resize(80);
  return name + "." + std::string(extension);
}

}  // namespace hisx::app_link
