#include "ledger/canonical_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#include "ledger/encoding.h"

namespace parley::ledger {
namespace {

// Decodes UTF-8 into UTF-16 code units (when `out` is not null); false when the bytes are
// not valid UTF-8.
bool ToUtf16(std::string_view s, std::u16string* out) {
  if (out != nullptr) out->clear();
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    char32_t cp = 0;
    std::size_t len = 0;
    if (b0 < 0x80) {
      cp = b0;
      len = 1;
    } else if ((b0 & 0xE0) == 0xC0) {
      cp = b0 & 0x1F;
      len = 2;
    } else if ((b0 & 0xF0) == 0xE0) {
      cp = b0 & 0x0F;
      len = 3;
    } else if ((b0 & 0xF8) == 0xF0) {
      cp = b0 & 0x07;
      len = 4;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr char32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    if (out == nullptr) {
      // validation only
    } else if (cp >= 0x10000) {
      cp -= 0x10000;
      out->push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out->push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out->push_back(static_cast<char16_t>(cp));
    }
    i += len;
  }
  return true;
}

Result<void> WriteString(std::string_view s, std::string& out, const std::string& path) {
  if (!ToUtf16(s, nullptr)) {
    return Fail(ErrorCode::kInvalidInput, "string is not valid UTF-8", InField(path));
  }
  out.push_back('"');
  // Copy runs of characters that need no escape in one append: most text has none.
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(u));
        out += buf;
      }
    }
  }
  out.append(s.substr(run));
  out.push_back('"');
  return {};
}

Result<void> Write(const nlohmann::json& v, std::string& out, const std::string& path) {
  using Type = nlohmann::json::value_t;
  switch (v.type()) {
    case Type::null:
      out += "null";
      return {};
    case Type::boolean:
      out += v.get<bool>() ? "true" : "false";
      return {};
    case Type::number_integer: {
      const auto n = v.get<std::int64_t>();
      if (n > kMaxSafeInteger || n < -kMaxSafeInteger) {
        return Fail(ErrorCode::kInvalidInput,
                    "integer " + std::to_string(n) +
                        " is beyond 2^53-1 and cannot be canonical JSON; write it as a string",
                    InField(path));
      }
      out += std::to_string(n);
      return {};
    }
    case Type::number_unsigned: {
      const auto n = v.get<std::uint64_t>();
      if (n > static_cast<std::uint64_t>(kMaxSafeInteger)) {
        return Fail(ErrorCode::kInvalidInput,
                    "integer " + std::to_string(n) +
                        " is beyond 2^53-1 and cannot be canonical JSON; write it as a string",
                    InField(path));
      }
      out += std::to_string(n);
      return {};
    }
    case Type::number_float: {
      const double d = v.get<double>();
      if (!std::isfinite(d)) {
        return Fail(ErrorCode::kInvalidInput, "NaN and infinity are not JSON", InField(path));
      }
      out += FormatEcmaScriptNumber(d);
      return {};
    }
    case Type::string:
      return WriteString(v.get_ref<const std::string&>(), out, path);
    case Type::array: {
      out.push_back('[');
      std::size_t i = 0;
      for (const auto& item : v) {
        if (i != 0) out.push_back(',');
        if (auto r = Write(item, out, path + "[" + std::to_string(i) + "]"); !r) return r;
        ++i;
      }
      out.push_back(']');
      return {};
    }
    case Type::object: {
      struct Member {
        std::u16string key16;
        const std::string* key;
        const nlohmann::json* value;
      };
      std::vector<Member> members;
      members.reserve(v.size());
      // std::map already orders names by UTF-8 bytes, i.e. by code point; UTF-16 order
      // differs only when a name holds a character above U+FFFF (a 4-byte sequence), so
      // the re-sort is needed only then.
      bool needs_utf16_sort = false;
      for (auto it = v.begin(); it != v.end(); ++it) {
        Member m{{}, &it.key(), &it.value()};
        for (char c : it.key()) needs_utf16_sort |= static_cast<unsigned char>(c) >= 0xF0;
        members.push_back(std::move(m));
      }
      if (needs_utf16_sort) {
        for (Member& m : members) {
          if (!ToUtf16(*m.key, &m.key16)) {
            return Fail(ErrorCode::kInvalidInput, "member name is not valid UTF-8", InField(path));
          }
        }
        std::sort(members.begin(), members.end(),
                  [](const Member& a, const Member& b) { return a.key16 < b.key16; });
      }
      out.push_back('{');
      bool first = true;
      for (const Member& m : members) {
        if (!first) out.push_back(',');
        first = false;
        if (auto r = WriteString(*m.key, out, path); !r) return r;
        out.push_back(':');
        const std::string child = path.empty() ? *m.key : path + "." + *m.key;
        if (auto r = Write(*m.value, out, child); !r) return r;
      }
      out.push_back('}');
      return {};
    }
    case Type::binary:
    case Type::discarded:
      break;
  }
  return Fail(ErrorCode::kInvalidInput, "value has no JSON form", InField(path));
}

}  // namespace

std::string FormatEcmaScriptNumber(double value) {
  if (value == 0) return "0";  // covers -0, which ECMAScript prints as "0"
  // Shortest round-trip digits in scientific form, e.g. "1.2345e+02", then re-laid out
  // following ECMA-262 Number::toString (digits k, decimal exponent n).
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
  std::string sign;
  if (sci.front() == '-') {
    sign = "-";
    sci.remove_prefix(1);
  }
  const std::size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos)) {
    if (c != '.') digits.push_back(c);
  }
  int exponent = 0;
  std::string_view exp_text = sci.substr(e_pos + 1);
  if (exp_text.front() == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;
  std::string out = sign;
  if (k <= n && n <= 21) {
    out += digits + std::string(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n)) + "." +
           digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  } else {
    out += digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += (n - 1 >= 0 ? "e+" : "e-") + std::to_string(std::abs(n - 1));
  }
  return out;
}

Result<void> AppendCanonicalJson(const nlohmann::json& value, std::string& out) {
  return Write(value, out, "");
}

Result<void> AppendCanonicalString(std::string_view text, std::string& out) {
  return WriteString(text, out, "");
}

Result<std::string> CanonicalJson(const nlohmann::json& value) {
  std::string out;
  if (auto r = Write(value, out, ""); !r) return std::unexpected(r.error());
  return out;
}

Result<nlohmann::json> ParseCanonicalJson(std::string_view text) {
  nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return Fail(ErrorCode::kCorruption, "not valid JSON");
  auto canonical = CanonicalJson(value);
  if (!canonical) return Fail(ErrorCode::kCorruption, canonical.error().message);
  if (*canonical != text) return Fail(ErrorCode::kCorruption, "JSON is not in canonical form");
  return value;
}

}  // namespace parley::ledger
