#include "support/documents/pdf_file.h"

#include <regex>
#include <sstream>

#include "support/documents/decoders.h"

namespace hisx::test {

namespace {

// Rows of a poppler tool's table: the lines after the "----" line, split at spaces.
std::vector<std::vector<std::string>> table_rows(const std::string& out) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(out);
  std::string line;
  bool body = false;
  while (std::getline(in, line)) {
    if (!body) {
      body = line.rfind("----", 0) == 0;
      continue;
    }
    std::istringstream fields(line);
    std::vector<std::string> row;
    for (std::string field; fields >> field;) row.push_back(field);
    if (!row.empty()) rows.push_back(row);
  }
  return rows;
}

}  // namespace

PdfFile::PdfFile(const std::string& bytes) : file_(dir_.path() / "document.pdf") {
  write_file(file_, bytes);
}

std::map<std::string, std::string> PdfFile::info() const {
  std::map<std::string, std::string> fields;
  std::istringstream in(run_tool({"pdfinfo", file_.string()}));
  std::string line;
  while (std::getline(in, line)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const auto start = line.find_first_not_of(' ', colon + 1);
    fields[line.substr(0, colon)] = start == std::string::npos ? "" : line.substr(start);
  }
  return fields;
}

int PdfFile::pages() const { return std::stoi(info().at("Pages")); }

std::string PdfFile::text(int page) const {
  std::vector<std::string> argv{"pdftotext", "-layout", "-enc", "UTF-8"};
  if (page > 0) {
    for (const char* flag : {"-f", "-l"}) {
      argv.push_back(flag);
      argv.push_back(std::to_string(page));
    }
  }
  argv.push_back(file_.string());
  argv.push_back("-");
  return run_tool(argv);
}

std::vector<PdfWord> PdfFile::words(int page) const {
  const std::string html =
      run_tool({"pdftotext", "-bbox", "-enc", "UTF-8", "-f", std::to_string(page), "-l",
                std::to_string(page), file_.string(), "-"});
  static const std::regex word(
      "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">"
      "([^<]*)</word>");
  std::vector<PdfWord> words;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    words.push_back({m[5], std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])});
  }
  return words;
}

std::vector<std::vector<std::string>> PdfFile::fonts() const {
  return table_rows(run_tool({"pdffonts", file_.string()}));
}

std::vector<std::vector<std::string>> PdfFile::images() const {
  return table_rows(run_tool({"pdfimages", "-list", file_.string()}));
}

std::filesystem::path PdfFile::render(int page, int dpi) const {
  const auto base = dir_.path() / ("page-" + std::to_string(page));
  run_tool({"pdftoppm", "-png", "-r", std::to_string(dpi), "-f", std::to_string(page), "-l",
            std::to_string(page), "-singlefile", file_.string(), base.string()});
  return base.string() + ".png";
}

}  // namespace hisx::test
