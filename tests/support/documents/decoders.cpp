#include "support/documents/decoders.h"

#include <cairo.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "support/process.h"

namespace hisx::test {

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string run_tool(const std::vector<std::string>& argv) {
  const ProcessResult result = run_process(argv);
  if (result.exit_code != 0) {
    throw std::runtime_error(argv.at(0) + " exited with " + std::to_string(result.exit_code) +
                             ": " + result.err);
  }
  return result.out;
}

std::string zbar_decode(const std::filesystem::path& path) {
  // zbarimg exits with 4 when it finds no code.
  const ProcessResult result = run_process({"zbarimg", "--raw", "-q", "--nodbus", path.string()});
  if (result.exit_code == 4) return {};
  if (result.exit_code != 0) {
    throw std::runtime_error("zbarimg exited with " + std::to_string(result.exit_code) + ": " +
                             result.err);
  }
  std::string out = result.out;
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

GreyImage read_png(const std::string& png) {
  struct Reader {
    const std::string* bytes;
    std::size_t at = 0;
  } reader{&png};
  cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(
      [](void* closure, unsigned char* data, unsigned int length) {
        auto* r = static_cast<Reader*>(closure);
        if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
        std::memcpy(data, r->bytes->data() + r->at, length);
        r->at += length;
        return CAIRO_STATUS_SUCCESS;
      },
      &reader);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    throw std::runtime_error("not a PNG image");
  }
  GreyImage image;
  image.width = cairo_image_surface_get_width(surface);
  image.height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  image.pixels.resize(static_cast<std::size_t>(image.width) * image.height);
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      std::uint32_t pixel;
      std::memcpy(&pixel, data + y * stride + x * 4, 4);
      const unsigned r = (pixel >> 16) & 0xFF, g = (pixel >> 8) & 0xFF, b = pixel & 0xFF;
      image.pixels[static_cast<std::size_t>(y) * image.width + x] =
          static_cast<unsigned char>((r * 299 + g * 587 + b * 114) / 1000);
    }
  }
  cairo_surface_destroy(surface);
  return image;
}

}  // namespace hisx::test
