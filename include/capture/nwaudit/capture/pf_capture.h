#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {

// True for the anchor paths the kernel does not count as custom pf configuration, exactly as
// pf_check_compatible_anchor() (xnu bsd/net/pf.c) decides: "_pf", exactly "com.apple", and any path
// that starts with "com.apple.internet-sharing", "com.apple/250.ApplicationFirewall" or
// "com.apple/200.AirDrop". Takes a resolved path as pfctl -s Anchors prints it ("com.apple/200.AirDrop"),
// not a hook's name: for "com.apple/*" use resolve_anchor_path() first.
bool is_apple_anchor(std::string_view path);

// The anchor a hook called `name` creates and calls when it sits in the ruleset of anchor `parent`
// ("" for the main ruleset, "com.apple" for /etc/pf.anchors/com.apple), as pf_anchor_setup() resolves
// it: a leading "/" is absolute, each leading "../" climbs one level, and a final "/*" (call every
// child) is dropped, so "com.apple/*" is the anchor "com.apple". Nothing when "../" climbs above the
// main ruleset.
std::optional<std::string> resolve_anchor_path(std::string_view parent, std::string_view name);

// The ruleset a hook calls its anchor from.
enum class PfHookKind { filter, scrub, nat, rdr, binat, dummynet };

// "anchor", "scrub-anchor", ...
const char* to_string(PfHookKind kind);

// A rule that calls an anchor: `anchor "com.apple/*" all`, `nat-anchor "org.example"`, ...
struct PfAnchorHook {
  PfHookKind kind = PfHookKind::filter;
  std::string name;           // as written; empty for an anonymous inline anchor
  std::string path;           // resolve_anchor_path() of name; empty when anonymous or unresolvable
  bool apple = false;         // is_apple_anchor(path); an anonymous anchor is custom
  std::size_t line = 0;
};

// `load anchor "name" from "/etc/pf.anchors/name"`.
struct PfLoadAnchor {
  std::string name;
  std::string file;
  std::size_t line = 0;
};

// Any other rule: pass, block, match, scrub, nat, no nat, rdr, binat, antispoof, dummynet.
struct PfPlainRule {
  std::string text;  // the whole rule, comments removed, continuation lines joined
  std::size_t line = 0;
};

// What a ruleset holds, in pfctl's output or in a pf.conf file. For the main ruleset the kernel
// counts every plain rule as custom and every anchor by its path. The other statements of pf.conf
// (options, tables, macros, includes) tell neither, and are not kept.
struct PfRuleset {
  std::vector<PfAnchorHook> anchors;
  std::vector<PfLoadAnchor> load_anchors;
  std::vector<PfPlainRule> rules;
  std::vector<Error> problems;  // lines that could not be read
};

// One anchor path from `pfctl -s Anchors -v`.
struct PfAnchorPath {
  std::string path;    // "com.apple/200.AirDrop/Bonjour"
  bool apple = false;  // is_apple_anchor(path)
  std::size_t line = 0;
};

struct PfAnchors {
  std::vector<PfAnchorPath> anchors;
  std::vector<Error> problems;  // lines that could not be read
};

// `pfctl -s Anchors -v`: one path per line. The stderr lines people paste with it ("No ALTQ support in
// kernel", the -f warning) are skipped; any other "pfctl: ..." message (e.g. "/dev/pf: Permission
// denied") is reported as a problem, since it means the listing is missing.
PfAnchors parse_pfctl_anchors(std::string_view text);

// `pfctl -s rules` (also -v, -vv, and -s nat / -s dummynet, which print hooks and rules the same way),
// for the ruleset of `anchor` ("" for the main ruleset, "com.apple" for `pfctl -a com.apple -s rules`).
PfRuleset parse_pfctl_rules(std::string_view text, std::string_view anchor = {});

// /etc/pf.conf, or a file of /etc/pf.anchors/ that is loaded into `anchor` (hooks in it are relative
// to that anchor). Macros are not expanded.
PfRuleset parse_pf_conf(std::string_view text, std::string_view anchor = {});

}  // namespace nwaudit::capture
