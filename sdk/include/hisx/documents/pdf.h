#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hisx/documents/align.h"
#include "hisx/export.h"

namespace hisx::sdk::documents {

/// The paper a PDF document is set on.
enum class Paper {
  A5,        ///< 148 × 210 mm: app-linking slips.
  A4,        ///< 210 × 297 mm: reports.
  Roll80mm,  ///< Receipt paper: 80 mm wide, one page exactly as long as its content.
};

/// Which way up an A4 or A5 page is.
enum class Orientation {
  Portrait,   ///< Taller than wide.
  Landscape,  ///< Wider than tall.
};

/// Blank space between the paper's edge and the content, in millimetres.
struct Margins {
  double top_mm = 15;     ///< Above the first block of each page.
  double right_mm = 15;   ///< Right of every block.
  double bottom_mm = 15;  ///< Below the last block of each page (the page break line).
  double left_mm = 15;    ///< Left of every block.
};

/// The paper, its orientation and the margins of a document.
struct HISX_SDK_API PageSetup {
  Paper paper = Paper::A4;                          ///< The paper.
  Orientation orientation = Orientation::Portrait;  ///< Landscape is refused for a roll.
  Margins margins{};                                ///< The margins.

  /// A4 portrait with 15 mm margins.
  static PageSetup a4(Orientation orientation = Orientation::Portrait);
  /// A5 portrait with 10 mm margins.
  static PageSetup a5(Orientation orientation = Orientation::Portrait);
  /// An 80 mm roll with 4 mm margins (the 72 mm that thermal printers print).
  static PageSetup roll_80mm();
};

/// How a paragraph is set. Text is always DejaVu Sans.
struct TextStyle {
  double size_pt = 10;          ///< Font size in points.
  bool bold = false;            ///< Bold weight.
  Align align = Align::Left;    ///< Alignment of every line between the margins.
  double space_after_mm = 2.0;  ///< Blank space below the paragraph.
};

/// The width of a table column: fixed millimetres, or a share of what the fixed columns leave.
struct ColumnWidth {
  /// The two kinds of width.
  enum class Unit {
    Fraction,  ///< A share: the fraction columns split the rest in proportion to their values.
    Mm,        ///< Millimetres.
  };
  double value = 1;            ///< The share or the millimetres; above zero.
  Unit unit = Unit::Fraction;  ///< What `value` means.

  /// A fixed width in millimetres.
  static ColumnWidth mm(double mm) { return {mm, Unit::Mm}; }
  /// A share of the width left by the fixed columns: fraction(2) is twice fraction(1).
  static ColumnWidth fraction(double share) { return {share, Unit::Fraction}; }
};

/// One column of a table: its header, width and the alignment of its cells.
struct TableColumn {
  std::string header;                            ///< Header text (bold, repeated on each page).
  ColumnWidth width = ColumnWidth::fraction(1);  ///< Width.
  Align align = Align::Left;                     ///< Alignment of the cells' text.
};

/// A simple table: a header row and rows of text cells that wrap inside their column. A row
/// that does not fit on the rest of the page moves to the next page, under the header again.
struct Table {
  std::vector<TableColumn> columns;            ///< At least one column.
  std::vector<std::vector<std::string>> rows;  ///< One string per column in each row.
  double size_pt = 9;                          ///< Font size of every cell.
  double space_after_mm = 3;                   ///< Blank space below the table.
};

/// Builds a PDF document top to bottom: blocks (paragraphs, images, rules, tables) are
/// appended in order below one another between the margins, and a block that does not fit on
/// the rest of an A4 or A5 page moves to a new page (a paragraph breaks between its lines, a
/// table between its rows). On an 80 mm roll there is one page, as long as the content.
/// Lengths are in millimetres; text is real text in the PDF (searchable, copyable) in
/// DejaVu Sans. Invalid input throws std::invalid_argument at the call that brings it.
/// One object is used by one thread at a time; several may be built on different threads.
class HISX_SDK_API PdfDocument {
 public:
  /// A document with no blocks yet. Throws std::invalid_argument when the margins leave no
  /// room (or are negative) or a roll is asked for in landscape.
  explicit PdfDocument(PageSetup setup = {});
  ~PdfDocument();
  PdfDocument(PdfDocument&&) noexcept;             ///< Moves the blocks.
  PdfDocument& operator=(PdfDocument&&) noexcept;  ///< Moves the blocks.

  /// The document's title in its metadata (what a viewer shows in its title bar).
  PdfDocument& title(std::string title);
  /// The document's author in its metadata, e.g. the hospital.
  PdfDocument& author(std::string author);
  /// The document's subject in its metadata.
  PdfDocument& subject(std::string subject);

  /// A bold paragraph: a heading of `size_pt` points with 3 mm below it.
  PdfDocument& heading(std::string_view text, double size_pt = 14, Align align = Align::Left);
  /// A paragraph of UTF-8 text wrapped to the width between the margins; "\n" starts a new
  /// line. Throws std::invalid_argument when the text is not UTF-8 or the size is not above 0.
  PdfDocument& paragraph(std::string_view text, const TextStyle& style = {});
  /// A PNG image (such as render_png() of a QR code) `width_mm` wide, its height in
  /// proportion, followed by 2 mm of space. Drawn without smoothing, so a QR code's modules
  /// stay sharp. Throws std::invalid_argument when the bytes are not a PNG image, or when the
  /// width is not above 0, is wider than the margins allow, or makes the image taller than a
  /// page.
  PdfDocument& image(std::string_view png, double width_mm, Align align = Align::Center);
  /// A horizontal line across the content width, with 1.5 mm of space above and below.
  PdfDocument& rule(double thickness_mm = 0.3);
  /// Blank vertical space. It does not carry over to a new page.
  PdfDocument& space(double mm);
  /// A box across the content width, `height_mm` tall, with `caption` in small type (7 pt) at
  /// its top left: a place to write or sign by hand ("Chữ ký / Signature"), followed by 2 mm
  /// of space. A box that does not fit on the rest of the page moves to the next one whole.
  /// Throws std::invalid_argument when the caption is not UTF-8 or the height is not above 0
  /// or is taller than a page. Since 2.1.
  PdfDocument& box(double height_mm, std::string_view caption = {});
  /// A row of boxes of equal width side by side across the content width, one per caption,
  /// each like box(): e.g. {"Họ tên / Name", "Ngày / Date"}. Throws as box(), and when
  /// `captions` is empty. Since 2.1.
  PdfDocument& boxes(double height_mm, std::vector<std::string> captions);
  /// A table (see Table). Throws std::invalid_argument when it has no columns, a width is not
  /// above 0, the fixed widths exceed the content width, or a row has the wrong number of cells.
  PdfDocument& table(Table table);
  /// Starts a new page (nothing on a roll).
  PdfDocument& page_break();

  /// The width between the left and right margins, in millimetres.
  double content_width_mm() const noexcept;

  /// The PDF file. May be called more than once. Throws std::invalid_argument when a table row
  /// is taller than a whole page.
  std::string bytes() const;

  /// The number of pages bytes() produces.
  int page_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hisx::sdk::documents
