// Reconciliation and the review queue through Api::Handle: the pair rule (both lists visible,
// a write needs one's own), both records beside each link without leaking an unseen list,
// optimistic decisions (a stale one is 409 and records nothing), the access log.
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "server/api.h"
#include "server/auth/share_store.h"
#include "server/auth/user_store.h"
#include "server/test_api.h"
#include "server/test_workspace.h"

namespace parley::server {
namespace {

using nlohmann::json;

class ApiLinksTest : public ApiFixture<testing::TestWorkspace> {
 protected:
  void SetUp() override {
    AddUsers({{"med-analyst", Role::kAnalyst, "mediator"},
              {"ru-analyst", Role::kAnalyst, "ru"},
              {"ua-analyst", Role::kAnalyst, "ua"},
              {"ua-observer", Role::kObserver, "ua"},
              {"admin", Role::kAdmin, "mediator"}});
    StartApi(4);
  }

  // A link as a reconciliation run stores it (the run itself is tested in tests/e2e).
  std::int64_t InsertLink(const std::string& left_key, const std::string& right_key,
                          double probability) {
    auto st = tw_.db().Prepare(
        "INSERT INTO links(left_list_id, right_list_id, left_record_id, right_record_id, "
        "left_record_version, right_record_version, probability, match_weight, explanation, "
        "state, created_at, updated_at) SELECT l.list_id, r.list_id, l.id, r.id, 1, 1, " +
        std::to_string(probability) +
        ", 3.5, "
        "'[{\"field\":\"birth_date\",\"level\":\"exact\",\"weight\":2.5}]', 'needs_review', "
        "'2026-11-25T00:00:00Z', '2026-11-25T00:00:00Z' FROM person_records l, person_records r "
        "WHERE l.id = ? AND r.id = ?");
    EXPECT_TRUE(st.has_value());
    st->Bind(1, tw_.Record("ua-request", left_key));
    st->Bind(2, tw_.Record("ru-custody", right_key));
    EXPECT_TRUE(st->Run().has_value());
    return *tw_.db().QueryInt("SELECT max(id) FROM links").value();
  }
  void Share(const std::string& list, const std::string& side) {
    ASSERT_TRUE(SetShare(tw_.ws(), list, side, true, 0, "admin").has_value());
  }
};

TEST_F(ApiLinksTest, ReconcileNeedsBothListsVisibleAndOneOwn) {
  const std::string both = R"({"left":"ua-request","right":"ru-custody"})";
  // ru's analyst does not see ua's list until ua shares it.
  ApiResponse unseen = Call("POST", "/api/v1/reconciliations", "ru-analyst", both);
  EXPECT_EQ(unseen.status, 403);
  EXPECT_EQ(unseen.body.find("Шевченко"), std::string::npos);
  EXPECT_EQ(Call("POST", "/api/v1/reconciliations", "ua-observer", both).status, 403);
  Share("ua-request", "ru");
  ApiResponse run = Call("POST", "/api/v1/reconciliations", "ru-analyst", both);
  ASSERT_EQ(run.status, 200) << run.body;
  EXPECT_EQ(Body(run)["left_count"], 2);
  EXPECT_EQ(Body(run)["right_count"], 2);
  EXPECT_FALSE(Body(run)["incremental"].get<bool>());
  // The second run continues from the first.
  EXPECT_TRUE(Body(Call("POST", "/api/v1/reconciliations", "med-analyst", both))["incremental"]);
  // Errors name the field at fault.
  ApiResponse missing = Call("POST", "/api/v1/reconciliations", "med-analyst", R"({"left":"x"})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(Body(missing)["error"]["field"], "right");
  EXPECT_EQ(Call("POST", "/api/v1/reconciliations", "med-analyst",
                 R"({"left":"ua-request","right":"nowhere"})")
                .status,
            404);
  ApiResponse range = Call("POST", "/api/v1/reconciliations", "med-analyst",
                           R"({"left":"ua-request","right":"ru-custody","review_threshold":1.5})");
  EXPECT_EQ(range.status, 400);
  EXPECT_EQ(Body(range)["error"]["field"], "review_threshold");
}

TEST_F(ApiLinksTest, QueueShowsBothRecordsMostProbableFirstAndOnlyToThoseWhoSeeBoth) {
  const std::int64_t low = InsertLink("UA-1", "RU-1", 0.6);
  const std::int64_t high = InsertLink("UA-2", "RU-2", 0.9);
  ApiResponse queue = Call("GET", "/api/v1/links?state=needs_review", "med-analyst");
  ASSERT_EQ(queue.status, 200) << queue.body;
  json links = Body(queue)["links"];
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0]["id"], high);
  EXPECT_EQ(links[1]["id"], low);
  EXPECT_EQ(links[0]["version"], 0);
  EXPECT_EQ(links[0]["left"]["id"], "UA-2");
  EXPECT_EQ(links[0]["right"]["id"], "RU-2");
  EXPECT_EQ(links[0]["explanation"][0]["field"], "birth_date");
  EXPECT_EQ(Body(Call("GET", "/api/v1/links?state=confirmed", "med-analyst"))["total"], 0);
  EXPECT_EQ(Body(Call("GET", "/api/v1/links?limit=1&offset=1", "med-analyst"))["links"][0]["id"],
            low);
  EXPECT_EQ(Call("GET", "/api/v1/links?state=maybe", "med-analyst").status, 400);
  // ua sees neither link (ru-custody is not shared with it), and a direct read leaks nothing.
  EXPECT_EQ(Body(Call("GET", "/api/v1/links", "ua-observer"))["total"], 0);
  ApiResponse hidden = Call("GET", "/api/v1/links/" + std::to_string(high), "ua-observer");
  EXPECT_EQ(hidden.status, 403);
  EXPECT_EQ(hidden.body.find("Иванов"), std::string::npos);
  EXPECT_EQ(hidden.body.find("RU-2"), std::string::npos);
  Share("ru-custody", "ua");
  EXPECT_EQ(Body(Call("GET", "/api/v1/links", "ua-observer"))["total"], 2);
  ApiResponse one = Call("GET", "/api/v1/links/" + std::to_string(high), "ua-observer");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(Body(one)["right"]["surname"], "Иванов");
  // Both records of each link shown were access-logged.
  std::string log_path =
      "/api/v1/records/" + std::to_string(tw_.Record("ru-custody", "RU-2")) + "/access-log";
  json log = Body(Call("GET", log_path, "admin"))["entries"];
  int reviewed_by_ua = 0;
  for (const json& e : log) {
    if (e["user"] == "ua-observer" && e["action"] == "review")
      reviewed_by_ua += e["reads"].get<int>();
  }
  EXPECT_EQ(reviewed_by_ua, 2);  // the queue page and the single link
}

// Pages of the queue are cached (review_page_cache.h); none may outlive a change under it,
// whether the change came through the API or through another connection (the CLI).
TEST_F(ApiLinksTest, QueuePagesFollowEveryChangeAndEveryServedPageIsLogged) {
  const std::int64_t first = InsertLink("UA-1", "RU-1", 0.9);
  json page = Body(Call("GET", "/api/v1/links", "med-analyst"));
  EXPECT_EQ(page["total"], 1);
  EXPECT_EQ(Body(Call("GET", "/api/v1/links", "med-analyst")), page);  // served again
  // A link stored by another connection appears at once, in its place in the order.
  const std::int64_t second = InsertLink("UA-2", "RU-2", 0.95);
  page = Body(Call("GET", "/api/v1/links", "med-analyst"));
  ASSERT_EQ(page["total"], 2);
  EXPECT_EQ(page["links"][0]["id"], second);
  // A decision changes the state and version shown.
  ASSERT_EQ(Call("POST", "/api/v1/links/" + std::to_string(first) + "/decision", "med-analyst",
                 R"({"decision":"accept","expected_version":0})")
                .status,
            200);
  page = Body(Call("GET", "/api/v1/links", "med-analyst"));
  EXPECT_EQ(page["links"][1]["state"], "confirmed");
  EXPECT_EQ(page["links"][1]["version"], 1);
  EXPECT_EQ(Body(Call("GET", "/api/v1/links?state=needs_review", "med-analyst"))["total"], 1);
  // A share changes what a party sees; withdrawing it hides the links again.
  EXPECT_EQ(Body(Call("GET", "/api/v1/links", "ua-observer"))["total"], 0);
  Share("ru-custody", "ua");
  EXPECT_EQ(Body(Call("GET", "/api/v1/links", "ua-observer"))["total"], 2);
  ASSERT_TRUE(SetShare(tw_.ws(), "ru-custody", "ua", false, 1, "admin").has_value());
  EXPECT_EQ(Body(Call("GET", "/api/v1/links", "ua-observer"))["total"], 0);
  // A new version of a list shows the record's new name beside its link.
  PersonRecord renamed;
  renamed.id = "RU-2";
  renamed.surname = "Петров";
  renamed.given_name = "Сергей";
  tw_.Import("ru-custody", ListKind::kCustody, "ru", {renamed});
  page = Body(Call("GET", "/api/v1/links", "med-analyst"));
  EXPECT_EQ(page["links"][0]["right"]["surname"], "Петров");
  EXPECT_EQ(page["links"][1]["right_listed"], false);  // RU-1 left the list
  // Every page served, from the cache or not, logged both records of each link shown.
  json log = Body(Call(
      "GET", "/api/v1/records/" + std::to_string(tw_.Record("ua-request", "UA-1")) + "/access-log",
      "admin"))["entries"];
  int reviewed = 0;
  for (const json& e : log) {
    if (e["user"] == "med-analyst" && e["action"] == "review") reviewed += e["reads"].get<int>();
  }
  EXPECT_EQ(reviewed, 5);  // the five med-analyst pages that showed UA-1's link
}

TEST_F(ApiLinksTest, DecisionsAreOptimisticAndStaleOnesAre409) {
  const std::string link = "/api/v1/links/" + std::to_string(InsertLink("UA-1", "RU-1", 0.7));
  ApiResponse accepted = Call("POST", link + "/decision", "med-analyst",
                              R"({"decision":"accept","expected_version":0})");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(Body(accepted)["state"], "confirmed");
  EXPECT_EQ(Body(accepted)["version"], 1);
  EXPECT_EQ(Body(accepted)["decided_by"], "med-analyst");
  ApiResponse stale = Call("POST", link + "/decision", "med-analyst",
                           R"({"decision":"reject","expected_version":0})");
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(Body(stale)["error"]["field"], "expected_version");
  EXPECT_EQ(Body(Call("GET", link, "med-analyst"))["state"], "confirmed");
  ApiResponse rejected = Call("POST", link + "/decision", "med-analyst",
                              R"({"decision":"reject","expected_version":1})");
  ASSERT_EQ(rejected.status, 200);
  EXPECT_EQ(Body(rejected)["state"], "rejected");
  EXPECT_EQ(Body(rejected)["version"], 2);
  ApiResponse bad = Call("POST", link + "/decision", "med-analyst", R"({"decision":"perhaps"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Body(bad)["error"]["field"], "decision");
  // Observers never decide; a party decides only links that touch its own list and that it sees.
  EXPECT_EQ(Call("POST", link + "/decision", "ua-observer", R"({"decision":"accept"})").status,
            403);
  EXPECT_EQ(Call("POST", link + "/decision", "ua-analyst", R"({"decision":"accept"})").status, 403);
  Share("ru-custody", "ua");
  EXPECT_EQ(Call("POST", link + "/decision", "ua-analyst", R"({"decision":"accept"})").status, 200);
  EXPECT_EQ(
      Call("POST", "/api/v1/links/999/decision", "med-analyst", R"({"decision":"accept"})").status,
      404);
}

TEST_F(ApiLinksTest, UnsureUndoAndNotesAreKeptInTheLinksHistory) {
  const std::string link = "/api/v1/links/" + std::to_string(InsertLink("UA-1", "RU-1", 0.7));
  EXPECT_TRUE(Body(Call("GET", link, "med-analyst"))["last_decision"].is_null());
  ApiResponse unsure = Call("POST", link + "/decision", "med-analyst",
                            R"({"decision":"unsure","expected_version":0,"note":" same unit? "})");
  ASSERT_EQ(unsure.status, 200) << unsure.body;
  EXPECT_EQ(Body(unsure)["state"], "needs_review");
  EXPECT_EQ(Body(unsure)["last_decision"]["decision"], "unsure");
  EXPECT_EQ(Body(unsure)["last_decision"]["note"], "same unit?");
  EXPECT_EQ(Body(unsure)["last_decision"]["by"], "med-analyst");
  ASSERT_EQ(Call("POST", link + "/decision", "med-analyst", R"({"decision":"accept"})").status,
            200);
  ApiResponse undone = Call("POST", link + "/decision", "med-analyst",
                            R"({"decision":"undo","expected_version":2})");
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_EQ(Body(undone)["state"], "needs_review");
  EXPECT_EQ(Body(undone)["version"], 3);
  // An undo is not undone, a note needs its text, and a note has a length.
  EXPECT_EQ(Call("POST", link + "/decision", "med-analyst", R"({"decision":"undo"})").status, 409);
  ApiResponse empty = Call("POST", link + "/decision", "med-analyst", R"({"decision":"note"})");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(Body(empty)["error"]["field"], "note");
  ApiResponse long_note = Call("POST", link + "/decision", "med-analyst",
                               json{{"decision", "note"}, {"note", std::string(2001, 'x')}}.dump());
  EXPECT_EQ(long_note.status, 400);
  EXPECT_EQ(Body(long_note)["error"]["field"], "note");

  ApiResponse history = Call("GET", link + "/decisions", "med-analyst");
  ASSERT_EQ(history.status, 200) << history.body;
  const json decisions = Body(history)["decisions"];
  ASSERT_EQ(decisions.size(), 3u);
  EXPECT_EQ(decisions[0]["decision"], "unsure");
  EXPECT_EQ(decisions[0]["state_after"], "needs_review");
  EXPECT_EQ(decisions[1]["decision"], "accept");
  EXPECT_EQ(decisions[1]["state_after"], "confirmed");
  EXPECT_EQ(decisions[2]["decision"], "undo");
  EXPECT_EQ(decisions[2]["state_after"], "needs_review");
  // The history is read as the link is: not by a party that does not see both lists.
  EXPECT_EQ(Call("GET", link + "/decisions", "ua-observer").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/links/999/decisions", "med-analyst").status, 404);
}

TEST_F(ApiLinksTest, ARecordLinkedTwiceIsFlaggedOnBothLinks) {
  const std::int64_t first = InsertLink("UA-1", "RU-1", 0.9);
  const std::int64_t second = InsertLink("UA-2", "RU-1", 0.6);
  const std::int64_t apart = InsertLink("UA-2", "RU-2", 0.5);
  auto conflicts = [&](std::int64_t id) {
    ApiResponse r = Call("GET", "/api/v1/links/" + std::to_string(id), "med-analyst");
    EXPECT_EQ(r.status, 200) << r.body;
    return Body(r)["conflicts"];
  };
  json one = conflicts(first);
  ASSERT_EQ(one.size(), 1u) << one.dump();
  EXPECT_EQ(one[0]["code"], "right_linked_twice");
  EXPECT_EQ(one[0]["links"], json::array({second}));
  json two = conflicts(second);  // UA-2 is in two links, RU-1 in two
  ASSERT_EQ(two.size(), 2u) << two.dump();
  EXPECT_EQ(two[0]["code"], "right_linked_twice");
  EXPECT_EQ(two[0]["links"], json::array({first}));
  EXPECT_EQ(two[1]["code"], "left_linked_twice");
  EXPECT_EQ(two[1]["links"], json::array({apart}));
  // A rejected link is no longer a second claim on the record.
  ASSERT_EQ(Call("POST", "/api/v1/links/" + std::to_string(second) + "/decision", "med-analyst",
                 R"({"decision":"reject"})")
                .status,
            200);
  EXPECT_TRUE(conflicts(first).empty());
}

TEST_F(ApiLinksTest, TheQueueFiltersByProbabilityBand) {
  InsertLink("UA-1", "RU-1", 0.95);
  const std::int64_t middle = InsertLink("UA-2", "RU-1", 0.7);
  InsertLink("UA-2", "RU-2", 0.3);
  auto ids = [&](const std::string& band) {
    ApiResponse r = Call("GET", "/api/v1/links?state=needs_review" + band, "med-analyst");
    EXPECT_EQ(r.status, 200) << r.body;
    const json body = Body(r);
    std::vector<std::int64_t> out;
    for (const json& l : body["links"]) out.push_back(l["id"]);
    EXPECT_EQ(body["total"], out.size()) << r.body;
    return out;
  };
  EXPECT_EQ(ids("&min_probability=0.5&max_probability=0.9"), std::vector<std::int64_t>{middle});
  // Each band is its own page: the one served before is not served for another.
  EXPECT_EQ(ids("&min_probability=0.5").size(), 2u);
  EXPECT_EQ(ids("&max_probability=0.7").size(), 1u);  // the upper edge is not included
  EXPECT_EQ(ids("&min_probability=0.7&max_probability=0.7").size(), 0u);
  EXPECT_EQ(ids("").size(), 3u);
  for (const std::string bad : {"min_probability=2", "min_probability=x", "max_probability=-0.1",
                                "max_probability=0.5abc"}) {
    ApiResponse r = Call("GET", "/api/v1/links?" + bad, "med-analyst");
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(Body(r)["error"]["field"], bad.substr(0, bad.find('='))) << bad;
  }
}

TEST_F(ApiLinksTest, ConcurrentDecisionsOnTheSameVersionExactlyOneWins) {
  const std::string path =
      "/api/v1/links/" + std::to_string(InsertLink("UA-2", "RU-1", 0.5)) + "/decision";
  std::atomic<int> won = 0;
  std::atomic<int> conflicts = 0;
  std::vector<std::thread> analysts;
  for (int i = 0; i < 8; ++i) {
    analysts.emplace_back([&, i] {
      const char* d = i % 2 == 0 ? "accept" : "reject";
      int status = Call("POST", path, "med-analyst",
                        std::string(R"({"expected_version":0,"decision":")") + d + "\"}")
                       .status;
      (status == 200 ? won : conflicts)++;
    });
  }
  for (auto& t : analysts) t.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(conflicts.load(), 7);
  EXPECT_EQ(*tw_.db().QueryInt("SELECT COUNT(*) FROM link_decisions").value(), 1);
}

}  // namespace
}  // namespace parley::server
