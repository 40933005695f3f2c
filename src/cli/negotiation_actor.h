// parley/cli/negotiation_actor.h — who signs a workspace change made from the command line:
// $PARLEY_USER (else $USER), with their own key from --key or $PARLEY_KEY when given.
#pragma once

#include <optional>
#include <string>

#include "cli/workspace_open.h"
#include "store/event_log.h"

namespace parley::cli {

class CommandActor {
 public:
  [[nodiscard]] static Result<CommandActor> Load(const std::string& key_file) {
    auto key = LoadActorKey(key_file);
    if (!key) return std::unexpected(key.error());
    CommandActor a;
    a.key_ = std::move(*key);
    return a;
  }
  // Valid while this object lives.
  [[nodiscard]] store::Actor actor() const { return {CurrentActor(), key_ ? &*key_ : nullptr}; }

 private:
  std::optional<ledger::SigningKey> key_;
};

}  // namespace parley::cli
