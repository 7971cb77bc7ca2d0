#pragma once

#include <filesystem>
#include <string>
#include <vector>

// The Debian tools that read what hisx::documents writes, run as subprocesses, and a PNG
// reader (libpng through cairo) for checking pixels.

namespace hisx::test {

/// Writes `bytes` to `path`, replacing the file.
void write_file(const std::filesystem::path& path, const std::string& bytes);

/// The bytes of the file at `path`; throws std::runtime_error when it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// Runs `argv` and returns its stdout; throws std::runtime_error with its stderr and exit
/// code when it does not exit with 0.
std::string run_tool(const std::vector<std::string>& argv);

/// What `zbarimg --raw -q` reads from the image at `path`: the text of the code it finds,
/// without the newline it ends each code with (codes one a line when it finds several), or ""
/// when it finds none. zbar guesses the character set of byte-mode text as a phone does.
std::string zbar_decode(const std::filesystem::path& path);

/// An image's pixels as grey levels 0 (black) to 255 (white), row by row.
struct GreyImage {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> pixels;
  unsigned char at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

/// Decodes PNG bytes; throws std::runtime_error when they are not a PNG image.
GreyImage read_png(const std::string& png);

}  // namespace hisx::test
