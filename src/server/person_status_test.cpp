#include "server/person_status.h"

#include <gtest/gtest.h>

namespace parley::server {
namespace {

std::optional<Interview> With(std::string outcome) {
  Interview i;
  i.outcome = std::move(outcome);
  return i;
}

HandoverEvent Ev(std::string e) {
  HandoverEvent h;
  h.event = std::move(e);
  return h;
}

TEST(PersonStatus, FollowsInterviewsAndHandovers) {
  EXPECT_EQ(DerivePersonStatus(std::nullopt, {}), "listed");
  EXPECT_EQ(DerivePersonStatus(With("consents"), {}), "interviewed");
  EXPECT_EQ(DerivePersonStatus(With("refuses"), {}), "refused");
  EXPECT_EQ(DerivePersonStatus(With("unfit"), {}), "unfit");
  EXPECT_EQ(DerivePersonStatus(With("deceased"), {}), "deceased");
  EXPECT_EQ(DerivePersonStatus(With("not_presented"), {}), "withheld");
  EXPECT_EQ(DerivePersonStatus(With("consents"), {Ev("handed_over")}), "handed_over");
  EXPECT_EQ(DerivePersonStatus(With("consents"), {Ev("handed_over"), Ev("received")}), "received");
  // Completion means arrival: received wins whatever the order of recording.
  EXPECT_EQ(DerivePersonStatus(std::nullopt, {Ev("received"), Ev("handed_over")}), "received");
}

}  // namespace
}  // namespace parley::server
