// parley/report/pdf_paper.h — typesets a Paper (paper_layout.h) as a PDF with Cairo and Pango.
//
// Why Cairo + Pango: Pango shapes text with HarfBuzz and falls back per character through
// fontconfig, so Cyrillic, Latin with diacritics, Turkish and Arabic-script names print
// correctly in one run of text; Cairo's PDF surface embeds a subset of every font it uses.
// Fonts are Debian's Noto Sans, Noto Sans Mono and Noto Naskh/Sans Arabic (scripts/setup).
//
// Contract: A4 portrait; every page ends with the document id, "page x of y" in the paper's
// languages, the checkpoint line as text and as a QR code (drawn as rectangles from
// libqrencode's modules). The bytes depend only on the Paper and the installed fonts: the
// PDF's creation date is the Paper's, never the clock, so two runs give the same file.
#pragma once

#include <string>

#include "core/error.h"
#include "report/paper_layout.h"

namespace parley::report {

[[nodiscard]] Result<std::string> RenderPdf(const Paper& paper);

}  // namespace parley::report
