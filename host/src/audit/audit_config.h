#pragma once

#include <string>
#include <vector>

namespace hisx::host {

class ConfigReader;

/// The `audit` section of hisx.yaml.
struct AuditConfig {
  /// `audit.trusted_proxies`: peers (IP addresses) whose X-Forwarded-For is believed, so that
  /// behind nginx the audit trail names the client rather than the proxy. Default: loopback.
  std::vector<std::string> trusted_proxies = {"127.0.0.1", "::1"};
};

/// Reads and checks the `audit` section; throws ConfigError naming the key.
AuditConfig read_audit_config(const ConfigReader& config);

}  // namespace hisx::host
