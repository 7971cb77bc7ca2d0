#pragma once

#include <filesystem>
#include <string>

namespace hisx::host {

/// The Content-Type of a static file from its extension (case-insensitive): html, css, js,
/// mjs, json, map, svg, png, jpg/jpeg, gif, webp, ico, woff, woff2, txt; text types carry
/// `charset=utf-8`. Anything else is application/octet-stream (with nosniff the browser then
/// neither renders nor runs it).
std::string content_type_for(const std::filesystem::path& file);

/// True for HTML files, which are served with `Cache-Control: no-cache`.
bool is_html(const std::filesystem::path& file);

}  // namespace hisx::host
