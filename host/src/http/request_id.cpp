#include "http/request_id.h"

#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <cctype>

namespace hisx::host {

bool is_valid_request_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

std::string new_request_id() {
  return Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
}

std::string request_id_for(const std::optional<std::string>& incoming) {
  if (incoming && is_valid_request_id(*incoming)) return *incoming;
  return new_request_id();
}

}  // namespace hisx::host
