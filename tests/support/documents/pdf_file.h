#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace hisx::test {

/// A word on a PDF page as pdftotext -bbox finds it, in points from the top left.
struct PdfWord {
  std::string text;
  double x_min, y_min, x_max, y_max;
};

/// PDF bytes written to a temp file and read back with poppler-utils, as a reader would.
class PdfFile {
 public:
  explicit PdfFile(const std::string& bytes);

  /// `pdfinfo`: "Pages" → "2", "Page size" → "419.53 x 595.28 pts (A5)", "Title" → …
  std::map<std::string, std::string> info() const;
  /// The page count pdfinfo reports.
  int pages() const;
  /// `pdftotext -layout` of page `page` (1-based), or of every page when 0.
  std::string text(int page = 0) const;
  /// Every word of page `page` with its box (`pdftotext -bbox`).
  std::vector<PdfWord> words(int page) const;
  /// `pdffonts`: one row per font (name, type, encoding, emb, sub, uni, object, id).
  std::vector<std::vector<std::string>> fonts() const;
  /// `pdfimages -list`: one row per image (page, num, type, width, height, …).
  std::vector<std::vector<std::string>> images() const;
  /// Page `page` rendered by `pdftoppm` at `dpi` and written as a PNG file; its path.
  std::filesystem::path render(int page, int dpi) const;

 private:
  TempDir dir_;
  std::filesystem::path file_;
};

}  // namespace hisx::test
