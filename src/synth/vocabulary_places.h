// parley/synth/vocabulary_places.h — towns, ranks and units, in Ukrainian and Russian.
//
// Contract: every entry carries the spelling each side uses (Харків / Харьков; старший
// лейтенант / старший лейтенант; рядовий / рядовой) and, for ranks, an English word for the
// mediator's list. Towns and units are ordered most common first for a Zipf picker. Ranks carry
// a weight (privates are many, colonels few) and the Dix–Hill points value so that demos of the
// planner see a realistic spread.
//
// Unit designations are deliberately impossible ones ("в/ч Ш1234", "в/ч Щ-12345": real Ukrainian
// units use А/В, Russian ones five digits only) so that no synthetic row can be mistaken for a
// real unit.
//
//   Town t = UkrainianTowns()[0];   // {"Київ", "Киев"}
//   UnitDesignation(true, 17)       // "в/ч Ш1646"
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace parley::synth {

struct Town {
  std::string_view ua;
  std::string_view ru;
};

struct Rank {
  std::string_view ua;
  std::string_view ru;
  std::string_view en;
  double weight;  // relative frequency among prisoners
};

// Birth places of Ukrainians (≥ 60) and of Russians (≥ 40), most common first.
[[nodiscard]] std::span<const Town> UkrainianTowns();
[[nodiscard]] std::span<const Town> RussianTowns();
// Ranks of the Armed Forces of Ukraine and of the Russian armed forces, lowest first.
[[nodiscard]] std::span<const Rank> UkrainianRanks();
[[nodiscard]] std::span<const Rank> RussianRanks();

inline constexpr int kUnitsPerSide = 300;
// The designation of unit `index` (0 .. kUnitsPerSide-1) of one side, as that side writes it.
[[nodiscard]] std::string UnitDesignation(bool ukrainian_side, int index);

}  // namespace parley::synth
