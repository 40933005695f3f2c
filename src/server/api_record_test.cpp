// The record and proofs through Api::Handle: a bundle verified without being imported (what it
// proves, a tampered byte named, the store unchanged either way), the log of one list, plan or
// agreement, the checkpoint taken apart, and what changed between two versions of a list.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "server/api.h"
#include "server/test_api.h"
#include "server/test_workspace.h"
#include "store/event_log.h"
#include "store/record_sharing.h"

namespace parley::server {
namespace {

using nlohmann::json;

// Another party's node (its own key name: a bundle naming a key "node" that is not this node's
// is refused as an impersonation), with one list it submits versions of.
struct OtherNode {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("parley-other-" + std::to_string(::getpid()));
  std::optional<store::Workspace> ws;
  OtherNode() {
    std::filesystem::remove_all(dir);
    ws.emplace(*store::Workspace::Create(dir, {.node_name = "ru-node"}));
  }
  ~OtherNode() {
    ws.reset();
    std::filesystem::remove_all(dir);
  }
  void Import(std::vector<PersonRecord> records) {
    store::ImportRequest req;
    req.list_name = "ru-request";
    req.kind = ListKind::kRequest;
    req.side = "ru";
    req.source_file = "ru-request.csv";
    req.source_format = "csv";
    req.encoding = "utf-8";
    req.name_order = "split columns";
    req.actor = "ru-clerk";
    req.records = std::move(records);
    ASSERT_TRUE(ws->ImportList(req).has_value());
  }
};

class ApiRecordTest : public ApiFixture<testing::TestWorkspace> {
 protected:
  void SetUp() override {
    AddUsers({{"ua-admin", Role::kAdmin, "ua"},
              {"ua-clerk", Role::kClerk, "ua"},
              {"ru-analyst", Role::kAnalyst, "ru"},
              {"ru-signer", Role::kSigner, "ru"},
              {"med-observer", Role::kObserver, "mediator"}});
    StartApi();
  }
  ApiResponse Upload(const std::string& path, const std::string& user, std::string bytes) {
    ApiRequest req;
    req.method = "POST";
    req.path = path;
    req.body = std::move(bytes);
    req.remote_addr = "127.0.0.1";
    req.headers["content-type"] = "application/octet-stream";
    req.headers["authorization"] = "Bearer " + tokens_.at(user);
    return api_->Handle(req);
  }
  // What a verification must leave as it was: every log's size and checkpoint.
  json LedgerState() {
    json head = Body(Call("GET", "/api/v1/ledger", "ua-admin"));
    return {head["size"], head["checkpoint"], head["replicas"]};
  }
  std::string OwnBundle() {
    ApiResponse r = Call("POST", "/api/v1/bundles/export", "ua-admin", R"({"for":"ru"})");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body;
  }
};

TEST_F(ApiRecordTest, AGoodBundleIsShownWithWhatItProvesAndNothingIsImported) {
  const std::string bytes = OwnBundle();
  const json before = LedgerState();
  EXPECT_EQ(Upload("/api/v1/bundles/verify", "ua-clerk", bytes).status, 403);
  ApiResponse r = Upload("/api/v1/bundles/verify", "ru-signer", bytes);
  ASSERT_EQ(r.status, 200) << r.body;
  json report = Body(r);
  EXPECT_EQ(report["ok"], true) << report.dump();
  EXPECT_EQ(report["intact"], true);
  EXPECT_EQ(report["own_log"], true);
  EXPECT_EQ(report["trusted"], true);  // this node's own key signed it
  EXPECT_EQ(report["since"], 0);
  EXPECT_EQ(report["size"], 2);
  EXPECT_EQ(report["entry_count"], 2);
  EXPECT_EQ(report["bytes"], bytes.size());
  EXPECT_EQ(report["checkpoint"]["size"], 2);
  ASSERT_EQ(report["checkpoint"]["signers"].size(), 1u);
  EXPECT_EQ(report["checkpoint"]["signers"][0]["name"], "node");
  EXPECT_EQ(report["checkpoint"]["signers"][0]["trusted"], true);
  EXPECT_EQ(report["fit"]["ok"], true);
  EXPECT_EQ(report["fit"]["already_held"], 2);
  EXPECT_EQ(report["fit"]["adds"], 0);
  ASSERT_EQ(report["summary"].size(), 2u);
  EXPECT_EQ(report["summary"][0]["type"], "list.version_submitted");
  EXPECT_EQ(report["summary"][0]["subject"], "ua-request");
  EXPECT_EQ(report["summary"][0]["count"], 1);
  EXPECT_EQ(report["summary"][1]["subject"], "ru-custody");
  ASSERT_EQ(report["entries"].size(), 2u);
  EXPECT_EQ(report["entries"][1]["seq"], 1);
  EXPECT_EQ(report["entries_truncated"], false);
  EXPECT_EQ(LedgerState(), before);
}

TEST_F(ApiRecordTest, ATamperedByteIsRefusedWithTheEntryNamedAndNothingChanges) {
  std::string tampered = OwnBundle();
  const std::size_t at = tampered.rfind("ru-custody");
  ASSERT_NE(at, std::string::npos);
  tampered[at] = 'R';
  const json before = LedgerState();
  ApiResponse r = Upload("/api/v1/bundles/verify", "ua-admin", tampered);
  ASSERT_EQ(r.status, 200) << r.body;
  json report = Body(r);
  EXPECT_EQ(report["ok"], false);
  EXPECT_EQ(report["intact"], false);
  EXPECT_EQ(report["error"]["entry"], 1) << report.dump();
  EXPECT_EQ(report["error"]["field"], "file");
  EXPECT_NE(report["error"]["message"].get<std::string>().find("entry seq 1"), std::string::npos);
  // What the file says it is, though it proves nothing.
  EXPECT_EQ(report["claimed"]["size"], 2);
  EXPECT_FALSE(report.contains("summary"));
  EXPECT_EQ(LedgerState(), before);
  // Not a bundle at all: named as such.
  json junk = Body(Upload("/api/v1/bundles/verify", "ua-admin", "id,surname\n1,X\n"));
  EXPECT_EQ(junk["intact"], false);
  EXPECT_NE(junk["error"]["message"].get<std::string>().find("not a parley bundle"),
            std::string::npos)
      << junk.dump();
  EXPECT_FALSE(junk.contains("claimed"));
  EXPECT_EQ(Call("POST", "/api/v1/bundles/verify", "ua-admin", "{}").status, 400);
}

TEST_F(ApiRecordTest, AnotherPartysBundleIsCheckedForTrustAndAgainstTheReplica) {
  OtherNode other;
  other.Import({});
  auto* other_log = *other.ws->Events();
  auto first = other_log->ExportBundle(std::nullopt);
  ASSERT_TRUE(first.has_value());
  auto note = other_log->Log().LatestCheckpoint();
  ASSERT_TRUE(note.has_value() && note->has_value());
  // Not trusted yet: intact and consistent, but not proven to be the other party's.
  json untrusted = Body(Upload("/api/v1/bundles/verify", "ua-admin", *first));
  ASSERT_EQ(untrusted["intact"], true) << untrusted.dump();
  EXPECT_EQ(untrusted["trusted"], false);
  EXPECT_EQ(untrusted["ok"], false);
  EXPECT_EQ(untrusted["own_log"], false);
  EXPECT_EQ(untrusted["replica_held"], false);
  EXPECT_EQ(untrusted["fit"]["adds"], 1);
  EXPECT_EQ(untrusted["checkpoint"]["signers"][0]["trusted"], false);
  ASSERT_TRUE(store::AddTrustedKey(tw_.dir(), other_log->NodeKey().Public()).has_value());
  EXPECT_EQ(Body(Upload("/api/v1/bundles/verify", "ua-admin", *first))["ok"], true);
  EXPECT_TRUE(Body(Call("GET", "/api/v1/ledger", "ua-admin"))["replicas"].empty());

  // A later stretch of that log, while this node holds none of it: a gap, named.
  PersonRecord p;
  p.id = "Q1";
  p.surname = "Петров";
  other.Import({p});
  other_log = *other.ws->Events();
  auto later = other_log->ExportBundle(**note);
  ASSERT_TRUE(later.has_value()) << later.error().Describe();
  json gap = Body(Upload("/api/v1/bundles/verify", "ua-admin", *later));
  EXPECT_EQ(gap["intact"], true);
  EXPECT_EQ(gap["fit"]["ok"], false);
  EXPECT_EQ(gap["ok"], false);
  EXPECT_NE(gap["fit"]["error"]["message"].get<std::string>().find("import the earlier bundle"),
            std::string::npos)
      << gap.dump();
  // Once the first is imported, the later one extends the replica.
  ASSERT_EQ(Upload("/api/v1/bundles/import", "ua-admin", *first).status, 200);
  json extends = Body(Upload("/api/v1/bundles/verify", "ua-admin", *later));
  EXPECT_EQ(extends["ok"], true) << extends.dump();
  EXPECT_EQ(extends["replica_held"], true);
  EXPECT_EQ(extends["fit"]["held"], 1);
  EXPECT_EQ(extends["fit"]["adds"], 1);
  json replicas = Body(Call("GET", "/api/v1/ledger", "ua-admin"))["replicas"];
  ASSERT_EQ(replicas.size(), 1u);
  EXPECT_EQ(replicas[0]["size"], 1);
  EXPECT_EQ(replicas[0]["checkpoint_detail"]["signers"][0]["verified"], true);
}

// Issue 15 item 4: what another party disclosed arrives as a read-only list of this node, and
// the lists the API returns say where it came from.
TEST_F(ApiRecordTest, ADisclosedListArrivesAsAListWithItsProvenance) {
  OtherNode other;
  PersonRecord p;
  p.id = "R1";
  p.surname = "Петров";
  p.notes = "private";
  other.Import({p});
  const store::DisclosureRequest request{"mediator", "mediator",
                                         [](std::string_view f) { return f != "notes"; }};
  auto bundle = store::ExportBundleFor(*other.ws, std::nullopt, request, nullptr);
  ASSERT_TRUE(bundle.has_value()) << bundle.error().Describe();
  ASSERT_TRUE(
      store::AddTrustedKey(tw_.dir(), (*other.ws->Events())->NodeKey().Public()).has_value());
  ApiResponse imported = Upload("/api/v1/bundles/import", "ua-admin", *bundle);
  ASSERT_EQ(imported.status, 200) << imported.body;
  json received = Body(imported)["received_lists"];
  ASSERT_EQ(received.size(), 1u) << received.dump();
  EXPECT_EQ(received[0]["list"], "ru-node.ru-request");
  EXPECT_EQ(received[0]["version"], 1);

  json lists = Body(Call("GET", "/api/v1/lists", "med-observer"))["lists"];
  json found;
  for (const json& l : lists) {
    if (l["list"] == "ru-node.ru-request") found = l;
    if (l["list"] == "ua-request") {
      EXPECT_TRUE(l["received"].is_null()) << l.dump();
    }
  }
  ASSERT_TRUE(found.is_object()) << lists.dump();
  EXPECT_EQ(found["kind"], "request");
  EXPECT_EQ(found["side"], "ru");
  EXPECT_EQ(found["received"]["sender_node"], "ru-node");
  EXPECT_EQ(found["received"]["sender_list"], "ru-request");
  EXPECT_EQ(found["received"]["withheld"], json::array({"notes"}));
  EXPECT_EQ(found["received"]["bundle_sha256"].get<std::string>().size(), 64u);
}

TEST_F(ApiRecordTest, TheCheckpointIsTakenApart) {
  json head = Body(Call("GET", "/api/v1/ledger", "med-observer"));
  const json& detail = head["checkpoint_detail"];
  EXPECT_EQ(detail["size"], 2);
  EXPECT_EQ(detail["root"], head["root"]);
  ASSERT_EQ(detail["signers"].size(), 1u);
  EXPECT_EQ(detail["signers"][0]["name"], "node");
  EXPECT_EQ(detail["signers"][0]["verified"], true);
  EXPECT_TRUE(detail["time"].is_string());
}

TEST_F(ApiRecordTest, TheLogOfOneListPlanOrAgreement) {
  PersonRecord p;
  p.id = "UA-9";
  p.surname = "Ткач";
  tw_.Import("ua-request", ListKind::kRequest, "ua", {p});
  json all = Body(Call("GET", "/api/v1/ledger/entries?subject=list:ua-request", "med-observer"));
  EXPECT_EQ(all["matching"], 2);
  ASSERT_EQ(all["entries"].size(), 2u);
  EXPECT_EQ(all["entries"][0]["seq"], 0);
  EXPECT_EQ(all["entries"][1]["seq"], 2);
  EXPECT_EQ(all["entries"][1]["body"]["version"], 2);
  EXPECT_TRUE(all["next"].is_null());
  json first =
      Body(Call("GET", "/api/v1/ledger/entries?subject=list:ua-request&limit=1", "ua-clerk"));
  ASSERT_EQ(first["entries"].size(), 1u);
  EXPECT_EQ(first["next"], 2);
  json rest =
      Body(Call("GET", "/api/v1/ledger/entries?subject=list:ua-request&from=2", "ua-clerk"));
  ASSERT_EQ(rest["entries"].size(), 1u);
  EXPECT_EQ(rest["entries"][0]["seq"], 2);
  auto field = [&](const std::string& query) {
    ApiResponse r = Call("GET", "/api/v1/ledger/entries?" + query, "ua-clerk");
    return std::to_string(r.status) + " " + Body(r)["error"].value("field", "");
  };
  EXPECT_EQ(field("subject=list:nope"), "404 subject");
  EXPECT_EQ(field("subject=agreement:nope"), "404 subject");
  EXPECT_EQ(field("subject=plan:7"), "404 subject");
  EXPECT_EQ(field("subject=plan:x"), "400 subject");
  EXPECT_EQ(field("subject=record:1"), "400 subject");
  EXPECT_EQ(field("subject=person:1"), "400 subject");
  EXPECT_EQ(field("subject=list"), "400 subject");
  EXPECT_EQ(field("subject=list:ua-request&origin=x"), "400 subject");
}

TEST_F(ApiRecordTest, ChangesBetweenTwoVersionsOfAListAsTheRecordsEndpointAllows) {
  PersonRecord one;  // UA-1 with a birth place now; UA-2 gone; UA-3 new
  one.id = "UA-1";
  one.surname = "Шевченко";
  one.given_name = "Дмитро";
  one.birth_date = PartialDate{1990, 5, 0};
  one.birth_place = "Суми";
  PersonRecord three;
  three.id = "UA-3";
  three.surname = "Бондар";
  tw_.Import("ua-request", ListKind::kRequest, "ua", {one, three});
  ApiResponse r = Call("GET", "/api/v1/lists/ua-request/versions/latest/changes", "ua-clerk");
  ASSERT_EQ(r.status, 200) << r.body;
  json page = Body(r);
  EXPECT_EQ(page["since"]["version"], 1);
  EXPECT_EQ(page["version"]["version"], 2);
  EXPECT_EQ(page["counts"], json({{"added", 1}, {"removed", 1}, {"changed", 1}, {"kept", 0}}));
  EXPECT_EQ(page["total"], 3);
  ASSERT_EQ(page["changes"].size(), 3u);
  EXPECT_EQ(page["changes"][0]["kind"], "added");
  EXPECT_EQ(page["changes"][0]["key"], "UA-3");
  EXPECT_TRUE(page["changes"][0]["before"].is_null());
  EXPECT_EQ(page["changes"][1]["kind"], "removed");
  EXPECT_EQ(page["changes"][1]["before"]["surname"], "Шевченко");
  const json& changed = page["changes"][2];
  EXPECT_EQ(changed["key"], "UA-1");
  EXPECT_EQ(changed["fields"],
            json::parse(R"([{"field":"birth_place","before":"","after":"Суми"}])"));
  json added = Body(
      Call("GET", "/api/v1/lists/ua-request/versions/2/changes?since=1&kind=added", "ua-clerk"));
  EXPECT_EQ(added["total"], 1);
  EXPECT_EQ(added["changes"].size(), 1u);
  // Read as the records are: the other side may not, the mediator may; each record shown is
  // in the access log.
  EXPECT_EQ(Call("GET", "/api/v1/lists/ua-request/versions/2/changes", "ru-analyst").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/lists/ua-request/versions/2/changes", "med-observer").status, 200);
  std::string rec = "/api/v1/records/" + std::to_string(tw_.Record("ua-request", "UA-3"));
  json log = Body(Call("GET", rec + "/access-log", "ua-admin"))["entries"];
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log[0]["action"], "list-changes");
  auto field = [&](const std::string& path) {
    ApiResponse e = Call("GET", "/api/v1/lists/ua-request/versions/" + path, "ua-clerk");
    return std::to_string(e.status) + " " + Body(e)["error"].value("field", "");
  };
  EXPECT_EQ(field("1/changes"), "400 since");
  EXPECT_EQ(field("2/changes?since=9"), "404 since");
  EXPECT_EQ(field("9/changes?since=1").substr(0, 3), "404");
  EXPECT_EQ(field("2/changes?kind=edited"), "400 kind");
}

}  // namespace
}  // namespace parley::server
