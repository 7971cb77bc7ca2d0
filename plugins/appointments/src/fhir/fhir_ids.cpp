#include "fhir/fhir_ids.h"

#include <algorithm>

namespace hisx::appointments {

namespace {

constexpr std::size_t kMaxFhirId = 64;
constexpr char kHex[] = "0123456789abcdef";

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool starts_with_prefix(std::string_view text) {
  return text.substr(0, kEncodedFhirIdPrefix.size()) == kEncodedFhirIdPrefix;
}

}  // namespace

bool is_fhir_id(std::string_view text) {
  if (text.empty() || text.size() > kMaxFhirId) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.';
  });
}

std::string fhir_id_of(const sdk::HisId& id) {
  if (is_fhir_id(id) && !starts_with_prefix(id)) return id;
  std::string out(kEncodedFhirIdPrefix);
  for (const char c : id) {
    const auto byte = static_cast<unsigned char>(c);
    out += kHex[byte >> 4];
    out += kHex[byte & 0x0F];
  }
  return out;
}

std::optional<sdk::HisId> his_id_of_fhir(std::string_view fhir_id) {
  if (!starts_with_prefix(fhir_id)) {
    if (!sdk::is_his_id(fhir_id)) return std::nullopt;
    return sdk::HisId(fhir_id);
  }
  const std::string_view hex = fhir_id.substr(kEncodedFhirIdPrefix.size());
  if (hex.empty() || hex.size() % 2 != 0) return std::nullopt;
  sdk::HisId out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = hex_value(hex[i]), lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>((hi << 4) | lo);
  }
  if (!sdk::is_his_id(out)) return std::nullopt;
  return out;
}

}  // namespace hisx::appointments
