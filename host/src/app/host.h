#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/plugin_context.h"
#include "audit/audit_log.h"
#include "auth/accounts.h"
#include "auth/api_keys.h"
#include "auth/devices.h"
#include "config/config.h"
#include "db/database_pool.h"
#include "db/his_profile_file.h"
#include "db/statement_declarations.h"
#include "events/outbox_event_bus.h"
#include "hisx/clock.h"
#include "http/route_table.h"
#include "jobs/job_scheduler.h"
#include "metrics/metrics_registry.h"
#include "notify/notification_service.h"
#include "plugins/plugin_set.h"

namespace hisx::host {

/// Progress of long work, for a terminal: (step, done, total).
using HostProgress = std::function<void(const std::string& step, long done, long total)>;

/// The assembled host: databases, HIS profile, plugins and their routes. hisxd runs all of
/// it; the hisx CLI uses the parts it needs. Each step refuses with a message naming what is
/// wrong and how to fix it.
class Host {
 public:
  explicit Host(HostConfig config);
  /// A host on `clock` instead of the system clock or `clock.start`'s (the in-process test
  /// harness, hisx/testing/harness.h, passes a ManualClock).
  Host(HostConfig config, std::unique_ptr<sdk::Clock> clock);
  ~Host();

  const HostConfig& config() const { return config_; }

  /// Creates data_dir and opens the `his` and `store` pools.
  void open_databases();
  /// Creates the host services (events, jobs, notifications, metrics, audit, accounts) on the
  /// open databases; reads their configuration sections. Call after open_databases().
  void open_services();
  /// Starts their background work (delivery, scheduling, sending); after start_plugins().
  void start_services();
  /// Stops their background work; before the databases close.
  void stop_services();

  /// With `demo.seed_on_empty`, creates and seeds the demo HIS when the HIS database has none.
  /// Returns true when it seeded.
  bool prepare_demo(const HostProgress& progress = {});
  /// Loads the enabled plugins (ABI, manifest, dependencies) and validates their settings.
  void load_plugins();
  /// Applies the host's and every loaded plugin's pending migrations.
  void migrate(const std::function<void(const std::string&)>& progress = {});
  /// Refuses when migrations are pending (for `database.migrate_on_start: false`).
  void require_migrated();
  /// Loads the HIS profile and checks every statement the plugins need against the HIS.
  /// Returns a readable report of the issues found, empty when the profile is good.
  std::string check_profile();
  /// The HIS profile once check_profile() loaded it, else nullptr.
  const ProfileFile* his_profile() const { return profile_.get(); }
  /// Starts the plugins in dependency order, registering their routes.
  void start_plugins();
  /// Stops the plugins in reverse order.
  void stop_plugins();

  /// Everything before start_plugins(), in order: databases, the demo HIS when configured,
  /// plugins, migrations (or the check that none is pending), the HIS profile check (throws
  /// std::runtime_error with the report when the profile does not fit), the host services
  /// and the host's own routes. hisxd adds the staff pages next, then starts the plugins.
  void prepare(const std::function<void(const std::string&)>& log = {});

  /// Every role a key or user may hold: the built-in roles and those plugins define.
  std::vector<std::string> roles() const;
  /// The HIS statements the enabled plugins declare (a statement may appear once per plugin).
  std::vector<DeclaredStatement> declared_statements() const;

  DatabasePool& his() { return *his_; }
  DatabasePool& store() { return *store_; }
  RouteTable& routes() { return routes_; }
  const PluginSet& plugins() const { return plugins_; }
  ApiKeyStore& api_keys() { return *api_keys_; }
  /// Device credentials of boards and kiosks (after open_databases()).
  DeviceStore& devices() { return *devices_; }
  /// The device scopes the loaded plugins define (after load_plugins()).
  std::vector<sdk::DeviceScope> device_scopes() const;
  /// Staff users and sessions (after open_services()).
  Accounts& accounts() { return *accounts_; }
  const sdk::Clock& clock() const { return *clock_; }
  /// The metrics registry (after open_services()); services add collectors to it.
  MetricsRegistry& metrics() { return *metrics_; }
  /// The audit trail (after open_services()); the HTTP server's audit hook writes to it.
  AuditLog& audit() { return *audit_; }
  /// The event bus (after open_services()); the host publishes with source "host".
  OutboxEventBus& events() { return *events_; }
  /// The job scheduler (after open_services()).
  JobScheduler& jobs() { return *jobs_; }
  /// A plugin's validated settings (after load_plugins()), or null for an unknown plugin.
  const sdk::Settings* settings_of(const std::string& plugin) const {
    auto it = settings_.find(plugin);
    return it == settings_.end() ? nullptr : &it->second;
  }
  /// The services plugins published for each other.
  const ServiceRegistry& services() const { return service_registry_; }
  /// The notifier (after open_services()).
  NotificationService& notifications() { return *notify_; }

 private:
  HostConfig config_;
  std::unique_ptr<sdk::Clock> clock_;  ///< The system clock, or clock.start's.
  sdk::TimeZone zone_;                 ///< The hospital's, `timezone`.
  std::shared_ptr<DatabasePool> his_;
  std::shared_ptr<DatabasePool> store_;
  std::unique_ptr<ProfileFile> profile_;
  std::map<std::string, sdk::Settings> settings_;
  std::unique_ptr<ApiKeyStore> api_keys_;
  std::unique_ptr<DeviceStore> devices_;
  RouteTable routes_;
  // Host services (each service adds its owner below and sets its pointer in services_ in
  // open_services()).
  HostServices services_;
  ServiceRegistry service_registry_;          // What plugins publish for each other.
  std::unique_ptr<Accounts> accounts_;        // Staff users, sessions, login limits.
  std::unique_ptr<MetricsRegistry> metrics_;  // Served at /metrics; plugins add their own.
  std::unique_ptr<AuditLog> audit_;           // Every write, appended to hisx_host_audit.
  std::unique_ptr<OutboxEventBus> events_;    // The event bus (transactional outbox).
  // Periodic and one-off jobs, leased in the store.
  std::unique_ptr<JobScheduler> jobs_;
  std::unique_ptr<NotificationService> notify_;    // Messages: outbox table and sender thread.
  std::unique_ptr<StoreIdempotency> idempotency_;  // Idempotency-Keys of write routes.
  std::unique_ptr<StoreRateLimits> rate_limits_;   // Plugins' rate limits and lockouts.
  PluginSet plugins_;
};

}  // namespace hisx::host
