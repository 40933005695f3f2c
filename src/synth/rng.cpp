#include "synth/rng.h"

#include <algorithm>
#include <cmath>

namespace parley::synth {
namespace {

std::uint64_t SplitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(std::uint64_t seed) : seed_(seed) {
  std::uint64_t state = seed;
  for (auto& s : s_) s = SplitMix64(state);
}

std::uint64_t Rng::Next() {
  const std::uint64_t result = Rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = Rotl(s_[3], 45);
  return result;
}

std::uint64_t Rng::Below(std::uint64_t n) {
  if (n <= 1) return 0;
  // Largest multiple of n that fits: draws at or above it are rejected to avoid bias.
  const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % n);
  std::uint64_t x;
  do {
    x = Next();
  } while (x >= limit);
  return x % n;
}

std::int64_t Rng::Between(std::int64_t lo, std::int64_t hi) {
  return lo + static_cast<std::int64_t>(Below(static_cast<std::uint64_t>(hi - lo) + 1));
}

double Rng::Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

bool Rng::Chance(double p) {
  if (p <= 0) return false;
  if (p >= 1) return true;
  return Unit() < p;
}

Rng Rng::Fork(std::uint64_t stream) const {
  std::uint64_t state = seed_ ^ (stream * 0xD1B54A32D192ED03ULL);
  return Rng(SplitMix64(state) ^ stream);
}

std::vector<double> ZipfWeights(size_t n, double exponent, double offset) {
  std::vector<double> w(n);
  for (size_t i = 0; i < n; ++i) {
    const double base = static_cast<double>(i) + 1.0 + offset;
    // Exponent 1 (the default everywhere) avoids std::pow, whose last bit may differ between
    // libm versions; division is exactly rounded by IEEE 754.
    w[i] = exponent == 1.0 ? 1.0 / base : 1.0 / std::pow(base, exponent);
  }
  return w;
}

WeightedPicker::WeightedPicker(std::span<const double> weights) {
  cumulative_.reserve(weights.size());
  double total = 0;
  for (double w : weights) {
    total += w;
    cumulative_.push_back(total);
  }
}

size_t WeightedPicker::Pick(Rng& rng) const {
  if (cumulative_.empty()) return 0;
  const double x = rng.Unit() * cumulative_.back();
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
  return std::min(static_cast<size_t>(it - cumulative_.begin()), cumulative_.size() - 1);
}

}  // namespace parley::synth
