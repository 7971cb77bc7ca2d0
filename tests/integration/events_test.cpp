// Events through the real hisxd: an event a plugin commits with its change reaches its
// subscriber, and a host killed between that commit and the delivery delivers the event after
// a restart, exactly once; a publish that does not match its declaration is refused with
// nothing written; a replay hands a subscriber every retained event again.
#include <gmock/gmock.h>

#include <chrono>
#include <thread>

#include "integration_support.h"
#include "support/temp_dir.h"

namespace hisx::test::integration {
namespace {

// The good fixture plugin on `data_dir`; with `paused`, the host records events but delivers
// none (events.delivery_paused), so that it can be killed between commit and delivery.
std::vector<std::string> good_host(const std::filesystem::path& data_dir, bool paused) {
  std::vector<std::string> overrides = small_demo();
  overrides.insert(overrides.end(),
                   {plugin_paths_with_fixtures(), "plugins.enabled=[good]",
                    "data_dir=" + data_dir.string(), "events.poll_interval_ms=50"});
  if (paused) overrides.push_back("events.delivery_paused=true");
  return overrides;
}

std::string note_event(const HostProcess& host, const std::string& key, const std::string& note) {
  HttpResult r = host.client().post("/api/v1/good/events", "{\"note\": \"" + note + "\"}", key);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json()->getValue<std::string>("event_id") : std::string();
}

Poco::JSON::Array::Ptr received(const HostProcess& host, const std::string& key) {
  HttpResult r = host.client().get("/api/v1/good/received", key);
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return new Poco::JSON::Array;
  return r.json()->getArray("items");
}

int times_received(const Poco::JSON::Array::Ptr& items, const std::string& event_id) {
  int n = 0;
  for (std::size_t i = 0; i < items->size(); ++i) {
    if (items->getObject(static_cast<unsigned>(i))->getValue<std::string>("event_id") == event_id)
      ++n;
  }
  return n;
}

// How often `event_id` was received, once it was received at all (0 if not within 60 s).
int wait_received(const HostProcess& host, const std::string& key, const std::string& event_id) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    const int n = times_received(received(host, key), event_id);
    if (n > 0 || std::chrono::steady_clock::now() > deadline) return n;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

Poco::JSON::Object::Ptr events_status(const HostProcess& host, const std::string& key) {
  HttpResult r = host.client().get("/api/v1/host/events", key);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? r.json() : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
}

long long count_rows(soci::session& s, const std::string& sql) {
  long long n = -1;
  s << sql, soci::into(n);
  return n;
}

TEST(Events, APublishedEventReachesItsSubscriber) {
  TempDir dir;
  HostProcess host(host_options(backend_from_env(), good_host(dir.path(), false)));
  host.start();
  const std::string key = create_key(host, "admin");
  const std::string first = note_event(host, key, "first");
  const std::string second = note_event(host, key, "second");
  ASSERT_FALSE(first.empty());
  ASSERT_FALSE(second.empty());

  EXPECT_EQ(wait_received(host, key, first), 1);
  EXPECT_EQ(wait_received(host, key, second), 1);
  auto items = received(host, key);
  ASSERT_EQ(items->size(), 2u);
  auto item = items->getObject(0);
  EXPECT_EQ(item->getValue<std::string>("event_id"), first);
  EXPECT_EQ(item->getValue<std::string>("note"), "first");
  EXPECT_EQ(item->getValue<std::string>("source"), "good");

  auto status = events_status(host, key);
  EXPECT_EQ(status->getValue<std::string>("delivery"), "running");
  EXPECT_EQ(status->getValue<long long>("backlog"), 0);
  EXPECT_EQ(status->getValue<long long>("dead_letters"), 0);
  auto subscribers = status->getArray("subscribers");
  ASSERT_EQ(subscribers->size(), 1u);
  EXPECT_EQ(subscribers->getObject(0)->getValue<std::string>("subscriber"), "good.recorder");
  EXPECT_EQ(subscribers->getObject(0)->getValue<std::string>("event"), "good.noted");
}

TEST(Events, HostKilledBetweenCommitAndDeliveryDeliversOnceAfterRestart) {
  TempDir dir;
  const TestBackend backend = backend_from_env();
  std::string key, id;
  {
    HostProcess paused(host_options(backend, good_host(dir.path(), true)));
    paused.start();
    key = create_key(paused, "admin");
    id = note_event(paused, key, "survives the crash");
    ASSERT_FALSE(id.empty());
    // Committed with the note, not delivered.
    auto store = open_store(backend, dir.path());
    EXPECT_EQ(count_rows(*store, "SELECT COUNT(*) FROM hisx_good_notes"), 1);
    EXPECT_EQ(count_rows(*store, "SELECT COUNT(*) FROM hisx_host_outbox WHERE id = '" + id + "'"),
              1);
    EXPECT_EQ(count_rows(*store, "SELECT COUNT(*) FROM hisx_host_event_deliveries"), 0);
    EXPECT_EQ(received(paused, key)->size(), 0u);
    auto status = events_status(paused, key);
    EXPECT_EQ(status->getValue<std::string>("delivery"), "paused");
    EXPECT_EQ(status->getValue<long long>("backlog"), 1);

    EXPECT_EQ(paused.kill(), 137);
  }

  HostProcess host(host_options(backend, good_host(dir.path(), false)));
  host.start();
  EXPECT_EQ(wait_received(host, key, id), 1);
  // One subscriber's events are handed over in order: once a later event has arrived, the
  // worker has been past the first one again and did not deliver it twice.
  const std::string later = note_event(host, key, "after the restart");
  EXPECT_EQ(wait_received(host, key, later), 1);
  EXPECT_EQ(times_received(received(host, key), id), 1);

  // Nor after another restart.
  EXPECT_EQ(host.stop(), 0) << host.output();
  host.start();
  const std::string third = note_event(host, key, "after the second restart");
  EXPECT_EQ(wait_received(host, key, third), 1);
  auto items = received(host, key);
  EXPECT_EQ(items->size(), 3u);
  EXPECT_EQ(times_received(items, id), 1);
  EXPECT_EQ(times_received(items, later), 1);
  auto store = open_store(backend, dir.path());
  EXPECT_EQ(
      count_rows(*store, "SELECT COUNT(*) FROM hisx_host_event_deliveries WHERE event_id = '" + id +
                             "' AND subscriber = 'good.recorder'"),
      1);
  EXPECT_EQ(events_status(host, key)->getValue<long long>("backlog"), 0);
}

TEST(Events, AFailingSubscriberBecomesAVisibleDeadLetterThatCanBeRetried) {
  TempDir dir;
  std::vector<std::string> overrides = good_host(dir.path(), false);
  overrides.push_back("events.max_attempts=1");
  HostProcess host(host_options(backend_from_env(), overrides));
  host.start();
  const std::string admin = create_key(host, "admin");
  const std::string manager = create_key(host, "manager", "manager");
  const std::string poison = note_event(host, admin, "poison");
  const std::string fine = note_event(host, admin, "fine");

  // The failing event does not hold back the next one, and its write was rolled back.
  EXPECT_EQ(wait_received(host, admin, fine), 1);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (events_status(host, admin)->getValue<long long>("dead_letters") < 1 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  auto status = events_status(host, manager);
  EXPECT_EQ(status->getValue<long long>("dead_letters"), 1);
  EXPECT_EQ(status->getValue<long long>("backlog"), 0);
  auto failures = status->getArray("failures");
  ASSERT_EQ(failures->size(), 1u) << status->getArray("failures")->size();
  auto failure = failures->getObject(0);
  EXPECT_EQ(failure->getValue<std::string>("event_id"), poison);
  EXPECT_EQ(failure->getValue<std::string>("event"), "good.noted");
  EXPECT_EQ(failure->getValue<std::string>("subscriber"), "good.recorder");
  EXPECT_EQ(failure->getValue<std::string>("state"), "dead");
  EXPECT_EQ(failure->getValue<int>("attempts"), 1);
  EXPECT_THAT(failure->getValue<std::string>("last_error"), ::testing::HasSubstr("refuses poison"));
  EXPECT_EQ(times_received(received(host, admin), poison), 0);
  EXPECT_THAT(host.client().get("/metrics", admin).body,
              ::testing::HasSubstr("hisx_outbox_dead_letters 1"));

  // Retrying is for admins; it makes the pair due, and (still failing) dead again.
  const std::string body = "{\"event_id\": \"" + poison + "\", \"subscriber\": \"good.recorder\"}";
  expect_problem(host.client().post("/api/v1/host/events/retry", body, manager), 403, "forbidden");
  expect_problem(host.client().post("/api/v1/host/events/retry", "{\"event_id\": \"x\"}", admin),
                 422, "validation");
  expect_problem(
      host.client().post("/api/v1/host/events/retry",
                         "{\"event_id\": \"x\", \"subscriber\": \"good.recorder\"}", admin),
      404, "not-found");
  HttpResult retried = host.client().post("/api/v1/host/events/retry", body, admin);
  ASSERT_EQ(retried.status, 200) << retried.body;
  EXPECT_EQ(retried.json()->getValue<std::string>("state"), "due");
  const std::string after = note_event(host, admin, "after the retry");
  EXPECT_EQ(wait_received(host, admin, after), 1);
  EXPECT_EQ(events_status(host, admin)->getValue<long long>("dead_letters"), 1);
  EXPECT_EQ(times_received(received(host, admin), poison), 0);
}

TEST(Events, APublishThatDoesNotMatchItsDeclarationIsRefusedAndNothingIsWritten) {
  TempDir dir;
  const TestBackend backend = backend_from_env();
  HostProcess host(host_options(backend, good_host(dir.path(), false)));
  host.start();
  const std::string key = create_key(host, "admin");
  auto raw = [&](const std::string& body) {
    return host.client().post("/api/v1/good/events/raw", body, key);
  };
  auto doc = expect_problem(raw(R"({"payload": {"note": 5}})"), 422, "validation");
  EXPECT_THAT(doc->getValue<std::string>("detail"),
              ::testing::HasSubstr("good.noted v1: field 'note' must be a string, found 5"));
  doc = expect_problem(raw(R"({"payload": {}})"), 422, "validation");
  EXPECT_THAT(doc->getValue<std::string>("detail"),
              ::testing::HasSubstr("good.noted v1: field 'note' is required"));
  doc = expect_problem(raw(R"({"name": "good.unheard", "payload": {"note": "x"}})"), 422,
                       "validation");
  EXPECT_THAT(doc->getValue<std::string>("detail"),
              ::testing::HasSubstr("event 'good.unheard' is not declared"));
  doc = expect_problem(raw(R"({"name": "appointment.booked", "payload": {"booking_id": 1}})"), 422,
                       "validation");
  EXPECT_THAT(doc->getValue<std::string>("detail"),
              ::testing::HasSubstr("appointment.booked v1: field 'booking_code' is required"));
  {
    // Refused before the outbox was written, and the note rolled back with it.
    auto store = open_store(backend, dir.path());
    EXPECT_EQ(count_rows(*store, "SELECT COUNT(*) FROM hisx_host_outbox"), 0);
    EXPECT_EQ(count_rows(*store, "SELECT COUNT(*) FROM hisx_good_notes"), 0);
  }

  // What matches is published, with the version of its declaration.
  HttpResult ok = raw(R"({"payload": {"note": "fits", "extra": [1, 2]}})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  const std::string id = ok.json()->getValue<std::string>("event_id");
  EXPECT_EQ(wait_received(host, key, id), 1);
  auto store = open_store(backend, dir.path());
  EXPECT_EQ(count_rows(*store, "SELECT version FROM hisx_host_outbox WHERE id = '" + id + "'"), 1);
  auto declared = events_status(host, key)->getArray("declared");
  ASSERT_EQ(declared->size(), 1u);
  EXPECT_EQ(declared->getObject(0)->getValue<std::string>("event"), "good.noted");
  EXPECT_EQ(declared->getObject(0)->getValue<std::string>("declared_by"), "good");
}

TEST(Events, AReplayDeliversEveryRetainedEventToTheSubscriberAgain) {
  TempDir dir;
  HostProcess host(host_options(backend_from_env(), good_host(dir.path(), false)));
  host.start();
  const std::string admin = create_key(host, "admin");
  const std::string manager = create_key(host, "manager", "manager");
  const std::string first = note_event(host, admin, "first");
  const std::string second = note_event(host, admin, "second");
  EXPECT_EQ(wait_received(host, admin, first), 1);
  EXPECT_EQ(wait_received(host, admin, second), 1);

  const std::string body = R"({"subscriber": "good.recorder"})";
  expect_problem(host.client().post("/api/v1/host/events/replay", body, manager), 403, "forbidden");
  expect_problem(
      host.client().post("/api/v1/host/events/replay", R"({"subscriber": "good.nobody"})", admin),
      404, "not-found");
  expect_problem(host.client().post("/api/v1/host/events/replay", "{}", admin), 422, "validation");
  HttpResult r = host.client().post("/api/v1/host/events/replay", body, admin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<long long>("due"), 2);
  // good.recorder keeps no key on purpose: each event now shows twice.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (received(host, admin)->size() < 4 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  auto items = received(host, admin);
  EXPECT_EQ(times_received(items, first), 2);
  EXPECT_EQ(times_received(items, second), 2);

  // The same from the command line, beside the running host.
  ProcessResult cli = host.run_cli({"events", "replay", "good.recorder"});
  EXPECT_EQ(cli.exit_code, 0) << all_output(cli);
  EXPECT_THAT(cli.out, ::testing::HasSubstr("good.recorder: 2 retained event(s) due again"));
  ProcessResult unknown = host.run_cli({"events", "replay", "good.nobody"});
  EXPECT_EQ(unknown.exit_code, 1) << all_output(unknown);
  while (received(host, admin)->size() < 6 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(times_received(received(host, admin), first), 3);
}

}  // namespace
}  // namespace hisx::test::integration
