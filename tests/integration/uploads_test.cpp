// Uploads over real HTTP: a route that allows 8 MiB accepts a 3 MB CSV file, raw or from a
// browser form, while the host's 1 MiB holds everywhere else; a body over a route's limit is a
// 413 on a connection that stays open, and its handler never runs.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <gmock/gmock.h>

#include <sstream>

#include "integration_support.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;

// Paper linking forms typed into a spreadsheet: about 3 MB of rows, with a quoted field
// holding a comma, a quote and a line break now and then.
std::string linking_forms_csv(std::size_t at_least) {
  std::string out = "\xEF\xBB\xBFma_bn,ho_ten,so_dien_thoai,khoa,ghi_chu\r\n";
  for (int i = 1; out.size() < at_least; ++i) {
    out += "BN" + std::to_string(100000 + i) + ",Nguyễn Thị Hồng " + std::to_string(i) + ",09" +
           std::to_string(10000000 + i) + ",K0" + std::to_string(i % 9) + ",";
    out += i % 50 == 0 ? "\"Gọi lại, hỏi \"\"mã\"\"\r\nsau 17h\"\r\n" : "\r\n";
  }
  return out;
}

int rows_of(const std::string& csv) {
  int rows = 0;
  bool quoted = false;
  for (char c : csv) {
    if (c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) ++rows;
  }
  return rows;
}

std::string form_with(const std::string& file) {
  return "--hisx-test-boundary\r\n"
         "Content-Disposition: form-data; name=\"file\"; filename=\"khoa-noi.csv\"\r\n"
         "Content-Type: text/csv\r\n\r\n" +
         file + "\r\n--hisx-test-boundary--\r\n";
}

int accepted(const HostProcess& host, const std::string& admin) {
  const HttpResult r = host.client().get("/api/v1/good/uploads", admin);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? r.json()->getValue<int>("accepted") : -1;
}

TEST(Uploads, ARouteThatAllowsItAcceptsA3MbCsvTheOthersRefuseIt) {
  HostProcess host(host_options({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]",
                                 "http.max_body_bytes=1048576"}));
  host.start();
  const std::string admin = create_key(host, "admin");
  const std::string csv = linking_forms_csv(3'000'000);
  ASSERT_GT(csv.size(), 3'000'000u);

  HttpResult raw = host.client().post("/api/v1/good/uploads", csv, admin,
                                      {{"Content-Type", "text/csv; charset=utf-8"}});
  ASSERT_EQ(raw.status, 200) << raw.body.substr(0, 500);
  auto answer = raw.json();
  EXPECT_EQ(answer->getValue<int>("rows"), rows_of(csv));
  EXPECT_EQ(answer->getValue<int>("columns"), 5);
  EXPECT_EQ(answer->getArray("first")->getElement<std::string>(0), "ma_bn") << "BOM removed";

  HttpResult form =
      host.client().post("/api/v1/good/uploads", form_with(csv), admin,
                         {{"Content-Type", "multipart/form-data; boundary=hisx-test-boundary"}});
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 500);
  EXPECT_EQ(form.json()->getValue<std::string>("file_name"), "khoa-noi.csv");
  EXPECT_EQ(form.json()->getValue<int>("rows"), rows_of(csv));
  EXPECT_EQ(accepted(host, admin), 2);

  // The route on the host's limit refuses the same file, and its handler never runs.
  auto doc = expect_problem(
      host.client().post("/api/v1/good/uploads-small", csv, admin, {{"Content-Type", "text/csv"}}),
      413, "payload-too-large");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("1048576"));
  // Over the upload route's own 8 MiB.
  doc = expect_problem(host.client().post("/api/v1/good/uploads", linking_forms_csv(9 << 20), admin,
                                          {{"Content-Type", "text/csv"}}),
                       413, "payload-too-large");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("8388608"));
  EXPECT_EQ(accepted(host, admin), 2);

  // A small file goes through either route; JSON routes keep their limit.
  const std::string small = "ma_bn,ho_ten\nBN000001,Lan\n";
  EXPECT_EQ(host.client()
                .post("/api/v1/good/uploads-small", small, admin, {{"Content-Type", "text/csv"}})
                .status,
            200);
  expect_problem(host.client().post("/api/v1/good/greetings",
                                    "{\"text\": \"" + std::string(2 << 20, 'x') + "\"}", admin),
                 413, "payload-too-large");
}

TEST(Uploads, A413LeavesTheConnectionOpenForTheNextRequest) {
  HostProcess host(host_options({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]"}));
  host.start();
  const std::string admin = create_key(host, "admin");
  const std::string csv = linking_forms_csv(3'000'000);

  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(host.port()));
  session.setKeepAlive(true);
  session.setTimeout(Poco::Timespan(60, 0));
  Poco::Net::HTTPRequest post(Poco::Net::HTTPRequest::HTTP_POST, "/api/v1/good/uploads-small",
                              Poco::Net::HTTPMessage::HTTP_1_1);
  post.setKeepAlive(true);
  post.set("Authorization", "Bearer " + admin);
  post.setContentType("text/csv");
  post.setContentLength64(static_cast<Poco::Int64>(csv.size()));
  session.sendRequest(post) << csv;
  Poco::Net::HTTPResponse refused;
  std::ostringstream refused_body;
  refused_body << session.receiveResponse(refused).rdbuf();
  EXPECT_EQ(refused.getStatus(), 413) << refused_body.str();
  EXPECT_THAT(refused_body.str(), HasSubstr("payload-too-large"));
  EXPECT_TRUE(refused.getKeepAlive()) << "the server kept the connection";

  Poco::Net::HTTPRequest get(Poco::Net::HTTPRequest::HTTP_GET, "/api/v1/good/uploads",
                             Poco::Net::HTTPMessage::HTTP_1_1);
  get.setKeepAlive(true);
  get.set("Authorization", "Bearer " + admin);
  session.sendRequest(get);
  Poco::Net::HTTPResponse next;
  std::ostringstream next_body;
  next_body << session.receiveResponse(next).rdbuf();
  EXPECT_EQ(next.getStatus(), 200) << next_body.str();
  EXPECT_THAT(next_body.str(), HasSubstr("\"accepted\":0"));
}

TEST(Uploads, AFileThatIsNotUtf8IsRefusedNamingTheFieldAndLine) {
  HostProcess host(host_options({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]"}));
  host.start();
  const std::string admin = create_key(host, "admin");
  // Saved by a spreadsheet in Windows-1258 rather than UTF-8.
  auto doc = expect_problem(
      host.client().post("/api/v1/good/uploads",
                         form_with("ma_bn,ho_ten\r\nBN1,Lan\r\nBN2,Nguy\xD2n\r\n"), admin,
                         {{"Content-Type", "multipart/form-data; boundary=hisx-test-boundary"}}),
      422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "file");
  EXPECT_EQ(doc->getValue<int>("line"), 3);
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("UTF-8"));
  doc = expect_problem(host.client().post("/api/v1/good/uploads", "{}", admin), 415,
                       "unsupported-media-type");
  EXPECT_EQ(doc->getValue<std::string>("field"), "file");
  EXPECT_EQ(accepted(host, admin), 0);
}

}  // namespace
}  // namespace hisx::test::integration
