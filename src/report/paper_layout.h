// parley/report/paper_layout.h — what a paper holds, as blocks a typesetter lays out on A4
// pages: headings, paragraphs, tables, signature blocks and bar charts; and the small pure
// helpers of the layout (column widths, a chart's axis, the QR code's modules) that are
// tested on their own.
//
// Why blocks and not drawing calls: the documents (agreement, list, act, plan) say what they
// hold; one typesetter (pdf_paper.h) decides where it goes, breaks pages (a table's head is
// repeated on every page it continues on), and prints the same footer on every page.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "core/error.h"
#include "report/report_language.h"

namespace parley::report {

struct Heading {
  std::string text{};
  int level = 1;  // 1: the document's title; 2: a section
};

struct Paragraph {
  std::string text{};
  bool monospace = false;  // the agreement's own text, as signed
};

struct TableColumn {
  std::string head{};  // may hold one line per language
  double weight = 1;   // share of the text width
};

struct Table {
  std::vector<TableColumn> columns{};
  std::vector<std::vector<std::string>> rows{};  // each as many cells as columns
};

struct SignatureBox {
  std::string role{};    // "Party A / Сторона A"
  std::string name{};    // who signs for it
  std::string status{};  // "Signed by ... at ..." or "Not yet signed"
};

struct Signatures {
  std::vector<SignatureBox> boxes{};  // side by side, two or three
};

struct BarGroup {
  std::string label{};           // "Phase 1"
  std::vector<double> values{};  // one per series
};

struct BarChart {
  std::string caption{};
  std::vector<std::string> series{};  // legend, one per value of each group
  std::vector<BarGroup> groups{};
};

// A match's score built up field by field (waterfall_chart.h): the prior, each step up or
// down, and the final score; values are log2 odds.
struct WaterfallStep {
  std::string label{};  // "surname: exact"
  double value = 0;
};

struct WaterfallChart {
  std::string caption{};
  std::string start_label{};  // "prior"
  double start = 0;
  std::vector<WaterfallStep> steps{};
  std::string end_label{};  // "final score (probability 0.97)"
};

using Block = std::variant<Heading, Paragraph, Table, Signatures, BarChart, WaterfallChart>;

struct Paper {
  std::string title{};  // PDF metadata
  std::string doc_id{};
  std::string checkpoint_line{};  // the QR code's text (paper_checkpoint.h)
  std::string creation_date{};    // PDF metadata, ISO 8601 from the data: same inputs, same bytes
  std::vector<ReportLanguage> languages{};
  std::vector<Block> blocks{};
};

// Widths (points) of columns sharing `total` points by their weights.
[[nodiscard]] std::vector<double> ColumnWidths(std::span<const TableColumn> columns, double total);

// The top of a bar chart's axis: the smallest of 1, 2, 2.5, 5 times a power of ten that is at
// least `max` (1 for an empty or all-zero chart).
[[nodiscard]] double AxisTop(double max);

// The QR code of `text` (error correction level M) as rows of dark (true) and light modules,
// without the quiet zone; kInvalidInput when the text does not fit a QR code.
[[nodiscard]] Result<std::vector<std::vector<bool>>> QrModules(const std::string& text);

}  // namespace parley::report
