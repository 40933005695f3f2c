#include "store/record_json.h"

namespace parley::store {

nlohmann::json RecordToJson(const PersonRecord& r) {
  nlohmann::json out = nlohmann::json::object();
  for (std::string_view column : kCanonicalColumns) {
    out[std::string(column)] = CanonicalField(r, column);
  }
  nlohmann::json extra = nlohmann::json::object();
  for (const auto& f : r.extra) extra[f.column] = f.value;
  out["extra"] = std::move(extra);
  out["source_row"] = r.source_row;
  return out;
}

nlohmann::json StoredRecordToJson(const StoredRecord& s) {
  nlohmann::json out = RecordToJson(s.record);
  out["record_id"] = s.record_id;
  out["record_version"] = s.record_version;
  out["list"] = s.list;
  out["created_in_list_version"] = s.created_in_list_version;
  return out;
}

namespace {

nlohmann::json VersionFieldsToJson(const ListVersionInfo& v) {
  return {{"list", v.list},
          {"kind", v.kind},
          {"side", v.side},
          {"version", v.version},
          {"state", v.state},
          {"record_count", v.record_count},
          {"content_sha256", v.content_sha256},
          {"source_file", v.source_file},
          {"source_format", v.source_format},
          {"source_encoding", v.source_encoding},
          {"name_order", v.name_order},
          {"imported_by", v.imported_by},
          {"created_at", v.created_at}};
}

}  // namespace

nlohmann::json ReceivedFromToJson(const ReceivedFrom& r) {
  return {{"origin", r.origin},
          {"sender_node", r.sender_node},
          {"sender_list", r.sender_list},
          {"sender_version", r.sender_version},
          {"sender_seq", r.sender_seq},
          {"bundle_sha256", r.bundle_sha256},
          {"checkpoint_size", r.checkpoint_size},
          {"checkpoint_root", r.checkpoint_root},
          {"withheld", r.withheld},
          {"seq", r.seq}};
}

nlohmann::json VersionToJson(const ListVersionInfo& v) {
  nlohmann::json out = VersionFieldsToJson(v);
  // null for this node's own lists: a reader tells a received, read-only list by it alone.
  out["received"] = v.received ? ReceivedFromToJson(*v.received) : nlohmann::json(nullptr);
  return out;
}

}  // namespace parley::store
