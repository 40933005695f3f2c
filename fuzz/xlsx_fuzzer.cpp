// fuzz/xlsx_fuzzer.cpp — an XLSX list file: the zip container (minizip), the workbook,
// relationships, shared strings, styles and sheet XML (pugixml), the inflation limits of
// issue 16 item 4, then the whole list reader on the cells.
//
// Properties, besides no crash, leak or undefined behaviour: a refused workbook is the
// user's error and says why; a read sheet stays within the row, column and cell limits;
// and what the list reader keeps holds (list_file_checks.h). Inputs are
// capped (scripts/fuzz: -max_len) well below the limits' sizes, so the ratio limit (checked
// from 8 MiB inflated) is what bounds a small bomb here, as in the server.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "list_file_checks.h"
#include "lists/xlsx_reader.h"

using parley::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::filesystem::path& path = parley::fuzz::WriteScratchFile(bytes, ".xlsx");
  auto table = parley::ReadXlsxSheet(path, "");
  if (!table) {
    Require(table.error().code != parley::ErrorCode::kInternal,
            "a bad workbook is the user's error");
    Require(!table.error().message.empty(), "a refused workbook says why");
  } else {
    Require(table->cells.size() <= parley::kXlsxMaxCells, "the cell limit holds");
    for (std::size_t i = 0; i < table->rows.size(); ++i) {
      const auto& row = table->rows[i];
      Require(row.line >= 1 && row.line <= parley::kXlsxMaxRows, "a row number is within Excel's");
      Require(row.count <= parley::kXlsxMaxColumns, "a row is within Excel's columns");
      Require(row.first + row.count <= table->cells.size(), "a row's cells are in the table");
    }
  }
  parley::fuzz::ReadAndCheckListFile(path);
  return 0;
}
