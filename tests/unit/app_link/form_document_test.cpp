// The signed linking form (one per page), its two QR codes, and the picture of it in the
// plugin's README.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "printing/print_documents.h"
#include "sample_slip.h"
#include "support/documents/decoders.h"
#include "support/documents/pdf_file.h"

namespace hisx::app_link {
namespace {

using hisx::test::PdfFile;
using test::sample_form;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string squeezed(std::string text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

TEST(FormPdf, OneFormIsOneA5PageWithTheSlipConsentSignatureBoxesAndNumber) {
  FormContent form = sample_form(42);
  const PdfFile file(forms_pdf({form}));
  EXPECT_EQ(file.pages(), 1);
  const std::string size = file.info().at("Page size");  // "419.528 x 595.276 pts"
  EXPECT_NEAR(std::stod(size), 419.53, 0.01) << size;
  EXPECT_NEAR(std::stod(size.substr(size.find('x') + 1)), 595.28, 0.01) << size;
  const std::string text = squeezed(file.text());
  EXPECT_NE(text.find(test::kPatientName), std::string::npos) << text;
  EXPECT_NE(text.find("7Q4K-92XM"), std::string::npos) << text;
  EXPECT_NE(text.find("1900 1234"), std::string::npos) << text;
  EXPECT_NE(text.find("LK0000042"), std::string::npos) << text;
  EXPECT_NE(text.find("Tôi đồng ý liên kết"), std::string::npos) << text;
  for (const char* caption : {"Signer's name", "Relationship", "Chữ ký / Signature",
                              "Ngày ký / Date", "Mã phiếu – dành cho bệnh viện"}) {
    EXPECT_NE(text.find(caption), std::string::npos) << caption << "\n" << text;
  }
}

TEST(FormPdf, ALongNameAndALongConsentStillFitOnePage) {
  FormContent form = sample_form(1234567);
  form.slip.patient_name = "Tôn Nữ Hoàng Thị Phương Thảo Nguyễn Huỳnh Đức Bảo Ngọc Ánh";
  form.slip.hospital_name = "Bệnh viện Đa khoa khu vực Trung tâm Y tế huyện Thạch Thất";
  const PdfFile file(forms_pdf({form}));
  EXPECT_EQ(file.pages(), 1);
}

TEST(FormPdf, BothQrCodesDecode_TheLinkAndTheFormNumber) {
  const FormContent form = sample_form(42);
  const PdfFile file(forms_pdf({form}));
  auto codes = lines_of(hisx::test::zbar_decode(file.render(1, 200)));
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(codes, (std::vector<std::string>{"LK0000042", form.slip.link}));
}

TEST(FormPdf, ABatchHasOneFormPerPageInOrder) {
  std::vector<FormContent> forms = {sample_form(7), sample_form(8), sample_form(9)};
  forms[1].slip.patient_name = "Trần Văn Bình";
  const PdfFile file(forms_pdf(forms));
  ASSERT_EQ(file.pages(), 3);
  EXPECT_NE(file.text(1).find("LK0000007"), std::string::npos);
  EXPECT_NE(squeezed(file.text(2)).find("Trần Văn Bình"), std::string::npos);
  EXPECT_NE(file.text(2).find("LK0000008"), std::string::npos);
  EXPECT_NE(file.text(3).find("LK0000009"), std::string::npos);
}

// plugins/app_link/docs/linking-form.png: written with HISX_WRITE_PICTURES=1, checked always.
TEST(FormPicture, TheReadmePictureExistsAndItsCodeLeadsToTheDefaultDeepLink) {
  const char* source = std::getenv("HISX_SOURCE_DIR");
  ASSERT_NE(source, nullptr);
  const std::filesystem::path picture =
      std::filesystem::path(source) / "plugins/app_link/docs/linking-form.png";
  const char* write = std::getenv("HISX_WRITE_PICTURES");
  if (write && std::string(write) == "1") {
    const PdfFile file(forms_pdf({sample_form(42)}));
    std::filesystem::create_directories(picture.parent_path());
    std::filesystem::copy_file(file.render(1, 100), picture,
                               std::filesystem::copy_options::overwrite_existing);
  }
  ASSERT_TRUE(std::filesystem::exists(picture))
      << picture << " is missing: run the test with HISX_WRITE_PICTURES=1";
  // A deep link of the default setting: its text around {code}, and a code in between.
  const std::string marked = test::default_settings().link_for("\x01");
  const std::string before = marked.substr(0, marked.find('\x01'));
  const std::string after = marked.substr(marked.find('\x01') + 1);
  bool found = false;
  for (const std::string& code : lines_of(hisx::test::zbar_decode(picture))) {
    if (code.size() != before.size() + kCodeLength + after.size()) continue;
    const std::string middle = code.substr(before.size(), kCodeLength);
    found =
        found || (code.rfind(before, 0) == 0 && code.substr(code.size() - after.size()) == after &&
                  normalise_link_code(middle) == middle);
  }
  EXPECT_TRUE(found) << "no QR code of the picture leads to " << before << "…" << after;
}

}  // namespace
}  // namespace hisx::app_link
