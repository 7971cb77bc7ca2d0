// app_link under concurrent requests on two hosts sharing one database, over real sockets:
// each thread has its own connection, and the database alone decides. One code is used once,
// an account never passes its family limit, and simultaneous prints show one code.
#include <atomic>
#include <set>
#include <thread>

#include "integration_support.h"
#include "support/temp_dir.h"

namespace hisx::test::integration {
namespace {

HostOptions shared_host(const TestBackend& backend, const std::filesystem::path& shared,
                        const std::vector<std::string>& extra) {
  std::vector<std::string> overrides = small_demo();
  overrides.push_back("plugins.enabled=[his, app_link]");
  overrides.insert(overrides.end(), extra.begin(), extra.end());
  if (backend.name == "sqlite3") {
    overrides.push_back("database.his.connection=db=" + (shared / "hisx.db").string());
  }
  return host_options(backend, overrides);
}

class AppLinkConcurrency : public ::testing::Test {
 protected:
  void start(const std::vector<std::string>& extra = {}) {
    backend_ = backend_from_env();
    a_ = std::make_unique<HostProcess>(shared_host(backend_, shared_.path(), extra));
    a_->start();
    b_ = std::make_unique<HostProcess>(shared_host(backend_, shared_.path(), extra));
    b_->start();
    his_key_ = create_key(*a_, "his");
    desk_key_ = create_key(*a_, "receptionist");
    app_key_ = create_key(*a_, "app");
  }

  // Runs `n` requests at once (released together), alternately on host a and host b.
  template <typename Request>
  std::vector<HttpResult> at_once(int n, Request request) {
    return integration::at_once({a_.get(), b_.get()}, n, request);
  }

  // The id and birth date of the `n`-th demo patient.
  std::pair<std::string, std::string> patient(int n) {
    auto his = open_his(backend_, db_dir());
    std::vector<std::pair<std::string, std::string>> out;
    soci::rowset<soci::row> rows =
        (his->prepare << "SELECT id, ngay_sinh FROM benh_nhan ORDER BY id");
    int i = 0;
    for (const auto& r : rows) {
      if (i++ < n) continue;
      const auto type = r.get_properties(0).get_data_type();
      std::string id = type == soci::dt_integer ? std::to_string(r.get<int>(0))
                                                : std::to_string(r.get<long long>(0));
      std::string birth;
      if (r.get_properties(1).get_data_type() == soci::dt_date) {
        const std::tm t = r.get<std::tm>(1);
        char buf[11];
        std::strftime(buf, sizeof buf, "%Y-%m-%d", &t);
        birth = buf;
      } else {
        birth = r.get<std::string>(1).substr(0, 10);
      }
      return {id, birth};
    }
    ADD_FAILURE() << "no demo patient " << n;
    return {};
  }

  // Where the shared database is: the shared folder's hisx.db on SQLite.
  std::filesystem::path db_dir() const {
    return backend_.name == "sqlite3" ? shared_.path() : a_->data_dir();
  }

  std::string department() {
    const auto r = a_->client().get("/api/v1/his/departments", desk_key_);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()->getArray("items")->getObject(0)->getValue<std::string>("id");
  }

  TempDir shared_;
  TestBackend backend_;
  std::unique_ptr<HostProcess> a_, b_;
  std::string his_key_, desk_key_, app_key_;
};

TEST_F(AppLinkConcurrency, OneCodeClaimedByEightAccountsAtOnceLinksExactlyOne) {
  start();
  const auto [id, birth] = patient(3);
  ASSERT_EQ(
      a_->client().get("/api/v1/app-link/slip?patient_id=" + id + "&format=svg", his_key_).status,
      200);
  const auto state = a_->client().get("/api/v1/app-link/patients/" + id, desk_key_);
  const std::string code = state.json()->getObject("linking_code")->getValue<std::string>("code");
  const auto results = at_once(8, [&](const HttpClient& client, int i) {
    const std::string account = "acct-race-" + std::to_string(i);
    return client.post("/api/v1/app-link/claims",
                       R"({"code": ")" + code + R"(", "app_account_id": ")" + account +
                           R"(", "birth_date": ")" + birth + R"("})",
                       app_key_, {{"X-App-Account", account}});
  });
  int linked = 0, used = 0;
  for (const auto& r : results) {
    if (r.status == 201) ++linked;
    if (r.status == 409) ++used;
  }
  EXPECT_EQ(linked, 1);
  EXPECT_EQ(used, 7);
  auto store = open_store(backend_, db_dir());
  long long links = 0;
  *store << "SELECT COUNT(*) FROM hisx_app_link_links", soci::into(links);
  EXPECT_EQ(links, 1);
}

TEST_F(AppLinkConcurrency, AnAccountNeverPassesItsFamilyLimit) {
  start({"plugins.settings.app_link.max_patients_per_account=3"});
  const std::string dept = department();
  std::vector<std::string> ids;
  for (int i = 0; i < 8; ++i) ids.push_back(patient(10 + i).first);
  const auto results = at_once(8, [&](const HttpClient& client, int i) {
    return client.post("/api/v1/app-link/links",
                       R"({"patient_id": ")" + ids[static_cast<std::size_t>(i)] +
                           R"(", "app_account_id": "acct-family", "department_id": ")" + dept +
                           R"(", "consent": {"by": "Mẹ", "method": "signed_form"}})",
                       desk_key_);
  });
  int linked = 0, refused = 0;
  for (const auto& r : results) {
    if (r.status == 201) ++linked;
    if (r.status == 409) ++refused;
  }
  EXPECT_EQ(linked, 3);
  EXPECT_EQ(refused, 5);
  auto store = open_store(backend_, db_dir());
  long long active = 0, counted = 0;
  *store << "SELECT COUNT(*) FROM hisx_app_link_links WHERE account_id = 'acct-family' AND "
            "unlinked_at IS NULL",
      soci::into(active);
  *store << "SELECT active_links FROM hisx_app_link_accounts WHERE account_id = 'acct-family'",
      soci::into(counted);
  EXPECT_EQ(active, 3);
  EXPECT_EQ(counted, 3) << "the counter equals its rows";
}

TEST_F(AppLinkConcurrency, SimultaneousPrintsForOnePatientShowOneCode) {
  start();
  const auto [id, birth] = patient(5);
  const auto results = at_once(8, [&](const HttpClient& client, int) {
    return client.get("/api/v1/app-link/slip?patient_id=" + id + "&format=svg", his_key_);
  });
  for (const auto& r : results) EXPECT_EQ(r.status, 200) << r.body;
  auto store = open_store(backend_, db_dir());
  long long codes = 0, prints = 0;
  *store << "SELECT COUNT(*) FROM hisx_app_link_codes WHERE patient_id = :p", soci::into(codes),
      soci::use(id);
  *store << "SELECT COUNT(*) FROM hisx_app_link_prints WHERE patient_id = :p", soci::into(prints),
      soci::use(id);
  EXPECT_EQ(codes, 1);
  EXPECT_EQ(prints, 8);
}

}  // namespace
}  // namespace hisx::test::integration
