#include "ledger/disclosure.h"

#include <algorithm>
#include <initializer_list>
#include <nlohmann/json.hpp>

#include "ledger/canonical_json.h"
#include "ledger/event.h"
#include "ledger/merkle_tree.h"
#include "ledger/proofs.h"

namespace parley::ledger {
namespace {

using json = nlohmann::json;

std::unexpected<Error> Bad(const std::string& message) {
  return Fail(ErrorCode::kCorruption, "disclosure: " + message);
}

// The object must have exactly these keys (every byte of a disclosure must mean something).
bool HasExactly(const json& object, std::initializer_list<const char*> keys) {
  if (!object.is_object() || object.size() != keys.size()) return false;
  for (const char* k : keys) {
    if (!object.contains(k)) return false;
  }
  return true;
}

Result<Hash> HashFromBase64(const json& value, const std::string& what) {
  if (!value.is_string()) return Bad(what + " is not base64 text");
  auto bytes = DecodeBase64(value.get<std::string>());
  if (!bytes || bytes->size() != 32) return Bad(what + " is not a base64 32-byte hash");
  Hash h{};
  std::copy(bytes->begin(), bytes->end(), reinterpret_cast<char*>(h.data()));
  return h;
}

std::string B64(const Hash& h) { return EncodeBase64(AsChars(h)); }

std::string RecordWhere(const DisclosedList& list, const std::string& id) {
  return "list " + list.list + " version " + std::to_string(list.version) + ", record " + id;
}

json FieldJson(const DisclosedField& f) {
  json out = {{"c", B64(f.commitment)}};
  if (f.shown) {
    out["s"] = B64(f.salt);
    out["v"] = f.value;
  }
  return out;
}

Result<DisclosedField> FieldFromJson(const std::string& name, const json& value,
                                     const std::string& where) {
  DisclosedField f;
  f.field = name;
  const bool shown = HasExactly(value, {"c", "s", "v"});
  if (!shown && !HasExactly(value, {"c"})) {
    return Bad(where + ", field " + name + ": expected {\"c\"} or {\"c\",\"s\",\"v\"}");
  }
  auto c = HashFromBase64(value["c"], where + ", field " + name + ": commitment");
  if (!c) return std::unexpected(c.error());
  f.commitment = *c;
  if (shown) {
    auto s = HashFromBase64(value["s"], where + ", field " + name + ": salt");
    if (!s) return std::unexpected(s.error());
    if (!value["v"].is_string()) return Bad(where + ", field " + name + ": value is not text");
    f.shown = true;
    f.salt = *s;
    f.value = value["v"].get<std::string>();
  }
  return f;
}

Result<DisclosedRecord> RecordFromJson(const json& value, const DisclosedList& list) {
  if (!HasExactly(value, {"fields", "id", "v"}) || !value["id"].is_string() ||
      !value["v"].is_number_integer() || !value["fields"].is_object()) {
    return Bad("list " + list.list + ": a record is not {\"fields\",\"id\",\"v\"}");
  }
  DisclosedRecord r;
  r.id = value["id"].get<std::string>();
  r.version = value["v"].get<std::int64_t>();
  const std::string where = RecordWhere(list, r.id);
  for (const auto& [name, field] : value["fields"].items()) {
    auto f = FieldFromJson(name, field, where);
    if (!f) return std::unexpected(f.error());
    r.fields.push_back(std::move(*f));
  }
  return r;
}

Result<DisclosedList> ListFromJson(const json& value) {
  if (!HasExactly(value, {"list", "records", "seq", "version"}) || !value["list"].is_string() ||
      !value["seq"].is_number_unsigned() || !value["version"].is_number_integer() ||
      !value["records"].is_array()) {
    return Bad("a list is not {\"list\",\"records\",\"seq\",\"version\"}");
  }
  DisclosedList l;
  l.list = value["list"].get<std::string>();
  l.seq = value["seq"].get<std::uint64_t>();
  l.version = value["version"].get<std::int64_t>();
  for (const json& record : value["records"]) {
    auto r = RecordFromJson(record, l);
    if (!r) return std::unexpected(r.error());
    l.records.push_back(std::move(*r));
  }
  return l;
}

Result<Disclosure> DisclosureFromJson(const json& doc) {
  if (!HasExactly(doc, {"for", "lists", "role", "signer"}) || !doc["for"].is_string() ||
      !doc["role"].is_string() || !doc["signer"].is_string() || !doc["lists"].is_array()) {
    return Bad("not {\"for\",\"lists\",\"role\",\"signer\"}");
  }
  Disclosure d;
  d.recipient = doc["for"].get<std::string>();
  d.role = doc["role"].get<std::string>();
  d.signer = doc["signer"].get<std::string>();
  for (const json& list : doc["lists"]) {
    auto l = ListFromJson(list);
    if (!l) return std::unexpected(l.error());
    d.lists.push_back(std::move(*l));
  }
  return d;
}

std::vector<FieldCommitment> Commitments(const DisclosedRecord& r) {
  std::vector<FieldCommitment> out;
  out.reserve(r.fields.size());
  for (const DisclosedField& f : r.fields) out.push_back({f.field, f.commitment});
  return out;
}

Result<void> CheckList(const DisclosedList& list, std::span<const std::string> entries,
                       std::uint64_t since) {
  const std::string where = "list " + list.list + " version " + std::to_string(list.version);
  if (list.seq < since || list.seq - since >= entries.size()) {
    return Bad(where + ": entry seq " + std::to_string(list.seq) + " is not in this bundle");
  }
  auto event = ReadListEvent(entries[list.seq - since], list.seq);
  if (!event) return Bad(where + ": " + event.error().message);
  if (event->list != list.list || event->version != list.version) {
    return Bad(where + ": entry seq " + std::to_string(list.seq) + " records list " + event->list +
               " version " + std::to_string(event->version));
  }
  if (!event->records_root) {
    return Bad(where + ": entry seq " + std::to_string(list.seq) +
               " commits to no record contents (submitted before record commitments existed)");
  }
  if (event->record_count != list.records.size()) {
    return Bad(where + ": " + std::to_string(list.records.size()) +
               " records disclosed, entry seq " + std::to_string(list.seq) + " signed " +
               std::to_string(event->record_count));
  }
  MerkleTree tree;
  tree.Reserve(list.records.size());
  for (const DisclosedRecord& r : list.records) {
    for (const DisclosedField& f : r.fields) {
      if (f.shown && CommitField(f.salt, f.field, f.value) != f.commitment) {
        return Fail(ErrorCode::kCorruption,
                    "disclosure: " + RecordWhere(list, r.id) + ", field " + f.field +
                        ": the value and salt do not match its commitment",
                    InField(f.field));
      }
    }
    tree.Append(HashLeaf(RecordLeaf({r.id, r.version, Commitments(r)})));
  }
  if (tree.Root() != *event->records_root) {
    return Bad(where +
               ": the records' commitments do not match the records root signed in entry "
               "seq " +
               std::to_string(list.seq));
  }
  return {};
}

}  // namespace

Result<std::string> EncodeDisclosure(const Disclosure& d) {
  json lists = json::array();
  for (const DisclosedList& l : d.lists) {
    json records = json::array();
    for (const DisclosedRecord& r : l.records) {
      json fields = json::object();
      for (const DisclosedField& f : r.fields) fields[f.field] = FieldJson(f);
      records.push_back({{"fields", std::move(fields)}, {"id", r.id}, {"v", r.version}});
    }
    lists.push_back({{"list", l.list},
                     {"records", std::move(records)},
                     {"seq", l.seq},
                     {"version", l.version}});
  }
  return CanonicalJson(
      {{"for", d.recipient}, {"lists", std::move(lists)}, {"role", d.role}, {"signer", d.signer}});
}

Result<Disclosure> ParseDisclosure(std::string_view text) {
  auto doc = ParseCanonicalJson(text);
  if (!doc) return Bad(doc.error().message);
  try {
    auto d = DisclosureFromJson(*doc);
    if (!d) return d;
    for (const DisclosedList& l : d->lists) {
      for (const DisclosedRecord& r : l.records) {
        if (r.fields.empty()) return Bad(RecordWhere(l, r.id) + ": no fields");
      }
    }
    return d;
  } catch (const json::exception& e) {
    return Bad(e.what());
  }
}

std::string SignDisclosure(std::string_view text, const SigningKey& key) {
  std::string message(kDisclosureSignatureContext);
  message.append(text);
  return key.Sign(message);
}

bool VerifyDisclosureSignature(std::string_view text, std::string_view signature,
                               const PublicKey& key) {
  std::string message(kDisclosureSignatureContext);
  message.append(text);
  return key.Verify(message, signature);
}

Result<ListCommitmentEvent> ReadListEvent(std::string_view leaf_data, std::uint64_t seq) {
  const std::string at = "entry seq " + std::to_string(seq);
  if (leaf_data.size() < kLeafTrailerSize) return Bad(at + " is too short");
  auto event = ParseCanonicalEvent(leaf_data.substr(0, leaf_data.size() - kLeafTrailerSize));
  if (!event) return Bad(at + ": " + event.error().message);
  if (event->type != "list.version_submitted") {
    return Bad(at + " is a " + event->type + " event, not list.version_submitted");
  }
  const json& body = event->body;
  if (!body.contains("list") || !body["list"].is_string() || !body.contains("version") ||
      !body["version"].is_number_integer() || !body.contains("record_count") ||
      !body["record_count"].is_number_unsigned()) {
    return Bad(at + ": its body lacks list, version or record_count");
  }
  ListCommitmentEvent out;
  out.list = body["list"].get<std::string>();
  out.version = body["version"].get<std::int64_t>();
  out.record_count = body["record_count"].get<std::uint64_t>();
  if (body.contains("records_root")) {
    auto root = HashFromBase64(body["records_root"], at + ": records_root");
    if (!root) return std::unexpected(root.error());
    out.records_root = *root;
  }
  return out;
}

Result<void> CheckDisclosure(const Disclosure& disclosure, std::span<const std::string> entries,
                             std::uint64_t since) {
  if (disclosure.role != "mediator" && disclosure.role != "other_party") {
    return Bad("role '" + disclosure.role + "' is neither mediator nor other_party");
  }
  std::vector<std::uint64_t> seen;
  for (const DisclosedList& list : disclosure.lists) {
    if (std::find(seen.begin(), seen.end(), list.seq) != seen.end()) {
      return Bad("entry seq " + std::to_string(list.seq) + " is disclosed twice");
    }
    seen.push_back(list.seq);
    if (auto r = CheckList(list, entries, since); !r) return r;
  }
  return {};
}

Result<std::string> EncodeFieldDisclosure(const FieldDisclosure& d) {
  json commitments = json::object();
  for (const FieldCommitment& f : d.record.fields) commitments[f.field] = B64(f.commitment);
  json proof = json::array();
  for (const Hash& h : d.proof) proof.push_back(B64(h));
  json doc = {{"format", std::string(kFieldDisclosureFormat)},
              {"origin", d.origin},
              {"seq", d.seq},
              {"list", d.list},
              {"version", d.list_version},
              {"index", d.index},
              {"count", d.count},
              {"record", {{"id", d.record.id}, {"v", d.record.version}, {"c", commitments}}},
              {"proof", proof},
              {"field", d.field},
              {"value", d.value},
              {"salt", B64(d.salt)}};
  auto text = CanonicalJson(doc);
  if (!text) return text;
  return *text + "\n";
}

Result<FieldDisclosure> ParseFieldDisclosure(std::string_view text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  auto bad = [](const std::string& m) {
    return Fail(ErrorCode::kInvalidInput, "field disclosure: " + m);
  };
  try {
    if (doc.is_discarded() ||
        !HasExactly(doc, {"format", "origin", "seq", "list", "version", "index", "count", "record",
                          "proof", "field", "value", "salt"})) {
      return bad(
          "not a parley field disclosure (expected the keys format, origin, seq, list, "
          "version, index, count, record, proof, field, value, salt)");
    }
    if (!doc["format"].is_string() || doc["format"].get<std::string>() != kFieldDisclosureFormat) {
      return bad("unknown format");
    }
    const json& rec = doc["record"];
    if (!HasExactly(rec, {"id", "v", "c"}) || !rec["c"].is_object()) {
      return bad("record is not {\"id\",\"v\",\"c\"}");
    }
    FieldDisclosure d;
    d.origin = doc["origin"].get<std::string>();
    d.seq = doc["seq"].get<std::uint64_t>();
    d.list = doc["list"].get<std::string>();
    d.list_version = doc["version"].get<std::int64_t>();
    d.index = doc["index"].get<std::uint64_t>();
    d.count = doc["count"].get<std::uint64_t>();
    d.record.id = rec["id"].get<std::string>();
    d.record.version = rec["v"].get<std::int64_t>();
    for (const auto& [name, c] : rec["c"].items()) {
      auto h = HashFromBase64(c, "commitment of " + name);
      if (!h) return bad(h.error().message);
      d.record.fields.push_back({name, *h});
    }
    if (auto r = NormaliseFields(d.record.fields); !r) return bad(r.error().message);
    for (const json& p : doc["proof"]) {
      auto h = HashFromBase64(p, "proof");
      if (!h) return bad(h.error().message);
      d.proof.push_back(*h);
    }
    d.field = doc["field"].get<std::string>();
    d.value = doc["value"].get<std::string>();
    auto salt = HashFromBase64(doc["salt"], "salt");
    if (!salt) return bad(salt.error().message);
    d.salt = *salt;
    return d;
  } catch (const json::exception& e) {
    return bad(std::string("a value has the wrong type: ") + e.what());
  }
}

Result<void> VerifyFieldDisclosure(const FieldDisclosure& d, std::string_view origin,
                                   std::span<const std::string> entries, std::uint64_t since) {
  const std::string where = "list " + d.list + " version " + std::to_string(d.list_version) +
                            ", record " + d.record.id + ", field " + d.field;
  auto fail = [&where](const std::string& m) {
    return Fail(ErrorCode::kCorruption, where + ": " + m, InField("field"));
  };
  if (d.origin != origin) {
    return fail("the disclosure is of log '" + d.origin + "', the bundle is of '" +
                std::string(origin) + "'");
  }
  if (d.seq < since || d.seq - since >= entries.size()) {
    return fail("entry seq " + std::to_string(d.seq) + " is not in the bundle");
  }
  auto event = ReadListEvent(entries[d.seq - since], d.seq);
  if (!event) return fail(event.error().message);
  if (event->list != d.list || event->version != d.list_version || !event->records_root ||
      event->record_count != d.count) {
    return fail("entry seq " + std::to_string(d.seq) +
                " does not commit to this list version's records");
  }
  auto field = std::find_if(d.record.fields.begin(), d.record.fields.end(),
                            [&](const FieldCommitment& f) { return f.field == d.field; });
  if (field == d.record.fields.end()) return fail("the record has no commitment for this field");
  if (CommitField(d.salt, d.field, d.value) != field->commitment) {
    return fail("the value and salt do not match the field's commitment");
  }
  if (auto r = VerifyInclusion(HashLeaf(RecordLeaf(d.record)), d.index, d.count, d.proof,
                               *event->records_root);
      !r) {
    return fail("the record is not in the records root signed in entry seq " +
                std::to_string(d.seq) + " (" + r.error().message + ")");
  }
  return {};
}

}  // namespace parley::ledger
