#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/capture/pf_capture.h"

namespace nwaudit::capture {

// The rules of one `pfctl -s all` listing in a capture of several.
struct PfShowAllSection {
  std::string anchor;    // the -a ANCHOR it was made in; "" for the main ruleset
  PfRuleset ruleset;     // its TRANSLATION, FILTER and DUMMYNET rules, lines numbered as in the capture
  std::size_t line = 0;  // the line of its command header; 0 when the capture starts without one
};

struct PfShowAll {
  std::vector<PfShowAllSection> sections;
  std::vector<Error> problems;  // lines that could not be read
};

// The pf capture of a sysdiagnose (network-info/pf in Apple's older get-network-info script,
// network-info/pf.txt in its newer collector): `pfctl -s all`, `pfctl -s References`, then
// `pfctl -s all` for each anchor `pfctl -s Anchors -v` lists, each after a "# COMMAND" header
// between "#" lines, with "=====" separator lines in the older script. Only the rule sections of
// the `-s all` listings are read (INFO, TIMEOUTS, LIMITS and the others say nothing about custom
// rules); the anchors the per-anchor listings name are those that exist.
PfShowAll parse_pfctl_show_all(std::string_view text);

}  // namespace nwaudit::capture
