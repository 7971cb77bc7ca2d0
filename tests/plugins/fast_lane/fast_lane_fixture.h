#pragma once

// Shared by the fast_lane API tests: a harness host with the his and fast_lane plugins on the
// backend under test (HISX_TEST_BACKEND) and the demo HIS, its clock at 09:00 in Hanoi, and
// helpers to set up windows, issue tickets and add HIS patients of a chosen age.

#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "hisx/testing/harness.h"
#include "support/backend.h"

namespace hisx::test::fast_lane {

class FastLaneTest : public ::testing::Test {
 protected:
  /// Starts the host with plugins `plugins` and `overrides` (after the backend's own).
  void start(std::vector<std::string> plugins = {"his", "fast_lane"},
             std::vector<std::string> overrides = {});
  void SetUp() override { start(); }

  /// Parses an answer's body as a JSON object, failing the test with the body otherwise.
  static Poco::JSON::Object::Ptr json(const hisx::testing::Answer& answer);
  /// Checks that `answer` is a problem document with `status`, type `type` and, when given,
  /// `field`; returns it.
  static Poco::JSON::Object::Ptr expect_problem(const hisx::testing::Answer& answer, int status,
                                                const std::string& type,
                                                const std::string& field = {});

  /// PUT /api/v1/fast-lane/windows/{code} as cashier_lead, expecting 200.
  void window(const std::string& code, const std::string& mode, int fast_share = 2,
              int regular_share = 1);
  /// POST /api/v1/fast-lane/tickets with `body` as receptionist; returns the answer.
  hisx::testing::Answer issue(const std::string& body, const std::string& role = "receptionist");
  /// issue() expecting 201; returns the ticket's label.
  std::string issue_label(const std::string& body);
  /// POST /api/v1/fast-lane/windows/{code}/next as cashier; returns the called label ("" for
  /// none).
  std::string next(const std::string& code);
  /// Adds a patient to the demo HIS born on `birth_date`; returns its HIS id.
  std::string add_patient(const std::string& code, const std::string& birth_date);
  /// Adds an open invoice (hoa_don) of `patient_share` for HIS patient `patient_id`, with
  /// `insurance_share` paid by BHYT; returns its HIS id.
  std::string add_invoice(const std::string& patient_id, long long patient_share,
                          long long insurance_share = 0);
  /// The HIS's status of invoice `id` ("open", "paid").
  std::string invoice_status(const std::string& id);
  /// Opens the shift of `role` with `opening_float` (POST /api/v1/fast-lane/shifts).
  void open_shift(const std::string& role = "cashier", long long opening_float = 500000);
  /// POST /api/v1/fast-lane/payments as `role` with Idempotency-Key `key`.
  hisx::testing::Answer pay(const std::string& body, const std::string& key,
                            const std::string& role = "cashier");
  /// The number of rows of the store table `table`.
  long long rows_of(const std::string& table);

  hisx::test::TestBackend backend_;
  std::unique_ptr<hisx::testing::Harness> host_;
};

/// 09:00 on 1 December 2026 in Hanoi (02:00 UTC): where the tests' clock starts.
inline constexpr const char* kStart = "2026-12-01T02:00:00Z";

}  // namespace hisx::test::fast_lane
