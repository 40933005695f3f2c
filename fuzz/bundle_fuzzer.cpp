// fuzz/bundle_fuzzer.cpp — a bundle file from another node, as `parley bundle import`,
// `parley bundle show` / `verify --bundle` and POST /api/v1/bundles/verify take it: the binary
// framing (ledger/bundle.h), then the whole verification (every entry's signature, the Merkle
// tree and frontier, the signed checkpoint, the consistency proof, the disclosure section),
// then the import into a log (ledger::Ledger::ImportBundle, what store::ImportReplicaBundle
// runs inside its transaction) and its refusal of the same bundle replayed.
//
// A fuzzer cannot forge Ed25519 signatures, so most of its inputs stop at the first one. The
// parts behind signatures are therefore also read directly: the checkpoint note and body, each
// entry's leaf (event JSON) and the disclosure section, with the parsers verification itself
// runs on them. For the import, the harness trusts the keys a bundle lists (the import would
// trust keys/trusted.keys): so a well-formed seed bundle (fuzz/corpus/bundle, signed by
// throwaway keys) reaches the fitting and appending, and mutations of it explore them.
//
// Properties, besides no crash, leak or undefined behaviour: a bundle that decodes encodes to
// the same bytes (one encoding per bundle: no byte escapes the signatures); a refused bundle
// is never kInternal; an import leaves the log at the bundle's size, and the same bundle
// again is refused as adding nothing.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "fuzz_support.h"
#include "ledger/bundle.h"
#include "ledger/checkpoint.h"
#include "ledger/disclosure.h"
#include "ledger/event.h"
#include "ledger/ledger.h"
#include "ledger/signed_note.h"
#include "ledger/test_support.h"
#include "ledger/verify.h"

namespace {

using parley::fuzz::Require;
namespace ledger = parley::ledger;

void RequireUserError(const parley::Error& error, std::string_view what) {
  Require(error.code != parley::ErrorCode::kInternal, what);
}

// The parsers verification runs on a bundle's parts, whatever their signatures say.
void ReadParts(const ledger::Bundle& bundle) {
  if (auto note = ledger::ParseSignedNote(bundle.checkpoint)) {
    Require(ledger::ParseSignedNote(ledger::FormatSignedNote(*note)).has_value(),
            "a formatted signed note parses");
    static_cast<void>(ledger::ParseCheckpointBody(note->text));
  }
  for (std::size_t i = 0; i < bundle.entries.size(); ++i) {
    if (auto leaf = ledger::OpenLeaf(bundle.entries[i], bundle.since + i); !leaf) {
      RequireUserError(leaf.error(), "a bad entry is the sender's error");
    }
  }
  if (!bundle.disclosure.empty()) static_cast<void>(ledger::ParseDisclosure(bundle.disclosure));
}

void Import(std::string_view bytes, const ledger::Bundle& bundle) {
  auto log = ledger::Ledger::Open(
      std::make_unique<ledger::testing::MemoryStorage>(),
      {.origin = bundle.origin, .trusted = bundle.keys, .threads = 2, .verify_on_open = false});
  if (!log) {  // an origin no log can have (two lines): ImportReplicaBundle refuses it here too
    RequireUserError(log.error(), "a log named by the bundle that cannot open is its fault");
    return;
  }
  auto report = log->ImportBundle(bytes);
  if (!report) {
    RequireUserError(report.error(), "a refused import is the bundle's fault");
    return;
  }
  Require(log->Size() == bundle.size && report->new_size == bundle.size,
          "an import leaves the log at the bundle's size");
  auto replayed = log->ImportBundle(bytes);
  Require(!replayed && replayed.error().code == parley::ErrorCode::kConflict,
          "the same bundle again is refused as adding nothing");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto origin = ledger::PeekBundleOrigin(bytes); !origin) {
    RequireUserError(origin.error(), "a bad header is the sender's error");
  }
  auto bundle = ledger::DecodeBundle(bytes);
  if (!bundle) {
    RequireUserError(bundle.error(), "a malformed bundle is the sender's error");
  } else {
    Require(ledger::EncodeBundle(*bundle) == bytes, "a decoded bundle encodes to its bytes");
    ReadParts(*bundle);
  }
  // As POST /bundles/verify: an untrusted checkpoint signer is reported, not refused.
  auto shown = ledger::VerifyBundle(bytes, {.trusted = {}, .threads = 2, .require_trusted = false});
  if (!shown)
    RequireUserError(shown.error(), "a bundle that does not verify is the sender's error");
  if (bundle) Import(bytes, *bundle);
  return 0;
}
