// `parley link LEFT RIGHT --out PAIRS.csv` and `parley dedupe LIST --out CLUSTERS.csv`:
// record linkage on list files, no workspace needed (SYSTEM.md "Match output").
//
// link writes `left_id,right_id,probability`, then `match_weight` and, per field, the
// comparison level and its weight contribution (`surname`, `surname_weight`, ...), one row per
// pair at or above the threshold, then `left_name_used,right_name_used`: the alias a side
// matched under (the aliases column), empty for its listed name, and last
// `other_candidates_weight`: what the left record's other candidates add to or take from the
// match weight (link/linker.h, RivalWeight; part of `match_weight`), and `names_crossed`: true
// when one side wrote the surname and the given name in each other's columns and they were
// compared crossed (the surname and given-name levels then compare cells of different columns).
// dedupe writes `id,cluster` for
// every record (a record alone is its own cluster) and, with --pairs FILE, the scored pairs in the
// link format. Inputs go through ReadListFile, so any list file works (full_name-only,
// Windows-1251, XLSX). A row the reader rejects refuses the run unless --skip-invalid. Output is
// written to a temporary file and renamed, so a failed run never leaves a partial file. A summary
// goes to stderr.
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "core/file_io.h"
#include "core/try.h"
#include "link/linker.h"
#include "lists/csv_writer.h"
#include "lists/list_file.h"

namespace parley::cli {
namespace {

struct LinkCommandOptions {
  std::string left;
  std::string right;
  std::string out;
  std::string pairs_out;  // dedupe only
  double threshold = link::kDefaultMatchThreshold;
  bool one_to_one = false;
  bool skip_invalid = false;
  bool blocking_report = false;
  int threads = 2;
  std::uint64_t max_block_pairs = link::BlockingOptions{}.max_block_pairs;
};

Result<std::vector<PersonRecord>> ReadRecords(const std::string& path, bool skip_invalid) {
  PARLEY_ASSIGN_OR_RETURN(ListFile list, ReadListFile(path, ListReadOptions{}));
  if (!list.rejects.empty()) {
    if (!skip_invalid) {
      Error first = list.rejects.front().error;
      first.message += " (" + std::to_string(list.rejects.size()) +
                       " unreadable rows; fix them or pass --skip-invalid)";
      return std::unexpected(std::move(first));
    }
    // One write: the two lists of `link` are read at once.
    std::cerr << ("parley: skipped " + std::to_string(list.rejects.size()) +
                  " unreadable rows of " + path + "\n");
  }
  return std::move(list.records);
}

std::string Format(double value, const char* format) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::vector<std::string> PairHeader() {
  std::vector<std::string> header = {"left_id", "right_id", "probability", "match_weight"};
  for (int f = 0; f < link::kFieldCount; ++f) {
    const std::string name(link::FieldName(static_cast<link::Field>(f)));
    header.push_back(name);
    header.push_back(name + "_weight");
  }
  header.push_back("left_name_used");
  header.push_back("right_name_used");
  header.push_back("other_candidates_weight");
  header.push_back("names_crossed");
  return header;
}

void WritePairs(CsvWriter& csv, const link::Linkage& linkage) {
  csv.WriteRow(PairHeader());
  std::vector<std::string> row;
  for (const link::LinkedPair& p : linkage.Matches()) {
    row.clear();
    row.push_back(linkage.Left().ids[p.left]);
    row.push_back(linkage.Right().ids[p.right]);
    row.push_back(Format(p.probability, "%.6f"));
    row.push_back(Format(p.weight, "%.3f"));
    for (const link::FieldWeight& fw : linkage.Explain(p)) {
      row.emplace_back(link::LevelName(fw.field, fw.level));
      row.push_back(Format(fw.weight, "%.3f"));
    }
    row.emplace_back(linkage.NameUsed(p, true));
    row.emplace_back(linkage.NameUsed(p, false));
    row.push_back(Format(p.rivals, "%.3f"));
    row.emplace_back(linkage.NamesCrossed(p) ? "true" : "false");
    csv.WriteRow(row);
  }
}

// Streams CSV rows through `body` into PATH atomically (core/file_io.h).
template <typename Body>
Result<void> WriteAtomically(const std::string& path, Body body) {
  return WriteThroughStream(path, [&](std::ostream& out) {
    CsvWriter csv(out);
    body(csv);
  });
}

link::LinkOptions ToLinkOptions(const LinkCommandOptions& o) {
  link::LinkOptions options;
  options.threshold = o.threshold;
  options.one_to_one = o.one_to_one;
  options.threads = o.threads;
  options.blocking.max_block_pairs = o.max_block_pairs;
  return options;
}

void PrintSummary(const link::Linkage& l, std::string_view what, std::size_t count) {
  const auto& s = l.Stats();
  std::uint64_t capped = 0;
  for (auto c : s.blocking.capped_pairs) capped += c;
  std::cerr << "parley: " << s.left_records << " x " << s.right_records << " records, "
            << s.candidates << " candidate pairs (" << capped
            << " pairs in oversized blocks skipped), " << Format(s.expected_matches, "%.0f")
            << " expected matches; " << count << " " << what << "\n";
}

// Per blocking rule: the pairs it added (found by no earlier rule) and what its cap skipped.
// With --threshold 0 every candidate is written, so the candidate set's recall can be measured
// apart from the model's.
void PrintBlockingReport(const link::Linkage& l) {
  const link::BlockingStats& b = l.Stats().blocking;
  std::cerr << "parley: blocking rule, new pairs, capped blocks, pairs in them\n";
  for (int rule = 0; rule < link::kBlockingRuleCount; ++rule) {
    std::cerr << "  " << rule + 1 << ". " << link::BlockingRuleName(rule) << ": "
              << b.pairs_by_rule[rule] << ", " << b.capped_blocks[rule] << ", "
              << b.capped_pairs[rule] << "\n";
  }
}

Result<void> RunLink(const LinkCommandOptions& o) {
  ProgressBar bar("link");
  // The two files are read at once: reading a register of a million rows is a fifth of the
  // whole run, and one file's reading uses one core.
  auto reading_right =
      std::async(std::launch::async, [&o] { return ReadRecords(o.right, o.skip_invalid); });
  PARLEY_ASSIGN_OR_RETURN(auto left, ReadRecords(o.left, o.skip_invalid));
  PARLEY_ASSIGN_OR_RETURN(auto right, reading_right.get());
  link::LinkOptions options = ToLinkOptions(o);
  options.progress = bar.Callback();
  PARLEY_ASSIGN_OR_RETURN(link::Linkage linkage, link::LinkRecords(left, right, options));
  PARLEY_TRY(WriteAtomically(o.out, [&](CsvWriter& csv) { WritePairs(csv, linkage); }));
  bar.Finish();
  PrintSummary(linkage, "pairs written", linkage.Matches().size());
  if (o.blocking_report) PrintBlockingReport(linkage);
  return {};
}

Result<void> RunDedupe(const LinkCommandOptions& o) {
  ProgressBar bar("dedupe");
  PARLEY_ASSIGN_OR_RETURN(auto list, ReadRecords(o.left, o.skip_invalid));
  link::LinkOptions options = ToLinkOptions(o);
  options.progress = bar.Callback();
  PARLEY_ASSIGN_OR_RETURN(link::Linkage linkage, link::DedupeRecords(list, options));
  const auto& clusters = linkage.Clusters();
  PARLEY_TRY(WriteAtomically(o.out, [&](CsvWriter& csv) {
    csv.WriteRow({"id", "cluster"});
    for (std::size_t i = 0; i < clusters.size(); ++i) {
      const std::string cluster = std::to_string(clusters[i] + 1);
      csv.WriteRow({std::string_view(linkage.Left().ids[i]), std::string_view(cluster)});
    }
  }));
  if (!o.pairs_out.empty()) {
    PARLEY_TRY(WriteAtomically(o.pairs_out, [&](CsvWriter& csv) { WritePairs(csv, linkage); }));
  }
  bar.Finish();
  std::size_t cluster_count = 0;
  for (auto c : clusters) cluster_count = std::max<std::size_t>(cluster_count, c + 1);
  PrintSummary(linkage, "clusters written", cluster_count);
  if (o.blocking_report) PrintBlockingReport(linkage);
  return {};
}

void AddCommonOptions(CLI::App& cmd, LinkCommandOptions& o) {
  cmd.add_option("--out", o.out, "The CSV file to write")->required();
  cmd.add_option("--threshold", o.threshold, "Match probability at or above which a pair is kept")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd.add_option("--threads", o.threads, "Worker threads")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd.add_option("--max-block-pairs", o.max_block_pairs,
                 "Skip a blocking rule's block holding more pairs than this (costs recall)")
      ->capture_default_str();
  cmd.add_flag("--skip-invalid", o.skip_invalid, "Link the readable rows, skipping bad ones");
  cmd.add_flag("--blocking-report", o.blocking_report,
               "Also print what each blocking rule found and skipped (with --threshold 0 every "
               "candidate pair is written)");
}

}  // namespace

void RegisterLinkCommands(CLI::App& app, CliContext& ctx) {
  auto lo = std::make_shared<LinkCommandOptions>();
  auto* link_cmd = app.add_subcommand("link", "Find the same people in two list files");
  link_cmd->add_option("LEFT", lo->left, "List file (e.g. a request list)")->required();
  link_cmd->add_option("RIGHT", lo->right, "List file (e.g. a custody register)")->required();
  AddCommonOptions(*link_cmd, *lo);
  link_cmd->add_flag("--one-to-one", lo->one_to_one,
                     "Keep each record in at most one pair (the exact maximum-weight matching)");
  link_cmd->callback([&ctx, lo] {
    if (auto r = RunLink(*lo); !r) ReportError(r.error(), ctx);
  });

  auto dop = std::make_shared<LinkCommandOptions>();
  auto* dedupe_cmd = app.add_subcommand("dedupe", "Group the records of one list file by person");
  dedupe_cmd->add_option("LIST", dop->left, "List file")->required();
  AddCommonOptions(*dedupe_cmd, *dop);
  dedupe_cmd->add_option("--pairs", dop->pairs_out,
                         "Also write the scored duplicate pairs (link format) to this file");
  dedupe_cmd->callback([&ctx, dop] {
    if (auto r = RunDedupe(*dop); !r) ReportError(r.error(), ctx);
  });
}

}  // namespace parley::cli
