#include "app/cli_docs.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli_options.h"
#include "config/generated_section.h"

namespace hisx::host {

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int run_docs_command(const GeneratedDoc& doc, const std::vector<std::string>& args) {
  const auto opts = options_of(args, {"check", "write"});
  if (opts.size() > 1) {
    throw UsageError(doc.command + " takes --check FILE or --write FILE, not both");
  }
  if (opts.empty()) {
    std::cout << doc.section;
    return 0;
  }
  auto with_section = [&](const std::string& text) {
    return with_generated_section(text, doc.begin, doc.end, doc.section, doc.what);
  };
  if (auto it = opts.find("check"); it != opts.end()) {
    const std::string text = read_file(it->second);
    if (with_section(text) == text) return 0;
    std::cerr << "hisx: " << it->second << " does not list the " << doc.what
              << " as the SDK declares them; regenerate it with\n  build/bin/hisx " << doc.command
              << " --write " << doc.file << "\n";
    return 1;
  }
  const std::string& path = opts.at("write");
  const std::string text = with_section(read_file(path));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
  std::cout << "wrote the " << doc.what << " section of " << path << "\n";
  return 0;
}

}  // namespace hisx::host
