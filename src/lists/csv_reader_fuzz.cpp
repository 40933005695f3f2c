// parley/lists/csv_reader_fuzz.cpp — libFuzzer target for the encoding detector and the CSV
// parser, the two stages that see a bureau's bytes before anything has checked them.
//
// Properties checked on every input: neither stage crashes, reads out of bounds or loops;
// record line numbers never go backwards; a parsed table, written back with CsvWriter and
// parsed again, gives the same cells (so parser and writer agree on quoting); and the whole
// ReadListFile path (header mapping, name splitting, dates, validation) on the same bytes
// neither crashes nor reports a reject without a row.
//
// With clang (libFuzzer). Needs clang >= 16: Debian 12's clang 14 cannot compile
// libstdc++ 12's std::expected, which parley's Result is built on.
//   export CXX=clang++-16 CC=clang-16
//   cmake -S . -B build/fuzz -G Ninja -DPARLEY_BUILD_FUZZ=ON -DPARLEY_BUILD_TESTS=OFF
//         -DPARLEY_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo      (one line)
//   cmake --build build/fuzz -j2 --target csv_reader_fuzz
//   mkdir -p /tmp/csv_corpus && printf 'id;ПІБ\n1;"a""b"\n' > /tmp/csv_corpus/seed.csv
//   build/fuzz/bin/csv_reader_fuzz -max_total_time=300 -max_len=4096 /tmp/csv_corpus
// With g++ (no libFuzzer): the same harness gets a main() that replays the files named on
// the command line, or with `--random N [SEED]` runs N random inputs built from the bytes
// that matter (quotes, delimiters, CR, LF, NUL, UTF-8 and cp1251 Cyrillic). Use the asan
// preset's flags to make it catch memory errors:
//   cmake -S . -B build/fuzz-gcc -G Ninja -DPARLEY_BUILD_FUZZ=ON -DPARLEY_SANITIZE=ON
//         -DPARLEY_BUILD_TESTS=OFF -DPARLEY_BUILD_BENCH=OFF                (one line)
//   cmake --build build/fuzz-gcc -j2 --target csv_reader_fuzz
//   build/fuzz-gcc/bin/csv_reader_fuzz --random 200000
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "lists/csv_reader.h"
#include "lists/csv_writer.h"
#include "lists/list_file.h"
#include "lists/text_encoding.h"

namespace {

std::vector<std::vector<std::string>> Cells(const parley::CellTable& table) {
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    auto cells = table.Cells(i);
    rows.emplace_back(cells.begin(), cells.end());
  }
  return rows;
}

// The list reader takes a path, so the input goes through one scratch file per process.
const std::filesystem::path& ScratchListPath() {
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("parley_csv_fuzz_" + std::to_string(::getpid()) + ".csv");
  return path;
}

void CheckListReader(std::string_view bytes) {
  const std::filesystem::path& path = ScratchListPath();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  parley::ListReadOptions options;
  options.date_bounds.today = parley::PartialDate{2026, 11, 25};
  auto list = parley::ReadListFile(path, options);
  if (!list) return;
  for (const auto& reject : list->rejects) {
    if (reject.error.where.row <= 0) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = parley::DecodeToUtf8(bytes, "", "fuzz.csv");
  if (!decoded) return 0;
  auto table = parley::ParseCsv(decoded->utf8, {});
  if (!table) return 0;
  for (std::size_t i = 1; i < table->rows.size(); ++i) {
    if (table->rows[i].line < table->rows[i - 1].line) std::abort();
  }
  std::ostringstream out;
  parley::CsvWriter writer(out);
  for (const auto& row : Cells(*table)) writer.WriteRow(row);
  std::string written = out.str();
  auto again = parley::ParseCsv(written, {.delimiter = ',', .file = "fuzz.csv"});
  if (!again || Cells(*again) != Cells(*table)) std::abort();
  CheckListReader(bytes);
  return 0;
}

#ifdef PARLEY_FUZZ_REPLAY_MAIN
#include <fstream>
#include <iostream>
#include <random>

namespace {

int ReplayFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

// Random inputs over an alphabet of the bytes that steer the detector and the parser.
void RunRandom(long count, unsigned seed) {
  static constexpr std::string_view kPieces[] = {"\"",         "\"\"",
                                                 ",",          ";",
                                                 "\t",         "\r",
                                                 "\n",         "\r\n",
                                                 "a",          "1",
                                                 " ",          std::string_view("\0", 1),
                                                 "Ш",          "і",
                                                 "ПІБ",        "\xCF\xB2",
                                                 "\xC8",       "\xE0\xEB",
                                                 "\xFF\xFE",   "\xEF\xBB\xBF",
                                                 "\x80",       "id",
                                                 "Прізвище",   "Дата народження",
                                                 "31.02.1990", "05.1979",
                                                 "1812",       "Шевченко Дмитро Олександрович",
                                                 "ШЕВЧЕНКО",   "Мамедов Алі Гусейн огли",
                                                 ", ",         "Д.О."};
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(0, 64);
  std::string input;
  for (long i = 0; i < count; ++i) {
    input.clear();
    for (int n = length(rng); n > 0; --n) input += kPieces[piece(rng)];
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 3 && std::string_view(argv[1]) == "--random") {
    unsigned seed = argc >= 4 ? static_cast<unsigned>(std::strtoul(argv[3], nullptr, 10)) : 1;
    RunRandom(std::strtol(argv[2], nullptr, 10), seed);
    std::filesystem::remove(ScratchListPath());
    std::cout << "ok: " << argv[2] << " random inputs\n";
    return 0;
  }
  for (int i = 1; i < argc; ++i) ReplayFile(argv[i]);
  std::filesystem::remove(ScratchListPath());
  std::cout << "ok: " << (argc - 1) << " files\n";
  return 0;
}
#endif
