#include "server/http/content_disposition.h"

namespace parley::server {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// RFC 8187 attr-char: what may stand unencoded in an extended parameter value.
bool IsAttrChar(unsigned char c) {
  return IsAsciiAlnum(c) ||
         std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

std::string AsciiFallback(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (unsigned char c : name) {
    if (c >= 0x80 && c < 0xC0) continue;  // a UTF-8 continuation byte: one '_' per character
    bool keep = IsAsciiAlnum(c) || c == '-' || c == '_' || c == '.';
    out.push_back(keep ? static_cast<char>(c) : '_');
  }
  if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
  return out;
}

std::string PercentEncoded(std::string_view name) {
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : name) {
    if (IsAttrChar(c)) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    out.push_back('%');
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0x0F]);
  }
  return out;
}

}  // namespace

std::string AttachmentDisposition(std::string_view filename) {
  return "attachment; filename=\"" + AsciiFallback(filename) + "\"; filename*=UTF-8''" +
         PercentEncoded(filename);
}

}  // namespace parley::server
