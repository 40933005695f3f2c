// parley/cli/record_json.h — JSON shapes of workspace objects for `--json` output.
// These shapes are a contract for scripts: add fields, never rename or remove one.
#pragma once

#include <nlohmann/json.hpp>

#include "store/workspace.h"

namespace parley::cli {

[[nodiscard]] nlohmann::json RecordToJson(const PersonRecord& record);
[[nodiscard]] nlohmann::json StoredRecordToJson(const store::StoredRecord& stored);
[[nodiscard]] nlohmann::json VersionToJson(const store::ListVersionInfo& version);

}  // namespace parley::cli
