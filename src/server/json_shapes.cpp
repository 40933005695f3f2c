#include "server/json_shapes.h"

namespace parley::server {

nlohmann::json RecordJson(const store::StoredRecord& s) {
  nlohmann::json out = nlohmann::json::object();
  for (std::string_view column : kCanonicalColumns) {
    out[std::string(column)] = CanonicalField(s.record, column);
  }
  nlohmann::json extra = nlohmann::json::object();
  for (const auto& f : s.record.extra) extra[f.column] = f.value;
  out["extra"] = std::move(extra);
  out["source_row"] = s.record.source_row;
  out["record_id"] = s.record_id;
  out["record_version"] = s.record_version;
  out["list"] = s.list;
  out["created_in_list_version"] = s.created_in_list_version;
  return out;
}

nlohmann::json VersionJson(const store::ListVersionInfo& v) {
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

nlohmann::json UserJson(const User& u) {
  return {{"name", u.name},
          {"role", RoleName(u.role)},
          {"side", u.side},
          {"disabled", u.disabled},
          {"version", u.version},
          {"created_at", u.created_at},
          {"updated_at", u.updated_at}};
}

nlohmann::json InterviewJson(const Interview& i) {
  return {{"record_id", i.record_id},     {"version", i.version}, {"outcome", i.outcome},
          {"interviewer", i.interviewer}, {"at", i.at},           {"notes", i.notes},
          {"recorded_at", i.recorded_at}};
}

nlohmann::json HandoverJson(const HandoverEvent& e) {
  return {{"record_id", e.record_id}, {"seq", e.seq},
          {"event", e.event},         {"phase", e.phase},
          {"place", e.place},         {"at", e.at},
          {"actor", e.actor},         {"recorded_at", e.recorded_at}};
}

nlohmann::json ShareJson(const Share& s) {
  return {{"list", s.list},
          {"side", s.side},
          {"active", s.active},
          {"version", s.version},
          {"updated_by", s.updated_by},
          {"updated_at", s.updated_at}};
}

}  // namespace parley::server
