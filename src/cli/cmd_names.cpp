// `parley names FILE --out FILE`: score pairs of free-form names.
//
// Input: a CSV whose header holds `name1` and `name2` (other columns are kept). Output: the
// same rows and columns plus `score` (0..1, four decimals) and `match` (true when score >= the
// threshold, by default names::kDefaultMatchThreshold); with --explain, an `explanation` column
// saying what each name part contributed. Any unreadable row refuses the whole
// run with its line and column, and nothing is written: a half-scored file would be mistaken
// for a whole one. The file is decoded and parsed as list files are (UTF-8, UTF-16 or
// Windows-1251; `,` `;` or TAB), and the output is UTF-8.
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <sstream>

#include "cli/commands.h"
#include "core/file_io.h"
#include "lists/csv_reader.h"
#include "lists/csv_writer.h"
#include "lists/text_encoding.h"
#include "names/name_comparator.h"

namespace parley::cli {
namespace {

struct NamesOptions {
  std::string input;
  std::string output;
  double threshold = names::kDefaultMatchThreshold;
  bool explain = false;
};

Result<std::size_t> FindColumn(const std::vector<std::string>& header, std::string_view name,
                               const std::string& file) {
  // Spreadsheets add stray spaces and capitals to headers; neither changes the meaning.
  auto same = [name](std::string_view cell) {
    while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
    while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
    if (cell.size() != name.size()) return false;
    for (std::size_t k = 0; k < cell.size(); ++k) {
      const char c = cell[k] >= 'A' && cell[k] <= 'Z' ? static_cast<char>(cell[k] + 32) : cell[k];
      if (c != name[k]) return false;
    }
    return true;
  };
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (same(header[i])) return i;
  }
  return Fail(ErrorCode::kInvalidInput,
              "the header has no column '" + std::string(name) +
                  "'; the file needs a header row with name1 and name2",
              Location{file, 1, 0, std::string(name)});
}

std::string FormatScore(double score) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.4f", score);
  return buffer;
}

Result<std::string> ScorePairs(const NamesOptions& options) {
  auto bytes = ReadWholeFile(options.input);
  if (!bytes) return std::unexpected(bytes.error());
  auto text = DecodeToUtf8(*bytes, "", options.input);
  if (!text) return std::unexpected(text.error());
  auto table = ParseCsv(text->utf8, CsvOptions{0, options.input});
  if (!table) return std::unexpected(table.error());
  if (table->rows.empty()) {
    return Fail(ErrorCode::kInvalidInput, "the file is empty; it needs a header row",
                Location{options.input, 1, 0, ""});
  }
  auto header_cells = table->Cells(0);
  std::vector<std::string> header(header_cells.begin(), header_cells.end());
  auto col1 = FindColumn(header, "name1", options.input);
  if (!col1) return std::unexpected(col1.error());
  auto col2 = FindColumn(header, "name2", options.input);
  if (!col2) return std::unexpected(col2.error());

  std::ostringstream out;
  CsvWriter csv(out);
  const std::size_t input_columns = header.size();
  header.push_back("score");
  header.push_back("match");
  if (options.explain) header.push_back("explanation");
  csv.WriteRow(header);
  std::vector<std::string> fields;
  for (std::size_t r = 1; r < table->rows.size(); ++r) {
    auto cells = table->Cells(r);
    const std::int64_t line = table->rows[r].line;
    if (cells.size() != input_columns) {
      return Fail(ErrorCode::kInvalidInput,
                  "the row has " + std::to_string(cells.size()) + " fields; the header has " +
                      std::to_string(input_columns),
                  Location{options.input, line, 0, ""});
    }
    auto score = names::CompareFullNames(cells[*col1], cells[*col2]);
    if (!score) {
      Error e = score.error();
      e.where = Location{options.input, line, 0, "name1/name2"};
      return std::unexpected(e);
    }
    fields.assign(cells.begin(), cells.end());
    fields.push_back(FormatScore(score->score));
    fields.push_back(score->score >= options.threshold ? "true" : "false");
    if (options.explain) fields.push_back(names::Explain(*score));
    csv.WriteRow(fields);
  }
  return out.str();
}

}  // namespace

void RegisterNamesCommand(CLI::App& app, CliContext& ctx) {
  auto options = std::make_shared<NamesOptions>();
  auto* cmd = app.add_subcommand(
      "names", "Score pairs of names (CSV with name1,name2) across scripts and spellings");
  cmd->add_option("FILE", options->input, "CSV with a header holding name1 and name2")->required();
  cmd->add_option("--out", options->output, "Where to write the scored CSV")->required();
  cmd->add_option("--threshold", options->threshold,
                  "Score at or above which `match` is true (default " +
                      FormatScore(names::kDefaultMatchThreshold) + ")")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--explain", options->explain,
                "Add an `explanation` column: what each name part contributed");
  cmd->callback([options, &ctx] {
    auto out = ScorePairs(*options);
    if (!out) {
      ReportError(out.error(), ctx);
      return;
    }
    if (auto written = WriteFileAtomically(options->output, *out); !written) {
      ReportError(written.error(), ctx);
      return;
    }
    ctx.exit_code = kExitOk;
  });
}

}  // namespace parley::cli
