#include "server/http/address_slots.h"

#include <utility>

namespace parley::server {

AddressSlots::Slot::Slot(Slot&& other) noexcept
    : owner_(std::exchange(other.owner_, nullptr)), address_(std::move(other.address_)) {}

AddressSlots::Slot& AddressSlots::Slot::operator=(Slot&& other) noexcept {
  if (this != &other) {
    if (owner_ != nullptr) owner_->Release(address_);
    owner_ = std::exchange(other.owner_, nullptr);
    address_ = std::move(other.address_);
  }
  return *this;
}

AddressSlots::Slot::~Slot() {
  if (owner_ != nullptr) owner_->Release(address_);
}

std::optional<AddressSlots::Slot> AddressSlots::TryAcquire(const std::string& address) {
  std::lock_guard lock(mutex_);
  std::size_t& held = held_[address];
  if (per_address_ != 0 && held >= per_address_) return std::nullopt;
  ++held;
  return Slot(this, address);
}

std::size_t AddressSlots::Held(const std::string& address) const {
  std::lock_guard lock(mutex_);
  auto it = held_.find(address);
  return it == held_.end() ? 0 : it->second;
}

void AddressSlots::Release(const std::string& address) {
  std::lock_guard lock(mutex_);
  auto it = held_.find(address);
  if (it == held_.end()) return;
  // Forget addresses that hold nothing, so that the map does not grow with every client seen.
  if (--it->second == 0) held_.erase(it);
}

}  // namespace parley::server
