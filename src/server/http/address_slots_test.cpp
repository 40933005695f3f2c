#include "server/http/address_slots.h"

#include <gtest/gtest.h>

#include <vector>

namespace parley::server {
namespace {

TEST(AddressSlots, CapsEachAddressSeparatelyAndGivesSlotsBack) {
  AddressSlots slots(2);
  std::vector<AddressSlots::Slot> held;
  held.push_back(*slots.TryAcquire("10.0.0.1"));
  held.push_back(*slots.TryAcquire("10.0.0.1"));
  EXPECT_FALSE(slots.TryAcquire("10.0.0.1").has_value());
  EXPECT_TRUE(slots.TryAcquire("10.0.0.2").has_value());  // another address is not affected
  EXPECT_EQ(slots.Held("10.0.0.1"), 2u);
  held.pop_back();
  EXPECT_EQ(slots.Held("10.0.0.1"), 1u);
  EXPECT_TRUE(slots.TryAcquire("10.0.0.1").has_value());
  held.clear();
  EXPECT_EQ(slots.Held("10.0.0.1"), 0u);
}

TEST(AddressSlots, AMovedSlotIsGivenBackOnce) {
  AddressSlots slots(1);
  {
    auto a = slots.TryAcquire("10.0.0.1");
    AddressSlots::Slot b = std::move(*a);
    a.reset();  // the moved-from slot gives nothing back
    EXPECT_EQ(slots.Held("10.0.0.1"), 1u);
  }
  EXPECT_EQ(slots.Held("10.0.0.1"), 0u);
}

TEST(AddressSlots, ZeroMeansNoCap) {
  AddressSlots slots(0);
  std::vector<AddressSlots::Slot> held;
  for (int i = 0; i < 100; ++i) held.push_back(*slots.TryAcquire("10.0.0.1"));
  EXPECT_EQ(slots.Held("10.0.0.1"), 100u);
}

}  // namespace
}  // namespace parley::server
