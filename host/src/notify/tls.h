#pragma once

#include <Poco/Net/Context.h>

#include <string>

namespace hisx::host {

/// A TLS client context for the notification drivers: TLS 1.2 or newer, the server's
/// certificate verified against the system's CAs (plus `ca_file`, a PEM bundle, when given)
/// and its host name checked. An invalid certificate is refused, never prompted for.
Poco::Net::Context::Ptr client_tls_context(const std::string& ca_file);

}  // namespace hisx::host
