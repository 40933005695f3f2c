#include "cli/record_ref.h"

#include <charconv>

namespace parley::cli {

Result<std::int64_t> ResolveRecordRef(store::Workspace& ws, const std::string& text) {
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec == std::errc() && ptr == text.data() + text.size()) return id;
  std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return Fail(ErrorCode::kInvalidInput,
                "'" + text +
                    "' is not a record ID; give the number `parley show` prints, or "
                    "LIST:ID with the list's own id");
  }
  return ws.FindRecord(text.substr(0, colon), text.substr(colon + 1));
}

}  // namespace parley::cli
