// parley/server/http/address_slots.h — how many connections each client address holds.
//
// Contract: TryAcquire(address) gives a Slot while the address holds fewer than `per_address`
// connections (0: no cap), nothing otherwise; the Slot gives its place back when destroyed.
// Slots are move-only and may be destroyed on any thread; the counter outlives them all.
//
// Why per address and not per user: the connections to bound are the ones that have not said
// who they are yet. Behind a reverse proxy every client has the proxy's address: raise the cap
// or turn it off there, and let the proxy bound its clients (docs/security.md).
//
//   AddressSlots slots(8);
//   auto slot = slots.TryAcquire("203.0.113.7");
//   if (!slot) return RefuseTooManyConnections();
#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace parley::server {

class AddressSlots {
 public:
  class Slot {
   public:
    Slot(Slot&& other) noexcept;
    Slot& operator=(Slot&& other) noexcept;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot();

   private:
    friend class AddressSlots;
    Slot(AddressSlots* owner, std::string address) : owner_(owner), address_(std::move(address)) {}
    AddressSlots* owner_;
    std::string address_;
  };

  explicit AddressSlots(std::size_t per_address) : per_address_(per_address) {}

  [[nodiscard]] std::optional<Slot> TryAcquire(const std::string& address);
  [[nodiscard]] std::size_t Held(const std::string& address) const;
  [[nodiscard]] std::size_t per_address() const { return per_address_; }

 private:
  void Release(const std::string& address);

  std::size_t per_address_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::size_t> held_;
};

}  // namespace parley::server
