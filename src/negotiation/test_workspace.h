// parley/negotiation/test_workspace.h — for this module's unit tests only: a temporary
// workspace (store/test_workspace.h) with both sides' custody and request lists, a mediator list,
// reconciliation links in every state, an interview and a handover, and a small agreement
// (kTestAgreement, pinning the keys of UaKey(), RuKey() and MediatorKey()).
//
//   ua-custody (side ua, holds R1..R6)   ru-request (side ru) asks for R1..R4 by name
//   ru-custody (side ru, holds U1..U6)   ua-request (side ua) asks for U1..U4; mediator lists U5
//   links: R1..R4 auto-accepted, R5 needs review, R6 none; U1..U3 auto, U4 confirmed by an
//   analyst, U5 with the mediator auto, U6 rejected.
//   R2 refused at the interview; R3 already handed over.
//   R1 and U1 are seriously wounded; everyone is a combatant.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "ledger/keys.h"
#include "store/event_log.h"
#include "store/link_store.h"
#include "store/test_workspace.h"

namespace parley::negotiation::testing {

inline constexpr const char* kUnpinnedTestAgreement = R"toml([agreement]
title = "Test: the wounded first, then one for one"
date = 2026-01-01

[parties]
a = "Ukraine"
b = "Russia"

[phases]
count = 2
max_owed = 0

[[category]]
id = "wounded"
title = "Seriously wounded"
when = { health = "seriously_wounded" }
balance = "outside"
phases = [1]

[[category]]
id = "soldiers"
title = "Soldiers, one for one"
when = { category = "combatant" }
)toml";

// Fixed keys of the test's signers (seeds of one repeated byte): party a's ("signer-ua"), party
// b's ("signer-ru") and the mediator's ("mediator"), as kTestAgreement pins them.
inline const ledger::SigningKey& TestKey(char which) {
  auto make = [](const char* name, char byte) {
    return *ledger::SigningKey::FromSeed(name, std::string(ledger::kSeedSize, byte));
  };
  static const ledger::SigningKey ua = make("signer-ua", 'a');
  static const ledger::SigningKey ru = make("signer-ru", 'b');
  static const ledger::SigningKey mediator = make("mediator", 'm');
  return which == 'a' ? ua : which == 'b' ? ru : mediator;
}
inline const ledger::SigningKey& UaKey() { return TestKey('a'); }
inline const ledger::SigningKey& RuKey() { return TestKey('b'); }
inline const ledger::SigningKey& MediatorKey() { return TestKey('m'); }

// kUnpinnedTestAgreement with the three keys pinned in [parties].
inline std::string PinKeys(std::string text) {
  const std::string anchor = "b = \"Russia\"\n";
  text.insert(text.find(anchor) + anchor.size(),
              "a_key = \"" + UaKey().Public().VerifierKey() + "\"\nb_key = \"" +
                  RuKey().Public().VerifierKey() + "\"\nmediator_keys = [\"" +
                  MediatorKey().Public().VerifierKey() + "\"]\n");
  return text;
}
inline const std::string kTestAgreement = PinKeys(kUnpinnedTestAgreement);

class TestWorkspace : public store::testing::TempWorkspace {
 public:
  TestWorkspace() : TempWorkspace("parley-neg") {
    Import("ua-custody", ListKind::kCustody, "ua",
           People("R", 6, "Стан здоров'я", "Дата полонення"));
    Import("ru-request", ListKind::kRequest, "ru", People("Q", 4, "", ""));
    Import("ru-custody", ListKind::kCustody, "ru",
           People("U", 6, "Состояние здоровья", "Дата пленения"));
    Import("ua-request", ListKind::kRequest, "ua", People("P", 4, "", ""));
    Import("mediator", ListKind::kMediator, "mediator", People("M", 1, "", ""));
    Link("ru-request", "ua-custody",
         {{"Q1", "R1", 'a'}, {"Q2", "R2", 'a'}, {"Q3", "R3", 'a'}, {"Q4", "R4", 'a'}});
    Link("ua-request", "ru-custody",
         {{"P1", "U1", 'a'}, {"P2", "U2", 'a'}, {"P3", "U3", 'a'}, {"P4", "U4", 'c'}});
    Link("mediator", "ua-custody", {{"M1", "R5", 'r'}});
    Link("mediator", "ru-custody", {{"M1", "U5", 'a'}});
    Link("ua-request", "ru-custody", {{"P4", "U6", 'x'}}, /*keep=*/true);
    // Rows written with their events, as the handover module would (verify checks them).
    Logged("INSERT INTO interviews VALUES (" + Id("ua-custody", "R2") +
               ", 1, 'refuses', 'icrc-1', 't', '', 't')",
           "icrc-1", "interview.recorded",
           {{"record_id", Record("ua-custody", "R2")},
            {"version", 1},
            {"outcome", "refuses"},
            {"at", "t"},
            {"interviewer", "icrc-1"}});
    Logged("INSERT INTO handover_events VALUES (" + Id("ua-custody", "R3") +
               ", 1, 'handed_over', 1, 'Sumy', 't', 'cp-1', 't')",
           "cp-1", "handover.recorded",
           {{"record_id", Record("ua-custody", "R3")},
            {"seq", 1},
            {"event", "handed_over"},
            {"phase", 1},
            {"place", "Sumy"},
            {"at", "t"},
            {"actor", "cp-1"}});
  }

  // The record ID of LIST's row KEY, as text for SQL and JSON built by hand.
  std::string Id(const std::string& list, const std::string& key) {
    return std::to_string(Record(list, key));
  }

 private:
  struct Pair {
    std::string left, right;
    char how;  // a auto-accepted, c confirmed by an analyst, r needs review, x rejected
  };
  void Exec(const std::string& sql) {
    auto r = db().Exec(sql);
    EXPECT_TRUE(r.has_value()) << r.error().Describe();
  }
  void Logged(const std::string& sql, const std::string& actor, const std::string& type,
              nlohmann::json body) {
    store::LoggedTransaction tx(ws());
    ASSERT_TRUE(tx.Begin().has_value());
    Exec(sql);
    auto r = tx.Commit({.name = actor}, type, std::move(body));
    EXPECT_TRUE(r.has_value()) << r.error().Describe();
  }
  // PREFIX1..PREFIXn, combatants; the first seriously wounded when the list has a health
  // column (named in the list's own language, as a party's file would name it).
  static std::vector<PersonRecord> People(const std::string& prefix, int n,
                                          const std::string& health_column,
                                          const std::string& capture_column) {
    std::vector<PersonRecord> people;
    for (int i = 1; i <= n; ++i) {
      PersonRecord r;
      r.id = prefix + std::to_string(i);
      r.surname = "Шевченко" + std::to_string(i);
      r.given_name = "Дмитро";
      r.category = "combatant";
      r.birth_date = PartialDate{1990, 1, i};
      if (!health_column.empty()) {
        r.extra.push_back({health_column, i == 1 ? "seriously_wounded" : ""});
        r.extra.push_back({capture_column, "0" + std::to_string(i) + ".03.2024"});
      }
      people.push_back(r);
    }
    return people;
  }
  void Link(const std::string& left, const std::string& right, const std::vector<Pair>& pairs,
            bool keep = false) {
    store::LinkStore links(ws());
    std::vector<store::LinkProposal> proposals;
    for (const Pair& p : pairs) {
      proposals.push_back({Record(left, p.left), Record(right, p.right), 1, 1,
                           p.how == 'a' ? 0.99 : 0.7, 5, "[]", p.how == 'a'});
    }
    std::set<std::int64_t> scope;
    for (const auto& p : proposals) scope.insert(p.left_record_id);
    store::ReconcileRun run;
    run.actor = "t";
    run.created_at = "t";
    auto saved = links.SaveRun(left, right, proposals, run, {"t"}, keep ? &scope : nullptr);
    EXPECT_TRUE(saved.has_value()) << saved.error().Describe();
    for (const Pair& p : pairs) {
      if (p.how != 'c' && p.how != 'x') continue;
      auto all = links.Links(store::LinkState::kNeedsReview);
      for (const auto& l : *all) {
        if (l.left_key == p.left && l.right_key == p.right) {
          EXPECT_TRUE(links.Decide(
              l.id, p.how == 'c' ? store::LinkDecision::kAccept : store::LinkDecision::kReject,
              {"analyst1"}, "t"));
        }
      }
    }
  }
};

}  // namespace parley::negotiation::testing
