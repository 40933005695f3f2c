#include "store/sealed_vfs.h"

#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>

namespace parley::store {
namespace {

constexpr int kPlainBytes = kSealedPageSize - kSealReserveBytes;  // what the cipher covers
constexpr int kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr int kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(kNonceBytes + kTagBytes == kSealReserveBytes);

// WAL layout (https://sqlite.org/fileformat.html#the_write_ahead_log).
constexpr sqlite3_int64 kWalHeaderBytes = 32;
constexpr sqlite3_int64 kFrameHeaderBytes = 24;
constexpr sqlite3_int64 kFrameBytes = kFrameHeaderBytes + kSealedPageSize;

enum class FileKind : unsigned char { kDatabase = 1, kWal = 2, kOther = 3 };

std::mutex g_keys_mutex;
std::map<std::string, PageKey>& Keys() {
  static std::map<std::string, PageKey> keys;
  return keys;
}

thread_local std::string t_last_failure;

struct SealedFile {
  sqlite3_file base;  // first: SQLite sees a SealedFile as a sqlite3_file
  FileKind kind;
  PageKey key;
  std::string name;
  sqlite3_file* real;  // the default VFS's file, in the same allocation, after this struct
  // No alignas: SQLite allocates szOsFile bytes 8-byte aligned, and a SealedFile must fit that.
  unsigned char scratch[kSealedPageSize];
};
static_assert(alignof(SealedFile) <= 8, "SQLite gives a file's storage 8-byte alignment");

sqlite3_vfs* Real(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }
SealedFile* Sealed(sqlite3_file* f) { return reinterpret_cast<SealedFile*>(f); }

// One stretch of a file: a sealed page ("unit") or a plain header.
struct Unit {
  sqlite3_int64 start = 0;
  sqlite3_int64 size = 0;
  bool sealed = false;
  std::uint64_t slot = 0;  // page or frame number: additional data
};

Unit UnitAt(FileKind kind, sqlite3_int64 offset, sqlite3_int64 end) {
  if (kind == FileKind::kDatabase) {
    sqlite3_int64 page = offset / kSealedPageSize;
    return {page * kSealedPageSize, kSealedPageSize, true, static_cast<std::uint64_t>(page)};
  }
  if (kind == FileKind::kWal) {
    if (offset < kWalHeaderBytes) return {0, kWalHeaderBytes, false, 0};
    sqlite3_int64 frame = (offset - kWalHeaderBytes) / kFrameBytes;
    sqlite3_int64 frame_start = kWalHeaderBytes + frame * kFrameBytes;
    if (offset < frame_start + kFrameHeaderBytes) {
      return {frame_start, kFrameHeaderBytes, false, 0};
    }
    return {frame_start + kFrameHeaderBytes, kSealedPageSize, true,
            static_cast<std::uint64_t>(frame)};
  }
  return {offset, end - offset, false, 0};
}

std::array<unsigned char, 9> AdditionalData(FileKind kind, std::uint64_t slot) {
  std::array<unsigned char, 9> ad{};
  ad[0] = static_cast<unsigned char>(kind);
  for (int i = 0; i < 8; ++i) ad[1 + i] = static_cast<unsigned char>(slot >> (8 * i));
  return ad;
}

// Encrypts the page `in` into `out` (both kSealedPageSize bytes). The reserved bytes of `in`
// must be zero: SQLite has checksummed them, and they will read back as zero.
bool SealPage(const SealedFile& f, const Unit& u, const unsigned char* in, unsigned char* out) {
  if (std::any_of(in + kPlainBytes, in + kSealedPageSize, [](unsigned char b) { return b != 0; })) {
    return false;
  }
  unsigned char* nonce = out + kPlainBytes;
  unsigned char* tag = nonce + kNonceBytes;
  randombytes_buf(nonce, kNonceBytes);
  auto ad = AdditionalData(f.kind, u.slot);
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached(
      out, tag, nullptr, in, kPlainBytes, ad.data(), ad.size(), nullptr, nonce, f.key.bytes.data());
  return true;
}

// Decrypts the page `page` in place; false if it fails authentication.
bool OpenPage(const SealedFile& f, const Unit& u, unsigned char* page) {
  const unsigned char* nonce = page + kPlainBytes;
  const unsigned char* tag = nonce + kNonceBytes;
  auto ad = AdditionalData(f.kind, u.slot);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(page, nullptr, page, kPlainBytes, tag,
                                                          ad.data(), ad.size(), nonce,
                                                          f.key.bytes.data()) != 0) {
    return false;
  }
  std::memset(page + kPlainBytes, 0, kSealReserveBytes);
  return true;
}

std::uint32_t BigEndian32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

// A WAL frame that fails authentication is a torn write when no commit frame of the current
// log (same salts as the WAL header) follows it: SQLite discards such frames anyway.
bool CommitFollows(SealedFile& f, std::uint64_t frame) {
  unsigned char header[kWalHeaderBytes];
  if (f.real->pMethods->xRead(f.real, header, sizeof header, 0) != SQLITE_OK) return true;
  for (sqlite3_int64 next = static_cast<sqlite3_int64>(frame) + 1;; ++next) {
    unsigned char fh[kFrameHeaderBytes];
    int rc = f.real->pMethods->xRead(f.real, fh, sizeof fh, kWalHeaderBytes + next * kFrameBytes);
    if (rc == SQLITE_IOERR_SHORT_READ) return false;
    if (rc != SQLITE_OK) return true;
    if (std::memcmp(fh + 8, header + 16, 8) != 0) return false;  // stale frame: log ends
    if (BigEndian32(fh + 4) != 0) return true;                   // a commit frame
  }
}

// Reads the sealed unit `u` into `page` (kSealedPageSize bytes), opened. SQLITE_IOERR_SHORT_READ
// (page zeroed) when it lies beyond the end of the file.
int ReadUnit(SealedFile& f, const Unit& u, unsigned char* page) {
  int rc = f.real->pMethods->xRead(f.real, page, kSealedPageSize, u.start);
  if (rc == SQLITE_IOERR_SHORT_READ &&
      std::all_of(page, page + kSealedPageSize, [](unsigned char b) { return b == 0; })) {
    return rc;
  }
  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) return rc;
  if (OpenPage(f, u, page)) return SQLITE_OK;
  if (f.kind == FileKind::kWal && !CommitFollows(f, u.slot)) {
    std::memset(page, 0, kSealedPageSize);
    return SQLITE_OK;
  }
  t_last_failure = (f.kind == FileKind::kWal ? "frame " : "page ") + std::to_string(u.slot + 1) +
                   " of " + f.name;
  return SQLITE_IOERR_DATA;
}

int SealedRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
  SealedFile& f = *Sealed(file);
  if (f.kind == FileKind::kOther) return f.real->pMethods->xRead(f.real, buffer, amount, offset);
  auto* out = static_cast<unsigned char*>(buffer);
  const sqlite3_int64 end = offset + amount;
  bool short_read = false;
  for (sqlite3_int64 pos = offset; pos < end;) {
    Unit u = UnitAt(f.kind, pos, end);
    sqlite3_int64 stop = std::min(end, u.start + u.size);
    unsigned char* dest = out + (pos - offset);
    int rc = SQLITE_OK;
    if (!u.sealed) {
      rc = f.real->pMethods->xRead(f.real, dest, static_cast<int>(stop - pos), pos);
    } else if (pos == u.start && stop == u.start + u.size) {
      rc = ReadUnit(f, u, dest);
    } else {
      rc = ReadUnit(f, u, f.scratch);
      std::memcpy(dest, f.scratch + (pos - u.start), static_cast<std::size_t>(stop - pos));
    }
    if (rc == SQLITE_IOERR_SHORT_READ) {
      short_read = true;
    } else if (rc != SQLITE_OK) {
      return rc;
    }
    pos = stop;
  }
  return short_read ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

int SealedWrite(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
  SealedFile& f = *Sealed(file);
  if (f.kind == FileKind::kOther) return f.real->pMethods->xWrite(f.real, buffer, amount, offset);
  const auto* in = static_cast<const unsigned char*>(buffer);
  const sqlite3_int64 end = offset + amount;
  for (sqlite3_int64 pos = offset; pos < end;) {
    Unit u = UnitAt(f.kind, pos, end);
    sqlite3_int64 stop = std::min(end, u.start + u.size);
    const unsigned char* src = in + (pos - offset);
    int rc = SQLITE_OK;
    if (!u.sealed) {
      rc = f.real->pMethods->xWrite(f.real, src, static_cast<int>(stop - pos), pos);
    } else {
      alignas(16) unsigned char page[kSealedPageSize];
      if (pos != u.start || stop != u.start + u.size) {  // part of a page: read, patch, reseal
        rc = ReadUnit(f, u, page);
        if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) return rc;
        std::memcpy(page + (pos - u.start), src, static_cast<std::size_t>(stop - pos));
        src = page;
      }
      if (!SealPage(f, u, src, f.scratch)) return SQLITE_IOERR_WRITE;
      rc = f.real->pMethods->xWrite(f.real, f.scratch, kSealedPageSize, u.start);
    }
    if (rc != SQLITE_OK) return rc;
    pos = stop;
  }
  return SQLITE_OK;
}

int SealedClose(sqlite3_file* file) {
  SealedFile& f = *Sealed(file);
  int rc = f.real->pMethods != nullptr ? f.real->pMethods->xClose(f.real) : SQLITE_OK;
  sodium_memzero(f.key.bytes.data(), f.key.bytes.size());
  f.name.~basic_string();
  return rc;
}

// The rest forwards to the real file.
int SealedTruncate(sqlite3_file* f, sqlite3_int64 size) {
  return Sealed(f)->real->pMethods->xTruncate(Sealed(f)->real, size);
}
int SealedSync(sqlite3_file* f, int flags) {
  return Sealed(f)->real->pMethods->xSync(Sealed(f)->real, flags);
}
int SealedFileSize(sqlite3_file* f, sqlite3_int64* size) {
  return Sealed(f)->real->pMethods->xFileSize(Sealed(f)->real, size);
}
int SealedLock(sqlite3_file* f, int level) {
  return Sealed(f)->real->pMethods->xLock(Sealed(f)->real, level);
}
int SealedUnlock(sqlite3_file* f, int level) {
  return Sealed(f)->real->pMethods->xUnlock(Sealed(f)->real, level);
}
int SealedCheckReservedLock(sqlite3_file* f, int* out) {
  return Sealed(f)->real->pMethods->xCheckReservedLock(Sealed(f)->real, out);
}
int SealedFileControl(sqlite3_file* f, int op, void* arg) {
  // mmap would hand SQLite the ciphertext: keep it off whatever a PRAGMA asks.
  if (op == SQLITE_FCNTL_MMAP_SIZE) {
    *static_cast<sqlite3_int64*>(arg) = 0;
    return SQLITE_OK;
  }
  return Sealed(f)->real->pMethods->xFileControl(Sealed(f)->real, op, arg);
}
int SealedSectorSize(sqlite3_file* f) {
  return Sealed(f)->real->pMethods->xSectorSize(Sealed(f)->real);
}
int SealedDeviceCharacteristics(sqlite3_file* f) {
  return Sealed(f)->real->pMethods->xDeviceCharacteristics(Sealed(f)->real);
}
int SealedShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return Sealed(f)->real->pMethods->xShmMap(Sealed(f)->real, page, size, extend, out);
}
int SealedShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return Sealed(f)->real->pMethods->xShmLock(Sealed(f)->real, offset, n, flags);
}
void SealedShmBarrier(sqlite3_file* f) { Sealed(f)->real->pMethods->xShmBarrier(Sealed(f)->real); }
int SealedShmUnmap(sqlite3_file* f, int del) {
  return Sealed(f)->real->pMethods->xShmUnmap(Sealed(f)->real, del);
}

// Version 2: shared memory for WAL, and no xFetch, so SQLite never maps the file.
const sqlite3_io_methods kSealedMethods = {
    2,
    SealedClose,
    SealedRead,
    SealedWrite,
    SealedTruncate,
    SealedSync,
    SealedFileSize,
    SealedLock,
    SealedUnlock,
    SealedCheckReservedLock,
    SealedFileControl,
    SealedSectorSize,
    SealedDeviceCharacteristics,
    SealedShmMap,
    SealedShmLock,
    SealedShmBarrier,
    SealedShmUnmap,
    nullptr,
    nullptr,
};

int SealedOpen(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags,
               int* out_flags) {
  auto* f = new (file) SealedFile{};
  f->real = reinterpret_cast<sqlite3_file*>(f + 1);
  f->kind = (flags & SQLITE_OPEN_MAIN_DB) != 0 ? FileKind::kDatabase
            : (flags & SQLITE_OPEN_WAL) != 0   ? FileKind::kWal
                                               : FileKind::kOther;
  f->base.pMethods = nullptr;
  if (f->kind != FileKind::kOther) {
    // The key is named by its fingerprint in the URI; a sealed file never opens without it.
    const char* id = name != nullptr ? sqlite3_uri_parameter(name, "seal") : nullptr;
    std::lock_guard lock(g_keys_mutex);
    auto it = id != nullptr ? Keys().find(id) : Keys().end();
    if (it == Keys().end()) {
      f->~SealedFile();
      return SQLITE_CANTOPEN;
    }
    f->key = it->second;
    f->name = name;
  }
  int rc = Real(vfs)->xOpen(Real(vfs), name, f->real, flags, out_flags);
  if (rc != SQLITE_OK) {
    f->real->pMethods = nullptr;
    SealedClose(file);
    return rc;
  }
  f->base.pMethods = &kSealedMethods;
  return SQLITE_OK;
}

int SealedDelete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
  return Real(vfs)->xDelete(Real(vfs), name, sync_dir);
}
int SealedAccess(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
  return Real(vfs)->xAccess(Real(vfs), name, flags, out);
}
int SealedFullPathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
  return Real(vfs)->xFullPathname(Real(vfs), name, size, out);
}
void* SealedDlOpen(sqlite3_vfs* vfs, const char* name) {
  return Real(vfs)->xDlOpen(Real(vfs), name);
}
void SealedDlError(sqlite3_vfs* vfs, int size, char* out) {
  Real(vfs)->xDlError(Real(vfs), size, out);
}
void (*SealedDlSym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void) {
  return Real(vfs)->xDlSym(Real(vfs), handle, symbol);
}
void SealedDlClose(sqlite3_vfs* vfs, void* handle) { Real(vfs)->xDlClose(Real(vfs), handle); }
int SealedRandomness(sqlite3_vfs* vfs, int size, char* out) {
  return Real(vfs)->xRandomness(Real(vfs), size, out);
}
int SealedSleep(sqlite3_vfs* vfs, int micros) { return Real(vfs)->xSleep(Real(vfs), micros); }
int SealedCurrentTime(sqlite3_vfs* vfs, double* out) {
  return Real(vfs)->xCurrentTime(Real(vfs), out);
}
int SealedGetLastError(sqlite3_vfs* vfs, int size, char* out) {
  return Real(vfs)->xGetLastError(Real(vfs), size, out);
}
int SealedCurrentTimeInt64(sqlite3_vfs* vfs, sqlite3_int64* out) {
  return Real(vfs)->xCurrentTimeInt64(Real(vfs), out);
}

void RegisterVfsOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) return;
    sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
    static sqlite3_vfs vfs{};
    vfs.iVersion = 2;
    vfs.szOsFile = static_cast<int>(sizeof(SealedFile)) + real->szOsFile;
    vfs.mxPathname = real->mxPathname;
    vfs.zName = kSealedVfsName;
    vfs.pAppData = real;
    vfs.xOpen = SealedOpen;
    vfs.xDelete = SealedDelete;
    vfs.xAccess = SealedAccess;
    vfs.xFullPathname = SealedFullPathname;
    vfs.xDlOpen = SealedDlOpen;
    vfs.xDlError = SealedDlError;
    vfs.xDlSym = SealedDlSym;
    vfs.xDlClose = SealedDlClose;
    vfs.xRandomness = SealedRandomness;
    vfs.xSleep = SealedSleep;
    vfs.xCurrentTime = SealedCurrentTime;
    vfs.xGetLastError = SealedGetLastError;
    vfs.xCurrentTimeInt64 = SealedCurrentTimeInt64;
    sqlite3_vfs_register(&vfs, /*makeDflt=*/0);
  });
}

// RFC 3986 percent-encoding of a path for a file: URI.
std::string UriPath(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) != 0 || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string SealedDatabaseUri(const std::filesystem::path& file, const PageKey& key) {
  RegisterVfsOnce();
  unsigned char fingerprint[16];
  static constexpr unsigned char kLabel[] = "parley-seal-key-id";
  crypto_generichash(fingerprint, sizeof fingerprint, kLabel, sizeof kLabel - 1, key.bytes.data(),
                     key.bytes.size());
  char hex[2 * sizeof fingerprint + 1];
  sodium_bin2hex(hex, sizeof hex, fingerprint, sizeof fingerprint);
  {
    std::lock_guard lock(g_keys_mutex);
    Keys().insert_or_assign(hex, key);
  }
  return "file:" + UriPath(std::filesystem::absolute(file).lexically_normal().string()) +
         "?seal=" + hex;
}

std::string LastSealFailure() { return t_last_failure; }

}  // namespace parley::store
