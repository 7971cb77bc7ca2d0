#include "event_store.h"

#include <thread>

#include "db/migrator.h"
#include "events/events_migrations.h"

namespace hisx::test::events {

EventStore::EventStore(const std::string& backend) : backend_(backend) {
  if (backend == "postgresql") pg_ = std::make_unique<PgDatabase>();
  db_ = open();
  host::Migrator(*db_).apply("host_events", host::events_migrations());
  soci::session s(db_->pool());
  s << "CREATE TABLE test_effects (event_id VARCHAR(36) NOT NULL, subscriber VARCHAR(200) NOT "
       "NULL, note VARCHAR(200) NOT NULL)";
}

std::shared_ptr<host::DatabasePool> EventStore::open(int pool_size) const {
  host::DatabaseConfig cfg;
  cfg.key = "database.store";
  cfg.backend = backend_;
  cfg.connection = pg_ ? pg_->conninfo() : "db=" + (dir_.path() / "store.db").string();
  cfg.pool_size = pool_size;
  cfg.busy_timeout_ms = 10000;
  return host::open_database(cfg);
}

long long EventStore::count(const std::string& sql) {
  soci::session s(db_->pool());
  long long n = -1;
  s << sql, soci::into(n);
  return n;
}

host::EventsConfig test_config() {
  host::EventsConfig c;
  c.poll_interval = std::chrono::milliseconds(20);
  c.batch_size = 50;
  c.max_attempts = 3;
  c.backoff_base = std::chrono::seconds(1);
  c.backoff_max = std::chrono::seconds(8);
  return c;
}

sdk::EventSchema note_schema(const std::string& name, int version) {
  return {
      name, version, "A test note.", "tests", {{"note", sdk::FieldType::kString, true, "text"}}};
}

TestBus::TestBus(sdk::Database& store, const sdk::Clock& clock, host::EventsConfig config)
    : host::OutboxEventBus(store, clock, std::move(config)) {
  for (const char* name : {"good.noted", "good.paid", "nobody.listens"}) declare(note_schema(name));
}

std::string publish(sdk::EventBus& bus, sdk::Database& db, const std::string& name,
                    const std::string& note) {
  std::string id;
  sdk::with_transaction(db, [&](soci::session& s) {
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("note", note);
    id = bus.publish(s, name, payload);
  });
  return id;
}

sdk::EventHandler record_into_effects(const std::string& subscriber) {
  return [subscriber](const sdk::Event& e, soci::session& tx) {
    const std::string note = e.payload->getValue<std::string>("note");
    tx << "INSERT INTO test_effects (event_id, subscriber, note) VALUES (:e, :s, :n)",
        soci::use(e.id), soci::use(subscriber), soci::use(note);
  };
}

long long effects(EventStore& store, const std::string& subscriber) {
  return store.count("SELECT COUNT(*) FROM test_effects WHERE subscriber = '" + subscriber + "'");
}

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return done();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

std::string backend_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param == "postgresql" ? "PostgreSQL" : "SQLite";
}

std::chrono::system_clock::time_point test_epoch() {
  // 2024-05-01T01:00:00Z
  return std::chrono::system_clock::time_point(std::chrono::seconds(1714525200));
}

}  // namespace hisx::test::events
