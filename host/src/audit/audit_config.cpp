#include "audit/audit_config.h"

#include <Poco/Net/IPAddress.h>

#include "config/config_reader.h"

namespace hisx::host {

AuditConfig read_audit_config(const ConfigReader& config) {
  AuditConfig out;
  config.only_keys("audit", {"trusted_proxies"});
  if (config.has("audit.trusted_proxies")) {
    out.trusted_proxies = config.list("audit.trusted_proxies");
    for (std::size_t i = 0; i < out.trusted_proxies.size(); ++i) {
      Poco::Net::IPAddress address;
      if (!Poco::Net::IPAddress::tryParse(out.trusted_proxies[i], address)) {
        config.fail(
            "audit.trusted_proxies[" + std::to_string(i) + "]",
            "expected an IP address such as 127.0.0.1, found '" + out.trusted_proxies[i] + "'");
      }
      out.trusted_proxies[i] = address.toString();  // One spelling, as the server reports it.
    }
  }
  return out;
}

}  // namespace hisx::host
