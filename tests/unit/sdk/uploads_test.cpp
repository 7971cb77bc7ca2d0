// Uploaded text files as browsers, scripts and spreadsheets send them: a raw text/csv body, a
// multipart/form-data form with one file, a byte order mark, a file saved in a legacy code
// page, an .xlsx workbook; and the refusals each one gets.
#include "hisx/uploads.h"

#include <gmock/gmock.h>

#include "hisx/problem.h"

namespace hisx::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class UploadRequest : public sdk::Request {
 public:
  UploadRequest(std::string content_type, std::string body)
      : content_type_(std::move(content_type)), body_(std::move(body)) {}
  const std::string& method() const override { return method_; }
  const std::string& path() const override { return method_; }
  const std::string& param(const std::string&) const override { return method_; }
  std::optional<std::string> query(const std::string&) const override { return std::nullopt; }
  std::optional<std::string> header(const std::string& name) const override {
    if (name == "Content-Type" && !content_type_.empty()) return content_type_;
    return std::nullopt;
  }
  const std::string& body() const override { return body_; }
  Poco::JSON::Object::Ptr json() const override { return nullptr; }
  const sdk::Principal* principal() const override { return nullptr; }
  const std::string& request_id() const override { return method_; }
  std::string client_address() const override { return "127.0.0.1"; }
  std::vector<std::string> query_all(const std::string&) const override { return {}; }

 private:
  std::string method_ = "POST";
  std::string content_type_;
  std::string body_;
};

// What Chromium sends for <form enctype="multipart/form-data"> with a department and a file.
std::string browser_form(const std::string& file, const std::string& file_type = "text/csv") {
  return "------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n"
         "Content-Disposition: form-data; name=\"department\"\r\n"
         "\r\n"
         "K01\r\n"
         "------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n"
         "Content-Disposition: form-data; name=\"file\"; filename=\"phieu lien ket.csv\"\r\n"
         "Content-Type: " +
         file_type +
         "\r\n"
         "\r\n" +
         file +
         "\r\n"
         "------WebKitFormBoundary7MA4YWxkTrZu0gW--\r\n";
}

const std::string kFormType = "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW";

sdk::Problem problem_of(const sdk::Request& req) {
  try {
    sdk::read_text_upload(req);
  } catch (const sdk::Problem& p) {
    return p;
  }
  ADD_FAILURE() << "no problem";
  return sdk::Problem(200, "none", "");
}

TEST(Multipart, PartsWithNamesFileNamesAndTypes) {
  const auto parts = sdk::parse_multipart(browser_form("a,b\r\n1,2\r\n"), kFormType);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].name, "department");
  EXPECT_EQ(parts[0].file_name, "");
  EXPECT_EQ(parts[0].body, "K01");
  EXPECT_EQ(parts[1].name, "file");
  EXPECT_EQ(parts[1].file_name, "phieu lien ket.csv");
  EXPECT_EQ(parts[1].content_type, "text/csv");
  EXPECT_EQ(parts[1].body, "a,b\r\n1,2\r\n") << "the file's own line breaks are kept";
}

TEST(Multipart, APreambleAQuotedBoundaryAndLookalikesInTheBody) {
  const std::string body =
      "this preamble is ignored\r\n"
      "--xyz\r\n"
      "content-disposition: form-data; name=\"file\"; filename=\"a;b.csv\"\r\n"
      "\r\n"
      "--xy is not the boundary, nor is a--xyz without a line break before it\r\n"
      "--xyz--";
  const auto parts = sdk::parse_multipart(body, "Multipart/Form-Data; boundary=\"xyz\"");
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].file_name, "a;b.csv");
  EXPECT_THAT(parts[0].body, HasSubstr("--xy is not the boundary"));
}

TEST(Multipart, MalformedBodiesAreBadRequests) {
  for (const auto& [body, type] : std::vector<std::pair<std::string, std::string>>{
           {browser_form("x"), "multipart/form-data"},                     // no boundary
           {"--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx",  // no close
            "multipart/form-data; boundary=b"},
           {"--b\r\nX-Other: 1\r\n\r\nx\r\n--b--", "multipart/form-data; boundary=b"},
           {"nothing here", "multipart/form-data; boundary=b"},
       }) {
    try {
      sdk::parse_multipart(body, type);
      ADD_FAILURE() << "accepted: " << body;
    } catch (const sdk::Problem& p) {
      EXPECT_EQ(p.status(), 400) << body;
    }
  }
}

TEST(Uploads, ARawCsvBodyWithOrWithoutACharset) {
  auto upload = sdk::read_text_upload(UploadRequest("text/csv", "a,b\n"));
  EXPECT_EQ(upload.text, "a,b\n");
  EXPECT_EQ(upload.file_name, "");
  upload = sdk::read_text_upload(UploadRequest("text/plain; charset=UTF-8", "BN001\n"));
  EXPECT_EQ(upload.text, "BN001\n");
  const auto p = problem_of(UploadRequest("text/csv; charset=windows-1258", "a"));
  EXPECT_EQ(p.status(), 415);
  EXPECT_EQ(p.type(), "unsupported-media-type");
  EXPECT_EQ(p.field(), "file");
}

TEST(Uploads, TheFileOfABrowserFormAndTheFormsOtherFields) {
  const auto upload = sdk::read_text_upload(
      UploadRequest(kFormType, browser_form("\xEF\xBB\xBFma_bn,ho_ten\r\nBN001,Nguyễn Thị Lan\r\n",
                                            "application/vnd.ms-excel")));
  EXPECT_EQ(upload.text, "ma_bn,ho_ten\r\nBN001,Nguyễn Thị Lan\r\n") << "the BOM is removed";
  EXPECT_EQ(upload.file_name, "phieu lien ket.csv");
  ASSERT_EQ(upload.fields.size(), 1u);
  EXPECT_EQ(upload.fields[0].name, "department");
  EXPECT_EQ(upload.fields[0].body, "K01");
}

TEST(Uploads, RefusalsNameTheField) {
  auto p = problem_of(UploadRequest("application/json", "{}"));
  EXPECT_EQ(p.status(), 415);
  EXPECT_EQ(p.field(), "file");
  EXPECT_THAT(p.detail(), HasSubstr("application/json"));
  EXPECT_EQ(problem_of(UploadRequest("", "a,b")).status(), 415);

  // A workbook chosen instead of its CSV.
  p = problem_of(UploadRequest(
      kFormType,
      browser_form("x", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));
  EXPECT_EQ(p.status(), 415);
  p = problem_of(UploadRequest(
      kFormType, browser_form("PK\x03\x04rest of a zip", "application/octet-stream")));
  EXPECT_EQ(p.status(), 422);
  EXPECT_THAT(p.detail(), HasSubstr("CSV UTF-8"));

  // No file part, or two.
  p = problem_of(UploadRequest("multipart/form-data; boundary=b",
                               "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\n"
                               "x\r\n--b--\r\n"));
  EXPECT_EQ(p.status(), 422);
  EXPECT_EQ(p.field(), "file");
  p = problem_of(UploadRequest("multipart/form-data; boundary=b",
                               "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n"
                               "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\ny\r\n"
                               "--b--\r\n"));
  EXPECT_EQ(p.status(), 422);

  // Empty, or only a BOM and line breaks.
  EXPECT_EQ(problem_of(UploadRequest("text/csv", "")).status(), 422);
  EXPECT_EQ(problem_of(UploadRequest("text/csv", "\xEF\xBB\xBF\r\n")).status(), 422);
}

TEST(Uploads, TextThatIsNotUtf8IsRefusedWithItsLine) {
  // "Nguyễn" saved by a spreadsheet in Windows-1258: 0xD2 is not UTF-8 here.
  const auto p = problem_of(UploadRequest("text/csv", "ma_bn,ho_ten\nBN001,Nguy\xD2n\n"));
  EXPECT_EQ(p.status(), 422);
  EXPECT_EQ(p.field(), "file");
  EXPECT_THAT(p.detail(), HasSubstr("line 2"));
  EXPECT_THAT(p.detail(), HasSubstr("dòng 2"));
  ASSERT_TRUE(p.members());
  EXPECT_EQ(p.members()->getValue<long long>("line"), 2);
  EXPECT_EQ(problem_of(UploadRequest("text/plain", std::string("a\0b", 3))).status(), 422);
}

TEST(Uploads, Utf8Validity) {
  EXPECT_EQ(sdk::invalid_utf8_at("Nguyễn Thị Ánh Đào €𝄞"), std::string::npos);
  EXPECT_EQ(sdk::invalid_utf8_at("ab\xC0\xAF"), 2u) << "overlong '/'";
  EXPECT_EQ(sdk::invalid_utf8_at("\xE0\x80\xAF"), 0u) << "overlong, 3 bytes";
  EXPECT_EQ(sdk::invalid_utf8_at("x\xED\xA0\x80"), 1u) << "a surrogate";
  EXPECT_EQ(sdk::invalid_utf8_at("\xF4\x90\x80\x80"), 0u) << "above U+10FFFF";
  EXPECT_EQ(sdk::invalid_utf8_at("abc\xE1\xBB"), 3u) << "cut short";
  EXPECT_EQ(sdk::invalid_utf8_at("\x80"), 0u) << "a lone continuation byte";
}

TEST(Uploads, ACsvUploadGivesItsRecordsOrTheLineAtFault) {
  auto rows = sdk::read_csv_upload(UploadRequest("text/csv", "ma_bn;ho_ten\nBN001;Lan\n"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_THAT(rows[1].fields, ElementsAre("BN001", "Lan")) << "';' guessed from the header";
  rows = sdk::read_csv_upload(UploadRequest("text/csv", "a;b\n"), "file", ',');
  EXPECT_THAT(rows[0].fields, ElementsAre("a;b")) << "a given delimiter is used";
  try {
    sdk::read_csv_upload(UploadRequest("text/csv", "a,b\n1,2\n3,\"4\n"));
    FAIL();
  } catch (const sdk::Problem& p) {
    EXPECT_EQ(p.status(), 422);
    EXPECT_EQ(p.field(), "file");
    EXPECT_THAT(p.detail(), HasSubstr("Line 3"));
    EXPECT_EQ(p.members()->getValue<long long>("line"), 3);
  }
}

}  // namespace
}  // namespace hisx::test
