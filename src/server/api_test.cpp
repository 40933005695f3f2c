// The API through Api::Handle, without a socket: sign-in, cookies and CSRF, rate limiting,
// side scoping without leakage, 409 on stale writes, the access log, body limits.
#include "server/api.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "ledger/verify.h"
#include "server/auth/user_store.h"
#include "server/test_api.h"
#include "server/test_workspace.h"
#include "store/event_log.h"

namespace parley::server {
namespace {

using nlohmann::json;

constexpr const char* kPassword = kTestPassword;

ApiRequest Request(std::string method, std::string path) {
  ApiRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

class ApiTest : public ApiFixture<testing::TestWorkspace> {
 protected:
  void SetUp() override {
    AddUsers({{"ua-admin", Role::kAdmin, "ua"},
              {"ua-clerk", Role::kClerk, "ua"},
              {"ru-analyst", Role::kAnalyst, "ru"},
              {"ua-observer", Role::kObserver, "ua"},
              {"icrc", Role::kInterviewer, "mediator"},
              {"cp", Role::kCheckpoint, "mediator"},
              {"ru-signer", Role::kSigner, "ru"}});
    StartApi();
  }
  ApiResponse Upload(const std::string& path, const std::string& user, std::string bytes) {
    ApiRequest req = Request("POST", path);
    req.body = std::move(bytes);
    req.headers["content-type"] = "application/octet-stream";
    req.headers["authorization"] = "Bearer " + tokens_.at(user);
    return api_->Handle(req);
  }
};

TEST_F(ApiTest, UnauthenticatedIs401AndPublicRoutesAreOpen) {
  EXPECT_EQ(Call("GET", "/api/v1/lists", "").status, 401);
  EXPECT_EQ(Body(Call("GET", "/api/v1/lists", "")).at("error").at("code"), "unauthenticated");
  EXPECT_EQ(Call("GET", "/api/v1/openapi.json", "").status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/health", "").status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/nowhere", "").status, 404);
  EXPECT_EQ(Call("DELETE", "/api/v1/lists", "ua-clerk").status, 405);
}

TEST_F(ApiTest, PartiesSeeOnlyTheirOwnAndSharedListsAndNothingLeaks) {
  json lists = Body(Call("GET", "/api/v1/lists", "ua-clerk"))["lists"];
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_EQ(lists[0]["list"], "ua-request");
  std::int64_t ru = tw_.Record("ru-custody", "RU-1");
  for (const std::string& path :
       {std::string("/api/v1/lists/ru-custody"), std::string("/api/v1/lists/ru-custody/versions"),
        std::string("/api/v1/lists/ru-custody/versions/latest/records"),
        "/api/v1/records/" + std::to_string(ru),
        "/api/v1/records/" + std::to_string(ru) + "/history"}) {
    ApiResponse r = Call("GET", path, "ua-clerk");
    EXPECT_EQ(r.status, 403) << path;
    EXPECT_EQ(r.body.find("Иванов"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("RU-1"), std::string::npos) << path;
  }
  // The mediator sees both parties' lists.
  EXPECT_EQ(Body(Call("GET", "/api/v1/lists", "icrc"))["lists"].size(), 2u);
}

TEST_F(ApiTest, SharingOpensReadsButNotWrites) {
  // ru's analyst may not share ua's list; ua's admin may.
  EXPECT_EQ(
      Call("PUT", "/api/v1/lists/ua-request/shares/ru", "ru-analyst", R"({"version":0})").status,
      403);
  ApiResponse shared =
      Call("PUT", "/api/v1/lists/ua-request/shares/ru", "ua-admin", R"({"version":0})");
  ASSERT_EQ(shared.status, 201) << shared.body;
  EXPECT_EQ(Body(Call("GET", "/api/v1/lists", "ru-analyst"))["lists"].size(), 2u);
  std::int64_t ua = tw_.Record("ua-request", "UA-1");
  EXPECT_EQ(Call("GET", "/api/v1/records/" + std::to_string(ua), "ru-analyst").status, 200);
  // Stale revoke: 409, and the share stays.
  EXPECT_EQ(Call("PUT", "/api/v1/lists/ua-request/shares/ru", "ua-admin",
                 R"({"version":0,"active":false})")
                .status,
            409);
  EXPECT_EQ(Call("GET", "/api/v1/records/" + std::to_string(ua), "ru-analyst").status, 200);
  ASSERT_EQ(Call("PUT", "/api/v1/lists/ua-request/shares/ru", "ua-admin",
                 R"({"version":1,"active":false})")
                .status,
            200);
  EXPECT_EQ(Call("GET", "/api/v1/records/" + std::to_string(ua), "ru-analyst").status, 403);
}

TEST_F(ApiTest, ObserverChangesNothing) {
  std::int64_t ua = tw_.Record("ua-request", "UA-1");
  EXPECT_EQ(Call("PUT", "/api/v1/records/" + std::to_string(ua) + "/interview", "ua-observer",
                 R"({"version":0,"outcome":"consents"})")
                .status,
            403);
  EXPECT_EQ(
      Call("PUT", "/api/v1/lists/ua-request/shares/ru", "ua-observer", R"({"version":0})").status,
      403);
  EXPECT_EQ(Call("POST", "/api/v1/users", "ua-observer",
                 R"({"name":"x","role":"admin","side":"ua","password":"0123456789"})")
                .status,
            403);
}

TEST_F(ApiTest, InterviewsAndHandoversWithOptimisticVersions) {
  std::string rec = "/api/v1/records/" + std::to_string(tw_.Record("ru-custody", "RU-1"));
  ApiResponse first = Call("PUT", rec + "/interview", "icrc",
                           R"({"version":0,"outcome":"consents","at":"2026-05-23T10:00:00Z"})");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(Body(first)["status"], "interviewed");
  EXPECT_EQ(Body(first)["interviewer"], "icrc");
  ApiResponse stale =
      Call("PUT", rec + "/interview", "icrc", R"({"version":0,"outcome":"refuses"})");
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(Body(stale)["error"]["code"], "conflict");
  EXPECT_EQ(Body(stale)["error"]["field"], "version");
  EXPECT_EQ(Body(Call("GET", rec + "/interview", "icrc"))["current"]["outcome"], "consents");
  EXPECT_EQ(Call("GET", rec + "/interview", "ua-clerk").status, 403);
  ApiResponse bad = Call("PUT", rec + "/interview", "icrc", R"({"version":1,"outcome":"maybe"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Body(bad)["error"]["field"], "outcome");
  // The checkpoint, not the interviewer, records handovers.
  std::string ev = R"({"expected_count":0,"event":"handed_over","phase":1,"place":"Sumy"})";
  EXPECT_EQ(Call("POST", rec + "/handovers", "icrc", ev).status, 403);
  // No plan signed by both sides sends this person: refused, nothing recorded (the handover
  // day's rules, with signed plans, are pinned in api_negotiation_test.cpp).
  ApiResponse unplanned = Call("POST", rec + "/handovers", "cp", ev);
  EXPECT_EQ(unplanned.status, 400);
  EXPECT_EQ(Body(unplanned)["error"]["field"], "record");
  ApiResponse list = Call("GET", rec + "/handovers", "cp");
  EXPECT_EQ(Body(list)["count"], 0);
  EXPECT_EQ(Body(list)["status"], "interviewed");
}

TEST_F(ApiTest, EveryRecordReadIsLogged) {
  std::string rec = "/api/v1/records/" + std::to_string(tw_.Record("ua-request", "UA-2"));
  ASSERT_EQ(Call("GET", rec, "ua-clerk").status, 200);
  ASSERT_EQ(Call("GET", rec + "/history", "ua-observer").status, 200);
  ASSERT_EQ(Call("GET", "/api/v1/lists/ua-request/versions/1/records", "ua-clerk").status, 200);
  json log = Body(Call("GET", rec + "/access-log", "ua-admin"))["entries"];
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0]["action"], "list-records");
  EXPECT_EQ(log[2]["user"], "ua-clerk");
  EXPECT_EQ(log[2]["action"], "read");
}

TEST_F(ApiTest, ARecordCarriesItsNameInLatinAsItsSidesPassportsWriteIt) {
  // Neither name has a letter of one language only, so the list's side decides: Ukrainian
  // passports write и as y, Russian ones as i, and й at the end of a word as i.
  json ua = Body(Call("GET", "/api/v1/records/" + std::to_string(tw_.Record("ua-request", "UA-1")),
                      "ua-clerk"));
  EXPECT_EQ(ua["surname"], "Шевченко");  // the name itself stays as written
  EXPECT_EQ(ua["name_latin"]["surname"], "Shevchenko");
  EXPECT_EQ(ua["name_latin"]["given_name"], "Dmytro");
  EXPECT_EQ(ua["name_latin"]["standard"], "KMU 2010");
  json page = Body(Call("GET", "/api/v1/lists/ru-custody/versions/1/records", "ru-analyst"));
  ASSERT_FALSE(page["records"].empty()) << page.dump();
  EXPECT_EQ(page["records"][0]["name_latin"]["surname"], "Ivanov");
  EXPECT_EQ(page["records"][0]["name_latin"]["given_name"], "Sergei");
  EXPECT_EQ(page["records"][0]["name_latin"]["standard"], "ICAO 9303");
}

TEST_F(ApiTest, LoginSetsCookiesAndCsrfGuardsWrites) {
  ApiRequest login = Request("POST", "/api/v1/session");
  login.body = json{{"name", "ua-admin"}, {"password", kPassword}}.dump();
  login.remote_addr = "127.0.0.1";
  ApiResponse r = api_->Handle(login);
  ASSERT_EQ(r.status, 200) << r.body;
  std::string session;
  for (const auto& [name, value] : r.headers) {
    if (name == "Set-Cookie" && value.starts_with("parley_session=")) {
      session = value.substr(15, value.find(';') - 15);
      EXPECT_NE(value.find("HttpOnly"), std::string::npos);
      EXPECT_NE(value.find("SameSite=Strict"), std::string::npos);
      EXPECT_EQ(value.find("Secure"), std::string::npos);  // no TLS in this test
    }
  }
  ASSERT_FALSE(session.empty());
  std::string csrf = Body(r)["csrf_token"];
  ApiRequest write = Request("PUT", "/api/v1/lists/ua-request/shares/ru");
  write.body = R"({"version":0})";
  write.headers["cookie"] = "other=1; parley_session=" + session;
  ApiResponse no_token = api_->Handle(write);
  EXPECT_EQ(no_token.status, 403);
  EXPECT_EQ(Body(no_token)["error"]["code"], "csrf_failed");
  write.headers["x-csrf-token"] = csrf;
  EXPECT_EQ(api_->Handle(write).status, 201);
  ApiRequest logout = Request("DELETE", "/api/v1/session");
  logout.headers = write.headers;
  EXPECT_EQ(api_->Handle(logout).status, 204);
  ApiRequest after = Request("GET", "/api/v1/lists");
  after.headers["cookie"] = "parley_session=" + session;
  EXPECT_EQ(api_->Handle(after).status, 401);
}

TEST_F(ApiTest, SessionsSurviveARestartAndEndWhenTheUserIsDisabled) {
  ApiRequest login = Request("POST", "/api/v1/session");
  login.body = json{{"name", "ua-clerk"}, {"password", kPassword}}.dump();
  ApiResponse r = api_->Handle(login);
  ASSERT_EQ(r.status, 200) << r.body;
  std::string cookie;
  for (const auto& [name, value] : r.headers) {
    if (value.starts_with("parley_session=")) cookie = value.substr(0, value.find(';'));
  }
  ASSERT_FALSE(cookie.empty());
  api_->Close();
  StartApi();
  ApiRequest who = Request("GET", "/api/v1/session");
  who.headers["cookie"] = cookie;
  ApiResponse same = api_->Handle(who);
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(Body(same)["user"]["name"], "ua-clerk");
  EXPECT_EQ(Body(same)["csrf_token"], Body(r)["csrf_token"]);
  ASSERT_EQ(Call("PATCH", "/api/v1/users/ua-clerk", "ua-admin", R"({"version":1,"disabled":true})")
                .status,
            200);
  EXPECT_EQ(api_->Handle(who).status, 401);
}

TEST_F(ApiTest, TheSessionSaysWhichOperationsTheRoleMayCall) {
  auto operations = [&](const std::string& user) {
    ApiResponse r = Call("GET", "/api/v1/session", user);
    EXPECT_EQ(r.status, 200) << r.body;
    return Body(r)["operations"].get<std::vector<std::string>>();
  };
  auto has = [](const std::vector<std::string>& ops, std::string_view id) {
    return std::ranges::find(ops, id) != ops.end();
  };
  std::vector<std::string> clerk = operations("ua-clerk");
  EXPECT_TRUE(has(clerk, "uploadListVersion"));
  EXPECT_TRUE(has(clerk, "listLists"));
  EXPECT_FALSE(has(clerk, "decideLink"));
  EXPECT_FALSE(has(clerk, "login"));  // public routes are not the role's to list
  std::vector<std::string> observer = operations("ua-observer");
  EXPECT_FALSE(has(observer, "uploadListVersion"));
  EXPECT_FALSE(has(observer, "decideLink"));
  EXPECT_TRUE(has(observer, "listLinks"));
}

TEST_F(ApiTest, EachUserChoosesTheirOwnInterfaceLanguage) {
  EXPECT_TRUE(Body(Call("GET", "/api/v1/session", "ua-observer"))["user"]["language"].is_null());
  // An observer changes no data, but the interface language is theirs to choose.
  ApiResponse chosen =
      Call("PUT", "/api/v1/session/language", "ua-observer", R"({"language":"uk"})");
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  EXPECT_EQ(Body(chosen)["user"]["language"], "uk");
  EXPECT_FALSE(Body(chosen)["operations"].empty());
  EXPECT_EQ(Body(Call("GET", "/api/v1/session", "ua-observer"))["user"]["language"], "uk");
  EXPECT_TRUE(Body(Call("GET", "/api/v1/session", "ua-clerk"))["user"]["language"].is_null());
  // Not a change of the account: its version stays, so an admin's pending edit still applies.
  EXPECT_EQ(Body(Call("GET", "/api/v1/session", "ua-observer"))["user"]["version"], 1);
  ApiResponse unknown =
      Call("PUT", "/api/v1/session/language", "ua-observer", R"({"language":"xx"})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(Body(unknown)["error"]["field"], "language");
  EXPECT_NE(Body(unknown)["error"]["message"].get<std::string>().find("uk, ru, en, tr"),
            std::string::npos);
  EXPECT_EQ(Call("PUT", "/api/v1/session/language", "ua-observer", "{}").status, 400);
  EXPECT_EQ(Body(Call("GET", "/api/v1/session", "ua-observer"))["user"]["language"], "uk");
}

TEST_F(ApiTest, DisablingAUserStopsItsTokenAtOnceDespiteTheCache) {
  ASSERT_EQ(Call("GET", "/api/v1/lists", "ua-observer").status, 200);  // now cached
  ASSERT_EQ(
      Call("PATCH", "/api/v1/users/ua-observer", "ua-admin", R"({"version":1,"disabled":true})")
          .status,
      200);
  EXPECT_EQ(Call("GET", "/api/v1/lists", "ua-observer").status, 401);
}

TEST_F(ApiTest, LoginIsRateLimitedPerUserAndAddress) {
  ApiRequest bad = Request("POST", "/api/v1/session");
  bad.body = json{{"name", "ua-clerk"}, {"password", "wrong password!"}}.dump();
  bad.remote_addr = "10.1.1.1";
  for (int i = 0; i < LoginRateLimiter::kMaxFailures; ++i) EXPECT_EQ(api_->Handle(bad).status, 401);
  ApiRequest good = bad;
  good.body = json{{"name", "ua-clerk"}, {"password", kPassword}}.dump();
  ApiResponse limited = api_->Handle(good);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(Body(limited)["error"]["code"], "rate_limited");
  good.remote_addr = "10.1.1.2";
  EXPECT_EQ(api_->Handle(good).status, 200);
}

TEST_F(ApiTest, StaleUserUpdateIs409) {
  ASSERT_EQ(Call("PATCH", "/api/v1/users/ua-clerk", "ua-admin", R"({"version":1,"role":"analyst"})")
                .status,
            200);
  ApiResponse stale =
      Call("PATCH", "/api/v1/users/ua-clerk", "ua-admin", R"({"version":1,"disabled":true})");
  EXPECT_EQ(stale.status, 409);
  // A party's admin manages only its own side's users.
  EXPECT_EQ(Call("PATCH", "/api/v1/users/ru-analyst", "ua-admin", R"({"version":1})").status, 403);
  EXPECT_EQ(
      Call("PATCH", "/api/v1/users/ua-clerk", "ua-admin", R"({"version":2,"side":"ru"})").status,
      403);
  json users = Body(Call("GET", "/api/v1/users", "ua-admin"))["users"];
  for (const auto& u : users) EXPECT_EQ(u["side"], "ua");
}

TEST_F(ApiTest, LedgerShowsSignedEventsPageByPage) {
  std::string rec = "/api/v1/records/" + std::to_string(tw_.Record("ru-custody", "RU-1"));
  ASSERT_EQ(Call("PUT", rec + "/interview", "icrc", R"({"version":0,"outcome":"consents"})").status,
            201);
  json head = Body(Call("GET", "/api/v1/ledger", "ua-observer"));
  EXPECT_EQ(head["size"], 3);  // two list imports and the interview
  EXPECT_TRUE(head["origin"].get<std::string>().starts_with("parley/node/"));
  EXPECT_NE(head["checkpoint"].get<std::string>().find(head["origin"].get<std::string>()),
            std::string::npos);
  json page = Body(Call("GET", "/api/v1/ledger/entries?from=1&limit=1", "ua-observer"));
  ASSERT_EQ(page["entries"].size(), 1u);
  EXPECT_EQ(page["entries"][0]["seq"], 1);
  EXPECT_EQ(page["next"], 2);
  json last = Body(Call("GET", "/api/v1/ledger/entries?from=2", "ua-observer"));
  EXPECT_TRUE(last["next"].is_null());
  const json& e = last["entries"][0];
  EXPECT_EQ(e["type"], "interview.recorded");
  EXPECT_EQ(e["actor"], "icrc");
  EXPECT_EQ(e["body"]["outcome"], "consents");
  EXPECT_EQ(e["signature"].get<std::string>().size(), 88u);  // 64 bytes in base64
  EXPECT_EQ(e["leaf_hash"].get<std::string>().size(), 64u);
  ApiResponse past = Call("GET", "/api/v1/ledger/entries?from=4", "ua-observer");
  EXPECT_EQ(past.status, 400);
  EXPECT_EQ(Body(past)["error"]["field"], "from");
  EXPECT_EQ(Call("GET", "/api/v1/ledger/entries?origin=nope", "ua-observer").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/ledger", "").status, 401);
}

TEST_F(ApiTest, ARecordsEventsAreItsListVersionAndInterviews) {
  std::int64_t ru1 = tw_.Record("ru-custody", "RU-1");
  std::string rec = "/api/v1/records/" + std::to_string(ru1);
  ASSERT_EQ(Call("PUT", rec + "/interview", "icrc", R"({"version":0,"outcome":"consents"})").status,
            201);
  // Another record's interview is not this record's event.
  std::string other = "/api/v1/records/" + std::to_string(tw_.Record("ru-custody", "RU-2"));
  ASSERT_EQ(
      Call("PUT", other + "/interview", "icrc", R"({"version":0,"outcome":"consents"})").status,
      201);
  ApiResponse r = Call("GET", rec + "/events", "icrc");
  ASSERT_EQ(r.status, 200) << r.body;
  json events = Body(r)["events"];
  ASSERT_EQ(events.size(), 2u) << events.dump();
  EXPECT_EQ(events[0]["type"], "list.version_submitted");
  EXPECT_EQ(events[0]["body"]["list"], "ru-custody");
  EXPECT_EQ(events[1]["type"], "interview.recorded");
  EXPECT_EQ(events[1]["body"]["record_id"], ru1);
  // The other side's record: 403, as for the record itself.
  EXPECT_EQ(Call("GET", rec + "/events", "ua-clerk").status, 403);
}

TEST_F(ApiTest, VerifyRunsTheWorkspaceVerification) {
  EXPECT_EQ(Call("POST", "/api/v1/ledger/verify", "ua-clerk").status, 403);
  ApiResponse r = Call("POST", "/api/v1/ledger/verify", "ru-signer");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["ok"], true);
  EXPECT_EQ(Body(r)["logs"][0]["size"], 2);
  EXPECT_EQ(Body(r)["logs"][0]["own"], true);
  EXPECT_EQ(Body(r)["logs"][0]["checkpoint_checked"], true);
  // A stored entry whose hash no longer matches: the answer names the log and the entry.
  ASSERT_TRUE(tw_.db().Exec("DROP TRIGGER ledger_entries_are_immutable").has_value());
  ASSERT_TRUE(tw_.db()
                  .Exec("UPDATE ledger_entries SET leaf_hash = zeroblob(32) WHERE seq = 1")
                  .has_value());
  json bad = Body(Call("POST", "/api/v1/ledger/verify", "ua-admin"));
  EXPECT_EQ(bad["ok"], false);
  EXPECT_NE(bad["error"]["message"].get<std::string>().find("seq 1"), std::string::npos)
      << bad.dump();
}

TEST_F(ApiTest, ExportedBundleVerifies) {
  EXPECT_EQ(Call("POST", "/api/v1/bundles/export", "ua-clerk", R"({"for":"ru"})").status, 403);
  ApiResponse r = Call("POST", "/api/v1/bundles/export", "ua-admin", R"({"for":"ru"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/octet-stream");
  ASSERT_FALSE(r.headers.empty());
  EXPECT_NE(r.headers[0].second.find("-for-ru.bundle"), std::string::npos);
  auto node = (*tw_.ws().Events())->NodeKey().Public();
  auto verified = ledger::VerifyBundle(r.body, {.trusted = {node}, .threads = 1});
  ASSERT_TRUE(verified.has_value()) << verified.error().Describe();
  EXPECT_EQ(verified->bundle.size, 2u);
  EXPECT_TRUE(verified->trusted_signature);
  EXPECT_EQ(Body(Call("POST", "/api/v1/bundles/export", "ru-signer",
                      R"({"for":"a b"})"))["error"]["field"],
            "for");
  ApiResponse since =
      Call("POST", "/api/v1/bundles/export", "ru-signer", R"({"for":"ua","since":"junk"})");
  EXPECT_EQ(since.status, 400) << since.body;
}

TEST_F(ApiTest, ImportIsAllOrNothingAndNamesTheBadEntry) {
  testing::TestWorkspace other;
  auto* other_log = *other.ws().Events();
  auto bytes = other_log->ExportBundle(std::nullopt);
  ASSERT_TRUE(bytes.has_value());
  // Without trusting the other node's key, nothing is imported.
  EXPECT_EQ(Upload("/api/v1/bundles/import", "ua-admin", *bytes).status, 400);
  ASSERT_TRUE(store::AddTrustedKey(tw_.dir(), other_log->NodeKey().Public()).has_value());
  EXPECT_EQ(Upload("/api/v1/bundles/import", "ua-clerk", *bytes).status, 403);
  // One changed byte in the last entry: refused, naming the entry, and nothing is kept.
  std::string tampered = *bytes;
  std::size_t at = tampered.rfind("ru-custody");
  ASSERT_NE(at, std::string::npos);
  tampered[at] = 'R';
  ApiResponse bad = Upload("/api/v1/bundles/import", "ua-admin", tampered);
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(Body(bad)["error"]["entry"], 1) << bad.body;
  EXPECT_TRUE(Body(Call("GET", "/api/v1/ledger", "ua-admin"))["replicas"].empty());
  ApiResponse ok = Upload("/api/v1/bundles/import", "ua-admin", *bytes);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Body(ok)["size"], 2);
  EXPECT_EQ(Body(ok)["origin"], other_log->Node().origin);
  json replicas = Body(Call("GET", "/api/v1/ledger", "ua-admin"))["replicas"];
  ASSERT_EQ(replicas.size(), 1u);
  EXPECT_EQ(replicas[0]["size"], 2);
  json page =
      Body(Call("GET", "/api/v1/ledger/entries?origin=" + other_log->Node().origin, "ua-admin"));
  EXPECT_EQ(page["entries"].size(), 2u);
  // The same bundle again adds nothing: refused as a replay.
  EXPECT_EQ(Upload("/api/v1/bundles/import", "ua-admin", *bytes).status, 409);
}

TEST_F(ApiTest, BodyLimitsAndBadJson) {
  std::string big(kMaxJsonBody + 1, ' ');
  EXPECT_EQ(Call("PATCH", "/api/v1/users/ua-clerk", "ua-admin", big).status, 413);
  ApiResponse bad = Call("PATCH", "/api/v1/users/ua-clerk", "ua-admin", "{not json");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Body(bad)["error"]["code"], "invalid_input");
  ApiResponse missing = Call("PATCH", "/api/v1/users/ua-clerk", "ua-admin", "{}");
  EXPECT_EQ(Body(missing)["error"]["field"], "version");
}

}  // namespace
}  // namespace parley::server
