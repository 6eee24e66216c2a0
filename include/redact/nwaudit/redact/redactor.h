#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace nwaudit::redact {

// How many distinct values of one kind were replaced ("user", "host", "serial", "ipv4", ...).
struct RedactedKind {
  std::string kind;
  std::size_t values = 0;
};

// Replaces personal values (user, host and computer names, serial numbers, hardware UUIDs,
// MAC, IPv4 and IPv6 addresses, SSIDs, VPN servers, accounts and e-mail addresses) with
// stable pseudonyms ("user-1", "host-1", ...): the same value gets the same pseudonym in
// every file and text one Redactor sees, so one bundle or report stays correlatable. What
// the verdict needs (bundle and team identifiers, kext and extension names, interface names,
// OS versions, rule IDs) is kept.
class Redactor {
 public:
  Redactor();
  ~Redactor();
  Redactor(const Redactor&) = delete;
  Redactor& operator=(const Redactor&) = delete;

  // A file read from the Mac at `mac_path` (a property list, binary or XML, or a captured
  // command's output under /.nwaudit/), with its personal values replaced. A binary
  // property list may come back as an XML one: nwaudit reads both.
  std::string file(std::string_view mac_path, std::string_view bytes);

  // A path on the Mac with personal components replaced (a home folder's name is a user name).
  std::string path(std::string_view mac_path);

  // The facts document, redacted in place.
  void facts(pugi::xml_document& facts);

  // Any text nwaudit writes (a report, a manifest): the values seen so far, then patterns
  // (addresses, e-mail addresses) as a backstop.
  std::string text(std::string_view text);

  // What kinds were replaced so far, with counts, never values.
  std::vector<RedactedKind> kinds() const;

 private:
  struct State;
  State* state_;
};

}  // namespace nwaudit::redact
