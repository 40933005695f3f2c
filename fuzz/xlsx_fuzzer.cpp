// fuzz/xlsx_fuzzer.cpp — an XLSX list file: the zip container (minizip), the workbook,
// relationships, shared strings, styles and sheet XML (pugixml), the inflation limits of
// issue 16 item 4, then the whole list reader on the cells.
//
// Two shapes of input, both ending in the reader's real entry point on a real file:
//   - a zip as it is (starts with "PK"): the container, its headers, sizes and CRCs;
//   - parts ("@@ NAME\n" starts a part, whose bytes run to the next "\n@@ "), packed here with
//     minizip's writer into a workbook. A zip's CRC turns almost every mutation of a packed
//     part into "damaged", so this is how the XML the reader walks gets fuzzed.
//
// Properties, besides no crash, leak or undefined behaviour: a refused workbook is the
// user's error and says why; a read sheet stays within the row, column and cell limits; and
// what the list reader keeps holds (list_file_checks.h). Inputs are capped (scripts/fuzz:
// -max_len) far below the size limits, so the ratio limit (checked from 8 MiB inflated) is
// what bounds a small bomb here, as in the server.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_support.h"
#include "list_file_checks.h"
#include "lists/xlsx_reader.h"

namespace {

using parley::fuzz::Require;

constexpr std::string_view kPartMark = "@@ ";
constexpr std::size_t kMaxParts = 16;

std::vector<std::pair<std::string, std::string_view>> SplitParts(std::string_view input) {
  std::vector<std::pair<std::string, std::string_view>> parts;
  std::size_t pos = 0;
  while (pos < input.size() && parts.size() < kMaxParts) {
    const std::size_t name_end = std::min(input.find('\n', pos), input.size());
    std::string name(input.substr(pos + kPartMark.size(), name_end - pos - kPartMark.size()));
    const std::size_t body = std::min(name_end + 1, input.size());
    const std::size_t next = input.find("\n@@ ", body);
    parts.emplace_back(
        std::move(name),
        input.substr(body, next == std::string_view::npos ? std::string_view::npos : next - body));
    pos = next == std::string_view::npos ? input.size() : next + 1;
  }
  return parts;
}

// Packs the parts as a spreadsheet program would (deflated, valid CRCs) into `path`.
void WriteWorkbook(const std::filesystem::path& path,
                   const std::vector<std::pair<std::string, std::string_view>>& parts) {
  zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  Require(zip != nullptr, "the scratch workbook opens");
  for (const auto& [name, bytes] : parts) {
    zip_fileinfo info{};
    Require(
        zipOpenNewFileInZip64(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                              Z_BEST_SPEED, 0) == ZIP_OK &&
            zipWriteInFileInZip(zip, bytes.data(), static_cast<unsigned>(bytes.size())) == ZIP_OK &&
            zipCloseFileInZip(zip) == ZIP_OK,
        "a part is packed");
  }
  Require(zipClose(zip, nullptr) == ZIP_OK, "the scratch workbook is written");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::filesystem::path& path = parley::fuzz::WriteScratchFile(bytes, ".xlsx");
  if (bytes.starts_with(kPartMark)) WriteWorkbook(path, SplitParts(bytes));
  auto table = parley::ReadXlsxSheet(path, "");
  if (!table) {
    Require(table.error().code != parley::ErrorCode::kInternal,
            "a bad workbook is the user's error");
    Require(!table.error().message.empty(), "a refused workbook says why");
  } else {
    Require(table->cells.size() <= parley::kXlsxMaxCells, "the cell limit holds");
    for (const auto& row : table->rows) {
      Require(row.line >= 1 && row.line <= parley::kXlsxMaxRows, "a row number is within Excel's");
      Require(row.count <= parley::kXlsxMaxColumns, "a row is within Excel's columns");
      Require(row.first + row.count <= table->cells.size(), "a row's cells are in the table");
    }
  }
  parley::fuzz::ReadAndCheckListFile(path);
  return 0;
}
