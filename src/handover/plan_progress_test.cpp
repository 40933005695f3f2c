// The handover day's counts: per phase and direction, exact; excluded people (refused,
// unfit, deceased, withheld) are not outstanding; people outside the plan are not counted.
#include "handover/plan_progress.h"

#include <gtest/gtest.h>

namespace parley::handover {
namespace {

using rules::Side;

struct Person {
  PlannedPerson planned;
  std::string status;
};

PlanProgress Derive(const std::vector<Person>& people) {
  std::vector<PlannedPerson> planned;
  std::vector<PersonStatus> statuses;
  for (const Person& p : people) {
    planned.push_back(p.planned);
    statuses.push_back(*ParsePersonStatus(p.status));
  }
  return DerivePlanProgress(planned, statuses);
}

void ExpectCounts(const ProgressCounts& c, std::int64_t promised, std::int64_t handed_over,
                  std::int64_t received, std::int64_t excluded, std::int64_t outstanding) {
  EXPECT_EQ(c.promised, promised);
  EXPECT_EQ(c.handed_over, handed_over);
  EXPECT_EQ(c.received, received);
  EXPECT_EQ(c.excluded, excluded);
  EXPECT_EQ(c.outstanding, outstanding);
}

// Two phases, both directions; record ids 1..11.
std::vector<Person> TwoPhases() {
  return {{{Side::kA, "R1", 1, "", 1}, "received"},
          {{Side::kA, "R2", 1, "", 2}, "handed_over"},
          {{Side::kA, "R3", 1, "", 3}, "deceased"},
          {{Side::kA, "R4", 2, "", 4}, "listed"},
          {{Side::kA, "R5", 2, "", 5}, "refused"},
          {{Side::kA, "R6", 0, "", 6}, "listed"},  // not in the plan: not promised
          {{Side::kB, "U1", 1, "", 7}, "received"},
          {{Side::kB, "U2", 1, "", 8}, "interviewed"},
          {{Side::kB, "U3", 2, "", 9}, "withheld"},
          {{Side::kB, "U4", 2, "", 10}, "unfit"},
          {{Side::kB, "U5", 2, "refused", 11}, "refused"}};  // dropped by a repair
}

TEST(PlanProgress, CountsEachPhaseAndDirectionExactly) {
  PlanProgress p = Derive(TwoPhases());
  ASSERT_EQ(p.rows.size(), 4u);
  EXPECT_EQ(p.rows[0].phase, 1);
  EXPECT_EQ(p.rows[0].from, Side::kA);
  ExpectCounts(p.rows[0].counts, 3, 2, 1, 1, 1);
  EXPECT_EQ(p.rows[1].phase, 1);
  EXPECT_EQ(p.rows[1].from, Side::kB);
  ExpectCounts(p.rows[1].counts, 2, 1, 1, 0, 1);
  EXPECT_EQ(p.rows[2].phase, 2);
  EXPECT_EQ(p.rows[2].from, Side::kA);
  ExpectCounts(p.rows[2].counts, 2, 0, 0, 1, 1);
  EXPECT_EQ(p.rows[3].phase, 2);
  EXPECT_EQ(p.rows[3].from, Side::kB);
  ExpectCounts(p.rows[3].counts, 2, 0, 0, 2, 0);
  ExpectCounts(p.totals, 9, 3, 2, 4, 3);
}

TEST(PlanProgress, CountsEveryStatusAndOnlyPromisedPeople) {
  PlanProgress p = Derive(TwoPhases());
  const auto& s = p.totals.statuses;
  ASSERT_EQ(s.size(), kPersonStatuses.size());
  EXPECT_EQ(s.at(PersonStatus::kListed), 1);  // R4; R6 is not in the plan
  EXPECT_EQ(s.at(PersonStatus::kInterviewed), 1);
  EXPECT_EQ(s.at(PersonStatus::kRefused), 1);  // R5; U5 was dropped
  EXPECT_EQ(s.at(PersonStatus::kUnfit), 1);
  EXPECT_EQ(s.at(PersonStatus::kDeceased), 1);
  EXPECT_EQ(s.at(PersonStatus::kWithheld), 1);
  EXPECT_EQ(s.at(PersonStatus::kHandedOver), 1);
  EXPECT_EQ(s.at(PersonStatus::kReceived), 2);
  EXPECT_EQ(p.rows[0].counts.statuses.at(PersonStatus::kDeceased), 1);
  EXPECT_EQ(p.rows[3].counts.statuses.at(PersonStatus::kListed),
            0);  // every status, even when zero
}

TEST(PlanProgress, OutstandingIsPromisedNeitherReceivedNorExcluded) {
  std::vector<Person> people = TwoPhases();
  std::swap(people[3], people[7]);  // plan order is not phase order: R4 (phase 2) before U2
  PlanProgress p = Derive(people);
  ASSERT_EQ(p.outstanding.size(), 3u);
  EXPECT_EQ(p.outstanding[0].id, "R2");
  EXPECT_EQ(p.outstanding[0].record_id, 2);
  EXPECT_EQ(ToString(p.outstanding[0].status), "handed_over");
  EXPECT_EQ(p.outstanding[1].id, "U2");
  EXPECT_EQ(p.outstanding[1].side, Side::kB);
  EXPECT_EQ(p.outstanding[1].phase, 1);
  EXPECT_EQ(ToString(p.outstanding[1].status), "interviewed");
  EXPECT_EQ(p.outstanding[2].id, "R4");
  EXPECT_EQ(p.outstanding[2].record_id, 4);
  EXPECT_EQ(p.outstanding[2].phase, 2);
  EXPECT_EQ(ToString(p.outstanding[2].status), "listed");
}

TEST(PlanProgress, ExcludedStatusesAreTheFourThatWillNotCross) {
  for (const char* s : {"refused", "unfit", "deceased", "withheld"})
    EXPECT_TRUE(IsExcludedStatus(*ParsePersonStatus(s)));
  for (const char* s : {"listed", "interviewed", "handed_over", "received"}) {
    EXPECT_FALSE(IsExcludedStatus(*ParsePersonStatus(s)));
  }
}

TEST(PlanProgress, AnEmptyPlanHasNoRows) {
  PlanProgress p = Derive({{{Side::kA, "R1", 0, "", 1}, "listed"}});
  EXPECT_TRUE(p.rows.empty());
  EXPECT_TRUE(p.outstanding.empty());
  ExpectCounts(p.totals, 0, 0, 0, 0, 0);
}

}  // namespace
}  // namespace parley::handover
