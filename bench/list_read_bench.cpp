// bench/list_read_bench.cpp — how fast a bureau's list comes in.
//
// Measures the CSV parser alone (MB/s over decoded UTF-8 text) and the whole ReadListFile
// path (rows/s: read, encoding check, parse, header mapping, full-name split, date parsing,
// validation) on a generated 100k-row UTF-8 list shaped like a real one: a "ПІБ" column,
// DD.MM.YYYY dates, a quoted notes cell with the delimiter in it, and an unknown column.
// The target is a 1M-row import in 30 s; the reader's share should be a few seconds.
// BM_ReadXlsxListFile reads the same list as a workbook.
//
//   build/release/bin/list_read_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "lists/csv_reader.h"
#include "lists/list_file.h"
#include "lists/text_encoding.h"

namespace parley {
namespace {

constexpr int kRows = 100'000;

std::string GenerateList(int rows) {
  static constexpr const char* kSurnames[] = {"Шевченко",   "Коваль",   "Бондаренко", "Мельник",
                                              "Дем'яненко", "Ткаченко", "Кравчук",    "Олійник"};
  static constexpr const char* kGiven[] = {"Дмитро", "Олександр", "Андрій", "Сергій", "Юрій"};
  static constexpr const char* kPatronymics[] = {"Олександрович", "Миколайович", "Петрович",
                                                 "Іванович"};
  std::string text = "№;ПІБ;Дата народження;Військова частина;Звання;Примітки;Група крові\r\n";
  text.reserve(static_cast<std::size_t>(rows) * 110);
  for (int i = 1; i <= rows; ++i) {
    text += std::to_string(i);
    text += ';';
    text += kSurnames[i % 8];
    text += ' ';
    text += kGiven[i % 5];
    text += ' ';
    text += kPatronymics[i % 4];
    text += ';';
    text += std::to_string(10 + i % 18) + '.' + std::to_string(10 + i % 3) + '.' +
            std::to_string(1960 + i % 45);
    text += ";А" + std::to_string(1000 + i % 3000) + ";солдат;";
    text += (i % 10 == 0) ? "\"поранений; потребує допомоги\"" : "";
    text += ";II+\r\n";
  }
  return text;
}

const std::string& ListText() {
  static const std::string text = GenerateList(kRows);
  return text;
}

const std::string& MillionRowText() {
  static const std::string text = GenerateList(1'000'000);
  return text;
}

void BM_CsvParse(benchmark::State& state) {
  const std::string& text = ListText();
  for (auto _ : state) {
    auto table = ParseCsv(text, {});
    benchmark::DoNotOptimize(table);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK(BM_CsvParse)->Unit(benchmark::kMillisecond);

void BM_DetectEncoding(benchmark::State& state) {
  const std::string& text = ListText();
  for (auto _ : state) {
    auto decoded = DecodeToUtf8(text, "", "bench.csv");
    benchmark::DoNotOptimize(decoded);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_DetectEncoding)->Unit(benchmark::kMillisecond);

// state.range(0) rows: 100k for the figure to track, 1M to check the 1M-row scale.
void BM_ReadListFile(benchmark::State& state) {
  const auto rows = static_cast<std::size_t>(state.range(0));
  const std::string& text = rows == kRows ? ListText() : MillionRowText();
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("parley_list_read_bench_" + std::to_string(::getpid()) + ".csv");
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  ListReadOptions options;
  for (auto _ : state) {
    auto list = ReadListFile(path, options);
    if (!list || list->records.size() != rows) {
      state.SkipWithError("the generated list did not read cleanly");
      break;
    }
    benchmark::DoNotOptimize(list);
  }
  std::filesystem::remove(path);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows));
}
BENCHMARK(BM_ReadListFile)->Arg(kRows)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The same 100k-row list as an XLSX workbook (written by WriteListFile, so its strings are
// inline strings, as constant-memory writers produce), read through ReadListFile.
void BM_ReadXlsxListFile(benchmark::State& state) {
  std::filesystem::path dir = std::filesystem::temp_directory_path();
  std::string stem = "parley_list_read_bench_" + std::to_string(::getpid());
  std::filesystem::path csv = dir / (stem + ".csv");
  std::filesystem::path xlsx = dir / (stem + ".xlsx");
  {
    std::ofstream out(csv, std::ios::binary);
    out << ListText();
  }
  auto list = ReadListFile(csv, {});
  if (!list || !WriteListFile(xlsx, ListFormat::kXlsx, list->records)) {
    state.SkipWithError("cannot prepare the workbook");
    return;
  }
  std::int64_t bytes = static_cast<std::int64_t>(std::filesystem::file_size(xlsx));
  for (auto _ : state) {
    auto read = ReadListFile(xlsx, {});
    if (!read || read->records.size() != kRows) {
      state.SkipWithError("the workbook did not read cleanly");
      break;
    }
    benchmark::DoNotOptimize(read);
  }
  std::filesystem::remove(csv);
  std::filesystem::remove(xlsx);
  state.SetBytesProcessed(state.iterations() * bytes);  // compressed bytes
  state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK(BM_ReadXlsxListFile)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley

BENCHMARK_MAIN();
