#include "ledger/pinned_checkpoints.h"

#include <charconv>
#include <sstream>

#include "core/file_io.h"
#include "core/try.h"
#include "ledger/encoding.h"
#include "ledger/proofs.h"

namespace parley::ledger {
namespace {

constexpr std::string_view kContext = "parley-pinned-checkpoint-v1\n";

std::string SignedText(const std::string& origin, std::uint64_t size, const std::string& root) {
  return std::string(kContext) + origin + "\n" + std::to_string(size) + "\n" + root + "\n";
}

Error BadLine(const std::filesystem::path& path, std::int64_t line, const std::string& why) {
  return Error{ErrorCode::kCorruption,
               "pinned checkpoint line " + std::to_string(line) + ": " + why +
                   "; the file was changed outside parley: restore it from a backup, or compare "
                   "the log with the checkpoints the other parties hold",
               {path.string(), 0, 0, ""}};
}

Result<PinnedCheckpoint> ParseLine(const std::filesystem::path& path, std::int64_t number,
                                   std::string_view line, const std::string& origin,
                                   const PublicKey& node) {
  std::istringstream in{std::string(line)};
  std::string size_text, root_text, signature_text, extra;
  if (!(in >> size_text >> root_text >> signature_text) || (in >> extra)) {
    return std::unexpected(BadLine(path, number, "expected SIZE ROOT SIGNATURE"));
  }
  PinnedCheckpoint out;
  out.line = number;
  const auto [end, ec] =
      std::from_chars(size_text.data(), size_text.data() + size_text.size(), out.size);
  if (ec != std::errc() || end != size_text.data() + size_text.size()) {
    return std::unexpected(BadLine(path, number, "the size '" + size_text + "' is not a number"));
  }
  auto root = DecodeBase64(root_text);
  if (!root || root->size() != out.root.size()) {
    return std::unexpected(BadLine(path, number, "the root is not 32 bytes of base64"));
  }
  std::copy(root->begin(), root->end(), out.root.begin());
  auto signature = DecodeBase64(signature_text);
  if (!signature || !node.Verify(SignedText(origin, out.size, root_text), *signature)) {
    return std::unexpected(BadLine(
        path, number,
        "its signature is not this node key's over this log's origin (the line was edited, or "
        "the workspace's node identity was replaced)"));
  }
  return out;
}

}  // namespace

std::string PinnedCheckpointLine(const std::string& origin, std::uint64_t size, const Hash& root,
                                 const SigningKey& key) {
  const std::string root_text = EncodeBase64(root);
  return std::to_string(size) + " " + root_text + " " +
         EncodeBase64(key.Sign(SignedText(origin, size, root_text))) + "\n";
}

Result<std::vector<PinnedCheckpoint>> ReadPinnedCheckpoints(const std::filesystem::path& path,
                                                            const std::string& origin,
                                                            const PublicKey& node) {
  PARLEY_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  std::vector<PinnedCheckpoint> out;
  std::int64_t number = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) {
      return std::unexpected(BadLine(path, number + 1, "the line does not end"));
    }
    ++number;
    PARLEY_ASSIGN_OR_RETURN(
        PinnedCheckpoint p,
        ParseLine(path, number, std::string_view(text).substr(begin, end - begin), origin, node));
    out.push_back(p);
    begin = end + 1;
  }
  return out;
}

Result<void> PinCheckpoint(const std::filesystem::path& path, const std::string& origin,
                           std::uint64_t size, const Hash& root, const SigningKey& key) {
  std::string text;
  if (std::filesystem::exists(path)) {
    PARLEY_ASSIGN_OR_RETURN(auto pinned, ReadPinnedCheckpoints(path, origin, key.Public()));
    if (!pinned.empty() && pinned.back().size == size && pinned.back().root == root) return {};
    PARLEY_ASSIGN_OR_RETURN(text, ReadWholeFile(path));
  }
  // Rewritten whole (temporary file, fsync, rename) rather than appended in place, so a crash
  // leaves the old file or the new one, never half a line.
  return WriteFileAtomically(path, text + PinnedCheckpointLine(origin, size, root, key));
}

namespace {

// One pinned checkpoint against the tree: no longer than it, and on its history.
Result<void> CheckOne(const std::filesystem::path& path, const std::string& origin,
                      const PinnedCheckpoint& pin, const MerkleTree& tree) {
  const std::string where = "the checkpoint pinned in " + path.string() + " line " +
                            std::to_string(pin.line) + " (size " + std::to_string(pin.size) +
                            ", root " + EncodeBase64(pin.root) + ")";
  if (tree.Size() < pin.size) {
    return Fail(ErrorCode::kCorruption,
                "log " + origin + " has " + std::to_string(tree.Size()) + " entries, but " + where +
                    " left this node with " + std::to_string(pin.size) +
                    ": entries were deleted from the database; restore parley.db from a backup "
                    "or the other parties' copies of this log",
                {path.string(), 0, 0, ""});
  }
  PARLEY_ASSIGN_OR_RETURN(auto proof, ConsistencyProof(tree, pin.size, tree.Size()));
  if (!VerifyConsistency(pin.size, tree.Size(), pin.root, tree.Root(), proof)) {
    return Fail(ErrorCode::kCorruption,
                "log " + origin + " (" + std::to_string(tree.Size()) +
                    " entries) is not an extension of " + where +
                    ": its entries were rolled back and rewritten in the database; restore "
                    "parley.db from a backup or the other parties' copies of this log",
                {path.string(), 0, 0, ""});
  }
  return {};
}

}  // namespace

Result<PinCheck> CheckPinnedCheckpoints(const std::filesystem::path& path,
                                        const std::string& origin, const PublicKey& node,
                                        const MerkleTree& tree) {
  PinCheck out;
  auto pinned = ReadPinnedCheckpoints(path, origin, node);
  if (!pinned && pinned.error().code == ErrorCode::kNotFound) return out;
  if (!pinned) return std::unexpected(pinned.error());
  out.lines = static_cast<std::int64_t>(pinned->size());
  // Every line, not only the largest: a log rolled back and grown past its old length again
  // would pass a check of the newest line pinned after the rollback.
  for (const PinnedCheckpoint& p : *pinned) {
    PARLEY_TRY(CheckOne(path, origin, p, tree));
    if (!out.latest || p.size >= out.latest->size) out.latest = p;
  }
  return out;
}

}  // namespace parley::ledger
