#include "store/received_lists.h"

#include <gtest/gtest.h>

#include "ledger/keys.h"
#include "store/record_sharing.h"
#include "store/test_workspace.h"
#include "store/vouched_rows.h"

namespace parley::store {
namespace {

PersonRecord Person(std::string id, std::string surname, std::string health) {
  PersonRecord r;
  r.id = std::move(id);
  r.surname = std::move(surname);
  r.given_name = "Ivan";
  r.birth_date = *ParsePartialDate("1990-02-01");
  r.extra = {{"health", std::move(health)}};
  return r;
}

class ReceivedListsTest : public ::testing::Test {
 protected:
  ReceivedListsTest() : sender_("parley-recv-sender"), receiver_("parley-recv-receiver") {
    sender_.Import("ru-custody", ListKind::kCustody, "ru",
                   {Person("RU-1", "Petrov", "wounded"), Person("RU-2", "Sidorov", "")});
  }

  std::string Bundle() {
    const DisclosureRequest request{"mediator", "mediator",
                                    [](std::string_view f) { return f != "health"; }};
    auto bytes = ExportBundleFor(sender_.ws(), std::nullopt, request, nullptr);
    EXPECT_TRUE(bytes.has_value()) << bytes.error().Describe();
    return bytes.value_or("");
  }

  std::vector<ledger::PublicKey> SenderKey() {
    auto node = LoadNodeIdentity(sender_.ws());
    return {*ledger::ParseVerifierKey((*node)->verifier_key)};
  }

  testing::TempWorkspace sender_;
  testing::TempWorkspace receiver_;
};

TEST_F(ReceivedListsTest, ADisclosureBecomesAReadOnlyListWithItsProvenance) {
  const std::string bundle = Bundle();
  std::vector<ReceivedListVersion> received;
  auto report = ImportReplicaBundle(receiver_.ws(), bundle, SenderKey(),
                                    {.list_prefix = "", .received = &received});
  ASSERT_TRUE(report.has_value()) << report.error().Describe();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].list, "node.ru-custody");
  EXPECT_EQ(received[0].version, 1);

  auto lists = receiver_.ws().Lists();
  ASSERT_TRUE(lists.has_value());
  ASSERT_EQ(lists->size(), 1u);
  const ListVersionInfo& v = lists->front();
  EXPECT_EQ(v.kind, "custody");
  EXPECT_EQ(v.side, "ru");
  ASSERT_TRUE(v.received.has_value());
  EXPECT_EQ(v.received->sender_list, "ru-custody");
  EXPECT_EQ(v.received->sender_version, 1);
  EXPECT_EQ(v.received->checkpoint_size, report->new_size);
  EXPECT_EQ(v.received->withheld, std::vector<std::string>{"health"});

  auto records = receiver_.ws().Records("node.ru-custody", std::nullopt);
  ASSERT_TRUE(records.has_value());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ(records->at(0).record.surname, "Petrov");
  EXPECT_EQ(records->at(0).record.birth_date.ToIso(), "1990-02-01");
  EXPECT_TRUE(records->at(0).record.extra.empty());  // health withheld: absent, not ""

  auto vouched = VerifyVouchedRows(receiver_.ws());
  ASSERT_TRUE(vouched.has_value());
  EXPECT_TRUE(vouched->problems.empty()) << vouched->problems.front();
  auto checked = VerifyReceivedLists(receiver_.ws());
  ASSERT_TRUE(checked.has_value()) << checked.error().Describe();
  EXPECT_EQ(checked->lists, 1);
  EXPECT_EQ(checked->records, 2);
}

TEST_F(ReceivedListsTest, ImportingOverAReceivedListIsRefusedNamingWhereItCameFrom) {
  ASSERT_TRUE(ImportReplicaBundle(receiver_.ws(), Bundle(), SenderKey()).has_value());
  ImportRequest req;
  req.list_name = "node.ru-custody";
  req.kind = ListKind::kCustody;
  req.side = "ru";
  req.source_file = "mine.csv";
  req.actor = "test";
  req.records = {Person("RU-1", "Other", "")};
  auto refused = receiver_.ws().ImportList(req);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_NE(refused.error().message.find("'node.ru-custody' is read-only"), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("its list ru-custody version 1"), std::string::npos);
  EXPECT_EQ(receiver_.ws().Versions("node.ru-custody")->size(), 1u);
}

TEST_F(ReceivedListsTest, ADisclosureCannotBecomeAVersionOfALocalList) {
  receiver_.Import("node.ru-custody", ListKind::kCustody, "ru", {Person("X", "Local", "")});
  auto refused = ImportReplicaBundle(receiver_.ws(), Bundle(), SenderKey());
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message.find("one of this node's own lists"), std::string::npos);
  // All or nothing: the replica did not take the bundle either.
  EXPECT_TRUE(ReceivedRecords(receiver_.ws(), "").value().empty());
  auto prefixed = ImportReplicaBundle(receiver_.ws(), Bundle(), SenderKey(), {.list_prefix = "ru"});
  ASSERT_TRUE(prefixed.has_value()) << prefixed.error().Describe();
  EXPECT_TRUE(receiver_.ws().Version("ru.ru-custody", std::nullopt)->received.has_value());
}

TEST(SenderNodeTest, IsTheMiddleOfTheOrigin) {
  EXPECT_EQ(SenderNode("parley/ru/0123abcd"), "ru");
  EXPECT_EQ(SenderNode("parley.synthetic/demo"), "");
}

}  // namespace
}  // namespace parley::store
