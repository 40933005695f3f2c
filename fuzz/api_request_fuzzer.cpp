// fuzz/api_request_fuzzer.cpp — what a client puts in an HTTP request to parley serve, read by
// the functions the API reads it with, without a socket or a workspace: the head scanner that
// decides when a request head has arrived (http/request_head.h, which sees every byte before
// httplib does), the session cookie, query parameters, path ids, the JSON body and its typed
// fields (server/request_parsing.h, handlers/json_fields.h), and a body's `since` checkpoint
// (POST /api/v1/ledger/bundles).
//
// Input layout (seeds in fuzz/corpus/api_request): line 1 is a query string ("a=1&b=2"), line 2
// a Cookie header, the rest a request body; the whole input is also fed to the head scanner
// as a connection's bytes. Query strings and headers arrive here already split, as httplib
// hands them over (httplib, Debian's build, is not instrumented and not fuzzed here).
//
// Properties, besides no crash, leak or undefined behaviour: the head scanner, fed in any
// chunks, finds the end a plain search finds (the first "\n\r\n") or the size limit; every
// typed value read is within its documented range and equals what the JSON holds (no integer
// silently wrapped), and every refusal names the parameter or field it refuses.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "ledger/checkpoint.h"
#include "ledger/signed_note.h"
#include "server/handlers/json_fields.h"
#include "server/http/request_head.h"
#include "server/request_parsing.h"

namespace {

using parley::fuzz::Require;
using parley::server::RequestHeadScanner;

void RequireNames(const parley::Error& error, std::string_view field) {
  Require(error.code == parley::ErrorCode::kInvalidInput && error.where.field == field,
          "a refusal is invalid input naming its field");
}

// The scanner against a plain search, fed in chunks whose sizes come from the input itself.
void CheckHeadScanner(std::string_view bytes, std::size_t max_bytes) {
  const std::size_t end = bytes.find("\n\r\n");
  const bool complete = end != std::string_view::npos && end + 3 <= max_bytes;
  const bool too_large = !complete && bytes.size() >= max_bytes;
  RequestHeadScanner scanner(max_bytes);
  std::size_t fed = 0;
  for (std::size_t i = 0; fed < bytes.size(); ++i) {
    const std::size_t chunk = 1 + static_cast<unsigned char>(bytes[i % bytes.size()]) % 7;
    static_cast<void>(scanner.Feed(bytes.substr(fed, chunk)));
    fed += std::min(chunk, bytes.size() - fed);
  }
  if (complete) {
    Require(
        scanner.state() == RequestHeadScanner::State::kComplete && scanner.HeadLength() == end + 3,
        "the head ends at the first empty line");
    // A pipelined request after it starts afresh.
    scanner.Reset();
    const std::string_view rest = bytes.substr(end + 3);
    static_cast<void>(scanner.Feed(rest));
    const std::size_t next = rest.find("\n\r\n");
    Require((scanner.state() == RequestHeadScanner::State::kComplete) ==
                (next != std::string_view::npos && next + 3 <= max_bytes),
            "after Reset the next head is found as the first was");
  } else if (too_large) {
    Require(scanner.state() == RequestHeadScanner::State::kTooLarge, "a long head is too large");
  } else {
    Require(scanner.state() == RequestHeadScanner::State::kIncomplete, "a short head waits");
  }
}

// Query parameters as each route reads them (links, records, list changes, agreements).
void CheckQuery(std::string_view query_string) {
  parley::server::ApiRequest req;
  std::size_t pos = 0;
  while (pos <= query_string.size()) {
    std::size_t amp = query_string.find('&', pos);
    if (amp == std::string_view::npos) amp = query_string.size();
    const std::string_view pair = query_string.substr(pos, amp - pos);
    const std::size_t eq = pair.find('=');
    req.query.emplace(std::string(pair.substr(0, eq)),
                      eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
    pos = amp + 1;
  }
  struct Bounds {
    const char* name;
    std::int64_t fallback;
    std::int64_t max;
  };
  for (const Bounds& b : {Bounds{"offset", 0, INT32_MAX}, Bounds{"limit", 50, 1000},
                          Bounds{"record", 0, INT64_MAX}, Bounds{"since", 0, INT32_MAX}}) {
    auto n = parley::server::QueryInt(req, b.name, b.fallback, b.max);
    if (!n) {
      RequireNames(n.error(), b.name);
    } else {
      Require(*n >= 0 && *n <= b.max, "a query number is within its bounds");
    }
  }
  for (const char* name : {"min_probability", "max_probability"}) {
    auto p = parley::server::QueryProbability(req, name);
    if (!p) {
      RequireNames(p.error(), name);
    } else if (*p) {
      Require(**p >= 0 && **p <= 1, "a probability is from 0 to 1");
    }
  }
  if (auto v = parley::server::VersionQuery(req); !v) {
    RequireNames(v.error(), "version");
  } else if (*v) {
    Require(**v >= 1, "a version is positive");
  }
  // Path ids ({id}, {plan}) are one segment of text, as a value here.
  for (const auto& [name, value] : req.query) {
    if (auto id = parley::server::ParseId(value, "id"); !id) {
      RequireNames(id.error(), "id");
    } else {
      Require(*id >= 1, "an id is positive");
    }
  }
}

void CheckCookie(const std::string& header) {
  const std::string value = parley::server::CookieValue(header, "parley_session");
  Require(value.find(';') == std::string::npos, "a cookie's value ends at ';'");
  Require(value.empty() || header.find(value) != std::string::npos,
          "a cookie's value is part of the header");
}

// Every typed read of one field, as the handlers make them.
void CheckField(const nlohmann::json& body, const std::string& key) {
  using namespace parley::server;
  // Handlers name a field with a C string, which ends at the first NUL; a key that holds one
  // (JSON may write "\u0000") is read under the name before it, and so is checked here.
  const std::string name(key.c_str());
  const char* field = name.c_str();
  const auto it = body.find(name);
  const bool present = it != body.end() && !it->is_null();
  if (auto s = OptionalString(body, field); !s) {
    RequireNames(s.error(), name);
  } else {
    Require(s->has_value() == present && (!present || **s == it->get<std::string>()),
            "a string field reads as written");
  }
  if (auto s = RequiredString(body, field); !s) RequireNames(s.error(), name);
  if (auto n = OptionalInt(body, field); !n) {
    RequireNames(n.error(), name);
  } else if (*n) {
    const bool exact = it->is_number_unsigned()
                           ? **n >= 0 && static_cast<std::uint64_t>(**n) == it->get<std::uint64_t>()
                           : **n == it->get<std::int64_t>();
    Require(exact, "an integer field reads as the number written");
  }
  if (auto n = RequiredInt(body, field); !n) RequireNames(n.error(), name);
  for (const double max : {1.0, 600.0}) {
    if (auto x = OptionalNumber(body, field, 0, max); !x) {
      RequireNames(x.error(), name);
    } else if (*x) {
      Require(**x >= 0 && **x <= max, "a number field is within its range");
    }
  }
  if (auto b = OptionalBool(body, field); !b) RequireNames(b.error(), name);
}

void CheckBody(std::string_view text) {
  auto body = parley::server::ParseJsonObject(text);
  if (!body) {
    RequireNames(body.error(), "body");
    return;
  }
  Require(body->is_object(), "a parsed body is an object");
  std::vector<std::string> names = {"version", "phase", "expected_count", "gap",
                                    "full",    "name",  "since",          "agreement"};
  for (const auto& [key, value] : body->items()) {
    names.push_back(key);
    if (names.size() > 64) break;
  }
  for (const std::string& name : names) CheckField(*body, name);
  // POST /api/v1/ledger/bundles: `since` is a checkpoint's signed note.
  if (auto since = body->find("since"); since != body->end() && since->is_string()) {
    if (auto note = parley::ledger::ParseSignedNote(since->get<std::string>())) {
      static_cast<void>(parley::ledger::ParseCheckpointBody(note->text));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckHeadScanner(bytes, 64 * 1024);
  CheckHeadScanner(bytes, 48);
  const std::size_t first = bytes.find('\n');
  const std::size_t second = first == std::string_view::npos ? first : bytes.find('\n', first + 1);
  CheckQuery(bytes.substr(0, first));
  if (first == std::string_view::npos) return 0;
  CheckCookie(std::string(bytes.substr(first + 1, second - first - 1)));
  if (second == std::string_view::npos) return 0;
  CheckBody(bytes.substr(second + 1));
  return 0;
}
