#include "ledger/event.h"

#include <gtest/gtest.h>

namespace parley::ledger {
namespace {

Event Sample(std::uint64_t seq = 0) {
  return {.seq = seq,
          .type = "list.version_submitted",
          .actor = "alice",
          .time = "2026-11-25T10:00:00Z",
          .body = {{"list", "custody"}, {"version", 3}, {"rows", 1200}}};
}

TEST(Event, CanonicalBytesAreSortedAndCompact) {
  auto bytes = CanonicalEvent(Sample(7));
  ASSERT_TRUE(bytes.has_value());
  EXPECT_EQ(*bytes, R"({"actor":"alice","body":{"list":"custody","rows":1200,"version":3},"seq":7,)"
                    R"("time":"2026-11-25T10:00:00Z","type":"list.version_submitted"})");
}

TEST(Event, SignedLeafOpensAndVerifies) {
  auto key = GenerateSigningKey("alice");
  auto s = SignEvent(Sample(3), *key);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->leaf_data.size(), CanonicalEvent(Sample(3))->size() + kLeafTrailerSize);
  auto opened = OpenLeaf(s->leaf_data, 3);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ(opened->event.body["rows"], 1200);
  EXPECT_EQ(opened->signer, key->Public());
  EXPECT_EQ(OpenLeaf(s->leaf_data, 4).error().message,
            "entry seq 4: event says seq 3 (entries out of order?)");
}

TEST(Event, EveryChangedByteOfALeafIsRefused) {
  auto key = GenerateSigningKey("alice");
  const std::string leaf = SignEvent(Sample(0), *key)->leaf_data;
  for (std::size_t i = 0; i < leaf.size(); ++i) {
    std::string bad = leaf;
    bad[i] ^= 0x01;
    EXPECT_FALSE(OpenLeaf(bad, 0).has_value()) << "byte " << i;
  }
}

TEST(Event, ActorMustOwnTheKey) {
  auto bob = GenerateSigningKey("bob");
  EXPECT_EQ(SignEvent(Sample(), *bob).error().message,
            "entry seq 0: actor 'alice' cannot sign with the key of 'bob'");
  // A leaf whose actor was rewritten to another name fails the key id check.
  auto alice = GenerateSigningKey("alice");
  std::string leaf = SignEvent(Sample(), *alice)->leaf_data;
  leaf.replace(leaf.find("alice"), 5, "alicf");
  EXPECT_EQ(OpenLeaf(leaf, 0).error().message,
            "entry seq 0: key id does not match the actor 'alicf' and public key");
}

TEST(Event, ValidatesFields) {
  Event e = Sample();
  e.time = "2026-11-25 10:00";
  EXPECT_EQ(CheckEvent(e).error().message,
            "entry seq 0: time '2026-11-25 10:00' must be UTC, YYYY-MM-DDTHH:MM:SSZ");
  e = Sample();
  e.type = "List";
  EXPECT_FALSE(CheckEvent(e).has_value());
  e = Sample();
  e.body = nlohmann::json::array();
  EXPECT_EQ(CheckEvent(e).error().message, "entry seq 0: event body must be a JSON object");
  e = Sample();
  e.body["counts"] = {{"big", std::int64_t{1} << 60}};
  auto big = CanonicalEvent(e);
  ASSERT_FALSE(big.has_value());
  EXPECT_EQ(big.error().message,
            "entry seq 0: integer 1152921504606846976 is beyond 2^53-1 and cannot be canonical "
            "JSON; write it as a string");
  EXPECT_EQ(big.error().where.field, "body.counts.big");
  e = Sample();
  e.time = "2026-11-25T10:00:00.250Z";
  EXPECT_TRUE(CheckEvent(e).has_value());
  EXPECT_TRUE(CheckEvent(Event{.seq = 0,
                               .type = "x",
                               .actor = "a",
                               .time = UtcNow(),
                               .body = nlohmann::json::object()})
                  .has_value());
}

}  // namespace
}  // namespace parley::ledger
