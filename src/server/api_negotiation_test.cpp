// Agreements and plans through Api::Handle: each party signs and accepts only for itself,
// plans are their two sides' (and the mediator's) business, stale approvals are 409, an
// observer changes nothing, and check names the rules an edited plan breaks.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "negotiation/test_workspace.h"
#include "server/api.h"
#include "server/auth/user_keys.h"
#include "server/auth/user_store.h"
#include "server/test_api.h"

namespace parley::server {
namespace {

using nlohmann::json;

class ApiNegotiationTest : public ApiFixture<negotiation::testing::TestWorkspace> {
 protected:
  void SetUp() override {
    AddUsers({{"ua-negotiator", Role::kNegotiator, "ua"},
              {"ua-signer", Role::kSigner, "ua"},
              {"ru-signer", Role::kSigner, "ru"},
              {"med-signer", Role::kSigner, "mediator"},
              {"ua-observer", Role::kObserver, "ua"},
              {"xx-negotiator", Role::kNegotiator, "xx"},
              {"med-interviewer", Role::kInterviewer, "mediator"},
              {"med-checkpoint", Role::kCheckpoint, "mediator"}});
    // Each party's signer holds its party's key; the mediator's signer the mediator's.
    ASSERT_TRUE(BindUserKey(tw_.ws(), "ua-signer", negotiation::testing::UaKey()));
    ASSERT_TRUE(BindUserKey(tw_.ws(), "ru-signer", negotiation::testing::RuKey()));
    ASSERT_TRUE(BindUserKey(tw_.ws(), "med-signer", negotiation::testing::MediatorKey()));
    StartApi();
  }

  // The test agreement with a_side = "ua", b_side = "ru": each side's signer acts for its party.
  static std::string Sided(std::string text = negotiation::testing::kTestAgreement) {
    const std::string parties = "b = \"Russia\"\n";
    return text.replace(text.find(parties), parties.size(),
                        parties + "a_side = \"ua\"\nb_side = \"ru\"\n");
  }

  // Bodies here are JSON documents.
  ApiResponse Call(const std::string& method, const std::string& path, const std::string& user,
                   const json& body = nullptr) {
    return ApiFixture::Call(method, path, user, body.is_null() ? "" : body.dump());
  }

  // The test agreement (parties "Ukraine" and "Russia", acting sides ua and ru), drafted and put
  // in force by each party's signer with its own key.
  void AgreementInForce() {
    json text = {{"name", "deal"}, {"text", Sided()}};
    ASSERT_EQ(Call("POST", "/api/v1/agreements", "ua-negotiator", text).status, 201);
    ASSERT_EQ(
        Call("POST", "/api/v1/agreements/deal/signatures", "ua-signer", {{"party", "a"}}).status,
        201);
    ASSERT_EQ(Call("POST", "/api/v1/agreements/deal/signatures", "ru-signer", {{"party", "Russia"}})
                  .status,
              201);
  }
  // How many events the node's log holds: a refused or check-only call must not add one.
  std::int64_t LogSize() {
    return Body(Call("GET", "/api/v1/ledger", "ua-observer")).value("size", std::int64_t{-1});
  }
  std::int64_t Propose() {
    ApiResponse r = Call("POST", "/api/v1/plans", "ua-negotiator",
                         {{"agreement", "deal"}, {"side_a", "ua"}, {"side_b", "ru"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return Body(r).value("id", 0);
  }
  // Accepted and signed by both sides: the plan in force on the handover day.
  void SignPlan(std::int64_t id) {
    const std::string plan = "/api/v1/plans/" + std::to_string(id);
    for (const char* step : {"/acceptances", "/signatures"}) {
      for (const char* signer : {"ua-signer", "ru-signer"}) {
        ASSERT_EQ(Call("POST", plan + step, signer, json::object()).status, 201) << step;
      }
    }
  }
};

TEST_F(ApiNegotiationTest, AgreementsAreDraftedReadInWordsAndSignedPerParty) {
  json text = {{"name", "deal"}, {"text", negotiation::testing::kTestAgreement}};
  EXPECT_EQ(Call("POST", "/api/v1/agreements", "ua-observer", text).status, 403);
  ApiResponse added = Call("POST", "/api/v1/agreements", "ua-negotiator", text);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(Body(added)["state"], "draft");
  EXPECT_FALSE(Body(added)["summary"].get<std::string>().empty());
  EXPECT_EQ(Call("POST", "/api/v1/agreements", "ua-negotiator", text).status, 200);  // unchanged
  ApiResponse broken =
      Call("POST", "/api/v1/agreements/validate", "ua-negotiator", {{"text", "[agreement"}});
  ASSERT_EQ(broken.status, 200);
  EXPECT_FALSE(Body(broken)["valid"].get<bool>());
  // "Ukraine" is not the workspace side "ua": ua's signer may not sign for it; the mediator's
  // signer may see both parties' business but never sign for either.
  const std::string sign = "/api/v1/agreements/deal/signatures";
  EXPECT_EQ(Call("POST", sign, "ua-signer", {{"party", "a"}}).status, 403);
  ApiResponse no_party = Call("POST", sign, "med-signer", json::object());
  EXPECT_EQ(no_party.status, 400);
  EXPECT_EQ(Body(no_party)["error"]["field"], "party");
  const std::int64_t before = LogSize();
  for (const char* party : {"a", "b"}) {
    ApiResponse mediator = Call("POST", sign, "med-signer", {{"party", party}});
    EXPECT_EQ(mediator.status, 403) << mediator.body;
    EXPECT_EQ(Body(mediator)["error"]["code"], "mediator_cannot_sign");
    EXPECT_NE(Body(mediator)["error"]["message"].get<std::string>().find(
                  "never sign or accept it for a party"),
              std::string::npos);
  }
  EXPECT_EQ(LogSize(), before);
  json listed = Body(Call("GET", "/api/v1/agreements", "ua-observer"))["agreements"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["state"], "draft");
  EXPECT_TRUE(listed[0]["signatures"].empty());
}

TEST_F(ApiNegotiationTest, APartySignatureUsesTheUsersBoundKeyAndOnlyThePinnedOneCounts) {
  // ru's signer bound party a's key: its signature for ru is refused, naming the keys.
  ASSERT_TRUE(BindUserKey(tw_.ws(), "ru-signer", negotiation::testing::UaKey()));
  ASSERT_EQ(
      Call("POST", "/api/v1/agreements", "ua-negotiator", {{"name", "sided"}, {"text", Sided()}})
          .status,
      201);
  const std::string sign = "/api/v1/agreements/sided/signatures";
  const std::int64_t before = LogSize();
  ApiResponse wrong = Call("POST", sign, "ru-signer", {{"party", "ru"}});
  EXPECT_EQ(wrong.status, 403) << wrong.body;
  EXPECT_EQ(Body(wrong)["error"]["code"], "wrong_key");
  EXPECT_NE(Body(wrong)["error"]["message"].get<std::string>().find(
                "is the key agreement 'sided' version 1 pins for party a"),
            std::string::npos)
      << wrong.body;
  // A user with no bound key: the node key would vouch, which never counts for a party.
  std::filesystem::remove(BoundKeyPath(tw_.ws().dir(), "ua-signer"));
  ApiResponse keyless = Call("POST", sign, "ua-signer", {{"party", "ua"}});
  EXPECT_EQ(keyless.status, 403) << keyless.body;
  EXPECT_NE(Body(keyless)["error"]["message"].get<std::string>().find(
                "the node key never signs for a party"),
            std::string::npos);
  EXPECT_EQ(LogSize(), before);
  // An agreement that pins no key: nobody signs it.
  ASSERT_TRUE(BindUserKey(tw_.ws(), "ua-signer", negotiation::testing::UaKey()));
  ASSERT_EQ(Call("POST", "/api/v1/agreements", "ua-negotiator",
                 {{"name", "loose"}, {"text", Sided(negotiation::testing::kUnpinnedTestAgreement)}})
                .status,
            201);
  ApiResponse unpinned =
      Call("POST", "/api/v1/agreements/loose/signatures", "ua-signer", {{"party", "ua"}});
  EXPECT_EQ(unpinned.status, 403);
  EXPECT_NE(Body(unpinned)["error"]["message"].get<std::string>().find("pins no key for party a"),
            std::string::npos);
  // The right key: accepted, and the signature names the key that made it.
  ApiResponse right = Call("POST", sign, "ua-signer", {{"party", "ua"}});
  ASSERT_EQ(right.status, 201) << right.body;
  EXPECT_EQ(Body(right)["signatures"][0]["signer"], "signer-ua");
}

TEST_F(ApiNegotiationTest, WithActingSidesEachPartysOwnSignerSignsForIt) {
  // [parties] a_side / b_side say which workspace side acts for "Ukraine" and "Russia".
  json text = {{"name", "sided"}, {"text", Sided()}};
  ASSERT_EQ(Call("POST", "/api/v1/agreements", "ua-negotiator", text).status, 201);
  const std::string sign = "/api/v1/agreements/sided/signatures";
  EXPECT_EQ(Call("POST", sign, "ru-signer", {{"party", "Ukraine"}}).status, 403);
  EXPECT_EQ(Call("POST", sign, "ua-signer", {{"party", "b"}}).status, 403);
  EXPECT_EQ(Body(Call("POST", sign, "ua-signer", {{"party", "Ukraine"}}))["state"], "signed");
  EXPECT_EQ(Body(Call("POST", sign, "ru-signer", {{"party", "ru"}}))["state"], "in_force");
}

TEST_F(ApiNegotiationTest, PlansAreTheirSidesBusinessAndEachSideApprovesForItself) {
  AgreementInForce();
  EXPECT_EQ(Call("POST", "/api/v1/plans", "xx-negotiator",
                 {{"agreement", "deal"}, {"side_a", "ua"}, {"side_b", "ru"}})
                .status,
            403);
  const std::int64_t id = Propose();
  const std::string plan = "/api/v1/plans/" + std::to_string(id);
  json shown = Body(Call("GET", plan, "ua-observer"));
  EXPECT_EQ(shown["state"], "proposed");
  ASSERT_FALSE(shown["phases"].empty());
  EXPECT_TRUE(shown["phases"][0].contains("balance_after"));
  // A third side sees nothing of it.
  EXPECT_EQ(Call("GET", plan, "xx-negotiator").status, 403);
  EXPECT_TRUE(Body(Call("GET", "/api/v1/plans", "xx-negotiator"))["plans"].empty());
  EXPECT_EQ(Body(Call("GET", "/api/v1/plans", "ua-observer"))["plans"].size(), 1u);
  // Accepting: for one's own side only; the mediator must say which party.
  EXPECT_EQ(Call("POST", plan + "/acceptances", "ua-signer", {{"party", "b"}}).status, 403);
  EXPECT_EQ(Call("POST", plan + "/acceptances", "ua-observer", json::object()).status, 403);
  EXPECT_EQ(Call("POST", plan + "/acceptances", "med-signer", json::object()).status, 400);
  for (const char* step : {"/acceptances", "/signatures"}) {
    ApiResponse mediator = Call("POST", plan + step, "med-signer", {{"party", "a"}});
    EXPECT_EQ(mediator.status, 403) << mediator.body;
    EXPECT_EQ(Body(mediator)["error"]["code"], "mediator_cannot_sign");
  }
  const std::int64_t version = shown["version"];
  ASSERT_EQ(
      Call("POST", plan + "/acceptances", "ua-signer", {{"expected_version", version}}).status,
      201);
  ApiResponse stale =
      Call("POST", plan + "/acceptances", "ru-signer", {{"expected_version", version}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  ApiResponse accepted = Call("POST", plan + "/acceptances", "ru-signer", json::object());
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  EXPECT_EQ(Body(accepted)["state"], "accepted");
  EXPECT_EQ(Call("POST", plan + "/signatures", "ua-signer", json::object()).status, 201);
  EXPECT_EQ(Body(Call("POST", plan + "/signatures", "ru-signer", json::object()))["state"],
            "signed");
}

TEST_F(ApiNegotiationTest, CheckNamesTheBrokenRulesAndExplainSaysWhy) {
  AgreementInForce();
  const std::string plan = "/api/v1/plans/" + std::to_string(Propose());
  json people = Body(Call("GET", plan, "ua-negotiator"))["people"];
  ASSERT_FALSE(people.empty());
  json first = people[0];
  ApiResponse why = Call("GET", plan + "/explain", "ua-observer");
  EXPECT_EQ(why.status, 400);
  ApiRequest explain;
  explain.method = "GET";
  explain.path = plan + "/explain";
  explain.query.emplace("person",
                        first["side"].get<std::string>() + ":" + first["id"].get<std::string>());
  explain.headers["authorization"] = "Bearer " + tokens_.at("ua-observer");
  ApiResponse explained = api_->Handle(explain);
  ASSERT_EQ(explained.status, 200) << explained.body;
  EXPECT_FALSE(Body(explained)["verdict"].get<std::string>().empty());
  // Leaving every wounded man of phase 1 behind breaks the agreement.
  bool moved = false;
  for (json& p : people) {
    if (p["phase"] == 1 && p["rule"].get<std::string>().find("wounded") != std::string::npos) {
      p["phase"] = 0;
      moved = true;
    }
  }
  ASSERT_TRUE(moved) << people.dump();
  const json before = Body(Call("GET", plan, "ua-observer"));
  const std::int64_t log_size = LogSize();
  ApiResponse checked =
      Call("POST", plan + "/check", "ua-negotiator", {{"plan", {{"people", people}}}});
  ASSERT_EQ(checked.status, 200) << checked.body;
  const json check = Body(checked);
  EXPECT_FALSE(check["ok"].get<bool>());
  // Each broken rule as a code with the person it is about, and the edited plan's balance.
  bool named = false;
  for (const json& v : check["violations"]) {
    named = named || (v["rule"] == "all_for_all" && !v["id"].get<std::string>().empty());
  }
  EXPECT_TRUE(named) << checked.body;
  ASSERT_EQ(check["phases"].size(), before["phases"].size());
  EXPECT_LT(
      check["phases"][0]["a_hands_over"].get<int>() + check["phases"][0]["b_hands_over"].get<int>(),
      before["phases"][0]["a_hands_over"].get<int>() +
          before["phases"][0]["b_hands_over"].get<int>());
  // Only a negotiator of the plan's sides may counter it.
  EXPECT_EQ(
      Call("POST", plan + "/counter", "xx-negotiator", {{"plan", {{"people", people}}}}).status,
      403);
  EXPECT_EQ(Call("POST", plan + "/counter", "ua-signer", {{"plan", {{"people", people}}}}).status,
            403);
  ApiResponse refused =
      Call("POST", plan + "/counter", "ua-negotiator", {{"plan", {{"people", people}}}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(Body(refused)["error"]["message"].get<std::string>().find("[all_for_all]"),
            std::string::npos)
      << refused.body;
  // Neither the check nor the refused counter stored anything.
  EXPECT_EQ(LogSize(), log_size);
  EXPECT_EQ(Body(Call("GET", "/api/v1/plans", "ua-observer"))["plans"].size(), 1u);
  const json after = Body(Call("GET", plan, "ua-observer"));
  EXPECT_EQ(after["state"], "proposed");
  EXPECT_EQ(after["version"], before["version"]);
}

TEST_F(ApiNegotiationTest, APlansPeopleAndPhasesCarryCodesAReaderCanTranslate) {
  AgreementInForce();
  const json shown = Body(Call("GET", "/api/v1/plans/" + std::to_string(Propose()), "ua-observer"));
  bool wounded = false;
  bool soldier = false;
  for (const json& p : shown["people"]) {
    EXPECT_EQ(p["standing"], "eligible") << p.dump();
    wounded = wounded || (p["category"] == "wounded" && p["balance"] == "outside");
    soldier = soldier || (p["category"] == "soldiers" && p["balance"] == "pool");
  }
  EXPECT_TRUE(wounded && soldier) << shown["people"].dump();
  const json& pools = shown["phases"][0]["balance_after"];
  ASSERT_FALSE(pools.empty());
  EXPECT_EQ(pools[0]["max_owed"], 0);  // the test agreement's [phases] max_owed
}

TEST_F(ApiNegotiationTest, ACounterThatKeepsTheRulesSupersedesItsParent) {
  AgreementInForce();
  const std::int64_t id = Propose();
  const std::string plan = "/api/v1/plans/" + std::to_string(id);
  json shown = Body(Call("GET", plan, "ua-negotiator"));
  // One soldier of each side stays home from the same phase: the balance still holds.
  json people = shown["people"];
  json* a = nullptr;
  json* b = nullptr;
  for (json& p : people) {
    if (p["phase"] == 0 || p["rule"].get<std::string>().find("wounded") != std::string::npos) {
      continue;
    }
    if (p["side"] == "a" && a == nullptr) a = &p;
    if (p["side"] == "b" && b == nullptr && a != nullptr && p["phase"] == (*a)["phase"]) b = &p;
  }
  ASSERT_TRUE(a != nullptr && b != nullptr) << people.dump();
  (*a)["phase"] = 0;
  (*b)["phase"] = 0;
  json edited = {{"people", people}};
  const std::int64_t log_size = LogSize();
  ApiResponse checked = Call("POST", plan + "/check", "ua-negotiator", {{"plan", edited}});
  ASSERT_EQ(checked.status, 200);
  EXPECT_TRUE(Body(checked)["ok"].get<bool>()) << checked.body;
  EXPECT_EQ(LogSize(), log_size);  // a check stores nothing
  ApiResponse stale =
      Call("POST", plan + "/counter", "ua-negotiator",
           {{"plan", edited}, {"expected_version", shown["version"].get<int>() + 1}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(LogSize(), log_size);
  ApiResponse countered =
      Call("POST", plan + "/counter", "ua-negotiator",
           {{"plan", edited}, {"expected_version", shown["version"].get<int>()}});
  ASSERT_EQ(countered.status, 201) << countered.body;
  EXPECT_EQ(Body(countered)["kind"], "counter");
  EXPECT_EQ(Body(countered)["parent"], id);
  EXPECT_EQ(Body(countered)["a_hands_over"], shown["a_hands_over"].get<int>() - 1);
  EXPECT_EQ(LogSize(), log_size + 1);  // plan.countered
  EXPECT_EQ(Body(Call("GET", plan, "ua-observer"))["state"], "superseded");
  // The counter is the plan both sides now accept, each for itself.
  const std::string counter = "/api/v1/plans/" + std::to_string(Body(countered)["id"].get<int>());
  EXPECT_EQ(Call("POST", counter + "/acceptances", "ru-signer", {{"party", "a"}}).status, 403);
  EXPECT_EQ(Call("POST", counter + "/acceptances", "ru-signer", json::object()).status, 201);
  EXPECT_EQ(Body(Call("POST", counter + "/acceptances", "ua-signer", json::object()))["state"],
            "accepted");
}

TEST_F(ApiNegotiationTest, RepairReplansAfterADropOutAndSupersedesTheParent) {
  AgreementInForce();
  const std::int64_t id = Propose();
  const std::string plan = "/api/v1/plans/" + std::to_string(id);
  json people = Body(Call("GET", plan, "ua-negotiator"))["people"];
  std::string dropped;
  for (const json& p : people) {
    if (p["phase"] != 0) dropped = p["side"].get<std::string>() + ":" + p["id"].get<std::string>();
  }
  ASSERT_FALSE(dropped.empty());
  json request = {{"drop", {dropped}}, {"reason", "refused"}};
  EXPECT_EQ(Call("POST", plan + "/repair", "ua-signer", request).status, 403);
  ApiResponse bad = Call("POST", plan + "/repair", "ua-negotiator", {{"reason", "refused"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Body(bad)["error"]["field"], "drop");
  ApiResponse repaired = Call("POST", plan + "/repair", "ua-negotiator", request);
  ASSERT_EQ(repaired.status, 201) << repaired.body;
  EXPECT_EQ(Body(repaired)["kind"], "repair");
  EXPECT_EQ(Body(repaired)["parent"], id);
  EXPECT_EQ(Body(repaired)["repair"]["dropped"][0], dropped);
  EXPECT_EQ(Body(Call("GET", plan, "ua-observer"))["state"], "superseded");
}

TEST_F(ApiNegotiationTest, ProgressCountsPromisedAgainstHandedOverReceivedAndExcluded) {
  AgreementInForce();
  const std::int64_t id = Propose();
  const std::string plan = "/api/v1/plans/" + std::to_string(id);
  json people = Body(Call("GET", plan, "ua-negotiator"))["people"];
  // Nobody crosses under a plan not yet signed by both sides; then the plan is in force.
  for (const json& p : people) {
    if (p["phase"] == 0) continue;
    const std::string rec = "/api/v1/records/" + std::to_string(p["record_id"].get<std::int64_t>());
    ApiResponse early = Call("POST", rec + "/handovers", "med-checkpoint",
                             {{"expected_count", 0},
                              {"event", "handed_over"},
                              {"phase", p["phase"]},
                              {"place", "Sumy"}});
    EXPECT_EQ(early.status, 400) << early.body;
    EXPECT_EQ(Body(early)["error"]["field"], "record");
    break;
  }
  SignPlan(id);
  // Who the plan promises in phase 1 from each side, and how many in all.
  std::vector<json> a1, b1;
  std::int64_t promised = 0;
  for (const json& p : people) {
    if (p["phase"] == 0) continue;
    ++promised;
    if (p["phase"] == 1) (p["side"] == "a" ? a1 : b1).push_back(p);
  }
  ASSERT_GE(a1.size(), 2u) << people.dump();
  ASSERT_GE(b1.size(), 1u) << people.dump();
  EXPECT_EQ(Call("GET", plan + "/progress", "xx-negotiator").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/plans/999/progress", "ua-observer").status, 404);
  json before = Body(Call("GET", plan + "/progress", "ua-observer"));
  EXPECT_EQ(before["totals"]["promised"], promised);
  EXPECT_EQ(before["totals"]["outstanding"], promised);
  EXPECT_EQ(before["outstanding"].size(), static_cast<std::size_t>(promised));

  // a1[0] crosses (handed over, then received), a1[1] is handed over only, b1[0] died.
  auto record = [](const json& p) {
    return "/api/v1/records/" + std::to_string(p["record_id"].get<std::int64_t>());
  };
  for (auto [person, expected, event] :
       {std::tuple{&a1[0], 0, "handed_over"}, std::tuple{&a1[0], 1, "received"},
        std::tuple{&a1[1], 0, "handed_over"}}) {
    json ev = {{"expected_count", expected}, {"event", event}, {"phase", 1}, {"place", "Sumy"}};
    ASSERT_EQ(Call("POST", record(*person) + "/handovers", "med-checkpoint", ev).status, 201);
  }
  ASSERT_EQ(Call("PUT", record(b1[0]) + "/interview", "med-interviewer",
                 {{"version", 0}, {"outcome", "deceased"}})
                .status,
            201);

  // A person's history holds their handovers; a second "received" is refused.
  json history = Body(Call("GET", record(a1[0]) + "/events", "med-checkpoint"))["events"];
  ASSERT_GE(history.size(), 2u) << history.dump();
  EXPECT_EQ(history[history.size() - 1]["type"], "handover.recorded");
  EXPECT_EQ(Call("POST", record(a1[0]) + "/handovers", "med-checkpoint",
                 {{"expected_count", 2}, {"event", "received"}, {"phase", 1}, {"place", "Sumy"}})
                .status,
            409);

  ApiResponse r = Call("GET", plan + "/progress", "ua-observer");
  ASSERT_EQ(r.status, 200) << r.body;
  json progress = Body(r);
  EXPECT_EQ(progress["plan_id"], id);
  EXPECT_EQ(progress["sides"]["a"], "ua");
  json rows = progress["rows"];
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[0]["phase"], 1);
  EXPECT_EQ(rows[0]["direction"], "a_to_b");
  EXPECT_EQ(rows[0]["from"], "ua");
  EXPECT_EQ(rows[0]["to"], "ru");
  EXPECT_EQ(rows[0]["promised"], a1.size());
  EXPECT_EQ(rows[0]["handed_over"], 2);
  EXPECT_EQ(rows[0]["received"], 1);
  EXPECT_EQ(rows[0]["statuses"]["handed_over"], 1);
  EXPECT_EQ(rows[0]["outstanding"], a1.size() - 1);
  EXPECT_EQ(rows[1]["phase"], 1);
  EXPECT_EQ(rows[1]["direction"], "b_to_a");
  EXPECT_EQ(rows[1]["promised"], b1.size());
  EXPECT_EQ(rows[1]["excluded"], 1);
  EXPECT_EQ(rows[1]["statuses"]["deceased"], 1);
  EXPECT_EQ(rows[1]["outstanding"], b1.size() - 1);
  EXPECT_EQ(progress["totals"]["promised"], promised);
  EXPECT_EQ(progress["totals"]["outstanding"], promised - 2);
  // The outstanding list: record ids and statuses, no names; neither the received nor the dead.
  ASSERT_EQ(progress["outstanding"].size(), static_cast<std::size_t>(promised - 2));
  for (const json& o : progress["outstanding"]) {
    EXPECT_NE(o["record_id"], a1[0]["record_id"]);
    EXPECT_NE(o["record_id"], b1[0]["record_id"]);
    EXPECT_FALSE(o.contains("surname"));
    if (o["record_id"] == a1[1]["record_id"]) {
      EXPECT_EQ(o["status"], "handed_over");
    }
  }
}

}  // namespace
}  // namespace parley::server
