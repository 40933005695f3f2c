// parley/negotiation/test_workspace.h — for this module's unit tests only: a workspace with
// both sides' custody and request lists, a mediator list, reconciliation links in every
// state, an interview and a handover, and a small agreement.
//
//   ua-custody (side ua, holds R1..R6)   ru-request (side ru) asks for R1..R4 by name
//   ru-custody (side ru, holds U1..U6)   ua-request (side ua) asks for U1..U4; mediator lists U5
//   links: R1..R4 auto-accepted, R5 needs review, R6 none; U1..U3 auto, U4 confirmed by an
//   analyst, U5 with the mediator auto, U6 rejected.
//   R2 refused at the interview; R3 already handed over.
//   R1 and U1 are seriously wounded; everyone is a combatant.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/link_store.h"
#include "store/workspace.h"

namespace parley::negotiation::testing {

inline constexpr const char* kTestAgreement = R"toml([agreement]
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

class TestWorkspace {
 public:
  TestWorkspace() {
    dir_ = std::filesystem::temp_directory_path() /
           ("parley-neg-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::remove_all(dir_);
    auto ws = store::Workspace::Create(dir_);
    EXPECT_TRUE(ws.has_value()) << ws.error().Describe();
    ws_.emplace(std::move(*ws));
    Import("ua-custody", ListKind::kCustody, "ua", "R", 6, "Стан здоров'я", "Дата полонення");
    Import("ru-request", ListKind::kRequest, "ru", "Q", 4, "", "");
    Import("ru-custody", ListKind::kCustody, "ru", "U", 6, "Состояние здоровья", "Дата пленения");
    Import("ua-request", ListKind::kRequest, "ua", "P", 4, "", "");
    Import("mediator", ListKind::kMediator, "mediator", "M", 1, "", "");
    Link("ru-request", "ua-custody",
         {{"Q1", "R1", 'a'}, {"Q2", "R2", 'a'}, {"Q3", "R3", 'a'}, {"Q4", "R4", 'a'}});
    Link("ua-request", "ru-custody",
         {{"P1", "U1", 'a'}, {"P2", "U2", 'a'}, {"P3", "U3", 'a'}, {"P4", "U4", 'c'}});
    Link("mediator", "ua-custody", {{"M1", "R5", 'r'}});
    Link("mediator", "ru-custody", {{"M1", "U5", 'a'}});
    Link("ua-request", "ru-custody", {{"P4", "U6", 'x'}}, /*keep=*/true);
    Exec("INSERT INTO interviews VALUES (" + Id("ua-custody", "R2") +
         ", 1, 'refuses', 'icrc-1', 't', '', 't')");
    Exec("INSERT INTO handover_events VALUES (" + Id("ua-custody", "R3") +
         ", 1, 'handed_over', 1, 'Sumy', 't', 'cp-1', 't')");
  }
  ~TestWorkspace() {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }
  TestWorkspace(const TestWorkspace&) = delete;
  TestWorkspace& operator=(const TestWorkspace&) = delete;

  store::Workspace& ws() { return *ws_; }
  const std::filesystem::path& dir() const { return dir_; }
  std::string Id(const std::string& list, const std::string& key) {
    auto id = ws_->FindRecord(list, key);
    EXPECT_TRUE(id.has_value());
    return std::to_string(id.value_or(0));
  }

 private:
  struct Pair {
    std::string left, right;
    char how;  // a auto-accepted, c confirmed by an analyst, r needs review, x rejected
  };
  void Exec(const std::string& sql) {
    auto r = ws_->db().Exec(sql);
    EXPECT_TRUE(r.has_value()) << r.error().Describe();
  }
  void Import(const std::string& list, ListKind kind, const std::string& side,
              const std::string& prefix, int n, const std::string& health_column,
              const std::string& capture_column) {
    store::ImportRequest req;
    req.list_name = list;
    req.kind = kind;
    req.side = side;
    req.source_file = list + ".csv";
    req.source_format = "csv";
    req.encoding = "utf-8";
    req.name_order = "split columns";
    req.actor = "test";
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
      req.records.push_back(r);
    }
    auto done = ws_->ImportList(req);
    EXPECT_TRUE(done.has_value()) << done.error().Describe();
  }
  void Link(const std::string& left, const std::string& right, const std::vector<Pair>& pairs,
            bool keep = false) {
    store::LinkStore links(*ws_);
    std::vector<store::LinkProposal> proposals;
    for (const Pair& p : pairs) {
      proposals.push_back({std::stoll(Id(left, p.left)), std::stoll(Id(right, p.right)), 1, 1,
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

  static inline int counter_ = 0;
  std::filesystem::path dir_;
  std::optional<store::Workspace> ws_;
};

}  // namespace parley::negotiation::testing
