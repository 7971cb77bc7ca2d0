#pragma once

// Shared by the app_link API tests: a harness host with the his and app_link plugins on the
// backend under test (HISX_TEST_BACKEND) and the demo HIS, and helpers that read demo patients
// and departments straight from the HIS tables, so that a test knows the truth it checks
// against.

#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <memory>
#include <string>
#include <vector>

#include "hisx/testing/harness.h"
#include "support/backend.h"

namespace hisx::test::app_link {

/// A demo HIS patient as the HIS tables hold it.
struct DemoPatient {
  std::string id;          ///< benh_nhan.id as text.
  std::string code;        ///< ma_bn.
  std::string full_name;   ///< ho_ten, with diacritics.
  std::string birth_date;  ///< "YYYY-MM-DD".
};

class AppLinkTest : public ::testing::Test {
 protected:
  /// Starts the host with plugins `plugins` and `overrides` (after the backend's own).
  void start(std::vector<std::string> plugins = {"his", "app_link"},
             std::vector<std::string> overrides = {});
  void SetUp() override { start(); }

  /// The `n`-th demo patient (by id), read from the HIS tables.
  DemoPatient patient(int n = 0);
  /// The ids of the HIS's active departments (dm_khoa), in id order.
  std::vector<std::string> departments();

  /// Parses an answer's body as a JSON object, failing the test with the body otherwise.
  static Poco::JSON::Object::Ptr json(const hisx::testing::Answer& answer);
  /// Checks that `answer` is a problem document with `status`, type `type` and, when given,
  /// `field`; returns it.
  static Poco::JSON::Object::Ptr expect_problem(const hisx::testing::Answer& answer, int status,
                                                const std::string& type,
                                                const std::string& field = {});

  /// Links `account` to `patient_id` at a desk (POST /api/v1/app-link/links as receptionist,
  /// signed form); returns the answer.
  hisx::testing::Answer link(const std::string& patient_id, const std::string& account,
                             const std::string& department_id);
  /// The number of rows of the store table `table`.
  long long rows_of(const std::string& table);

  hisx::test::TestBackend backend_;
  std::unique_ptr<hisx::testing::Harness> host_;
};

/// An id column of a HIS row as text, whatever its SQL type.
std::string id_text(const soci::row& row, std::size_t i);

/// A "YYYY-MM-DD" date that is not `birth_date` (the day after it).
std::string other_date(const std::string& birth_date);

}  // namespace hisx::test::app_link
