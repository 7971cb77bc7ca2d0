#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include <memory>
#include <string>

// Owning handles for the C objects of cairo and pango, so that an exception never leaks one.

namespace hisx::sdk::documents::detail {

struct CairoSurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoFree {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct GObjectFree {
  void operator()(void* object) const { g_object_unref(object); }
};
struct FontDescriptionFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};

using Surface = std::unique_ptr<cairo_surface_t, CairoSurfaceFree>;
using Cairo = std::unique_ptr<cairo_t, CairoFree>;
using PangoContextPtr = std::unique_ptr<PangoContext, GObjectFree>;
using PangoLayoutPtr = std::unique_ptr<PangoLayout, GObjectFree>;
using FontDescription = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;

/// A cairo write callback appending to the std::string passed as its closure.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

/// The surface's content as PNG bytes; throws std::runtime_error when cairo fails.
std::string surface_to_png(cairo_surface_t* surface);

}  // namespace hisx::sdk::documents::detail
