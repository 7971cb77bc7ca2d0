#pragma once

// The in-process test harness: a whole host inside the test process, for testing a plugin
// without starting a server. Link `hisx::testing` (CMake target hisx_testing).
//
//   hisx::testing::Harness h({.plugins = {"his", "my_plugin"}});
//   auto r = h.post("/api/v1/my-plugin/things", R"({"name": "x"})", "receptionist");
//   EXPECT_EQ(r.status, 201) << r.body;
//   h.clock().advance(std::chrono::hours(25));
//   h.run_due_jobs();
//   h.deliver_events();
//   EXPECT_EQ(h.notifications().size(), 1u);

#include <Poco/JSON/Object.h>
#include <soci/soci.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hisx/clock.h"
#include "hisx/notifier.h"

namespace hisx::testing {

/// How the harness's host is configured.
struct HarnessOptions {
  /// `plugins.enabled`, in any order (the host orders them by their requirements).
  std::vector<std::string> plugins = {"his"};
  /// Configuration overrides, `key=value` as hisxd's `-D` takes them, applied last (e.g.
  /// `plugins.settings.my_plugin.hotline=1900 1234`, or `database.his.backend=postgresql`
  /// with `database.his.connection=…` to run on PostgreSQL instead of SQLite).
  std::vector<std::string> overrides = {};
  /// Where the manual clock starts (UTC). Default: `clock.start` when the overrides set it,
  /// else the real time when the harness starts, truncated to the second.
  std::optional<std::chrono::system_clock::time_point> start = std::nullopt;
  /// Folders searched for plugins (`plugins.paths`). Default: $HISX_PLUGIN_DIR and
  /// $HISX_FIXTURE_PLUGIN_DIR when set, else the build's plugin folder.
  std::vector<std::filesystem::path> plugin_paths = {};
  /// The demo HIS seeded into the HIS database: patients and days of visits.
  int demo_patients = 300;
  int demo_days = 2;
};

/// The answer to a call.
struct Answer {
  int status = 0;                              ///< HTTP status.
  std::map<std::string, std::string> headers;  ///< Response headers; names as sent.
  std::string body;                            ///< The body as sent.
  /// The header's value (case-insensitive name), or "" when absent.
  std::string header(const std::string& name) const;
  /// The body parsed as a JSON object; throws std::runtime_error naming the body otherwise.
  Poco::JSON::Object::Ptr json() const;
};

/// One request, for call().
struct Call {
  std::string method = "GET";
  std::string target;  ///< Path and query, e.g. "/api/v1/his/patients?q=an".
  std::string body = {};
  /// The caller's role: an API key of that role is created on first use and sent as
  /// `Authorization: Bearer`. Empty: no credential (public routes, 401 checks).
  std::string role = {};
  std::map<std::string, std::string> headers = {};  ///< Extra request headers.
  /// The client's address as the socket peer would be (`Request::client_address()`).
  std::string client_address = "127.0.0.1";
};

/// A message a plugin handed to the notifier, as the host recorded it.
struct CapturedMessage {
  std::string id;
  std::string channel;  ///< e.g. "sms".
  std::string to;
  std::string subject;
  std::string text;
  std::string state;  ///< queued | sending | sent | failed
  int attempts = 0;
  Poco::JSON::Object::Ptr data;              ///< Null when the message had none.
  std::vector<sdk::Attachment> attachments;  ///< Its files (e.g. a PDF report), in order.
};

/// An event as the outbox recorded it, for checking what a plugin published.
struct PublishedEvent {
  std::string id;                   ///< The event's id (UUID).
  std::string name;                 ///< e.g. "appointment.booked".
  std::string source;               ///< The publishing plugin ("host" for the host).
  int version = 1;                  ///< The version of its declaration.
  Poco::JSON::Object::Ptr payload;  ///< Its data.
};

/// A host in the test process: the enabled plugins loaded from their shared libraries as
/// hisxd loads them, on a real database (SQLite in a fresh temporary folder by default) with
/// the demo HIS and its profile, and the host's own routes, events, jobs and notifier.
/// Requests go through the host's real dispatcher (routing, authentication, roles, body
/// limits, problem documents, audit) without sockets. Nothing runs in the background: the
/// clock moves only when the test moves it, and events, jobs and messages are handled when
/// the test asks. Not thread-safe: drive it from one thread.
class Harness {
 public:
  /// Starts the host. Throws what hisxd would refuse to start with (a configuration,
  /// migration, profile or plugin error), with its message.
  explicit Harness(HarnessOptions options = {});
  /// Stops the plugins and removes the temporary folder.
  ~Harness();
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  /// Sends `call` through the host's dispatcher and returns what a client would receive.
  Answer call(const Call& call);
  /// GET `target` as `role`.
  Answer get(const std::string& target, const std::string& role = "admin");
  /// POST `body` (JSON) to `target` as `role`, with extra `headers`.
  Answer post(const std::string& target, const std::string& body, const std::string& role = "admin",
              const std::map<std::string, std::string>& headers = {});
  /// PUT `body` (JSON) to `target` as `role`.
  Answer put(const std::string& target, const std::string& body, const std::string& role = "admin");
  /// PATCH `body` (JSON) to `target` as `role`.
  Answer patch(const std::string& target, const std::string& body,
               const std::string& role = "admin");
  /// DELETE `target` as `role`.
  Answer del(const std::string& target, const std::string& role = "admin");

  /// The API key sent for `role` (created on first use), for a test that sends it itself.
  const std::string& key(const std::string& role);

  /// The host's clock; every plugin reads "now" from it. Move it with advance() or set().
  sdk::ManualClock& clock();

  /// Delivers every due event to its subscribers, pass after pass until none is left (events
  /// that handlers publish are delivered too); returns the handler runs that committed.
  /// Failed deliveries wait for their backoff on the harness clock.
  int deliver_events();
  /// The events published so far named `name` (every event when empty), oldest first,
  /// delivered or not.
  std::vector<PublishedEvent> published(const std::string& name = {});
  /// Runs every job due at the clock's time (periodic and one-off), waits until they end,
  /// and returns how many ran. Call it again after advancing the clock.
  int run_due_jobs();
  /// Sends every due message through its channel's driver (the log driver unless the
  /// configuration says otherwise); returns how many were handled.
  int send_notifications();
  /// Every message queued so far, oldest first, whatever its state.
  std::vector<CapturedMessage> notifications();

  /// A session on the store database (hisx's tables), to look at the rows behind the API.
  std::unique_ptr<soci::session> store();
  /// A session on the HIS database (the demo HIS), to arrange or check HIS rows.
  std::unique_ptr<soci::session> his();
  /// The host's data folder (temporary, removed with the harness).
  const std::filesystem::path& data_dir() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace hisx::testing
