#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hisx::host {

/// The host part of a socket address: "10.0.0.7:51234" → "10.0.0.7", "[::1]:8080" → "::1".
std::string host_of(const std::string& address);

/// Where a request really comes from, for the login rate limit: the socket peer (`peer`, with
/// or without port), or — only when the peer is one of `trusted_proxies` — the right-most
/// address in X-Forwarded-For that is not itself a trusted proxy. A client cannot choose its
/// own address by sending X-Forwarded-For to a host that trusts no proxy.
std::string client_address_of(const std::string& peer,
                              const std::optional<std::string>& forwarded_for,
                              const std::vector<std::string>& trusted_proxies);

}  // namespace hisx::host
