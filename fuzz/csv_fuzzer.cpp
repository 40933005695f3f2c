// fuzz/csv_fuzzer.cpp — a CSV list file as a bureau (or anyone posing as one) sends it: the
// encoding detector (UTF-8 with or without BOM, UTF-16 LE/BE, Windows-1251), the RFC 4180
// parser, then the whole list reader (header detection, column mapping, name splitting,
// dates, validation) on the same bytes.
//
// Properties, besides no crash, leak or undefined behaviour: decoded text is valid UTF-8, also
// under each encoding a clerk may force with --encoding; text decoded from an encoding and
// encoded back (the rejects file, written in the input's own encoding) decodes to the same
// text; record line numbers never go backwards; a parsed table written by CsvWriter and
// parsed again gives the same cells; and what the list reader keeps holds
// (list_file_checks.h).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "fuzz_support.h"
#include "list_file_checks.h"
#include "lists/csv_reader.h"
#include "lists/csv_writer.h"
#include "lists/text_encoding.h"

namespace {

using parley::fuzz::Require;

std::vector<std::vector<std::string>> Cells(const parley::CellTable& table) {
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    auto cells = table.Cells(i);
    rows.emplace_back(cells.begin(), cells.end());
  }
  return rows;
}

// `parley import --encoding E`: whatever the bytes, valid UTF-8 or an error; and the rejects
// file's encoding of the text gives the text back.
void CheckDecoding(std::string_view bytes, std::string_view forced) {
  auto decoded = parley::DecodeToUtf8(bytes, forced, "fuzz.csv");
  if (!decoded) {
    Require(decoded.error().code == parley::ErrorCode::kInvalidInput,
            "an undecodable file is invalid input");
    return;
  }
  Require(parley::ValidateUtf8(decoded->utf8).has_value(), "decoded text is valid UTF-8");
  auto encoded = parley::EncodeFromUtf8(decoded->utf8, decoded->encoding);
  Require(encoded.has_value(), "decoded text encodes back to its encoding");
  auto again = parley::DecodeToUtf8(*encoded, decoded->encoding, "fuzz.csv");
  Require(again.has_value() && again->utf8 == decoded->utf8,
          "decoded text, encoded back, decodes to the same text");
}

void CheckTable(std::string_view utf8) {
  auto table = parley::ParseCsv(utf8, {});
  if (!table) {
    Require(table.error().where.row >= 1, "an unbalanced quote names its row");
    return;
  }
  for (std::size_t i = 1; i < table->rows.size(); ++i) {
    Require(table->rows[i].line >= table->rows[i - 1].line, "line numbers never go backwards");
  }
  std::ostringstream out;
  parley::CsvWriter writer(out);
  for (const auto& row : Cells(*table)) writer.WriteRow(row);
  const std::string written = out.str();  // the table's cells are views into it
  auto again = parley::ParseCsv(written, {.delimiter = ',', .file = "fuzz.csv"});
  Require(again.has_value() && Cells(*again) == Cells(*table),
          "CsvWriter's output parses to the cells written");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (std::string_view forced : {"", "utf-8", "utf-16le", "utf-16be", "windows-1251"}) {
    CheckDecoding(bytes, forced);
  }
  if (auto decoded = parley::DecodeToUtf8(bytes, "", "fuzz.csv")) CheckTable(decoded->utf8);
  parley::fuzz::ReadAndCheckListFile(parley::fuzz::WriteScratchFile(bytes, ".csv"));
  return 0;
}
