#include "store/link_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/workspace.h"

namespace parley::store {
namespace {

class LinkStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parley-links-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto ws = Workspace::Create(dir_);
    ASSERT_TRUE(ws.has_value()) << ws.error().Describe();
    ws_.emplace(std::move(*ws));
    Import("ua-request", ListKind::kRequest, "ua", {"1", "2"});
    Import("ru-custody", ListKind::kCustody, "ru", {"A", "B"});
    left_ = {*ws_->FindRecord("ua-request", "1"), *ws_->FindRecord("ua-request", "2")};
    right_ = {*ws_->FindRecord("ru-custody", "A"), *ws_->FindRecord("ru-custody", "B")};
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Import(std::string list, ListKind kind, std::string side, std::vector<std::string> ids) {
    ImportRequest req;
    req.list_name = std::move(list);
    req.kind = kind;
    req.side = std::move(side);
    req.source_file = "f.csv";
    req.source_format = "csv";
    req.encoding = "utf-8";
    req.name_order = "split columns";
    req.actor = "clerk1";
    for (auto& id : ids) {
      PersonRecord r;
      r.id = id;
      r.surname = "Шевченко";
      r.given_name = "Дмитро";
      req.records.push_back(r);
    }
    ASSERT_TRUE(ws_->ImportList(req).has_value());
  }
  LinkProposal Proposal(int l, int r, double p, bool auto_accept) {
    return {left_[l], right_[r], 1, 1, p, 10 * p, "[]", auto_accept};
  }

  std::filesystem::path dir_;
  std::optional<Workspace> ws_;
  std::vector<std::int64_t> left_;
  std::vector<std::int64_t> right_;
};

TEST_F(LinkStoreTest, RejectedPairStaysRejectedAfterRerun) {
  LinkStore links(ws_->db());
  auto first = links.SaveRun("ua-request", "ru-custody",
                             {Proposal(0, 0, 0.999, true), Proposal(1, 1, 0.7, false)}, "t1");
  ASSERT_TRUE(first.has_value()) << first.error().Describe();
  EXPECT_EQ(first->inserted, 2);
  auto queue = links.Links(LinkState::kNeedsReview);
  ASSERT_TRUE(queue.has_value());
  ASSERT_EQ(queue->size(), 1u);
  const std::int64_t id = (*queue)[0].id;
  EXPECT_EQ((*queue)[0].left_key, "2");
  EXPECT_EQ((*queue)[0].right_key, "B");
  ASSERT_TRUE(links.Decide(id, LinkDecision::kReject, "analyst1", "t2").has_value());

  // The next run proposes the same pair, now even with auto-accept: the decision stands.
  auto second = links.SaveRun("ua-request", "ru-custody",
                              {Proposal(0, 0, 0.999, true), Proposal(1, 1, 0.999, true)}, "t3");
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->kept_decisions, 1);
  auto link = links.Link(id);
  ASSERT_TRUE(link.has_value());
  EXPECT_EQ(link->state, LinkState::kRejected);
  EXPECT_EQ(link->decided_by, "analyst1");
  EXPECT_NEAR(link->probability, 0.999, 1e-9);
}

TEST_F(LinkStoreTest, UndecidedLinksNoLongerProposedAreWithdrawn) {
  LinkStore links(ws_->db());
  ASSERT_TRUE(links.SaveRun("ua-request", "ru-custody",
                            {Proposal(0, 0, 0.9, false), Proposal(1, 1, 0.8, false)}, "t1"));
  auto all = links.Links(std::nullopt);
  ASSERT_EQ(all->size(), 2u);
  ASSERT_TRUE(links.Decide((*all)[0].id, LinkDecision::kAccept, "analyst1", "t2"));
  auto rerun = links.SaveRun("ua-request", "ru-custody", {}, "t3");
  ASSERT_TRUE(rerun.has_value());
  EXPECT_EQ(rerun->removed, 1);
  all = links.Links(std::nullopt);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].state, LinkState::kConfirmed);
}

TEST_F(LinkStoreTest, DecisionsAreAppendOnly) {
  LinkStore links(ws_->db());
  ASSERT_TRUE(links.SaveRun("ua-request", "ru-custody", {Proposal(0, 0, 0.9, false)}, "t1"));
  auto all = links.Links(std::nullopt);
  ASSERT_TRUE(links.Decide((*all)[0].id, LinkDecision::kAccept, "analyst1", "t2"));
  EXPECT_FALSE(ws_->db().Exec("UPDATE link_decisions SET actor = 'someone else'").has_value());
  EXPECT_FALSE(ws_->db().Exec("DELETE FROM link_decisions").has_value());
}

TEST_F(LinkStoreTest, UnknownLinkAndUnknownListAreErrors) {
  LinkStore links(ws_->db());
  auto d = links.Decide(999, LinkDecision::kAccept, "analyst1", "t");
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().code, ErrorCode::kNotFound);
  auto s = links.SaveRun("nope", "ru-custody", {}, "t");
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(ParseLinkDecision("maybe").has_value());
}

}  // namespace
}  // namespace parley::store
