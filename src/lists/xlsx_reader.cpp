#include "lists/xlsx_reader.h"

#include <minizip/unzip.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <memory>
#include <pugixml.hpp>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/utf8.h"

namespace parley {
namespace {

struct ZipCloser {
  void operator()(void* zip) const { unzClose(static_cast<unzFile>(zip)); }
};
using ZipPtr = std::unique_ptr<void, ZipCloser>;

Error XlsxError(const std::filesystem::path& path, std::string message) {
  return Error{ErrorCode::kInvalidInput, std::move(message), Location{path.string(), 0, 0, {}}};
}

std::string MiB(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// The parts of one package, each inflated under the limits: the sizes a zip entry declares
// are written by whoever made the file, so they only cap the first allocation; what counts is
// the bytes inflation actually produces, checked after every chunk, so a bomb is refused
// after at most one chunk past a limit instead of after inflating it.
class Package {
 public:
  // `file_size` bounds the packed size a part may claim: no part holds more than the file.
  Package(unzFile zip, const std::filesystem::path& path, std::uint64_t file_size,
          const XlsxLimits& limits)
      : zip_(zip), path_(path), file_size_(file_size), limits_(limits) {}

  bool Has(const std::string& name) { return unzLocateFile(zip_, name.c_str(), 0) == UNZ_OK; }

  // The bytes of one part; an error when the part is absent, damaged or past a limit.
  Result<std::string> Read(const std::string& name) {
    if (!Has(name)) {
      return Fail(XlsxError(path_, "not a valid XLSX workbook: it has no " + name));
    }
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK ||
        unzOpenCurrentFile(zip_) != UNZ_OK) {
      return Fail(XlsxError(path_, "cannot open " + name + " inside the workbook"));
    }
    auto data = Inflate(name, info.uncompressed_size,
                        std::min<std::uint64_t>(info.compressed_size, file_size_));
    int closed = unzCloseCurrentFile(zip_);  // checks the CRC (only after a complete read)
    if (data && closed != UNZ_OK) {
      return Fail(XlsxError(path_, "the workbook is damaged: cannot unpack " + name));
    }
    return data;
  }

 private:
  static constexpr unsigned kChunk = 1u << 16;

  Result<std::string> Inflate(const std::string& name, std::uint64_t declared,
                              std::uint64_t packed) {
    // The declared size only sizes the first allocation, and never past what the limits let
    // this part inflate to: a lie costs at most one reallocation, never a huge reserve.
    std::uint64_t allowed = std::max(limits_.ratio_checked_from, packed * limits_.max_ratio);
    std::string data;
    data.reserve(static_cast<std::size_t>(std::min({declared, limits_.max_part_bytes, allowed})));
    std::vector<char> chunk(kChunk);
    // The ratio is of what has been inflated to the packed bytes consumed so far, not to the
    // part's whole packed size: against the whole, a 2 MB bomb would pass until 400 MB.
    // (minizip reads packed bytes 16 KiB ahead of inflation, which only lowers the ratio seen.)
    const std::uint64_t packed_start = unzGetCurrentFileZStreamPos64(zip_);
    for (;;) {
      int got = unzReadCurrentFile(zip_, chunk.data(), kChunk);
      if (got < 0) {
        return Fail(XlsxError(path_, "the workbook is damaged: cannot unpack " + name));
      }
      if (got == 0) return data;
      data.append(chunk.data(), static_cast<std::size_t>(got));
      inflated_total_ += static_cast<std::uint64_t>(got);
      std::uint64_t at = unzGetCurrentFileZStreamPos64(zip_);
      std::uint64_t consumed = at > packed_start ? at - packed_start : 0;
      if (auto ok = CheckLimits(name, data.size(), consumed); !ok) return Fail(ok.error());
    }
  }

  Result<void> CheckLimits(const std::string& name, std::uint64_t inflated, std::uint64_t packed) {
    if (inflated > limits_.max_part_bytes) {
      return Fail(XlsxError(path_, name + " unpacks to more than " + MiB(limits_.max_part_bytes) +
                                       ", the limit for one part of a workbook; split the list "
                                       "into smaller files or save it as CSV"));
    }
    if (inflated_total_ > limits_.max_total_bytes) {
      return Fail(XlsxError(path_, "the workbook's parts unpack to more than " +
                                       MiB(limits_.max_total_bytes) +
                                       " in all, the limit for one workbook; split the list "
                                       "into smaller files or save it as CSV"));
    }
    if (inflated > limits_.ratio_checked_from &&
        inflated / std::max<std::uint64_t>(packed, 1) > limits_.max_ratio) {
      return Fail(XlsxError(
          path_, name + " unpacks to more than " + std::to_string(limits_.max_ratio) +
                     " times its packed size, which no spreadsheet writes (a decompression "
                     "bomb); open the file in a spreadsheet program and save it again, or "
                     "save it as CSV"));
    }
    return {};
  }

  unzFile zip_;
  const std::filesystem::path& path_;
  std::uint64_t file_size_;
  const XlsxLimits& limits_;
  std::uint64_t inflated_total_ = 0;
};

// Parses in place: the document points into `data`, which must outlive it. For a big sheet
// this saves a copy of a hundred megabytes of XML.
Result<pugi::xml_document> ParseXml(std::string& data, const std::string& name,
                                    const std::filesystem::path& path) {
  pugi::xml_document doc;
  pugi::xml_parse_result ok = doc.load_buffer_inplace(data.data(), data.size());
  if (!ok) {
    return Fail(XlsxError(
        path, "the workbook is damaged: " + name + " is not valid XML (" + ok.description() + ")"));
  }
  return doc;
}

// Text of a shared or inline string item: a plain <t>, or rich-text runs <r><t>..</t></r>.
// Phonetic runs (<rPh>) are reading aids for East Asian text, not content, and are skipped.
std::string StringItemText(pugi::xml_node item) {
  std::string text;
  for (pugi::xml_node child : item.children()) {
    std::string_view name = child.name();
    if (name == "t") {
      text += child.text().get();
    } else if (name == "r") {
      text += child.child("t").text().get();
    }
  }
  return text;
}

// A custom number format shows a date if it has a day, month or year code outside quoted
// literals ("d" in "\"Date:\"") and [colour/locale] brackets. A lone m with h or s is minutes.
bool IsDateFormatCode(std::string_view code) {
  bool quoted = false;
  bool bracket = false;
  bool d_or_y = false;
  bool m = false;
  bool h_or_s = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '\\' || c == '_' || c == '*') {
      ++i;  // escaped or padding character: a literal
      continue;
    }
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '[') bracket = true;
    if (c == ']') bracket = false;
    if (bracket) continue;
    char l = static_cast<char>(c | 0x20);
    d_or_y = d_or_y || l == 'd' || l == 'y';
    m = m || l == 'm';
    h_or_s = h_or_s || l == 'h' || l == 's';
  }
  return d_or_y || (m && !h_or_s);
}

// Which cell style indexes (the s="" attribute) show numbers as dates.
std::vector<bool> DateStyles(const pugi::xml_document& styles) {
  pugi::xml_node root = styles.child("styleSheet");
  std::unordered_set<unsigned> date_formats;
  for (unsigned id = 14; id <= 22; ++id) date_formats.insert(id);
  for (pugi::xml_node f : root.child("numFmts").children("numFmt")) {
    unsigned id = f.attribute("numFmtId").as_uint();
    if (IsDateFormatCode(f.attribute("formatCode").value())) {
      date_formats.insert(id);
    } else {
      date_formats.erase(id);
    }
  }
  std::vector<bool> is_date;
  for (pugi::xml_node xf : root.child("cellXfs").children("xf")) {
    is_date.push_back(date_formats.contains(xf.attribute("numFmtId").as_uint()));
  }
  return is_date;
}

// "C5" -> column 2 (0-based), row 5. kBad for a malformed reference; kBeyondXfd when the
// letters name a column past Excel's last (the letters stop being read there, so a long run of
// them cannot wrap the count around to a valid column).
enum class CellRef { kOk, kBad, kBeyondXfd };
CellRef ParseCellRef(std::string_view ref, std::size_t& column, std::int64_t& row) {
  std::size_t i = 0;
  column = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    column = column * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    if (column > kXlsxMaxColumns) return CellRef::kBeyondXfd;
    ++i;
  }
  if (i == 0) return CellRef::kBad;
  --column;
  auto [ptr, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  return ec == std::errc() && ptr == ref.data() + ref.size() && row > 0 ? CellRef::kOk
                                                                        : CellRef::kBad;
}

// "C" for column 2 (0-based): how a user finds the cell in the spreadsheet.
std::string ColumnLetters(std::size_t column) {
  std::string letters;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

// Numbers as Excel's General format shows them: integers without ".0", otherwise the
// shortest text that reads back to the same double.
std::string NumberText(std::string_view raw) {
  double value = 0;
  auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (ec != std::errc() || ptr != raw.data() + raw.size()) return std::string(raw);
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buf[64];
  auto [end, ec2] = std::to_chars(buf, buf + sizeof buf, value);
  return ec2 == std::errc() ? std::string(buf, end) : std::string(raw);
}

struct SheetEntry {
  std::string name;
  std::string rel_id;
};

struct Workbook {
  std::vector<SheetEntry> sheets;  // in the workbook's order
  bool date1904 = false;
};

Result<Workbook> ListSheets(Package& package, const std::filesystem::path& path) {
  auto workbook_xml = package.Read("xl/workbook.xml");
  if (!workbook_xml) return Fail(workbook_xml.error());
  auto workbook = ParseXml(*workbook_xml, "xl/workbook.xml", path);
  if (!workbook) return Fail(workbook.error());
  pugi::xml_node root = workbook->child("workbook");
  Workbook result;
  result.date1904 = root.child("workbookPr").attribute("date1904").as_bool();
  for (pugi::xml_node s : root.child("sheets").children("sheet")) {
    result.sheets.push_back({s.attribute("name").value(), s.attribute("r:id").value()});
  }
  if (result.sheets.empty()) return Fail(XlsxError(path, "the workbook has no worksheet"));
  return result;
}

// Which part holds each relationship id of xl/workbook.xml ("rId1" -> "xl/worksheets/...").
Result<std::vector<std::pair<std::string, std::string>>> SheetParts(
    Package& package, const std::filesystem::path& path) {
  auto rels_xml = package.Read("xl/_rels/workbook.xml.rels");
  if (!rels_xml) return Fail(rels_xml.error());
  auto rels = ParseXml(*rels_xml, "xl/_rels/workbook.xml.rels", path);
  if (!rels) return Fail(rels.error());
  std::vector<std::pair<std::string, std::string>> parts;
  for (pugi::xml_node r : rels->child("Relationships").children("Relationship")) {
    std::string target = r.attribute("Target").value();
    parts.emplace_back(r.attribute("Id").value(),
                       target.starts_with('/') ? target.substr(1) : "xl/" + target);
  }
  return parts;
}

Result<std::string> SheetPart(const std::vector<std::pair<std::string, std::string>>& parts,
                              const std::string& rel_id, const std::filesystem::path& path) {
  for (const auto& [id, part] : parts) {
    if (id == rel_id) return part;
  }
  return Fail(
      XlsxError(path, "the workbook is damaged: sheet relationship " + rel_id + " is missing"));
}

// At most `limits.max_cells` strings: more than the sheet could ever use, and each costs a
// string header (32 bytes) even when empty, so `<si/>` repeated would multiply memory.
Result<std::vector<std::string>> SharedStrings(Package& package, const std::filesystem::path& path,
                                               const XlsxLimits& limits) {
  std::vector<std::string> strings;
  if (!package.Has("xl/sharedStrings.xml")) return strings;
  auto xml = package.Read("xl/sharedStrings.xml");
  if (!xml) return Fail(xml.error());
  auto doc = ParseXml(*xml, "xl/sharedStrings.xml", path);
  if (!doc) return Fail(doc.error());
  for (pugi::xml_node si : doc->child("sst").children("si")) {
    if (strings.size() == limits.max_cells) {
      return Fail(XlsxError(path, "xl/sharedStrings.xml holds more than " +
                                      std::to_string(limits.max_cells) +
                                      " strings, the limit for one list; split the list or "
                                      "save it as CSV"));
    }
    strings.push_back(StringItemText(si));
  }
  return strings;
}

Result<std::vector<bool>> LoadDateStyles(Package& package, const std::filesystem::path& path) {
  if (!package.Has("xl/styles.xml")) return std::vector<bool>{};
  auto xml = package.Read("xl/styles.xml");
  if (!xml) return Fail(xml.error());
  auto doc = ParseXml(*xml, "xl/styles.xml", path);
  if (!doc) return Fail(doc.error());
  return DateStyles(*doc);
}

// Converts the <sheetData> rows into the table; shared-string cells are views of `shared`
// (the first `shared_count` strings), which must outlive the table: the table's own `owned`
// (one sheet) or the workbook's (all sheets, XlsxSheets).
class SheetLoader {
 public:
  SheetLoader(CellTable& table, const std::deque<std::string>& shared, std::size_t shared_count,
              const std::vector<bool>& date_styles, bool date1904, const std::string& part,
              const std::filesystem::path& path, const XlsxLimits& limits)
      : table_(table),
        shared_(shared),
        shared_count_(shared_count),
        date_styles_(date_styles),
        date1904_(date1904),
        part_(part),
        path_(path),
        limits_(limits) {}

  Result<void> Load(pugi::xml_node sheet_data) {
    std::int64_t last_row = 0;
    for (pugi::xml_node row : sheet_data.children("row")) {
      auto number = RowNumber(row, last_row);
      if (!number) return Fail(number.error());
      CellTable::Row out{*number, table_.cells.size(), 0};
      std::size_t next_column = 0;
      for (pugi::xml_node c : row.children("c")) {
        std::size_t column = next_column;
        std::int64_t ref_row = *number;
        const char* ref = c.attribute("r").value();
        if (*ref != '\0') {
          CellRef parsed = ParseCellRef(ref, column, ref_row);
          if (parsed == CellRef::kBeyondXfd) {
            return Fail(At(*number, 0,
                           "cell " + std::string(ref) +
                               " lies beyond column XFD, the last a worksheet can have; the "
                               "workbook is damaged or not made by a spreadsheet program"));
          }
          if (parsed == CellRef::kBad) {
            return Fail(At(*number, 0,
                           "the workbook is damaged: bad cell reference '" + std::string(ref) +
                               "' in " + part_));
          }
        }
        if (column < next_column) continue;  // out of order: ignore rather than overwrite
        if (out.first + column + 1 > limits_.max_cells) {
          return Fail(At(*number, 0,
                         "the sheet holds more than " + std::to_string(limits_.max_cells) +
                             " cells (counting the gaps before each row's last cell), the "
                             "limit for one list; split the list or save it as CSV"));
        }
        auto value = CellValue(c, *number, column);
        if (!value) return Fail(value.error());
        if (auto utf8 = CheckUtf8(*value, *number, column); !utf8) return Fail(utf8.error());
        table_.cells.resize(out.first + column + 1);
        table_.cells[out.first + column] = *value;
        next_column = column + 1;
      }
      out.count = table_.cells.size() - out.first;
      table_.rows.push_back(out);
      last_row = *number;
    }
    return {};
  }

 private:
  Error At(std::int64_t row, std::size_t column, std::string message) const {
    Error error = XlsxError(path_, std::move(message));
    error.where.row = row;
    error.where.column = static_cast<std::int64_t>(column);  // 1-based; 0 = not known
    return error;
  }

  // The row's own number (r="5"), or the one after the previous row when it has none.
  Result<std::int64_t> RowNumber(pugi::xml_node row, std::int64_t last_row) const {
    std::int64_t number = last_row + 1;
    if (pugi::xml_attribute r = row.attribute("r")) {
      std::string_view text = r.value();
      auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (ec == std::errc::result_out_of_range)
        number = limits_.max_rows + 1;
      else if (ec != std::errc() || ptr != text.data() + text.size() || number < 1) {
        return Fail(At(last_row + 1, 0,
                       "the workbook is damaged: bad row number '" + std::string(text) + "' in " +
                           part_ + " (after row " + std::to_string(last_row) + ")"));
      }
    }
    if (number > limits_.max_rows) {
      return Fail(At(0, 0,
                     "the sheet has a row " + std::to_string(number) + " (after row " +
                         std::to_string(last_row) + "), beyond the " +
                         std::to_string(limits_.max_rows) +
                         " rows a worksheet can have; split the list or save it as CSV"));
    }
    return number;
  }

  // A shared-string cell's <v> is an index into sharedStrings.xml. One that is not a number,
  // or past the end, means the file is damaged: reading "" or string 0 instead would import
  // a wrong or missing name without a word.
  Result<std::string_view> SharedString(pugi::xml_node c, std::int64_t row, std::size_t column) {
    std::string_view raw = c.child("v").text().get();
    std::size_t index = 0;
    auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), index);
    if (ec != std::errc() || ptr != raw.data() + raw.size() || index >= shared_count_) {
      return Fail(At(row, column + 1,
                     "the workbook is damaged: cell " + ColumnLetters(column) +
                         std::to_string(row) + " refers to shared string '" + std::string(raw) +
                         "', but xl/sharedStrings.xml has " + std::to_string(shared_count_) +
                         " (numbered from 0); save the file again from the spreadsheet program"));
    }
    return std::string_view(shared_[index]);
  }

  // pugixml hands text over as the bytes it found (it converts a declared UTF-16 part, but
  // never checks UTF-8), and a character reference to a surrogate (&#xD800;) becomes bytes
  // that are no UTF-8 either. A cell that is not UTF-8 would be stored and then break every
  // reader of the record (JSON output refuses it), so the file is refused as damaged.
  Result<void> CheckUtf8(std::string_view value, std::int64_t row, std::size_t column) const {
    if (ValidateUtf8(value)) return {};
    return Fail(At(row, column + 1,
                   "the workbook is damaged: cell " + ColumnLetters(column) + std::to_string(row) +
                       " holds bytes that are not UTF-8 text; open the file in the spreadsheet "
                       "program and save it again"));
  }

  Result<std::string_view> CellValue(pugi::xml_node c, std::int64_t row, std::size_t column) {
    std::string_view type = c.attribute("t").value();
    if (type == "inlineStr") return table_.Own(StringItemText(c.child("is")));
    std::string_view v = c.child("v").text().get();
    if (type == "s") return SharedString(c, row, column);
    if (type == "b") return v == "1" ? "TRUE" : "FALSE";
    if (type == "str" || type == "e") return table_.Own(std::string(v));
    // An ISO 8601 date cell (rare; strict OOXML writers): keep the date part.
    if (type == "d") return table_.Own(std::string(v.substr(0, v.find('T'))));
    if (v.empty()) return std::string_view{};
    std::size_t style = c.attribute("s").as_uint();
    if (style < date_styles_.size() && date_styles_[style]) {
      std::string iso = ExcelSerialToIso(c.child("v").text().as_double(), date1904_);
      if (!iso.empty()) return table_.Own(std::move(iso));
    }
    return table_.Own(NumberText(v));
  }

  CellTable& table_;
  const std::deque<std::string>& shared_;
  std::size_t shared_count_;
  const std::vector<bool>& date_styles_;
  bool date1904_;
  const std::string& part_;
  const std::filesystem::path& path_;
  const XlsxLimits& limits_;
};

Result<void> LoadSheet(Package& package, CellTable& table, const std::deque<std::string>& shared,
                       std::size_t shared_count, const std::vector<bool>& date_styles,
                       bool date1904, const std::string& part, const std::filesystem::path& path,
                       const XlsxLimits& limits) {
  auto sheet_xml = package.Read(part);
  if (!sheet_xml) return Fail(sheet_xml.error());
  auto doc = ParseXml(*sheet_xml, part, path);
  if (!doc) return Fail(doc.error());
  SheetLoader loader(table, shared, shared_count, date_styles, date1904, part, path, limits);
  return loader.Load(doc->child("worksheet").child("sheetData"));
}

}  // namespace

std::string XlsxColumnLetters(std::size_t column) { return ColumnLetters(column); }

std::string ExcelSerialToIso(double serial, bool date1904) {
  using namespace std::chrono;
  if (!(serial >= 1 && serial < 2958466)) return {};  // 1900-01-01 .. 9999-12-31
  auto days = static_cast<int>(std::floor(serial));
  sys_days date;
  if (date1904) {
    date = sys_days(year(1904) / January / 1) + std::chrono::days(days);
  } else {
    // Excel counts 1900-02-29, which never existed (a Lotus 1-2-3 bug kept for
    // compatibility): serials from 61 on are one day ahead of a plain count.
    date = days >= 61 ? sys_days(year(1899) / December / 30) + std::chrono::days(days)
                      : sys_days(year(1899) / December / 31) + std::chrono::days(days);
  }
  year_month_day ymd(date);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

namespace {

// Opens the zip and hands its Package to `read`; the file's size caps what parts may claim.
template <typename Read>
auto WithPackage(const std::filesystem::path& path, const XlsxLimits& limits, Read read)
    -> decltype(read(std::declval<Package&>(), std::declval<Workbook&>())) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Fail(ErrorCode::kNotFound, "no such file", Location{path.string(), 0, 0, {}});
  }
  std::uint64_t file_size = std::filesystem::file_size(path, ec);
  ZipPtr zip(unzOpen64(path.string().c_str()));
  if (!zip) return Fail(XlsxError(path, "not an XLSX workbook (cannot open it as a zip file)"));
  Package package(static_cast<unzFile>(zip.get()), path, ec ? 0 : file_size, limits);
  auto workbook = ListSheets(package, path);
  if (!workbook) return Fail(workbook.error());
  return read(package, *workbook);
}

}  // namespace

Result<CellTable> ReadXlsxSheet(const std::filesystem::path& path, std::string_view sheet,
                                const XlsxLimits& limits) {
  return WithPackage(path, limits, [&](Package& package, Workbook& workbook) -> Result<CellTable> {
    std::string rel_id;
    std::string names;
    for (const SheetEntry& s : workbook.sheets) {
      names += (names.empty() ? "'" : ", '") + s.name + "'";
      if (rel_id.empty() && (sheet.empty() || sheet == s.name)) rel_id = s.rel_id;
    }
    if (rel_id.empty()) {
      return Fail(XlsxError(
          path, "the workbook has no sheet '" + std::string(sheet) + "'; it has " + names));
    }
    auto parts = SheetParts(package, path);
    if (!parts) return Fail(parts.error());
    auto sheet_part = SheetPart(*parts, rel_id, path);
    if (!sheet_part) return Fail(sheet_part.error());
    auto shared = SharedStrings(package, path, limits);
    if (!shared) return Fail(shared.error());
    auto date_styles = LoadDateStyles(package, path);
    if (!date_styles) return Fail(date_styles.error());

    CellTable table;
    for (std::string& s : *shared) table.owned.push_back(std::move(s));
    auto loaded = LoadSheet(package, table, table.owned, shared->size(), *date_styles,
                            workbook.date1904, *sheet_part, path, limits);
    if (!loaded) return Fail(loaded.error());
    return table;
  });
}

Result<XlsxSheets> ReadXlsxSheets(const std::filesystem::path& path, const XlsxLimits& limits) {
  return WithPackage(path, limits, [&](Package& package, Workbook& workbook) -> Result<XlsxSheets> {
    auto parts = SheetParts(package, path);
    if (!parts) return Fail(parts.error());
    auto shared = SharedStrings(package, path, limits);
    if (!shared) return Fail(shared.error());
    auto date_styles = LoadDateStyles(package, path);
    if (!date_styles) return Fail(date_styles.error());
    XlsxSheets out;
    for (std::string& s : *shared) out.shared.push_back(std::move(s));
    // Reserved, never grown: std::deque's move may throw, so a growing vector would copy
    // each CellTable, and a copy's views point into the copied-from table's strings.
    out.sheets.reserve(workbook.sheets.size());
    std::size_t cells = 0;  // the cap on cells is for the whole workbook, not each sheet
    for (const SheetEntry& entry : workbook.sheets) {
      auto part = SheetPart(*parts, entry.rel_id, path);
      if (!part) return Fail(part.error());
      XlsxLimits left = limits;
      left.max_cells = limits.max_cells - cells;
      XlsxSheets::Sheet sheet{entry.name, {}};
      auto loaded = LoadSheet(package, sheet.table, out.shared, out.shared.size(), *date_styles,
                              workbook.date1904, *part, path, left);
      if (!loaded) return Fail(loaded.error());
      cells += sheet.table.cells.size();
      out.sheets.push_back(std::move(sheet));
    }
    return out;
  });
}

}  // namespace parley
