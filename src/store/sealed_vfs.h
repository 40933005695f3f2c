// parley/store/sealed_vfs.h — the "parley-sealed" SQLite VFS: every page of a sealed
// workspace's database and of its write-ahead log is encrypted and authenticated on its way
// to disk, so that a copied disk or backup shows neither names nor any other content.
//
// Why hand-written: Debian 12 has no maintained encrypted SQLite (its SQLCipher is 3.4.1, a
// line its authors no longer maintain, and SQLite's own SEE is proprietary). A VFS shim is
// SQLite's documented way to transform file contents; the cryptography is libsodium's.
//
// Layout. A sealed database has a fixed page size (kSealedPageSize) and kSealReserveBytes of
// SQLite's per-page "reserved space" (header byte 20, set with SQLITE_FCNTL_RESERVE_BYTES
// before the first write): SQLite never puts data there, so each page on disk is
//   ciphertext(page[0 .. 4056)) | nonce (24 bytes, random per write) | tag (16 bytes)
// with XChaCha20-Poly1305 (IETF), and as additional data the file kind (database or WAL) and
// the page's slot (page number, or frame number in the WAL), so that a page moved to another
// place or file fails its check. The WAL's own 32-byte header and 24-byte frame headers stay
// plain (page numbers, salts, and SQLite's checksums: no content); the frame's page is sealed.
// A page read back has its reserved bytes zeroed: what SQLite checksummed when it wrote the
// frame, so that WAL recovery after a crash sees the checksums it expects.
//
// Tampering: a database page or a committed WAL frame that fails authentication is an error
// (SQLITE_IOERR_DATA), never data; LastSealFailure() names the file and page. A failing frame
// that no commit frame of the current WAL follows is a torn, uncommitted write (a crash mid-
// transaction): it is read as zeros, which SQLite's checksum then discards, as it would
// without the seal. Restoring a whole older file (rollback) is not detected here.
//
// Other files: sealed connections keep temp_store=MEMORY (temporary tables, sort spills and
// statement journals stay in memory) and journal_mode=WAL; a rollback journal, which exists
// only for the moment a fresh database switches to WAL (before it holds any row), passes
// through unsealed. mmap stays off: the VFS offers no xFetch.
//
//   PageKey key = ...;                                    // store/seal.h derives it
//   std::string uri = SealedDatabaseUri("/w/parley.db", key);
//   sqlite3_open_v2(uri.c_str(), &db, flags | SQLITE_OPEN_URI, kSealedVfsName);
#pragma once

#include <array>
#include <filesystem>
#include <string>

namespace parley::store {

inline constexpr const char* kSealedVfsName = "parley-sealed";
inline constexpr int kSealedPageSize = 4096;
inline constexpr int kSealReserveBytes = 24 + 16;  // nonce + tag, at the end of every page

// The key that seals one workspace's pages (32 bytes).
struct PageKey {
  std::array<unsigned char, 32> bytes{};
};

// Registers the VFS (once per process) and `key`, and returns the URI that opens `file`
// through the VFS with that key. The key stays in the process's key table (by a fingerprint,
// which is what the URI carries) until the process ends.
[[nodiscard]] std::string SealedDatabaseUri(const std::filesystem::path& file, const PageKey& key);

// What the last authentication failure on this thread was ("page 3 of /w/parley.db"), or "".
[[nodiscard]] std::string LastSealFailure();

}  // namespace parley::store
