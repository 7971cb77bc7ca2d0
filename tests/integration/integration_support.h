#pragma once

// Shared by the integration tests: starting hisxd on the backend under test with a small
// demo HIS, creating API keys through the real CLI, and checking problem documents.

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/backend.h"
#include "support/host_process.h"
#include "support/http_client.h"

namespace hisx::test::integration {

/// `demo.patients=300` and `demo.days=2`: a demo HIS that seeds in a moment.
std::vector<std::string> small_demo();

/// Options for a host on `backend` with exactly `overrides`.
HostOptions host_options(TestBackend backend, std::vector<std::string> overrides);

/// Options for a host on the backend named by HISX_TEST_BACKEND with a small demo HIS and
/// `extra` overrides after it.
HostOptions host_options(const std::vector<std::string>& extra = {});

/// `plugins.paths=[$HISX_PLUGIN_DIR, $HISX_FIXTURE_PLUGIN_DIR]`: the real plugins and the
/// fixture plugins built for the tests.
std::string plugin_paths_with_fixtures();

/// The value of environment variable `name`; fails the test when it is not set.
std::string env(const char* name);

/// Runs `hisx apikey create --name <name> --role <role>` for `host` and returns the key (the
/// last stdout line). Fails the test (with the CLI's output) when the CLI fails.
std::string create_key(const HostProcess& host, const std::string& role,
                       const std::string& name = "integration-test");

/// Creates a device credential with `scopes` through `POST /api/v1/host/devices` as `admin_key`
/// and returns its token. Fails the test (with the answer) unless it answers 201.
std::string create_device(const HostProcess& host, const std::string& admin_key,
                          const std::string& name, const std::vector<std::string>& scopes);

/// The last non-empty line of `text`.
std::string last_line(const std::string& text);

/// Everything a process said, for failure messages and output checks.
std::string all_output(const ProcessResult& result);

/// Checks that `response` is an application/problem+json document with `status` and
/// `urn:hisx:problem:<type>`; returns the parsed document for further checks.
Poco::JSON::Object::Ptr expect_problem(const HttpResult& response, int status,
                                       const std::string& type);

/// The patients found by `GET /api/v1/his/patients?q=<q>&limit=<limit>` (`q` is
/// percent-encoded here); fails the test unless it answers 200.
Poco::JSON::Array::Ptr search_patients(const HttpClient& client, const std::string& key,
                                       const std::string& q, int limit);

/// A session on the database that holds hisx's own tables for a host on `backend` with
/// `data_dir` (SQLite: <data_dir>/hisx.db; PostgreSQL: the backend's fresh database), for a
/// test that looks at or damages what the host recorded.
std::unique_ptr<soci::session> open_store(const TestBackend& backend,
                                          const std::filesystem::path& data_dir);

/// A session on the HIS database of a host on `backend` with `data_dir` (SQLite:
/// <data_dir>/hisx.db; PostgreSQL and MariaDB: the backend's fresh database), for a test that
/// arranges or checks HIS rows.
std::unique_ptr<soci::session> open_his(const TestBackend& backend,
                                        const std::filesystem::path& data_dir);

/// Writes `text` to `path`.
void write_file(const std::filesystem::path& path, const std::string& text);

/// The content of `path`.
std::string read_text(const std::filesystem::path& path);

/// Runs `n` requests at once, released together, the i-th (`request(client, i)`) on its own
/// connection to hosts[i % hosts.size()]; fails the test for a request that threw.
template <typename Request>
std::vector<HttpResult> at_once(const std::vector<const HostProcess*>& hosts, int n,
                                Request request) {
  std::vector<HttpResult> results(static_cast<std::size_t>(n));
  std::vector<std::string> errors(static_cast<std::size_t>(n));
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    threads.emplace_back([&, i] {
      const HostProcess& host = *hosts[static_cast<std::size_t>(i) % hosts.size()];
      HttpClient client("127.0.0.1", host.port(), std::chrono::seconds(120));
      ++ready;
      while (!go) std::this_thread::yield();
      try {
        results[static_cast<std::size_t>(i)] = request(client, i);
      } catch (const std::exception& e) {
        errors[static_cast<std::size_t>(i)] = e.what();
      }
    });
  }
  while (ready < n) std::this_thread::yield();
  go = true;
  for (auto& t : threads) t.join();
  for (const auto& e : errors) EXPECT_EQ(e, "");
  return results;
}

}  // namespace hisx::test::integration
