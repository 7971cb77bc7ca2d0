#include "cairo_handles.h"

#include <stdexcept>

namespace hisx::sdk::documents::detail {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string surface_to_png(cairo_surface_t* surface) {
  std::string png;
  const cairo_status_t status = cairo_surface_write_to_png_stream(surface, append_to_string, &png);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("writing a PNG image failed: ") +
                             cairo_status_to_string(status));
  }
  return png;
}

}  // namespace hisx::sdk::documents::detail
