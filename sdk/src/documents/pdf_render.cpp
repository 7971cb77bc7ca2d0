#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "pdf_content.h"
#include "text_layout.h"

namespace hisx::sdk::documents::detail {

namespace {

constexpr double kCellPadding = 1.2 * kPtPerMm;
constexpr double kTableLine = 0.2 * kPtPerMm;
constexpr double kRuleSpace = 1.5 * kPtPerMm;
constexpr double kImageSpaceAfter = 2 * kPtPerMm;
constexpr double kBoxLine = 0.3 * kPtPerMm;
constexpr double kBoxCaptionPt = 7;
constexpr double kBoxSpaceAfter = 2 * kPtPerMm;

// The cursor moving down the pages. Without a cairo context it only measures: the same
// decisions, nothing drawn. A new page starts only when something is about to be drawn on it,
// so that trailing space or a trailing page break never leaves a blank page.
class PageWriter {
 public:
  PageWriter(const PageGeometry& page, cairo_t* cr) : page_(page), cr_(cr), y_(page.top) {}

  cairo_t* cr() const { return cr_; }
  const PageGeometry& page() const { return page_; }
  double y() const { return y_; }
  int pages() const { return pages_; }

  // Makes room for `height` more: a new page when it does not fit below the cursor (on a
  // page that already has something), or when a page break is pending.
  void fit(double height) {
    if (!page_.paged || !has_content_) return;
    if (break_pending_ || y_ + height > page_.height - page_.bottom + 1e-6) new_page();
  }
  bool fits(double height) const {
    return !page_.paged || y_ + height <= page_.height - page_.bottom + 1e-6;
  }
  void new_page() {
    if (cr_) cairo_show_page(cr_);
    ++pages_;
    y_ = page_.top;
    has_content_ = false;
    break_pending_ = false;
  }
  // Moves the cursor past something drawn.
  void drawn(double height) {
    y_ += height;
    has_content_ = true;
  }
  // Blank space: on a page, never past the bottom margin, so none carries over.
  void space(double height) {
    y_ += height;
    if (page_.paged) y_ = std::min(y_, page_.height - page_.bottom);
  }
  void request_break() {
    if (page_.paged && has_content_) break_pending_ = true;
  }

 private:
  PageGeometry page_;
  cairo_t* cr_;
  double y_;
  int pages_ = 1;
  bool has_content_ = false;
  bool break_pending_ = false;
};

double aligned_x(const PageGeometry& page, double width, Align align) {
  switch (align) {
    case Align::Left:
      break;
    case Align::Center:
      return page.left + (page.content_width() - width) / 2;
    case Align::Right:
      return page.width - page.right - width;
  }
  return page.left;
}

void write_text(PageWriter& out, PangoContext* context, const TextBlock& block) {
  const TextLook look{block.style.size_pt, block.style.bold, block.style.align,
                      out.page().content_width()};
  const PangoLayoutPtr layout = make_layout(context, block.text, look, "PdfDocument::paragraph");
  for_each_line(layout.get(), [&](const LineBox& line) {
    out.fit(line.height);
    if (out.cr()) draw_line(out.cr(), line, out.page().left, out.y());
    out.drawn(line.height);
  });
  out.space(block.style.space_after_mm * kPtPerMm);
}

void write_image(PageWriter& out, const ImageBlock& block) {
  out.fit(block.height_pt);
  if (cairo_t* cr = out.cr()) {
    cairo_save(cr);
    cairo_translate(cr, aligned_x(out.page(), block.width_pt, block.align), out.y());
    cairo_scale(cr, block.width_pt / cairo_image_surface_get_width(block.surface.get()),
                block.height_pt / cairo_image_surface_get_height(block.surface.get()));
    cairo_set_source_surface(cr, block.surface.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
    cairo_paint(cr);
    cairo_restore(cr);
  }
  out.drawn(block.height_pt);
  out.space(kImageSpaceAfter);
}

void write_rule(PageWriter& out, const RuleBlock& block) {
  out.space(kRuleSpace);
  out.fit(block.thickness_pt);
  if (cairo_t* cr = out.cr()) {
    const double y = out.y() + block.thickness_pt / 2;
    cairo_set_line_width(cr, block.thickness_pt);
    cairo_move_to(cr, out.page().left, y);
    cairo_line_to(cr, out.page().width - out.page().right, y);
    cairo_stroke(cr);
  }
  out.drawn(block.thickness_pt);
  out.space(kRuleSpace);
}

void write_boxes(PageWriter& out, PangoContext* context, const BoxBlock& block) {
  out.fit(block.height_pt);
  if (cairo_t* cr = out.cr()) {
    const double width = out.page().content_width() / block.captions.size();
    double x = out.page().left;
    cairo_set_line_width(cr, kBoxLine);
    for (const std::string& caption : block.captions) {
      cairo_rectangle(cr, x, out.y(), width, block.height_pt);
      cairo_stroke(cr);
      if (!caption.empty()) {
        const TextLook look{kBoxCaptionPt, false, Align::Left,
                            std::max(width - 2 * kCellPadding, 1.0)};
        const PangoLayoutPtr layout = make_layout(context, caption, look, "PdfDocument::box");
        cairo_move_to(cr, x + kCellPadding, out.y() + kCellPadding);
        pango_cairo_show_layout(cr, layout.get());
      }
      x += width;
    }
  }
  out.drawn(block.height_pt);
  out.space(kBoxSpaceAfter);
}

// One row of a table, laid out: a layout per cell and the row's height.
struct TableRow {
  std::vector<PangoLayoutPtr> cells;
  double height = 0;
};

TableRow lay_out_row(PangoContext* context, const TableBlock& block,
                     const std::vector<std::string>& texts, bool header) {
  TableRow row;
  double tallest = 0;
  for (std::size_t c = 0; c < texts.size(); ++c) {
    const TextLook look{block.table.size_pt, header, block.table.columns[c].align,
                        std::max(block.widths_pt[c] - 2 * kCellPadding, 1.0)};
    row.cells.push_back(make_layout(context, texts[c], look, "PdfDocument::table"));
    tallest = std::max(tallest, layout_height(row.cells.back().get()));
  }
  row.height = tallest + 2 * kCellPadding;
  return row;
}

void draw_row(PageWriter& out, const TableBlock& block, const TableRow& row, bool header) {
  cairo_t* cr = out.cr();
  if (!cr) return;
  double x = out.page().left;
  const double y = out.y();
  double total = 0;
  for (const double w : block.widths_pt) total += w;
  if (header) {
    cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
    cairo_rectangle(cr, x, y, total, row.height);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
  }
  cairo_set_line_width(cr, kTableLine);
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    cairo_rectangle(cr, x, y, block.widths_pt[c], row.height);
    cairo_stroke(cr);
    cairo_move_to(cr, x + kCellPadding, y + kCellPadding);
    pango_cairo_show_layout(cr, row.cells[c].get());
    x += block.widths_pt[c];
  }
}

void write_table(PageWriter& out, PangoContext* context, const TableBlock& block) {
  std::vector<std::string> headers;
  for (const TableColumn& column : block.table.columns) headers.push_back(column.header);
  const TableRow header = lay_out_row(context, block, headers, true);
  const auto write_header = [&] {
    draw_row(out, block, header, true);
    out.drawn(header.height);
  };

  bool header_written = false;
  for (std::size_t r = 0; r < block.table.rows.size(); ++r) {
    const TableRow row = lay_out_row(context, block, block.table.rows[r], false);
    if (out.page().paged && header.height + row.height > out.page().content_height()) {
      throw std::invalid_argument("PdfDocument::table: row " + std::to_string(r + 1) +
                                  " is taller than a page, even under the header alone");
    }
    if (!header_written) {
      out.fit(header.height + row.height);  // Never a header alone at the foot of a page.
      write_header();
      header_written = true;
    } else if (!out.fits(row.height)) {
      out.new_page();
      write_header();
    }
    draw_row(out, block, row, false);
    out.drawn(row.height);
  }
  if (!header_written) {
    out.fit(header.height);
    write_header();
  }
  out.space(block.table.space_after_mm * kPtPerMm);
}

// Lays out (and with a cairo context, draws) every block; returns the cursor's last position.
PageWriter write_blocks(const PdfContent& content, const PageGeometry& page, cairo_t* cr) {
  const PangoContextPtr context = make_text_context();
  PageWriter out(page, cr);
  if (cr) cairo_set_source_rgb(cr, 0, 0, 0);
  for (const Block& block : content.blocks) {
    std::visit(
        [&](const auto& b) {
          using T = std::decay_t<decltype(b)>;
          if constexpr (std::is_same_v<T, TextBlock>) {
            write_text(out, context.get(), b);
          } else if constexpr (std::is_same_v<T, ImageBlock>) {
            write_image(out, b);
          } else if constexpr (std::is_same_v<T, RuleBlock>) {
            write_rule(out, b);
          } else if constexpr (std::is_same_v<T, SpaceBlock>) {
            out.space(b.height_pt);
          } else if constexpr (std::is_same_v<T, TableBlock>) {
            write_table(out, context.get(), b);
          } else if constexpr (std::is_same_v<T, BoxBlock>) {
            write_boxes(out, context.get(), b);
          } else {
            out.request_break();
          }
        },
        block);
  }
  return out;
}

// The page a roll gets: exactly as long as its content and margins.
PageGeometry roll_page(const PdfContent& content) {
  PageGeometry page = content.page;
  page.height = write_blocks(content, page, nullptr).y() + page.bottom;
  return page;
}

void set_metadata(cairo_surface_t* surface, cairo_pdf_metadata_t key, const std::string& value) {
  if (!value.empty()) cairo_pdf_surface_set_metadata(surface, key, value.c_str());
}

}  // namespace

std::string render_pdf(const PdfContent& content) {
  const PageGeometry page = content.page.paged ? content.page : roll_page(content);
  std::string pdf;
  Surface surface(
      cairo_pdf_surface_create_for_stream(append_to_string, &pdf, page.width, page.height));
  set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, content.title);
  set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, content.author);
  set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, content.subject);
  set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "hisx");
  {
    Cairo cr(cairo_create(surface.get()));
    write_blocks(content, page, cr.get());
  }
  cairo_surface_finish(surface.get());
  const cairo_status_t status = cairo_surface_status(surface.get());
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("PdfDocument: cairo could not write the PDF: ") +
                             cairo_status_to_string(status));
  }
  return pdf;
}

int count_pages(const PdfContent& content) {
  if (!content.page.paged) return 1;
  return write_blocks(content, content.page, nullptr).pages();
}

}  // namespace hisx::sdk::documents::detail
