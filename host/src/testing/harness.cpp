#include "hisx/testing/harness.h"

#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "app/host.h"
#include "app/logging.h"
#include "audit/append_only.h"
#include "auth/bearer_authenticator.h"
#include "config/config.h"
#include "http/request_dispatcher.h"
#include "metrics/http_metrics.h"
#include "testing/harness_config.h"
#include "testing/in_process_exchange.h"

namespace hisx::testing {

using host::Host;

namespace {

// A fresh folder under the system's temporary folder, removed with the harness.
std::filesystem::path make_temp_folder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "hisx-harness-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("cannot create a temporary folder from " + pattern);
  }
  return pattern;
}

std::chrono::system_clock::time_point start_of(const HarnessOptions& options,
                                               const host::HostConfig& config) {
  if (options.start) return *options.start;
  if (config.clock_start) return *config.clock_start;
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

std::string Answer::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (Poco::icompare(key, name) == 0) return value;
  }
  return "";
}

Poco::JSON::Object::Ptr Answer::json() const {
  try {
    auto object = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
    if (object) return object;
  } catch (const std::exception&) {
  }
  throw std::runtime_error("the answer (" + std::to_string(status) +
                           ") is not a JSON object: " + body);
}

struct Harness::State {
  std::filesystem::path data_dir;
  sdk::ManualClock* clock = nullptr;  // Owned by the host.
  std::unique_ptr<Host> host;
  std::unique_ptr<host::BearerAuthenticator> authenticator;
  std::unique_ptr<host::RegistryReader> services;
  std::unique_ptr<host::RequestDispatcher> dispatcher;
  std::map<std::string, std::string> keys;

  ~State() {
    dispatcher.reset();
    services.reset();
    authenticator.reset();
    host.reset();  // Stops the plugins, then the services.
    std::error_code ignored;
    if (!data_dir.empty()) std::filesystem::remove_all(data_dir, ignored);
  }
};

Harness::Harness(HarnessOptions options) : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.data_dir = make_temp_folder();
  const auto file = s.data_dir / "hisx.yaml";
  std::ofstream(file) << host::harness_config_text(options, s.data_dir);
  host::HostConfig config = host::load_config(file, options.overrides);
  host::setup_logging(config.log_level);
  auto clock = std::make_unique<sdk::ManualClock>(start_of(options, config));
  s.clock = clock.get();
  s.host = std::make_unique<Host>(config, std::move(clock));
  s.host->prepare();
  s.host->start_plugins();
  host::protect_audit_table(s.host->store());  // What start_services() does, minus threads.
  s.authenticator = std::make_unique<host::BearerAuthenticator>(
      s.host->api_keys(), s.host->devices(), s.host->accounts());
  s.dispatcher = std::make_unique<host::RequestDispatcher>(
      s.host->routes(), *s.authenticator, config.http.max_body_bytes, false,
      host::http_metrics_observer(s.host->metrics()), config.http.trusted_proxies);
  s.dispatcher->set_audit_hook(
      [h = s.host.get()](const host::AuditRecord& record) { h->audit().record(record); });
  s.services = std::make_unique<host::RegistryReader>(s.host->services());
  s.dispatcher->set_services(s.services.get());
}

Harness::~Harness() = default;

Answer Harness::call(const Call& call) {
  host::InProcessResponse response;
  host::InProcessRequest request(call.method, call.target, call.body, call.client_address,
                                 response);
  if (!call.role.empty()) request.set("Authorization", "Bearer " + key(call.role));
  if (!call.body.empty()) request.setContentType("application/json");
  for (const auto& [name, value] : call.headers) request.set(name, value);
  state_->dispatcher->handle(request, response);
  Answer answer;
  answer.status = static_cast<int>(response.getStatus());
  for (const auto& [name, value] : response) answer.headers[name] = value;
  answer.body = response.body();
  return answer;
}

Answer Harness::get(const std::string& target, const std::string& role) {
  return call({.method = "GET", .target = target, .role = role});
}

Answer Harness::post(const std::string& target, const std::string& body, const std::string& role,
                     const std::map<std::string, std::string>& headers) {
  return call({.method = "POST", .target = target, .body = body, .role = role, .headers = headers});
}

Answer Harness::put(const std::string& target, const std::string& body, const std::string& role) {
  return call({.method = "PUT", .target = target, .body = body, .role = role});
}

Answer Harness::patch(const std::string& target, const std::string& body, const std::string& role) {
  return call({.method = "PATCH", .target = target, .body = body, .role = role});
}

Answer Harness::del(const std::string& target, const std::string& role) {
  return call({.method = "DELETE", .target = target, .role = role});
}

const std::string& Harness::key(const std::string& role) {
  auto it = state_->keys.find(role);
  if (it == state_->keys.end()) {
    auto created = state_->host->api_keys().create("harness-" + role, role, state_->host->roles());
    it = state_->keys.emplace(role, created.key).first;
  }
  return it->second;
}

sdk::ManualClock& Harness::clock() { return *state_->clock; }

int Harness::deliver_events() {
  int total = 0;
  // Handlers may publish; keep passing until a pass delivers nothing. The bound only stops a
  // handler that publishes for ever.
  for (int pass = 0; pass < 1000; ++pass) {
    const int delivered = state_->host->events().deliver_pending();
    if (delivered == 0) return total;
    total += delivered;
  }
  throw std::runtime_error("events were still being delivered after 1000 passes");
}

std::vector<PublishedEvent> Harness::published(const std::string& name) {
  auto session = store();
  std::string sql = "SELECT id, name, source, version, payload FROM hisx_host_outbox";
  if (!name.empty()) sql += " WHERE name = :name";
  sql += " ORDER BY seq";
  PublishedEvent row;
  std::string payload;
  auto prepared = (session->prepare << sql, soci::into(row.id), soci::into(row.name),
                   soci::into(row.source), soci::into(row.version), soci::into(payload));
  if (!name.empty()) prepared, soci::use(name);
  soci::statement st(prepared);
  st.execute();
  std::vector<PublishedEvent> out;
  while (st.fetch()) {
    PublishedEvent e = row;
    e.payload = Poco::JSON::Parser().parse(payload).extract<Poco::JSON::Object::Ptr>();
    out.push_back(std::move(e));
  }
  return out;
}

int Harness::run_due_jobs() {
  auto& jobs = state_->host->jobs();
  const int started = jobs.poll();
  if (!jobs.wait_idle(std::chrono::minutes(5))) {
    throw std::runtime_error("jobs were still running after 5 minutes");
  }
  return started;
}

int Harness::send_notifications() { return state_->host->notifications().deliver_due(); }

std::vector<CapturedMessage> Harness::notifications() {
  auto& service = state_->host->notifications();
  host::NotificationFilter filter;
  filter.limit = 100000;
  auto rows = service.list(filter);  // Newest first.
  std::vector<CapturedMessage> out;
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
    CapturedMessage m;
    m.id = it->id;
    m.channel = it->channel;
    m.to = it->to;
    m.subject = it->subject;
    m.text = it->text;
    m.state = it->state;
    m.attempts = it->attempts;
    m.data = it->data;
    m.attachments = service.attachments(it->id);
    out.push_back(std::move(m));
  }
  return out;
}

std::unique_ptr<soci::session> Harness::store() {
  const auto& config = state_->host->config();
  return host::open_session(config.store_is_his ? config.his : config.store);
}

std::unique_ptr<soci::session> Harness::his() {
  return host::open_session(state_->host->config().his);
}

const std::filesystem::path& Harness::data_dir() const { return state_->data_dir; }

}  // namespace hisx::testing
