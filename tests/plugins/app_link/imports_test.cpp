// Paper linking forms in bulk: every row gets its own result, the same file uploaded again
// changes nothing, the results download as CSV, and a 10,000-row file goes in one request.
#include <Poco/JSON/Array.h>
#include <gmock/gmock.h>

#include "app_link_fixture.h"

namespace hisx::test::app_link {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class Imports : public AppLinkTest {
 protected:
  hisx::testing::Answer upload(const std::string& csv, const std::string& role = "admin") {
    return host_->call({"POST",
                        "/api/v1/app-link/imports",
                        csv,
                        role,
                        {{"Content-Type", "text/csv; charset=utf-8"}}});
  }

  static std::map<int, Poco::JSON::Object::Ptr> by_line(const Poco::JSON::Object::Ptr& body) {
    std::map<int, Poco::JSON::Object::Ptr> out;
    const auto rows = body->getArray("rows");
    for (std::size_t i = 0; i < rows->size(); ++i) {
      out[rows->getObject(i)->getValue<int>("line")] = rows->getObject(i);
    }
    return out;
  }
};

TEST_F(Imports, EveryRowGetsItsOwnResultAndASecondUploadChangesNothing) {
  const auto a = patient(10), b = patient(11);
  const auto department = departments().front();
  const std::string csv =
      "form_number,patient_code,app_account_id,department_id,consent_date\n"
      "," +
      a.code + ",acct-b1," + department + ",2026-11-20\n" +        // line 2: linked
      "," + b.code + ",acct-b2,,2026-11-21\n" +                    // line 3: linked, no department
      ",BN-NOT-THERE,acct-b3," + department + ",2026-11-21\n" +    // line 4: unknown code
      "," + a.code + ",," + department + ",2026-11-21\n" +         // line 5: no account
      "," + a.code + ",acct-b1," + department + ",2026-11-21\n" +  // line 6: same pair again
      "LK99,,acct-b4," + department + ",2026-11-21\n" +            // line 7: no such form
      "," + b.code + ",acct-b5,K-NONE,2026-11-21\n" +              // line 8: unknown department
      "," + b.code + ",acct-b6," + department + ",21/11/2026\n";   // line 9: bad date
  const auto first = upload(csv);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto body = json(first);
  const auto summary = body->getObject("summary");
  EXPECT_EQ(summary->getValue<int>("rows"), 8);
  EXPECT_EQ(summary->getValue<int>("linked"), 2);
  EXPECT_EQ(summary->getValue<int>("already_linked"), 1);
  EXPECT_EQ(summary->getValue<int>("patient_not_found"), 1);
  EXPECT_EQ(summary->getValue<int>("form_not_found"), 1);
  EXPECT_EQ(summary->getValue<int>("bad_row"), 3);
  auto rows = by_line(body);
  EXPECT_EQ(rows[2]->getValue<std::string>("outcome"), "linked");
  EXPECT_EQ(rows[2]->getValue<std::string>("patient_id"), a.id);
  EXPECT_EQ(rows[3]->getValue<std::string>("outcome"), "linked");
  EXPECT_EQ(rows[4]->getValue<std::string>("outcome"), "patient_not_found");
  EXPECT_EQ(rows[5]->getValue<std::string>("outcome"), "bad_row");
  EXPECT_EQ(rows[5]->getValue<std::string>("field"), "app_account_id");
  EXPECT_EQ(rows[6]->getValue<std::string>("outcome"), "already_linked");
  EXPECT_EQ(rows[7]->getValue<std::string>("outcome"), "form_not_found");
  EXPECT_EQ(rows[8]->getValue<std::string>("field"), "department_id");
  EXPECT_EQ(rows[9]->getValue<std::string>("field"), "consent_date");
  EXPECT_EQ(rows_of("hisx_app_link_links"), 2);
  const auto linked = host_->published("patient.linked");
  ASSERT_EQ(linked.size(), 2u);
  EXPECT_EQ(linked[0].payload->getValue<std::string>("method"), "bulk");

  const auto second = upload(csv);
  ASSERT_EQ(second.status, 201) << second.body;
  const auto again = json(second);
  EXPECT_EQ(again->getObject("summary")->getValue<int>("linked"), 0);
  EXPECT_EQ(again->getObject("summary")->getValue<int>("already_linked"), 3);
  EXPECT_EQ(again->getValue<long long>("same_file_as"), body->getValue<long long>("import_id"));
  EXPECT_EQ(rows_of("hisx_app_link_links"), 2);
  EXPECT_EQ(host_->published("patient.linked").size(), 2u);

  const auto id = std::to_string(body->getValue<long long>("import_id"));
  const auto csv_back = host_->get("/api/v1/app-link/imports/" + id + "/results.csv");
  ASSERT_EQ(csv_back.status, 200) << csv_back.body;
  EXPECT_THAT(csv_back.header("Content-Type"), StartsWith("text/csv"));
  EXPECT_THAT(csv_back.body,
              HasSubstr("line,outcome,field,detail,patient_id,app_account_id,link_id\r\n"));
  EXPECT_THAT(csv_back.body, HasSubstr("4,patient_not_found,patient_code,"));
  EXPECT_EQ(host_->get("/api/v1/app-link/imports/" + id).status, 200);
  EXPECT_EQ(host_->get("/api/v1/app-link/imports/999999").status, 404);
}

TEST_F(Imports, AFileThatIsNotTheTemplateIsRefusedNamingTheFile) {
  auto doc = expect_problem(upload("ma_bn,tai_khoan\nBN1,acct\n"), 422, "validation", "file");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("app_account_id"));
  expect_problem(upload("form_number,patient_code,app_account_id,department_id,consent_date\n"),
                 422, "validation", "file");
  expect_problem(host_->call({"POST",
                              "/api/v1/app-link/imports",
                              "{}",
                              "admin",
                              {{"Content-Type", "application/json"}}}),
                 415, "unsupported-media-type");
  EXPECT_EQ(
      upload("form_number,patient_code,app_account_id,department_id,consent_date\n", "receptionist")
          .status,
      403);
  EXPECT_EQ(rows_of("hisx_app_link_imports"), 0);
}

TEST_F(Imports, AMultipartUploadFromTheBrowserIsRead) {
  const auto a = patient(12);
  const std::string csv =
      "patient_code,app_account_id,consent_date\r\n" + a.code + ",acct-m,2026-11-30\r\n";
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
      "filename=\"phieu-khoa-noi.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
      csv + "\r\n--XyZ--\r\n";
  const auto r = host_->call({"POST",
                              "/api/v1/app-link/imports",
                              body,
                              "admin",
                              {{"Content-Type", "multipart/form-data; boundary=XyZ"}}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json(r)->getValue<std::string>("file_name"), "phieu-khoa-noi.csv");
  EXPECT_EQ(json(r)->getObject("summary")->getValue<int>("linked"), 1);
}

TEST_F(Imports, TenThousandRowsGoInOneRequest) {
  std::vector<DemoPatient> patients;
  for (int i = 0; i < 100; ++i) patients.push_back(patient(i));
  std::string csv = "patient_code,app_account_id,consent_date\n";
  for (int i = 0; i < 10000; ++i) {
    csv += patients[i % patients.size()].code + ",acct-" + std::to_string(i) + ",2026-11-01\n";
  }
  const auto r = upload(csv);
  ASSERT_EQ(r.status, 201) << r.body.substr(0, 500);
  EXPECT_EQ(json(r)->getObject("summary")->getValue<int>("rows"), 10000);
  EXPECT_EQ(json(r)->getObject("summary")->getValue<int>("linked"), 10000);
  EXPECT_EQ(rows_of("hisx_app_link_links"), 10000);
  EXPECT_EQ(rows_of("hisx_app_link_import_rows"), 10000);
}

}  // namespace
}  // namespace hisx::test::app_link
