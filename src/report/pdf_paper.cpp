#include "report/pdf_paper.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>

#include "report/waterfall_chart.h"

namespace parley::report {
namespace {

// A4 in points, and the frame every page shares.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 42;
constexpr double kTextWidth = kPageWidth - 2 * kMargin;
constexpr double kQrSize = 78;  // with its quiet zone; ~1.5 pt a module for a v6 code
constexpr double kFooterTop = kPageHeight - kMargin - kQrSize - 10;
constexpr double kCellPad = 3;

// Noto Naskh Arabic is named after Noto Sans so that Arabic-script letters come from it, not
// from whichever font fontconfig would try first (DejaVu Sans covers Arabic too).
constexpr const char* kFontText = "Noto Sans,Noto Naskh Arabic 8.5";
constexpr const char* kFontSmall = "Noto Sans,Noto Naskh Arabic 7";
constexpr const char* kFontBold = "Noto Sans,Noto Naskh Arabic Bold 8.5";
constexpr const char* kFontHead = "Noto Sans,Noto Naskh Arabic Bold 7";
constexpr const char* kFontTitle = "Noto Sans,Noto Naskh Arabic Bold 15";
constexpr const char* kFontSection = "Noto Sans,Noto Naskh Arabic Bold 11";
constexpr const char* kFontMono = "Noto Sans Mono,Noto Naskh Arabic 7.5";
constexpr const char* kFontFooterMono = "Noto Sans Mono 6.5";

struct Rgb {
  double r, g, b;
};
constexpr Rgb kSeriesColours[] = {
    {0.22, 0.42, 0.68}, {0.85, 0.52, 0.18}, {0.36, 0.62, 0.32}, {0.55, 0.55, 0.55}};

using LayoutPtr = std::shared_ptr<PangoLayout>;
using DrawOp = std::function<void(cairo_t*)>;

std::string WriteErrorText(cairo_status_t status) { return cairo_status_to_string(status); }

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void DrawLayout(cairo_t* cr, const LayoutPtr& layout, double x, double y, Rgb colour = {0, 0, 0}) {
  cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout.get());
}

void FillRect(cairo_t* cr, double x, double y, double w, double h, Rgb colour) {
  cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
  cairo_rectangle(cr, x, y, w, h);
  cairo_fill(cr);
}

void Line(cairo_t* cr, double x0, double y0, double x1, double y1, double width, Rgb colour) {
  cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
  cairo_stroke(cr);
}

// One font map for the process, made once and kept (reachable) until exit. Pango's default
// map is per thread: a server renders papers on its worker threads, and each map a finished
// thread left behind kept fontconfig's patterns unreachable (a leak to LeakSanitizer, and
// memory that grows with the threads). A Pango font map is not thread-safe, so RenderPdf
// typesets one paper at a time (g_render_mutex); a paper takes well under two seconds.
PangoFontMap* SharedFontMap() {
  static PangoFontMap* const map = pango_cairo_font_map_new();
  return map;
}
std::mutex g_render_mutex;

// A Pango context on the shared font map that draws on `cr`.
PangoContext* NewContext(cairo_t* cr) {
  PangoContext* context = pango_font_map_create_context(SharedFontMap());
  pango_cairo_update_context(cr, context);
  return context;
}

// Lays blocks out top to bottom, page after page, recording what to draw on each page; the
// footers are drawn once the number of pages is known.
class Typesetter {
 public:
  explicit Typesetter(cairo_t* cr) : context_(NewContext(cr), &g_object_unref) {
    // No hinting: glyph positions then depend on the font alone, not on a device.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_.get(), options);
    cairo_font_options_destroy(options);
    NewPage();
  }

  LayoutPtr Text(const std::string& text, const char* font, double width,
                 PangoAlignment align = PANGO_ALIGN_LEFT) {
    LayoutPtr layout(pango_layout_new(context_.get()), &g_object_unref);
    PangoFontDescription* description = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout.get(), description);
    pango_font_description_free(description);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), align);
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    return layout;
  }

  static double Height(const LayoutPtr& layout) {
    int width = 0;
    int height = 0;
    pango_layout_get_size(layout.get(), &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
  }

  // The top of `height` points of content: on this page if they fit, else on a new one.
  double Reserve(double height) {
    if (y_ + height > kFooterTop && y_ > kMargin) NewPage();
    const double top = y_;
    y_ += height;
    return top;
  }
  [[nodiscard]] bool Fits(double height) const { return y_ + height <= kFooterTop; }
  void Skip(double height) { y_ = std::min(y_ + height, kFooterTop); }
  void NewPage() {
    pages_.emplace_back();
    y_ = kMargin;
  }
  void Draw(DrawOp op) { pages_.back().push_back(std::move(op)); }

  void Add(const Heading& h) {
    Skip(h.level == 1 ? 0 : 8);
    LayoutPtr l = Text(h.text, h.level == 1 ? kFontTitle : kFontSection, kTextWidth);
    const double height = Height(l) + 4;
    if (!Fits(height + 40)) NewPage();  // a heading is not left alone at the foot of a page
    const double top = Reserve(height);
    Draw([l, top](cairo_t* cr) { DrawLayout(cr, l, kMargin, top); });
  }

  void Add(const Paragraph& p) {
    // Line by line, so that a long text (the agreement as signed) breaks across pages.
    std::size_t start = 0;
    while (start <= p.text.size()) {
      const std::size_t end = std::min(p.text.find('\n', start), p.text.size());
      const std::string line = p.text.substr(start, end - start);
      LayoutPtr l =
          Text(line.empty() ? " " : line, p.monospace ? kFontMono : kFontText, kTextWidth);
      const double top = Reserve(Height(l) + (p.monospace ? 0 : 1.5));
      Draw([l, top](cairo_t* cr) { DrawLayout(cr, l, kMargin, top); });
      start = end + 1;
    }
    Skip(4);
  }

  void Add(const Table& t) {
    const std::vector<double> widths = ColumnWidths(t.columns, kTextWidth);
    std::vector<LayoutPtr> heads;
    double head_height = 0;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      heads.push_back(Text(t.columns[c].head, kFontHead, widths[c] - 2 * kCellPad));
      head_height = std::max(head_height, Height(heads.back()) + 2 * kCellPad);
    }
    auto draw_head = [&] {
      const double top = Reserve(head_height);
      Draw([heads, widths, top, head_height](cairo_t* cr) {
        FillRect(cr, kMargin, top, kTextWidth, head_height, {0.88, 0.9, 0.93});
        double x = kMargin;
        for (std::size_t c = 0; c < heads.size(); ++c) {
          DrawLayout(cr, heads[c], x + kCellPad, top + kCellPad);
          x += widths[c];
        }
      });
    };
    bool head_drawn = false;
    for (const std::vector<std::string>& row : t.rows) {
      std::vector<LayoutPtr> cells;
      double height = 0;
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        cells.push_back(Text(c < row.size() ? row[c] : "", kFontText, widths[c] - 2 * kCellPad));
        height = std::max(height, Height(cells.back()) + 2 * kCellPad);
      }
      if (!head_drawn || !Fits(height)) {
        if (!Fits(head_height + height)) NewPage();
        draw_head();
        head_drawn = true;
      }
      const double top = Reserve(height);
      Draw([cells, widths, top, height](cairo_t* cr) {
        double x = kMargin;
        for (std::size_t c = 0; c < cells.size(); ++c) {
          DrawLayout(cr, cells[c], x + kCellPad, top + kCellPad);
          x += widths[c];
        }
        Line(cr, kMargin, top + height, kMargin + kTextWidth, top + height, 0.4, {0.7, 0.7, 0.7});
      });
    }
    if (!head_drawn) draw_head();
    Skip(6);
  }

  void Add(const Signatures& s) {
    if (s.boxes.empty()) return;
    constexpr double kGap = 14;
    constexpr double kSigningSpace = 46;
    const double n = static_cast<double>(s.boxes.size());
    const double width = (kTextWidth - (n - 1) * kGap) / n;
    std::vector<std::array<LayoutPtr, 3>> texts;
    double text_height = 0;
    for (const SignatureBox& b : s.boxes) {
      texts.push_back({Text(b.role, kFontBold, width), Text(b.name, kFontText, width),
                       Text(b.status, kFontSmall, width)});
      double h = 0;
      for (const LayoutPtr& l : texts.back()) h += Height(l) + 2;
      text_height = std::max(text_height, h);
    }
    LayoutPtr sign_label = Text(Label(languages_, Word::kSignature), kFontSmall, width);
    LayoutPtr date_label = Text(Label(languages_, Word::kDateLine), kFontSmall, width);
    const double label_height = Height(sign_label);
    const double height = text_height + kSigningSpace + 2 * label_height + 20;
    const double top = Reserve(height);
    Draw([=](cairo_t* cr) {
      for (std::size_t i = 0; i < texts.size(); ++i) {
        const double x = kMargin + static_cast<double>(i) * (width + kGap);
        double y = top;
        for (std::size_t k = 0; k < 3; ++k) {
          DrawLayout(cr, texts[i][k], x, y, k == 2 ? Rgb{0.3, 0.3, 0.3} : Rgb{0, 0, 0});
          y += Height(texts[i][k]) + 2;
        }
        const double line_y = top + text_height + kSigningSpace;
        Line(cr, x, line_y, x + width, line_y, 0.6, {0, 0, 0});
        DrawLayout(cr, sign_label, x, line_y + 1);
        const double date_y = line_y + label_height + 16;
        Line(cr, x, date_y, x + width * 0.6, date_y, 0.6, {0, 0, 0});
        DrawLayout(cr, date_label, x, date_y + 1);
      }
    });
  }

  void Add(const BarChart& chart) {
    constexpr double kPlotHeight = 130;
    constexpr double kAxisWidth = 34;
    LayoutPtr caption = Text(chart.caption, kFontBold, kTextWidth);
    double max = 0;
    for (const BarGroup& g : chart.groups) {
      for (double v : g.values) max = std::max(max, v);
    }
    const double top_value = AxisTop(max);
    const double plot_width = kTextWidth - kAxisWidth;
    const double group_width =
        plot_width / static_cast<double>(std::max<std::size_t>(1, chart.groups.size()));
    const double bar_width =
        group_width * 0.7 / static_cast<double>(std::max<std::size_t>(1, chart.series.size()));
    std::vector<LayoutPtr> group_labels;
    double label_height = 0;
    for (const BarGroup& g : chart.groups) {
      group_labels.push_back(Text(g.label, kFontSmall, group_width, PANGO_ALIGN_CENTER));
      label_height = std::max(label_height, Height(group_labels.back()));
    }
    std::vector<std::vector<LayoutPtr>> value_labels;
    for (const BarGroup& g : chart.groups) {
      value_labels.emplace_back();
      for (double v : g.values) {
        value_labels.back().push_back(Text(std::to_string(static_cast<std::int64_t>(v)), kFontSmall,
                                           bar_width + 20, PANGO_ALIGN_CENTER));
      }
    }
    std::vector<LayoutPtr> legend;
    for (const std::string& s : chart.series) legend.push_back(Text(s, kFontSmall, kTextWidth / 2));
    LayoutPtr axis_top = Text(std::to_string(static_cast<std::int64_t>(top_value)), kFontSmall,
                              kAxisWidth - 4, PANGO_ALIGN_RIGHT);
    LayoutPtr axis_zero = Text("0", kFontSmall, kAxisWidth - 4, PANGO_ALIGN_RIGHT);
    const double caption_height = Height(caption) + 10;
    const double legend_height = 14;
    const double height = caption_height + kPlotHeight + label_height + legend_height + 14;
    const double top = Reserve(height);
    const std::vector<BarGroup> groups = chart.groups;
    Draw([=](cairo_t* cr) {
      DrawLayout(cr, caption, kMargin, top);
      const double plot_top = top + caption_height;
      const double base = plot_top + kPlotHeight;
      const double x0 = kMargin + kAxisWidth;
      Line(cr, x0, plot_top, x0 + plot_width, plot_top, 0.3, {0.8, 0.8, 0.8});
      Line(cr, x0, base, x0 + plot_width, base, 0.8, {0, 0, 0});
      DrawLayout(cr, axis_top, kMargin, plot_top - 4);
      DrawLayout(cr, axis_zero, kMargin, base - 5);
      for (std::size_t g = 0; g < groups.size(); ++g) {
        const double gx = x0 + static_cast<double>(g) * group_width + group_width * 0.15;
        for (std::size_t s = 0; s < groups[g].values.size(); ++s) {
          const double h = kPlotHeight * groups[g].values[s] / top_value;
          const double bx = gx + static_cast<double>(s) * bar_width;
          FillRect(cr, bx, base - h, bar_width * 0.92, h,
                   kSeriesColours[s % std::size(kSeriesColours)]);
          // The label's box is the bar's width plus 20 points, centred on the bar.
          DrawLayout(cr, value_labels[g][s], bx + bar_width * 0.46 - (bar_width + 20) / 2,
                     base - h - 10);
        }
        DrawLayout(cr, group_labels[g], x0 + static_cast<double>(g) * group_width, base + 3);
      }
      double lx = x0;
      const double ly = base + label_height + 8;
      for (std::size_t s = 0; s < legend.size(); ++s) {
        FillRect(cr, lx, ly + 2, 8, 8, kSeriesColours[s % std::size(kSeriesColours)]);
        DrawLayout(cr, legend[s], lx + 11, ly);
        int w = 0;
        int h = 0;
        pango_layout_get_pixel_size(legend[s].get(), &w, &h);
        lx += 11 + w + 16;
      }
    });
  }

  // A waterfall on its side: one row per bar (the prior, each field, the final score), the
  // row's label on the left, its value on the right, the bars on a shared log2-odds axis.
  void Add(const WaterfallChart& chart) {
    constexpr double kLabelWidth = 170;
    constexpr double kValueWidth = 46;
    constexpr double kRow = 15;
    const double plot_width = kTextWidth - kLabelWidth - kValueWidth - 8;
    const WaterfallGeometry g = LayOutWaterfall(chart);
    LayoutPtr caption = Text(chart.caption, kFontBold, kTextWidth);
    std::vector<std::string> labels{chart.start_label};
    std::vector<double> values{chart.start};
    for (const WaterfallStep& step : chart.steps) {
      labels.push_back(step.label);
      values.push_back(step.value);
    }
    labels.push_back(chart.end_label);
    values.push_back(g.bars.back().to);
    std::vector<LayoutPtr> label_text;
    std::vector<LayoutPtr> value_text;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const bool bold = i == 0 || i + 1 == labels.size();
      label_text.push_back(Text(labels[i], bold ? kFontHead : kFontSmall, kLabelWidth - 4));
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, i == 0 || i + 1 == labels.size() ? "%.2f" : "%+.2f",
                    values[i]);
      value_text.push_back(Text(buffer, kFontSmall, kValueWidth, PANGO_ALIGN_RIGHT));
    }
    auto tick = [&](double v) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%g", v);
      return Text(buffer, kFontSmall, 40, PANGO_ALIGN_CENTER);
    };
    const std::array<LayoutPtr, 3> ticks = {tick(g.axis_min), tick(0), tick(g.axis_max)};
    const double caption_height = Height(caption) + 8;
    const double rows_height = kRow * static_cast<double>(labels.size());
    const double top = Reserve(caption_height + rows_height + 22);
    Draw([=](cairo_t* cr) {
      DrawLayout(cr, caption, kMargin, top);
      const double plot_top = top + caption_height;
      const double x0 = kMargin + kLabelWidth;
      auto x_of = [&](double v) {
        return x0 + plot_width * (v - g.axis_min) / (g.axis_max - g.axis_min);
      };
      constexpr Rgb kColours[] = {
          {0.55, 0.55, 0.55}, {0.30, 0.60, 0.30}, {0.80, 0.30, 0.25}, {0.22, 0.42, 0.68}};
      for (std::size_t i = 0; i < g.bars.size(); ++i) {
        const double y = plot_top + kRow * static_cast<double>(i);
        DrawLayout(cr, label_text[i], kMargin, y + 2);
        DrawLayout(cr, value_text[i], x0 + plot_width + 8, y + 2);
        const WaterfallBar& bar = g.bars[i];
        const double left = x_of(std::min(bar.from, bar.to));
        const double width = std::max(0.6, x_of(std::max(bar.from, bar.to)) - left);
        FillRect(cr, left, y + 3, width, kRow - 6, kColours[static_cast<int>(bar.kind)]);
        // The running total carries on to the next row: a thin connector.
        if (i + 2 < g.bars.size()) {
          Line(cr, x_of(bar.to), y + kRow - 3, x_of(bar.to), y + kRow + 3, 0.4, {0.4, 0.4, 0.4});
        }
      }
      const double base = plot_top + rows_height;
      Line(cr, x_of(0), plot_top, x_of(0), base, 0.6, {0, 0, 0});
      Line(cr, x0, base, x0 + plot_width, base, 0.6, {0, 0, 0});
      const std::array<double, 3> at = {g.axis_min, 0, g.axis_max};
      for (std::size_t t = 0; t < ticks.size(); ++t) {
        if (t != 1 && at[t] == 0) continue;  // the zero tick is printed once
        Line(cr, x_of(at[t]), base, x_of(at[t]), base + 3, 0.6, {0, 0, 0});
        DrawLayout(cr, ticks[t], x_of(at[t]) - 20, base + 4);
      }
    });
    Skip(6);
  }

  void DrawFooters(const Paper& paper, const std::vector<std::vector<bool>>& qr, cairo_t* cr,
                   int page, int pages) {
    const double text_width = kTextWidth - kQrSize - 12;
    LayoutPtr id = Text(Label(paper.languages, Word::kDocument) + ": " + paper.doc_id + "    " +
                            PageLabel(paper.languages, page, pages),
                        kFontSmall, text_width);
    LayoutPtr cp_label =
        Text(Label(paper.languages, Word::kCheckpoint) + ":", kFontSmall, text_width);
    LayoutPtr cp = Text(paper.checkpoint_line, kFontFooterMono, text_width);
    const double top = kFooterTop + 8;
    Line(cr, kMargin, top, kMargin + kTextWidth, top, 0.5, {0.5, 0.5, 0.5});
    double y = top + 6;
    for (const LayoutPtr& l : {id, cp_label, cp}) {
      DrawLayout(cr, l, kMargin, y, {0.2, 0.2, 0.2});
      y += Height(l) + 2;
    }
    // The QR code: dark modules as squares, on white with a quiet zone of four modules.
    const double qx = kPageWidth - kMargin - kQrSize;
    const double qy = kPageHeight - kMargin - kQrSize;
    FillRect(cr, qx, qy, kQrSize, kQrSize, {1, 1, 1});
    const double module = kQrSize / static_cast<double>(qr.size() + 8);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (std::size_t r = 0; r < qr.size(); ++r) {
      for (std::size_t c = 0; c < qr[r].size(); ++c) {
        if (!qr[r][c]) continue;
        cairo_rectangle(cr, qx + static_cast<double>(c + 4) * module,
                        qy + static_cast<double>(r + 4) * module, module, module);
      }
    }
    cairo_fill(cr);
  }

  void SetLanguages(std::vector<ReportLanguage> languages) { languages_ = std::move(languages); }
  [[nodiscard]] const std::vector<std::vector<DrawOp>>& Pages() const { return pages_; }

 private:
  std::unique_ptr<PangoContext, decltype(&g_object_unref)> context_;
  std::vector<std::vector<DrawOp>> pages_;
  std::vector<ReportLanguage> languages_;
  double y_ = kMargin;
};

}  // namespace

Result<std::string> RenderPdf(const Paper& paper) {
  std::lock_guard render_lock(g_render_mutex);
  auto qr = QrModules(paper.checkpoint_line);
  if (!qr) return std::unexpected(qr.error());
  std::string bytes;
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create_for_stream(&AppendToString, &bytes, kPageWidth, kPageHeight),
      &cairo_surface_destroy);
  // The creation date comes from the data (never the clock): same inputs, same bytes.
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, paper.title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "parley");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                 paper.creation_date.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE,
                                 paper.creation_date.c_str());
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()),
                                                        &cairo_destroy);
  Typesetter setter(cr.get());
  setter.SetLanguages(paper.languages);
  for (const Block& block : paper.blocks) {
    std::visit([&](const auto& b) { setter.Add(b); }, block);
  }
  const int pages = static_cast<int>(setter.Pages().size());
  for (int p = 0; p < pages; ++p) {
    for (const DrawOp& op : setter.Pages()[static_cast<std::size_t>(p)]) op(cr.get());
    setter.DrawFooters(paper, *qr, cr.get(), p + 1, pages);
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (const cairo_status_t status = cairo_surface_status(surface.get());
      status != CAIRO_STATUS_SUCCESS) {
    return Fail(ErrorCode::kInternal, "the PDF could not be made: " + WriteErrorText(status));
  }
  return bytes;
}

}  // namespace parley::report
