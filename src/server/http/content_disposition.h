#pragma once
// The Content-Disposition header of a download (RFC 6266), with the file name quoted so that
// no name can break out of the header or out of the client's download folder.
//
// A file name holds a list's name, a node's key name or a party's name; list names follow
// lists/list_name.h, but any of them may hold letters of any script, and a name from an older
// workspace or another party is not bound by today's rule. So the name is written twice:
//   filename="..."           an ASCII fallback for old clients: ASCII letters, digits, '-',
//                            '_' and '.' kept, every other character '_' (no quote,
//                            backslash, slash, control or non-ASCII byte reaches the header);
//   filename*=UTF-8''...     the exact name, percent-encoded as RFC 8187 (formerly RFC 5987)
//                            asks, which every current browser prefers.
// The fallback gets a '_' in front of a leading '.', so no download is a hidden file.
//
//   r.headers.emplace_back("Content-Disposition", AttachmentDisposition("список-v1.csv"));
//   // attachment; filename="______-v1.csv"; filename*=UTF-8''%D1%81%D0%BF...-v1.csv
#include <string>
#include <string_view>

namespace parley::server {

[[nodiscard]] std::string AttachmentDisposition(std::string_view filename);

}  // namespace parley::server
