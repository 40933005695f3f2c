// parley/store/record_json.h — the JSON shapes of stored person records and list versions.
// One definition for the CLI's `--json` output and the HTTP API, so a script can switch
// between them. These shapes are a contract: add fields, never rename or remove one.
#pragma once

#include <nlohmann/json.hpp>

#include "store/workspace.h"

namespace parley::store {

[[nodiscard]] nlohmann::json RecordToJson(const PersonRecord& record);
[[nodiscard]] nlohmann::json StoredRecordToJson(const StoredRecord& stored);
// With "received": the provenance of a version made from another party's disclosure
// (store/received_lists.h), or null.
[[nodiscard]] nlohmann::json VersionToJson(const ListVersionInfo& version);
[[nodiscard]] nlohmann::json ReceivedFromToJson(const ReceivedFrom& from);

}  // namespace parley::store
