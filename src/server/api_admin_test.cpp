// The admin's API beyond users themselves: a user's API tokens listed (never their secret) and
// revoked (the token stops at once, despite the token cache), and the node's access log read
// newest first, filtered, a page at a time, each party's admin seeing only its side's records.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "server/api.h"
#include "server/test_api.h"
#include "server/test_workspace.h"

namespace parley::server {
namespace {

using nlohmann::json;

class AdminApiTest : public ApiFixture<testing::TestWorkspace> {
 protected:
  void SetUp() override {
    AddUsers({{"ua-admin", Role::kAdmin, "ua"},
              {"ru-admin", Role::kAdmin, "ru"},
              {"mediator-admin", Role::kAdmin, "mediator"},
              {"ua-clerk", Role::kClerk, "ua"},
              {"ru-analyst", Role::kAnalyst, "ru"},
              {"ua-observer", Role::kObserver, "ua"}});
    StartApi();
  }
  // A new token for `user`, made through the API by `admin`.
  json NewToken(const std::string& admin, const std::string& user) {
    ApiResponse r = Call("POST", "/api/v1/users/" + user + "/tokens", admin);
    EXPECT_EQ(r.status, 201) << r.body;
    return Body(r);
  }
  // A call authenticated by a raw token rather than a fixture user's.
  int StatusWithToken(const std::string& token) {
    ApiRequest req;
    req.method = "GET";
    req.path = "/api/v1/lists";
    req.remote_addr = "127.0.0.1";
    req.headers["authorization"] = "Bearer " + token;
    return api_->Handle(req).status;
  }
  std::string Rec(const std::string& list, const std::string& key) {
    return "/api/v1/records/" + std::to_string(tw_.Record(list, key));
  }
};

TEST_F(AdminApiTest, ANewTokenIsShownOnceAndListedWithoutItsSecret) {
  json made = NewToken("ua-admin", "ua-clerk");
  ASSERT_TRUE(made["token"].is_string());
  const std::string secret = made["token"];
  EXPECT_EQ(made["user"], "ua-clerk");
  EXPECT_GT(made["id"].get<std::int64_t>(), 0);
  EXPECT_FALSE(made["revoked"].get<bool>());
  EXPECT_EQ(StatusWithToken(secret), 200);

  ApiResponse listed = Call("GET", "/api/v1/users/ua-clerk/tokens", "ua-admin");
  ASSERT_EQ(listed.status, 200) << listed.body;
  json tokens = Body(listed)["tokens"];
  ASSERT_EQ(tokens.size(), 2u);  // the fixture's own token, then this one: newest first
  EXPECT_EQ(tokens[0]["id"], made["id"]);
  EXPECT_EQ(tokens[0]["created_at"], made["created_at"]);
  for (const json& t : tokens) {
    EXPECT_FALSE(t.contains("token"));
    EXPECT_FALSE(t.contains("token_sha256"));
  }
  EXPECT_EQ(listed.body.find(secret), std::string::npos);
  EXPECT_EQ(listed.body.find(tokens_.at("ua-clerk")), std::string::npos);
}

TEST_F(AdminApiTest, ARevokedTokenNoLongerAuthenticatesDespiteTheCache) {
  json made = NewToken("ua-admin", "ua-clerk");
  const std::string secret = made["token"];
  const std::string id = std::to_string(made["id"].get<std::int64_t>());
  ASSERT_EQ(StatusWithToken(secret), 200);  // now in the token cache

  ApiResponse revoked = Call("DELETE", "/api/v1/users/ua-clerk/tokens/" + id, "ua-admin");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_TRUE(Body(revoked)["revoked"].get<bool>());
  EXPECT_EQ(StatusWithToken(secret), 401);
  // The user's other token still works, and revoking again changes nothing.
  EXPECT_EQ(Call("GET", "/api/v1/lists", "ua-clerk").status, 200);
  EXPECT_EQ(Call("DELETE", "/api/v1/users/ua-clerk/tokens/" + id, "ua-admin").status, 200);
  json tokens = Body(Call("GET", "/api/v1/users/ua-clerk/tokens", "ua-admin"))["tokens"];
  EXPECT_TRUE(tokens[0]["revoked"].get<bool>());
  EXPECT_FALSE(tokens[1]["revoked"].get<bool>());
}

TEST_F(AdminApiTest, TokensAreTheAdminsOfTheUsersSideOnly) {
  json made = NewToken("ua-admin", "ua-clerk");
  const std::string id = std::to_string(made["id"].get<std::int64_t>());
  const std::string tokens = "/api/v1/users/ua-clerk/tokens";
  // Other roles, and another side's admin: 403, and the token keeps working.
  EXPECT_EQ(Call("GET", tokens, "ua-observer").status, 403);
  EXPECT_EQ(Call("GET", tokens, "ua-clerk").status, 403);
  EXPECT_EQ(Call("GET", tokens, "ru-admin").status, 403);
  EXPECT_EQ(Call("DELETE", tokens + "/" + id, "ua-clerk").status, 403);
  ApiResponse other_side = Call("DELETE", tokens + "/" + id, "ru-admin");
  EXPECT_EQ(other_side.status, 403);
  EXPECT_EQ(Body(other_side)["error"]["code"], "forbidden");
  EXPECT_EQ(StatusWithToken(made["token"]), 200);
  // The mediator's admin manages every side's users.
  EXPECT_EQ(Call("GET", tokens, "mediator-admin").status, 200);
  // A token of another user, an unknown id, a malformed id, an unknown user.
  std::string analysts = std::to_string(NewToken("ru-admin", "ru-analyst")["id"].get<int>());
  EXPECT_EQ(Call("DELETE", tokens + "/" + analysts, "mediator-admin").status, 404);
  EXPECT_EQ(Call("DELETE", tokens + "/999999", "ua-admin").status, 404);
  ApiResponse bad = Call("DELETE", tokens + "/abc", "ua-admin");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Body(bad)["error"]["field"], "token");
  EXPECT_EQ(Call("GET", "/api/v1/users/nobody/tokens", "mediator-admin").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/users/ru-analyst/tokens", "", "").status, 401);
}

TEST_F(AdminApiTest, TheAccessLogIsNewestFirstWithIdsNeverContents) {
  ASSERT_EQ(Call("GET", Rec("ua-request", "UA-1"), "ua-clerk").status, 200);
  ASSERT_EQ(Call("GET", Rec("ua-request", "UA-2") + "/history", "ua-observer").status, 200);
  // Read at once: the log's queue is flushed before the page is read.
  ApiResponse r = Call("GET", "/api/v1/access-log", "ua-admin");
  ASSERT_EQ(r.status, 200) << r.body;
  json entries = Body(r)["entries"];
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0]["user"], "ua-observer");
  EXPECT_EQ(entries[0]["action"], "history");
  EXPECT_EQ(entries[0]["list"], "ua-request");
  EXPECT_EQ(entries[0]["record_key"], "UA-2");
  EXPECT_EQ(entries[1]["user"], "ua-clerk");
  EXPECT_EQ(entries[1]["action"], "read");
  EXPECT_EQ(entries[1]["record_id"], tw_.Record("ua-request", "UA-1"));
  EXPECT_EQ(entries[1]["reads"], 1);
  EXPECT_FALSE(Body(r)["more"].get<bool>());
  EXPECT_EQ(r.body.find("Шевченко"), std::string::npos);
  EXPECT_EQ(r.body.find("Дмитро"), std::string::npos);
}

TEST_F(AdminApiTest, TheAccessLogFiltersByUserAndRecordAPageAtATime) {
  const std::string ua1 = Rec("ua-request", "UA-1");
  for (int i = 0; i < 3; ++i) ASSERT_EQ(Call("GET", ua1 + "/history", "ua-clerk").status, 200);
  ASSERT_EQ(Call("GET", Rec("ua-request", "UA-2"), "ua-clerk").status, 200);
  ASSERT_EQ(Call("GET", ua1, "ua-observer").status, 200);
  auto entries = [&](const std::string& query) {
    ApiResponse r = Call("GET", "/api/v1/access-log" + query, "mediator-admin");
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    return Body(r);
  };
  json by_user = entries("?user=ua-clerk")["entries"];
  ASSERT_FALSE(by_user.empty());
  for (const json& e : by_user) EXPECT_EQ(e["user"], "ua-clerk");
  const std::string id = std::to_string(tw_.Record("ua-request", "UA-1"));
  json by_record = entries("?record=" + id)["entries"];
  ASSERT_FALSE(by_record.empty());
  for (const json& e : by_record) EXPECT_EQ(std::to_string(e["record_id"].get<int>()), id);
  EXPECT_EQ(by_record[0]["user"], "ua-observer");
  json both = entries("?user=ua-observer&record=" + id)["entries"];
  ASSERT_EQ(both.size(), 1u);
  EXPECT_TRUE(entries("?user=nobody")["entries"].empty());

  json first = entries("?limit=1");
  ASSERT_EQ(first["entries"].size(), 1u);
  EXPECT_TRUE(first["more"].get<bool>());
  EXPECT_EQ(first["entries"][0]["user"], "ua-observer");
  json second = entries("?limit=1&offset=1");
  EXPECT_EQ(second["offset"], 1);
  EXPECT_EQ(second["entries"][0]["user"], "ua-clerk");
  EXPECT_EQ(second["entries"][0]["record_key"], "UA-2");

  for (const char* bad : {"?limit=1001", "?offset=-1", "?record=x", "?limit=abc"}) {
    ApiResponse r = Call("GET", std::string("/api/v1/access-log") + bad, "mediator-admin");
    EXPECT_EQ(r.status, 400) << bad;
  }
}

TEST_F(AdminApiTest, EachPartysAdminSeesTheReadsOfTheRecordsItsSideMayRead) {
  ASSERT_EQ(Call("GET", Rec("ua-request", "UA-1"), "ua-clerk").status, 200);
  ASSERT_EQ(Call("GET", Rec("ru-custody", "RU-1"), "ru-analyst").status, 200);
  auto lists_seen = [&](const std::string& admin) {
    ApiResponse r = Call("GET", "/api/v1/access-log", admin);
    EXPECT_EQ(r.status, 200) << r.body;
    const json entries = Body(r)["entries"];
    std::set<std::string> lists;
    for (const json& e : entries) lists.insert(e["list"].get<std::string>());
    return lists;
  };
  EXPECT_EQ(lists_seen("ua-admin"), (std::set<std::string>{"ua-request"}));
  EXPECT_EQ(lists_seen("ru-admin"), (std::set<std::string>{"ru-custody"}));
  EXPECT_EQ(lists_seen("mediator-admin"), (std::set<std::string>{"ua-request", "ru-custody"}));
  // Once ru shares its list with ua, ua's admin sees who read it too.
  ASSERT_EQ(
      Call("PUT", "/api/v1/lists/ru-custody/shares/ua", "ru-admin", R"({"version":0})").status,
      201);
  EXPECT_EQ(lists_seen("ua-admin"), (std::set<std::string>{"ua-request", "ru-custody"}));
  // Only admins read it.
  for (const char* user : {"ua-clerk", "ru-analyst", "ua-observer"}) {
    ApiResponse r = Call("GET", "/api/v1/access-log", user);
    EXPECT_EQ(r.status, 403) << user;
    EXPECT_EQ(r.body.find("RU-1"), std::string::npos);
  }
  EXPECT_EQ(Call("GET", "/api/v1/access-log", "").status, 401);
}

}  // namespace
}  // namespace parley::server
