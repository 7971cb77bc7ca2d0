#include "http/client_address.h"

#include <algorithm>
#include <sstream>

namespace hisx::host {

namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool is_trusted(const std::string& address, const std::vector<std::string>& trusted) {
  return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
}

}  // namespace

std::string host_of(const std::string& address) {
  if (!address.empty() && address.front() == '[') {
    const auto close = address.find(']');
    return close == std::string::npos ? address : address.substr(1, close - 1);
  }
  // One colon: IPv4 with port. More: a bare IPv6 address.
  const auto colon = address.find(':');
  if (colon != std::string::npos && address.find(':', colon + 1) == std::string::npos) {
    return address.substr(0, colon);
  }
  return address;
}

std::string client_address_of(const std::string& peer,
                              const std::optional<std::string>& forwarded_for,
                              const std::vector<std::string>& trusted_proxies) {
  std::string client = host_of(peer);
  if (!forwarded_for || !is_trusted(client, trusted_proxies)) return client;
  std::vector<std::string> hops;
  std::istringstream in(*forwarded_for);
  std::string hop;
  while (std::getline(in, hop, ',')) hops.push_back(host_of(trimmed(hop)));
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    if (it->empty()) break;  // A malformed header: keep the last trustworthy address.
    client = *it;
    if (!is_trusted(client, trusted_proxies)) break;
  }
  return client.substr(0, 64);
}

}  // namespace hisx::host
