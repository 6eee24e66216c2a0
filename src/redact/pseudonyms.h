#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/redact/redactor.h"

namespace nwaudit::redact {

// The kinds of personal value, in the order a report lists them.
enum class Kind { user, host, serial, hardware_uuid, mac, ipv4, ipv6, ssid, server, email, account, name, secret };

// "user", "host", "hardware-uuid", ...: the kind as a report names it.
const char* to_string(Kind kind);

// Which value became which pseudonym. A value is numbered when first seen, per label:
// "user-1", "host-2", "192.168.x-1". Addresses every Mac has (loopback, unspecified, netmasks,
// multicast) and values marked kept are never replaced.
class Pseudonyms {
 public:
  // The pseudonym of `value`, or the value itself when it is to be kept.
  std::string of(Kind kind, std::string_view value);

  // A value the verdict needs (a version, a build): never replaced by the patterns.
  void keep(std::string_view value);
  bool kept(std::string_view value) const;

  // The pseudonym already given to exactly this value; nullptr when none was.
  const std::string* given(std::string_view value) const {
    const auto found = by_value_.find(value);
    return found == by_value_.end() ? nullptr : &found->second;
  }

  // Whether the text is one of the pseudonyms this table gave.
  bool is_pseudonym(std::string_view text) const { return pseudonyms_.contains(text); }

  struct Replaced {
    std::string value, pseudonym;
    Kind kind;
  };
  // Values replaced so far and their pseudonyms, in order of first sight.
  const std::vector<Replaced>& replaced() const { return replaced_; }

  std::vector<RedactedKind> kinds() const;

 private:
  std::map<std::string, std::string, std::less<>> by_value_;
  std::set<std::string, std::less<>> pseudonyms_;
  std::set<std::string, std::less<>> kept_;
  std::map<std::string, std::size_t, std::less<>> last_number_;  // by label
  std::map<Kind, std::size_t> counts_;
  std::vector<Replaced> replaced_;
};

}  // namespace nwaudit::redact
