#include "app/host.h"

#include <Poco/Logger.h>

#include <set>

#include "app/host_migration_sets.h"
#include "app/host_routes.h"
#include "app/plugin_context.h"
#include "app/started_clock.h"
#include "audit/append_only.h"
#include "audit/audit_routes.h"
#include "auth/auth_config.h"
#include "auth/auth_routes.h"
#include "auth/device_routes.h"
#include "db/migrator.h"
#include "db/plugin_profile.h"
#include "db/profile_check.h"
#include "demo/demo_calendar.h"
#include "demo/demo_his.h"
#include "events/events_config.h"
#include "events/events_routes.h"
#include "hisx/roles.h"
#include "jobs/job_listing.h"
#include "jobs/jobs_config.h"
#include "metrics/metrics_routes.h"
#include "metrics/pool_metrics.h"
#include "notify/notify_config.h"
#include "notify/notify_routes.h"
#include "openapi/openapi_routes.h"
#include "plugins/plugin_call.h"
#include "plugins/settings_validation.h"

namespace hisx::host {

namespace {

// How many tables the HIS database already has, so that the demo is only ever created in an
// empty database, never next to a hospital's real HIS tables. hisx's own tables (hisx_…) do
// not count: `hisx migrate` or `hisx apikey create` run before the first start create them.
long count_tables(DatabasePool& db) {
  const auto s_lease = db.session();
  soci::session& s = *s_lease;
  long count = 0;
  if (db.backend() == "sqlite3") {
    s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
         "AND name NOT LIKE 'hisx!_%' ESCAPE '!'",
        soci::into(count);
  } else {
    const std::string schema = db.backend() == "mysql" ? "DATABASE()" : "current_schema()";
    s << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = " + schema +
             " AND table_name NOT LIKE 'hisx!_%' ESCAPE '!'",
        soci::into(count);
  }
  return count;
}

}  // namespace

Host::Host(HostConfig config)
    : config_(std::move(config)), zone_(sdk::TimeZone::locate(config_.timezone)) {
  services_.services = &service_registry_;
  if (config_.clock_start) {
    clock_ = std::make_unique<StartedClock>(*config_.clock_start);
  } else {
    clock_ = std::make_unique<sdk::SystemClock>();
  }
}

Host::Host(HostConfig config, std::unique_ptr<sdk::Clock> clock)
    : config_(std::move(config)),
      clock_(std::move(clock)),
      zone_(sdk::TimeZone::locate(config_.timezone)) {
  services_.services = &service_registry_;
}

Host::~Host() {
  stop_plugins();
  stop_services();
}

void Host::open_databases() {
  std::error_code ec;
  std::filesystem::create_directories(config_.data_dir, ec);
  if (ec) {
    throw ConfigError(config_.file.string(), "data_dir",
                      "cannot create " + config_.data_dir.string() + ": " + ec.message());
  }
  his_ = open_database(config_.his);
  store_ = config_.store_is_his ? his_ : open_database(config_.store);
  api_keys_ = std::make_unique<ApiKeyStore>(*store_, *clock_);
  devices_ = std::make_unique<DeviceStore>(*store_, *clock_);
}

bool Host::prepare_demo(const HostProgress& progress) {
  if (!config_.demo.seed_on_empty) return false;
  {
    const auto s_lease = his_->session();
    soci::session& s = *s_lease;
    if (demo_schema_exists(s)) return false;
  }
  auto& log = Poco::Logger::get("hisx.demo");
  if (long tables = count_tables(*his_); tables > 0) {
    log.warning(
        "demo.seed_on_empty is on, but the HIS database already holds %ld tables and no "
        "demo HIS; not creating the demo there",
        tables);
    return false;
  }
  log.information("Creating the demo HIS (%d patients, %d days) in %s", config_.demo.patients,
                  config_.demo.days, config_.his.key);
  DemoSeedOptions options;
  options.patients = config_.demo.patients;
  options.days = config_.demo.days;
  options.seed = config_.demo.seed;
  options.timezone = config_.timezone;
  options.end_date =
      demo::format_date(demo::hospital_date(clock_->now(), zone_));  // clock.start too
  const auto s_lease = his_->session();
  soci::session& s = *s_lease;
  create_demo_schema(s, his_->backend());
  auto summary =
      seed_demo(s, his_->backend(), options, [&](std::string_view step, long done, long total) {
        if (progress) progress(std::string(step), done, total);
      });
  log.information("Demo HIS ready: %ld patients, %ld visits, %ld lab/imaging orders, %ld invoices",
                  summary.patients, summary.visits, summary.orders, summary.invoices);
  return true;
}

void Host::load_plugins() {
  plugins_ = PluginSet::load(config_.plugin_paths, config_.plugins_enabled);
  for (auto& plugin : plugins_.plugins()) {
    YAML::Node node;
    if (config_.plugin_settings.IsDefined() && config_.plugin_settings.IsMap()) {
      node = config_.plugin_settings[plugin.name];
    }
    settings_[plugin.name] =
        validate_settings(config_.file.string(), plugin.name, node, plugin.manifest.settings);
  }
}

void Host::open_services() {
  // Staff accounts: users, sessions and the auth routes (roles: after load_plugins()).
  AuthConfig auth = read_auth_config(*config_.reader);
  auth.signing_key_home = {config_.store_is_his, config_.data_dir};
  accounts_ = std::make_unique<Accounts>(*store_, *clock_, std::move(auth));
  add_auth_routes(routes_, *accounts_, roles());
  add_device_routes(routes_, *devices_, [this] { return device_scopes(); });
  // Metrics first: the other services count into it.
  metrics_ = std::make_unique<MetricsRegistry>();
  services_.metrics = metrics_.get();
  add_pool_metrics(*metrics_, "his", his_->pool(), static_cast<std::size_t>(config_.his.pool_size));
  if (!config_.store_is_his) {
    add_pool_metrics(*metrics_, "store", store_->pool(),
                     static_cast<std::size_t>(config_.store.pool_size));
  }
  add_metrics_routes(routes_, *metrics_);
  audit_ = std::make_unique<AuditLog>(*store_, *clock_);
  add_audit_routes(routes_, *audit_);
  add_openapi_routes(routes_, HISX_VERSION);
  idempotency_ =
      std::make_unique<StoreIdempotency>(*store_, *clock_, read_idempotency_keep(*config_.reader));
  services_.idempotency = idempotency_.get();
  rate_limits_ = std::make_unique<StoreRateLimits>(*store_, *clock_);
  services_.rate_limits = rate_limits_.get();
  // Events: the outbox bus; each plugin's context wraps it with the plugin's name.
  events_ = std::make_unique<OutboxEventBus>(*store_, *clock_, read_events_config(*config_.reader));
  services_.events = events_.get();
  PluginRouter host_router(routes_, "host");
  add_events_routes(host_router, *events_);
  auto& backlog = metrics_->gauge("hisx_outbox_backlog", "Event deliveries waiting");
  auto& dead = metrics_->gauge("hisx_outbox_dead_letters", "Event deliveries given up on");
  metrics_->add_collector([bus = events_.get(), &backlog, &dead] {
    backlog.set(static_cast<double>(bus->backlog()));
    dead.set(static_cast<double>(bus->dead_letters()));
  });
  // Jobs: the scheduler in the hospital's time zone; each plugin's context checks the names.
  jobs_ = std::make_unique<JobScheduler>(*store_, *clock_, config_.timezone,
                                         read_jobs_config(*config_.reader), services_.metrics);
  services_.scheduler = jobs_.get();
  add_jobs_routes(host_router, *jobs_);
  // Notifications: the outbox of messages, sent by a background thread through the drivers
  // of notify.channels (checked here: a bad channel refuses the start).
  notify_ = std::make_unique<NotificationService>(
      *store_, *clock_, read_notify_config(*config_.reader), services_.metrics);
  services_.notifier = notify_.get();
  for (auto& route : notify_routes(*notify_, *store_)) routes_.add("host", std::move(route));
  auto& notifications = metrics_->gauge("hisx_notifications", "Notifications by state");
  metrics_->add_collector([service = notify_.get(), &notifications] {
    const auto counts = service->count_by_state();
    for (const char* state : {"queued", "sending", "sent", "failed"}) {
      const auto it = counts.find(state);
      notifications.set(it == counts.end() ? 0.0 : static_cast<double>(it->second),
                        {{"state", state}});
    }
  });
}

void Host::start_services() {
  protect_audit_table(*store_);  // After the migrations created the table.
  if (events_) events_->start();
  if (jobs_) jobs_->start();
  if (notify_) notify_->start();
}

void Host::stop_services() {
  if (events_) events_->stop();
  if (jobs_) jobs_->stop();
  if (notify_) notify_->stop();
}

void Host::migrate(const std::function<void(const std::string&)>& progress) {
  Migrator migrator(*store_);
  for (const auto& set : host_migration_sets()) migrator.apply(set.owner, set.migrations, progress);
  for (auto& plugin : plugins_.plugins()) {
    auto migrations =
        call_plugin(plugin.name, "migrations()", [&] { return plugin.instance->migrations(); });
    try {
      migrator.apply(plugin.name, migrations, progress);
    } catch (const MigrationError& e) {
      throw PluginError(plugin.name, e.what());
    }
  }
}

void Host::require_migrated() {
  Migrator migrator(*store_);
  std::vector<std::string> waiting;
  for (const auto& set : host_migration_sets()) {
    if (!migrator.pending(set.owner, set.migrations).empty()) waiting.push_back(set.owner);
  }
  for (auto& plugin : plugins_.plugins()) {
    auto migrations =
        call_plugin(plugin.name, "migrations()", [&] { return plugin.instance->migrations(); });
    if (!migrator.pending(plugin.name, migrations).empty()) waiting.push_back(plugin.name);
  }
  if (!waiting.empty()) {
    std::string names;
    for (const auto& n : waiting) names += (names.empty() ? "" : ", ") + n;
    throw MigrationError("migrations are pending for " + names +
                         " and database.migrate_on_start is false; run `hisx migrate` first");
  }
}

std::vector<DeclaredStatement> Host::declared_statements() const {
  std::vector<DeclaredStatement> all;
  for (const auto& plugin : plugins_.plugins()) {
    all.insert(all.end(), plugin.his_statements.begin(), plugin.his_statements.end());
  }
  return all;
}

std::string Host::check_profile() {
  profile_ = load_profile(config_.his_profile, his_->backend());
  profile_->set_zone(zone_);
  auto issues = hisx::host::check_profile(*profile_, *his_, declared_statements());
  return issues.empty() ? std::string() : format_issues(config_.his_profile, issues);
}

void Host::prepare(const std::function<void(const std::string&)>& log) {
  open_databases();
  prepare_demo([&](const std::string& step, long done, long total) {
    if (log && done == total) log("demo: " + step + " (" + std::to_string(total) + ")");
  });
  load_plugins();
  if (config_.migrate_on_start) {
    migrate(log);
  } else {
    require_migrated();
  }
  if (auto report = check_profile(); !report.empty()) {
    throw std::runtime_error("the HIS profile does not fit the HIS database:\n" + report);
  }
  open_services();
  add_host_routes(*this);
}

void Host::start_plugins() {
  plugins_.start_all([this](LoadedPlugin& plugin) -> std::unique_ptr<sdk::Context> {
    std::vector<std::string> scopes;
    for (const auto& scope : plugin.manifest.device_scopes) scopes.push_back(scope.name);
    plugin.profile = std::make_unique<PluginProfile>(plugin.name, *profile_, plugin.his_statements);
    return std::make_unique<PluginContext>(plugin.name, settings_.at(plugin.name), *his_, *store_,
                                           *plugin.profile, routes_, *clock_, zone_, services_,
                                           std::move(scopes));
  });
}

void Host::stop_plugins() {
  // No handler may run while or after its plugin stops.
  if (events_) events_->stop();
  if (jobs_) jobs_->stop();  // No job may run while or after its plugin stops.
  plugins_.stop_all();
  service_registry_.clear();
}

std::vector<std::string> Host::roles() const {
  std::vector<std::string> out(sdk::roles::kAll.begin(), sdk::roles::kAll.end());
  for (const auto& plugin : plugins_.plugins()) {
    for (const auto& role : plugin.manifest.roles) {
      if (std::find(out.begin(), out.end(), role) == out.end()) out.push_back(role);
    }
  }
  return out;
}

std::vector<sdk::DeviceScope> Host::device_scopes() const {
  std::vector<sdk::DeviceScope> out;
  for (const auto& plugin : plugins_.plugins()) {
    out.insert(out.end(), plugin.manifest.device_scopes.begin(),
               plugin.manifest.device_scopes.end());
  }
  return out;
}

}  // namespace hisx::host
