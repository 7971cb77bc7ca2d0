#pragma once

#include <atomic>
#include <chrono>
#include <string>

#include "hisx/clock.h"
#include "hisx/database.h"
#include "hisx/idempotency.h"

namespace hisx::host {

class ConfigReader;

/// The Idempotency service of every plugin: keys in hisx_host_idempotency in the store
/// database, so that all hosts of a deployment share them. Keys older than `keep` are removed,
/// at most once an hour per host, when a new key is claimed.
class StoreIdempotency final : public sdk::Idempotency {
 public:
  StoreIdempotency(sdk::Database& store, const sdk::Clock& clock, std::chrono::hours keep);
  sdk::WriteAnswer run(const sdk::Request& req, const std::string& scope,
                       const std::string& request,
                       const std::function<sdk::WriteAnswer(soci::session&)>& work) override;
  std::optional<sdk::WriteAnswer> replayed(const sdk::Request& req, const std::string& scope,
                                           const std::string& request) override;

 private:
  void remove_old_keys();

  sdk::Database& store_;
  const sdk::Clock& clock_;
  std::chrono::hours keep_;
  std::atomic<long long> last_purge_{0};  // seconds since the epoch
};

/// `idempotency.keep_hours` (1–8760, default 168): how long a key is kept.
std::chrono::hours read_idempotency_keep(const ConfigReader& reader);

/// A plugin's view: scopes are kept as "<plugin>:<scope>", so two plugins never share a key.
class PluginIdempotency final : public sdk::Idempotency {
 public:
  PluginIdempotency(sdk::Idempotency& inner, std::string plugin)
      : inner_(inner), plugin_(std::move(plugin)) {}
  sdk::WriteAnswer run(const sdk::Request& req, const std::string& scope,
                       const std::string& request,
                       const std::function<sdk::WriteAnswer(soci::session&)>& work) override {
    return inner_.run(req, plugin_ + ":" + scope, request, work);
  }
  std::optional<sdk::WriteAnswer> replayed(const sdk::Request& req, const std::string& scope,
                                           const std::string& request) override {
    return inner_.replayed(req, plugin_ + ":" + scope, request);
  }

 private:
  sdk::Idempotency& inner_;
  std::string plugin_;
};

}  // namespace hisx::host
