#include "lists/xlsx_reader.h"

#include <minizip/unzip.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <pugixml.hpp>
#include <unordered_set>
#include <vector>

namespace parley {
namespace {

struct ZipCloser {
  void operator()(void* zip) const { unzClose(static_cast<unzFile>(zip)); }
};
using ZipPtr = std::unique_ptr<void, ZipCloser>;

Error XlsxError(const std::filesystem::path& path, std::string message) {
  return Error{ErrorCode::kInvalidInput, std::move(message), Location{path.string(), 0, 0, {}}};
}

// Larger than any real list's sheet (a million rows is ~150 MB of XML); a bigger declared
// size is a damaged or hostile file, refused before allocating for it.
constexpr std::uint64_t kMaxPartBytes = std::uint64_t{2} << 30;

// The bytes of one part of the package; an error when the part is absent or damaged.
Result<std::string> ReadPart(unzFile zip, const std::string& name,
                             const std::filesystem::path& path) {
  if (unzLocateFile(zip, name.c_str(), 0) != UNZ_OK) {
    return Fail(XlsxError(path, "not a valid XLSX workbook: it has no " + name));
  }
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK ||
      unzOpenCurrentFile(zip) != UNZ_OK) {
    return Fail(XlsxError(path, "cannot open " + name + " inside the workbook"));
  }
  if (info.uncompressed_size > kMaxPartBytes) {
    unzCloseCurrentFile(zip);
    return Fail(XlsxError(path, name + " is larger than 2 GB; split the list or save it as CSV"));
  }
  std::string data(static_cast<std::size_t>(info.uncompressed_size), '\0');
  int got =
      data.empty() ? 0 : unzReadCurrentFile(zip, data.data(), static_cast<unsigned>(data.size()));
  int closed = unzCloseCurrentFile(zip);  // checks the CRC
  if (got < 0 || static_cast<std::size_t>(got) != data.size() || closed != UNZ_OK) {
    return Fail(XlsxError(path, "the workbook is damaged: cannot unpack " + name));
  }
  return data;
}

bool HasPart(unzFile zip, const std::string& name) {
  return unzLocateFile(zip, name.c_str(), 0) == UNZ_OK;
}

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

// "C5" -> column 2 (0-based), row 5. Returns false for a malformed reference.
bool ParseCellRef(std::string_view ref, std::size_t& column, std::int64_t& row) {
  std::size_t i = 0;
  column = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    column = column * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    ++i;
  }
  if (i == 0 || column > 16384) return false;
  --column;
  auto [ptr, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  return ec == std::errc() && ptr == ref.data() + ref.size() && row > 0;
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

struct Workbook {
  std::string sheet_part;  // e.g. "xl/worksheets/sheet1.xml"
  bool date1904 = false;
};

Result<Workbook> FindSheet(unzFile zip, std::string_view sheet, const std::filesystem::path& path) {
  auto workbook_xml = ReadPart(zip, "xl/workbook.xml", path);
  if (!workbook_xml) return Fail(workbook_xml.error());
  auto workbook = ParseXml(*workbook_xml, "xl/workbook.xml", path);
  if (!workbook) return Fail(workbook.error());
  pugi::xml_node root = workbook->child("workbook");
  Workbook result;
  result.date1904 = root.child("workbookPr").attribute("date1904").as_bool();
  std::string rel_id;
  std::string names;
  for (pugi::xml_node s : root.child("sheets").children("sheet")) {
    names += (names.empty() ? "'" : ", '") + std::string(s.attribute("name").value()) + "'";
    if (rel_id.empty() && (sheet.empty() || sheet == s.attribute("name").value())) {
      rel_id = s.attribute("r:id").value();
    }
  }
  if (rel_id.empty()) {
    return Fail(XlsxError(path, sheet.empty() ? "the workbook has no worksheet"
                                              : "the workbook has no sheet '" + std::string(sheet) +
                                                    "'; it has " + names));
  }
  auto rels_xml = ReadPart(zip, "xl/_rels/workbook.xml.rels", path);
  if (!rels_xml) return Fail(rels_xml.error());
  auto rels = ParseXml(*rels_xml, "xl/_rels/workbook.xml.rels", path);
  if (!rels) return Fail(rels.error());
  for (pugi::xml_node r : rels->child("Relationships").children("Relationship")) {
    if (rel_id != r.attribute("Id").value()) continue;
    std::string target = r.attribute("Target").value();
    result.sheet_part = target.starts_with('/') ? target.substr(1) : "xl/" + target;
    return result;
  }
  return Fail(
      XlsxError(path, "the workbook is damaged: sheet relationship " + rel_id + " is missing"));
}

Result<std::vector<std::string>> SharedStrings(unzFile zip, const std::filesystem::path& path) {
  std::vector<std::string> strings;
  if (!HasPart(zip, "xl/sharedStrings.xml")) return strings;
  auto xml = ReadPart(zip, "xl/sharedStrings.xml", path);
  if (!xml) return Fail(xml.error());
  auto doc = ParseXml(*xml, "xl/sharedStrings.xml", path);
  if (!doc) return Fail(doc.error());
  for (pugi::xml_node si : doc->child("sst").children("si")) {
    strings.push_back(StringItemText(si));
  }
  return strings;
}

Result<std::vector<bool>> LoadDateStyles(unzFile zip, const std::filesystem::path& path) {
  if (!HasPart(zip, "xl/styles.xml")) return std::vector<bool>{};
  auto xml = ReadPart(zip, "xl/styles.xml", path);
  if (!xml) return Fail(xml.error());
  auto doc = ParseXml(*xml, "xl/styles.xml", path);
  if (!doc) return Fail(doc.error());
  return DateStyles(*doc);
}

// Converts the <sheetData> rows into the table; the shared strings are moved into the
// table's storage first so cells can be views of them.
class SheetLoader {
 public:
  SheetLoader(CellTable& table, std::size_t shared_base, const std::vector<bool>& date_styles,
              bool date1904, const std::filesystem::path& path)
      : table_(table),
        shared_base_(shared_base),
        date_styles_(date_styles),
        date1904_(date1904),
        path_(path) {}

  Result<void> Load(pugi::xml_node sheet_data) {
    std::int64_t last_row = 0;
    for (pugi::xml_node row : sheet_data.children("row")) {
      std::int64_t number = row.attribute("r").as_llong(last_row + 1);
      CellTable::Row out{number, table_.cells.size(), 0};
      std::size_t next_column = 0;
      for (pugi::xml_node c : row.children("c")) {
        std::size_t column = next_column;
        std::int64_t ref_row = number;
        const char* ref = c.attribute("r").value();
        if (*ref != '\0' && !ParseCellRef(ref, column, ref_row)) {
          return Fail(XlsxError(
              path_, "the workbook is damaged: bad cell reference '" + std::string(ref) + "'"));
        }
        if (column < next_column) continue;  // out of order: ignore rather than overwrite
        table_.cells.resize(out.first + column + 1);
        table_.cells[out.first + column] = CellValue(c);
        next_column = column + 1;
      }
      out.count = table_.cells.size() - out.first;
      table_.rows.push_back(out);
      last_row = number;
    }
    return {};
  }

 private:
  std::string_view CellValue(pugi::xml_node c) {
    std::string_view type = c.attribute("t").value();
    if (type == "inlineStr") return table_.Own(StringItemText(c.child("is")));
    std::string_view v = c.child("v").text().get();
    if (type == "s") {
      std::size_t index = static_cast<std::size_t>(c.child("v").text().as_ullong());
      std::size_t at = shared_base_ + index;
      return at < table_.owned.size() ? std::string_view(table_.owned[at]) : std::string_view{};
    }
    if (type == "b") return v == "1" ? "TRUE" : "FALSE";
    if (type == "str" || type == "e") return table_.Own(std::string(v));
    // An ISO 8601 date cell (rare; strict OOXML writers): keep the date part.
    if (type == "d") return table_.Own(std::string(v.substr(0, v.find('T'))));
    if (v.empty()) return {};
    std::size_t style = c.attribute("s").as_uint();
    if (style < date_styles_.size() && date_styles_[style]) {
      std::string iso = ExcelSerialToIso(c.child("v").text().as_double(), date1904_);
      if (!iso.empty()) return table_.Own(std::move(iso));
    }
    return table_.Own(NumberText(v));
  }

  CellTable& table_;
  std::size_t shared_base_;
  const std::vector<bool>& date_styles_;
  bool date1904_;
  const std::filesystem::path& path_;
};

}  // namespace

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

Result<CellTable> ReadXlsxSheet(const std::filesystem::path& path, std::string_view sheet) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Fail(ErrorCode::kNotFound, "no such list file", Location{path.string(), 0, 0, {}});
  }
  ZipPtr zip(unzOpen64(path.string().c_str()));
  if (!zip) return Fail(XlsxError(path, "not an XLSX workbook (cannot open it as a zip file)"));
  auto* z = static_cast<unzFile>(zip.get());

  auto workbook = FindSheet(z, sheet, path);
  if (!workbook) return Fail(workbook.error());
  auto shared = SharedStrings(z, path);
  if (!shared) return Fail(shared.error());
  auto date_styles = LoadDateStyles(z, path);
  if (!date_styles) return Fail(date_styles.error());
  auto sheet_xml = ReadPart(z, workbook->sheet_part, path);
  if (!sheet_xml) return Fail(sheet_xml.error());
  auto doc = ParseXml(*sheet_xml, workbook->sheet_part, path);
  if (!doc) return Fail(doc.error());

  CellTable table;
  for (std::string& s : *shared) table.owned.push_back(std::move(s));
  SheetLoader loader(table, 0, *date_styles, workbook->date1904, path);
  if (auto ok = loader.Load(doc->child("worksheet").child("sheetData")); !ok) {
    return Fail(ok.error());
  }
  return table;
}

}  // namespace parley
