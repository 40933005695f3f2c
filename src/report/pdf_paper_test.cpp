#include "report/pdf_paper.h"

#include <gtest/gtest.h>

// fontconfig keeps its configuration and font patterns for the life of the process (Pango's
// default font map holds them), which LeakSanitizer reports at exit in the ASan build. They
// are fontconfig's own caches, not ours: every object this module creates is released (any
// leak of ours would show a frame outside libfontconfig and still be reported).
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

namespace parley::report {
namespace {

Paper SamplePaper(std::size_t rows) {
  Paper paper{
      .title = "test",
      .doc_id = "test-doc",
      .checkpoint_line = "parley-checkpoint v1 parley/t/00 3 " + std::string(64, 'b') + " test-doc",
      .creation_date = "2026-05-23T10:00:00Z",
      .languages = {ReportLanguage::kUk, ReportLanguage::kEn}};
  paper.blocks.push_back(Heading{"Акт передачі / Act of transfer"});
  Table table{.columns = {{"№", 0.5}, {"Ім'я\nName", 3}, {"Latin", 3}}};
  for (std::size_t i = 0; i < rows; ++i) {
    table.rows.push_back({std::to_string(i + 1), "Шевченко Дмитро Олександрович",
                          "Shevchenko Dmytro Oleksandrovych"});
  }
  paper.blocks.push_back(std::move(table));
  paper.blocks.push_back(
      BarChart{.caption = "chart", .series = {"a", "b"}, .groups = {{"1", {3, 4}}, {"2", {0, 2}}}});
  paper.blocks.push_back(Signatures{{{"A", "Україна", ""}, {"B", "Türkiye", ""}}});
  return paper;
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST(PdfPaper, SamePaperSameBytesWithTheDateFromThePaper) {
  auto first = RenderPdf(SamplePaper(5));
  auto second = RenderPdf(SamplePaper(5));
  ASSERT_TRUE(first.has_value()) << first.error().Describe();
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(first->rfind("%PDF-", 0), 0u);
  EXPECT_EQ(*first, *second);
  EXPECT_NE(first->find("2026"), std::string::npos);
}

TEST(PdfPaper, ALongTableBreaksOntoMorePagesAndEmbedsItsFonts) {
  auto one = RenderPdf(SamplePaper(5));
  auto many = RenderPdf(SamplePaper(200));
  ASSERT_TRUE(one.has_value());
  ASSERT_TRUE(many.has_value());
  EXPECT_EQ(Count(*one, "/Type /Page %"), 1u);
  EXPECT_GT(Count(*many, "/Type /Page %"), 4u);
  EXPECT_NE(one->find("/FontFile"), std::string::npos);  // a font program is in the file
}

TEST(PdfPaper, ArabicScriptFallsBackToANotoArabicFontThatIsEmbedded) {
  Paper paper = SamplePaper(1);
  paper.blocks.push_back(Paragraph{"Şükrü Öztürk — محمد عبد الله"});
  auto pdf = RenderPdf(paper);
  ASSERT_TRUE(pdf.has_value());
  // fontconfig picks Noto Naskh Arabic or Noto Sans Arabic (fonts-noto-core) for the Arabic
  // letters; its subset is in the file with the Latin and Cyrillic fonts.
  EXPECT_NE(pdf->find("Arabic"), std::string::npos);
}

TEST(PdfPaper, ATextTooLongForAQrCodeIsRefused) {
  Paper paper = SamplePaper(1);
  paper.checkpoint_line = std::string(5000, 'x');
  EXPECT_FALSE(RenderPdf(paper).has_value());
}

}  // namespace
}  // namespace parley::report
