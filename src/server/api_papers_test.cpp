// The papers of an exchange through Api::Handle (handlers/papers.h): each route's file type
// and name, who may have which paper (the agreement and a plan's summary every user of the
// plan's sides; a list or workbook only its own party and the mediator; nothing naming people
// for an observer), and every person a paper names written to the access log.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "negotiation/test_workspace.h"
#include "server/api.h"
#include "server/test_api.h"

namespace parley::server {
namespace {

using nlohmann::json;

class ApiPapersTest : public ApiFixture<negotiation::testing::TestWorkspace> {
 protected:
  void SetUp() override {
    AddUsers({{"ua-negotiator", Role::kNegotiator, "ua"},
              {"ua-signer", Role::kSigner, "ua"},
              {"ru-signer", Role::kSigner, "ru"},
              {"med-checkpoint", Role::kCheckpoint, "mediator"},
              {"ua-observer", Role::kObserver, "ua"},
              {"xx-negotiator", Role::kNegotiator, "xx"},
              {"med-negotiator", Role::kNegotiator, "mediator"},
              {"med-observer", Role::kObserver, "mediator"},
              {"admin", Role::kAdmin, "mediator"}});
    StartApi();
    // The test agreement with acting sides ua (party a) and ru (party b), and a plan of both.
    std::string text = negotiation::testing::kTestAgreement;
    const std::string parties = "b = \"Russia\"\n";
    text.replace(text.find(parties), parties.size(),
                 parties + "a_side = \"ua\"\nb_side = \"ru\"\n");
    ASSERT_EQ(
        Post("/api/v1/agreements", "ua-negotiator", {{"name", "deal"}, {"text", text}}).status,
        201);
    ApiResponse plan = Post("/api/v1/plans", "ua-negotiator",
                            {{"agreement", "deal"}, {"side_a", "ua"}, {"side_b", "ru"}});
    ASSERT_EQ(plan.status, 201) << plan.body;
    plan_ = "/api/v1/plans/" + std::to_string(Body(plan)["id"].get<std::int64_t>());
    people_ = Body(Call("GET", plan_, "ua-negotiator"))["people"];
  }

  ApiResponse Post(const std::string& path, const std::string& user, const json& body) {
    return Call("POST", path, user, body.dump());
  }
  static std::string Header(const ApiResponse& r, const std::string& name) {
    for (const auto& [key, value] : r.headers) {
      if (key == name) return value;
    }
    return "";
  }
  // How many times `user` read record `id` for a paper, by the access log.
  int PaperReads(std::int64_t id, const std::string& user) {
    json log = Body(Call("GET", "/api/v1/records/" + std::to_string(id) + "/access-log", "admin"));
    int reads = 0;
    for (const json& e : log["entries"]) {
      if (e["user"] == user && e["action"] == "paper") reads += e["reads"].get<int>();
    }
    return reads;
  }
  // A person the plan puts in phase 1 handed over by `side` ("a" or "b").
  std::int64_t InPhaseOne(const std::string& side) {
    for (const json& p : people_) {
      if (p["phase"] == 1 && p["side"] == side) return p["record_id"].get<std::int64_t>();
    }
    ADD_FAILURE() << "nobody of side " << side << " in phase 1: " << people_.dump();
    return 0;
  }

  std::string plan_;
  json people_;
};

TEST_F(ApiPapersTest, TheAgreementAndThePlanSummaryArePdfsForEveryoneOfThePlansSides) {
  ApiResponse agreement =
      Call("GET", "/api/v1/agreements/deal/paper.pdf?lang=uk,ru", "ua-observer");
  ASSERT_EQ(agreement.status, 200) << agreement.body;
  EXPECT_EQ(agreement.content_type, "application/pdf");
  EXPECT_EQ(agreement.body.substr(0, 5), "%PDF-");
  EXPECT_NE(Header(agreement, "Content-Disposition").find("attachment; filename=\"agreement-"),
            std::string::npos)
      << Header(agreement, "Content-Disposition");
  // The same workspace state gives the same bytes.
  EXPECT_EQ(Call("GET", "/api/v1/agreements/deal/paper.pdf?lang=uk,ru", "ua-observer").body,
            agreement.body);
  EXPECT_EQ(Call("GET", "/api/v1/agreements/deal/paper.pdf", "").status, 401);
  EXPECT_EQ(Call("GET", "/api/v1/agreements/nodeal/paper.pdf", "ua-observer").status, 404);
  ApiResponse bad_lang = Call("GET", "/api/v1/agreements/deal/paper.pdf?lang=uk,xx", "ua-observer");
  EXPECT_EQ(bad_lang.status, 400);
  EXPECT_EQ(Body(bad_lang)["error"]["field"], "lang");

  ApiResponse summary = Call("GET", plan_ + "/papers/plan.pdf?lang=ru,en", "ua-observer");
  ASSERT_EQ(summary.status, 200) << summary.body;
  EXPECT_EQ(summary.content_type, "application/pdf");
  EXPECT_EQ(Call("GET", plan_ + "/papers/plan.pdf", "med-observer").status, 200);
  // A user of neither side of the plan gets no paper of it.
  EXPECT_EQ(Call("GET", plan_ + "/papers/plan.pdf", "xx-negotiator").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/plans/999/papers/plan.pdf", "ua-observer").status, 404);
}

TEST_F(ApiPapersTest, APartyGetsItsOwnSidesListAndTheMediatorEveryOneEachReadLogged) {
  const std::string list = plan_ + "/papers/list.pdf?phase=1&side=";
  ApiResponse own = Call("GET", list + "a", "ua-negotiator");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.content_type, "application/pdf");
  // The file name quoted, and again as RFC 5987's filename* (http/content_disposition.h).
  EXPECT_TRUE(Header(own, "Content-Disposition")
                  .starts_with("attachment; filename=\"list-plan" +
                               plan_.substr(plan_.rfind('/') + 1) + "-phase1-a.pdf\";"))
      << Header(own, "Content-Disposition");
  EXPECT_EQ(Call("GET", list + "ua", "ua-negotiator").status, 200);  // its side by name
  // The other party's list, another side's user, an observer: refused, and nothing logged.
  EXPECT_EQ(Call("GET", list + "b", "ua-negotiator").status, 403);
  EXPECT_EQ(Call("GET", list + "a", "xx-negotiator").status, 403);
  EXPECT_EQ(Call("GET", list + "a", "ua-observer").status, 403);
  EXPECT_EQ(Call("GET", list + "a", "med-observer").status, 403);
  // The mediator's users get either party's list.
  EXPECT_EQ(Call("GET", list + "b", "med-negotiator").status, 200);
  EXPECT_EQ(Call("GET", list + "a", "med-negotiator").status, 200);
  // Without a side or a phase, or with a phase outside the plan: a clear 400.
  ApiResponse no_side = Call("GET", plan_ + "/papers/list.pdf?phase=1", "med-negotiator");
  EXPECT_EQ(no_side.status, 400);
  EXPECT_EQ(Body(no_side)["error"]["field"], "side");
  ApiResponse no_phase = Call("GET", plan_ + "/papers/list.pdf?side=a", "med-negotiator");
  EXPECT_EQ(no_phase.status, 400);
  EXPECT_EQ(Body(no_phase)["error"]["field"], "phase");
  EXPECT_EQ(Call("GET", plan_ + "/papers/list.pdf?phase=99&side=a", "med-negotiator").status, 400);

  // Everyone on side a's list was read by ua-negotiator twice (by "a" and by "ua"), by the
  // mediator's negotiator once; nobody of side b by ua-negotiator.
  const std::int64_t a_person = InPhaseOne("a");
  const std::int64_t b_person = InPhaseOne("b");
  EXPECT_EQ(PaperReads(a_person, "ua-negotiator"), 2);
  EXPECT_EQ(PaperReads(a_person, "med-negotiator"), 1);
  EXPECT_EQ(PaperReads(b_person, "ua-negotiator"), 0);
  EXPECT_EQ(PaperReads(b_person, "med-negotiator"), 1);
}

TEST_F(ApiPapersTest, EitherPartyGetsTheActOfAPhaseAndItLogsBothDirections) {
  ApiResponse act = Call("GET", plan_ + "/papers/act.pdf?phase=1&lang=uk,ru,en", "ua-signer");
  ASSERT_EQ(act.status, 200) << act.body;
  EXPECT_EQ(act.content_type, "application/pdf");
  EXPECT_TRUE(Header(act, "Content-Disposition")
                  .starts_with("attachment; filename=\"act-plan" +
                               plan_.substr(plan_.rfind('/') + 1) + "-phase1.pdf\";"))
      << Header(act, "Content-Disposition");
  EXPECT_EQ(Call("GET", plan_ + "/papers/act.pdf?phase=1", "ru-signer").status, 200);
  EXPECT_EQ(Call("GET", plan_ + "/papers/act.pdf?phase=1", "med-checkpoint").status, 200);
  EXPECT_EQ(Call("GET", plan_ + "/papers/act.pdf?phase=1", "ua-observer").status, 403);
  EXPECT_EQ(Call("GET", plan_ + "/papers/act.pdf?phase=1", "xx-negotiator").status, 403);
  ApiResponse sheet = Call("GET", plan_ + "/papers/act.xlsx?phase=1", "ua-signer");
  ASSERT_EQ(sheet.status, 200) << sheet.body;
  EXPECT_EQ(sheet.content_type,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(sheet.body.substr(0, 2), "PK");
  EXPECT_EQ(PaperReads(InPhaseOne("a"), "ua-signer"), 2);  // the PDF and the worksheet
  EXPECT_EQ(PaperReads(InPhaseOne("b"), "ua-signer"), 2);
  EXPECT_EQ(PaperReads(InPhaseOne("b"), "ua-observer"), 0);
}

TEST_F(ApiPapersTest, APartysWorkbookIsItsOwn) {
  ApiResponse own = Call("GET", plan_ + "/papers/plan.xlsx?side=b", "ru-signer");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.body.substr(0, 2), "PK");
  EXPECT_NE(Header(own, "Content-Disposition").find("-b.xlsx\""), std::string::npos);
  EXPECT_EQ(Call("GET", plan_ + "/papers/plan.xlsx?side=a", "ru-signer").status, 403);
  EXPECT_EQ(Call("GET", plan_ + "/papers/plan.xlsx?side=a", "ua-observer").status, 403);
  EXPECT_EQ(Call("GET", plan_ + "/papers/plan.xlsx?side=a", "med-negotiator").status, 200);
}

TEST_F(ApiPapersTest, ALinksMatchExplanationIsForWhoeverMaySeeBothRecords) {
  json links = Body(Call("GET", "/api/v1/links?left=ua-request&right=ru-custody", "admin"));
  ASSERT_FALSE(links["links"].empty()) << links.dump();
  const json& link = links["links"][0];
  const std::string path = "/api/v1/links/" + std::to_string(link["id"].get<std::int64_t>());
  ApiResponse paper = Call("GET", path + "/paper.pdf?lang=uk,en", "med-observer");
  ASSERT_EQ(paper.status, 200) << paper.body;
  EXPECT_EQ(paper.content_type, "application/pdf");
  EXPECT_NE(Header(paper, "Content-Disposition").find("filename=\"link-"), std::string::npos);
  // ru-custody is not shared with ua: its users may not see the pair.
  EXPECT_EQ(Call("GET", path + "/paper.pdf", "ua-observer").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/links/99999/paper.pdf", "med-observer").status, 404);
  EXPECT_EQ(PaperReads(link["left_record_id"].get<std::int64_t>(), "med-observer"), 1);
  EXPECT_EQ(PaperReads(link["right_record_id"].get<std::int64_t>(), "med-observer"), 1);
  EXPECT_EQ(PaperReads(link["left_record_id"].get<std::int64_t>(), "ua-observer"), 0);
}

}  // namespace
}  // namespace parley::server
