#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "cairo_handles.h"
#include "hisx/documents/pdf.h"

// What a PdfDocument holds: its paper in points and its blocks, checked when appended and
// laid out only when the file is written (a roll's length is known only then).

namespace hisx::sdk::documents::detail {

/// Points per millimetre: PDF user space is in points (1/72 inch).
inline constexpr double kPtPerMm = 72.0 / 25.4;

/// The page and its margins in points; `paged` is false for a roll, whose height is unknown
/// until the content is laid out.
struct PageGeometry {
  double width = 0;
  double height = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;
  double left = 0;
  bool paged = true;
  double content_width() const { return width - left - right; }
  double content_height() const { return height - top - bottom; }
};

struct TextBlock {
  std::string text;
  TextStyle style;
};
struct ImageBlock {
  std::shared_ptr<cairo_surface_t> surface;  // Shared by copies; never drawn on.
  double width_pt;
  double height_pt;
  Align align;
};
struct RuleBlock {
  double thickness_pt;
};
struct SpaceBlock {
  double height_pt;
};
struct TableBlock {
  Table table;
  std::vector<double> widths_pt;  // One per column, summing to the content width.
};
struct BoxBlock {
  double height_pt;
  std::vector<std::string> captions;  // One box per caption, side by side.
};
struct PageBreakBlock {};

using Block = std::variant<TextBlock, ImageBlock, RuleBlock, SpaceBlock, TableBlock, BoxBlock,
                           PageBreakBlock>;

/// A document's content and metadata.
struct PdfContent {
  PageGeometry page;
  std::string title;
  std::string author;
  std::string subject;
  std::vector<Block> blocks;
};

/// The PDF file of `content`.
std::string render_pdf(const PdfContent& content);

/// How many pages render_pdf() makes of `content`.
int count_pages(const PdfContent& content);

}  // namespace hisx::sdk::documents::detail
