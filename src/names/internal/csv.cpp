#include "names/internal/csv.h"

namespace parley::names::internal {

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view file_name) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  std::int64_t line = 1;
  record.line = 1;
  bool in_quotes = false;
  bool field_was_quoted = false;
  bool record_has_content = false;

  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    field_was_quoted = false;
  };
  auto end_record = [&] {
    end_field();
    // A blank line is not a record of one empty field.
    if (record_has_content) records.push_back(std::move(record));
    record = CsvRecord{};
    record.line = line;
    record_has_content = false;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    switch (c) {
      case '"':
        if (!field.empty() || field_was_quoted) {
          return Fail(ErrorCode::kInvalidInput,
                      "a double quote inside an unquoted field; quote the whole field and "
                      "double the quote",
                      Location{std::string(file_name), record.line, 0, ""});
        }
        in_quotes = true;
        field_was_quoted = true;
        record_has_content = true;
        break;
      case ',':
        record_has_content = true;
        end_field();
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: the LF ends it
        ++line;
        end_record();
        break;
      case '\n':
        ++line;
        end_record();
        break;
      default:
        if (field_was_quoted) {
          return Fail(ErrorCode::kInvalidInput, "text after the closing quote of a field",
                      Location{std::string(file_name), record.line, 0, ""});
        }
        field.push_back(c);
        record_has_content = true;
        break;
    }
  }
  if (in_quotes) {
    return Fail(ErrorCode::kInvalidInput, "a quoted field is never closed",
                Location{std::string(file_name), record.line, 0, ""});
  }
  if (record_has_content || !field.empty()) end_record();
  return records;
}

void AppendCsvRecord(const std::vector<std::string>& fields, std::string& out) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out.append(f);
      continue;
    }
    out.push_back('"');
    for (char c : f) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  out.append("\r\n");
}

}  // namespace parley::names::internal
