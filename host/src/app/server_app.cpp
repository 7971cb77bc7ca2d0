#include "app/server_app.h"

#include <Poco/Logger.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <iostream>

#include "app/config_location.h"
#include "app/host.h"
#include "app/logging.h"
#include "auth/bearer_authenticator.h"
#include "http/http_server.h"
#include "jobs/utc_time.h"
#include "metrics/http_metrics.h"
#include "web/staff_web.h"
#include "web/static_handler.h"

namespace hisx::host {

namespace {
constexpr int kExitConfig = 78;    // EX_CONFIG
constexpr int kExitSoftware = 70;  // EX_SOFTWARE
}  // namespace

void ServerApp::defineOptions(Poco::Util::OptionSet& options) {
  ServerApplication::defineOptions(options);
  options.addOption(
      Poco::Util::Option("help", "h", "show this help").required(false).repeatable(false));
  options.addOption(
      Poco::Util::Option("config", "c", "configuration file (default config/hisx.yaml)")
          .required(false)
          .repeatable(false)
          .argument("FILE"));
  options.addOption(Poco::Util::Option("define", "D", "override a setting, e.g. -D http.port=8081")
                        .required(false)
                        .repeatable(true)
                        .argument("KEY=VALUE"));
}

void ServerApp::handleOption(const std::string& name, const std::string& value) {
  ServerApplication::handleOption(name, value);
  if (name == "help") {
    help_ = true;
    stopOptionsProcessing();
  } else if (name == "config") {
    config_file_ = value;
  } else if (name == "define") {
    defines_.push_back(value);
  }
}

int ServerApp::main(const std::vector<std::string>&) {
  if (help_) {
    Poco::Util::HelpFormatter help(options());
    help.setCommand("hisxd");
    help.setUsage("[--config FILE] [-D key=value]...");
    help.setHeader("hisx host: serves the enabled plugins over HTTP.");
    help.format(std::cout);
    return EXIT_OK;
  }
  try {
    return serve();
  } catch (const ConfigError& e) {
    std::cerr << "hisxd: configuration refused: " << e.what() << std::endl;
    return kExitConfig;
  } catch (const std::exception& e) {
    std::cerr << "hisxd: start-up refused: " << e.what() << std::endl;
    return kExitSoftware;
  }
}

int ServerApp::serve() {
  const auto file =
      config_file_.empty() ? default_config_file() : std::filesystem::path(config_file_);
  HostConfig cfg = load_config(file, defines_);
  setup_logging(cfg.log_level);
  auto& log = Poco::Logger::get("hisx.host");
  log.information("hisxd starting with %s", cfg.file.string());
  if (cfg.clock_start) {
    log.warning(
        "clock.start is set: this host's clock starts at %s and runs on from there, apart "
        "from the real time. Meant for training and tests; leave it out in production",
        utc_seconds_text(*cfg.clock_start));
  }

  Host host(cfg);
  host.prepare([&](const std::string& line) { log.information(line); });
  // The staff pages: the shell at "/", each plugin's web folder at /<plugin>/.
  const auto staff_web = open_staff_web(*cfg.reader, host.plugins(), host.routes(), host.roles());
  host.start_plugins();
  host.start_services();

  // API keys for machine clients, device credentials for boards and kiosks, session tokens
  // for staff.
  BearerAuthenticator authenticator(host.api_keys(), host.devices(), host.accounts());
  HttpServerOptions options{cfg.http.host,    cfg.http.port,  cfg.http.max_body_bytes,
                            cfg.http.threads, cfg.access_log, cfg.http.trusted_proxies};
  // An app request names its app account while a plugin (app_link) publishes PatientAccess.
  const RegistryReader services(host.services());
  HttpServer server(options, host.routes(), authenticator);
  server.set_static_files(static_files_of(*staff_web));
  server.set_observer(http_metrics_observer(host.metrics()));
  server.set_audit_hook([&host](const AuditRecord& record) { host.audit().record(record); });
  server.set_services(&services);
  server.start();

  const std::string url = "http://" + cfg.http.host + ":" + std::to_string(server.port());
  std::cout << "hisxd listening on " << url << "\n"
            << "  health:   " << url << "/healthz\n"
            << "  staff:    " << url << "/ (log in as a user from `hisx user add`)\n"
            << "  plugins:  " << url << "/api/v1/host/plugins (needs an admin key)\n"
            << "  API key:  build/bin/hisx apikey create --name <you> --role admin\n"
            << "            then send it as 'Authorization: Bearer <key>'\n"
            << std::flush;
  log.information("serving %s with %z plugin(s)", url, host.plugins().plugins().size());

  waitForTerminationRequest();
  log.information("stopping");
  server.stop();
  host.stop_plugins();
  host.stop_services();
  return EXIT_OK;
}

}  // namespace hisx::host
