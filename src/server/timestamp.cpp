#include "server/timestamp.h"

namespace parley::server {

Result<void> CheckTimestamp(std::string_view t, std::string_view field) {
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  bool ok = t.size() == kShape.size();
  for (std::size_t i = 0; ok && i < t.size(); ++i) {
    ok = kShape[i] == 'd' ? (t[i] >= '0' && t[i] <= '9') : t[i] == kShape[i];
  }
  if (!ok) {
    return Fail(ErrorCode::kInvalidInput,
                "'" + std::string(t) + "' is not a UTC time like 2026-05-23T14:05:00Z",
                {"", 0, 0, std::string(field)});
  }
  return {};
}

}  // namespace parley::server
