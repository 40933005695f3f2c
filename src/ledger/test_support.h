// parley/ledger/test_support.h — helpers shared by the ledger's tests (not part of the
// library): an in-memory EntryStorage, which also shows the integrator the smallest correct
// implementation of the interface, and a maker of sample events.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ledger/entry_storage.h"
#include "ledger/event.h"

namespace parley::ledger::testing {

class MemoryStorage final : public EntryStorage {
 public:
  std::uint64_t Size() const override { return entries_.size(); }
  Result<std::vector<std::string>> Read(std::uint64_t begin, std::uint64_t count) const override {
    if (begin > Size() || count > Size() - begin) {
      return Fail(ErrorCode::kInvalidInput, "read past the end");
    }
    return std::vector<std::string>(entries_.begin() + static_cast<std::ptrdiff_t>(begin),
                                    entries_.begin() + static_cast<std::ptrdiff_t>(begin + count));
  }
  Result<void> Append(std::span<const std::string> leaf_data) override {
    if (fail_next_append) {
      fail_next_append = false;
      return Fail(ErrorCode::kIoError, "disk full (simulated)");
    }
    entries_.insert(entries_.end(), leaf_data.begin(), leaf_data.end());
    return {};
  }
  Result<std::optional<std::string>> LoadCheckpoint() const override { return checkpoint_; }
  Result<void> SaveCheckpoint(std::string_view note) override {
    checkpoint_ = std::string(note);
    return {};
  }

  bool fail_next_append = false;
  std::vector<std::string> entries_;
  std::optional<std::string> checkpoint_;
};

inline Event SampleEvent(const std::string& actor, int n) {
  return {.seq = 0,
          .type = "handover.recorded",
          .actor = actor,
          .time = "2026-11-25T10:00:00Z",
          .body = {{"person", "P-" + std::to_string(n)}, {"place", "checkpoint-3"}, {"n", n}}};
}

}  // namespace parley::ledger::testing
