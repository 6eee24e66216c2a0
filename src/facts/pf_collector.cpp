#include <optional>
#include <string>
#include <string_view>

#include "nwaudit/capture/pf_capture.h"
#include "nwaudit/capture/pf_link_conditioner.h"
#include "nwaudit/capture/pfctl_command_anchor.h"
#include "nwaudit/capture/pfctl_show_all_capture.h"
#include "collector_registry.h"
#include "collector_support.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/base/limits.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "pf";
constexpr const char* kConfiguration = "/etc/pf.conf";
constexpr const char* kLinkConditioner = "network-link-conditioner";

struct Origin {
  const char* from;  // "loaded" (pfctl, what the kernel has) or "configured" (pf.conf and its anchor files)
  std::string source;
};

// <anchor> for an anchor that exists, <hook> for a rule that calls one.
FactElement add_anchor(FactElement& pf, const char* element, const std::string& path, bool apple, const Origin& origin,
                       std::size_t line) {
  FactElement anchor = pf.add_child(element);
  anchor.set("path", path);
  anchor.set("apple", apple);
  anchor.set("from", origin.from);
  anchor.set("source", origin.source);
  if (line != 0) anchor.set("line", line);
  if (capture::is_link_conditioner_anchor(path)) anchor.set("feature", kLinkConditioner);
  return anchor;
}

// Plain rules are custom in the main ruleset and in any custom anchor; Apple's anchors' own are not.
void add_ruleset(FactElement& pf, const capture::PfRuleset& ruleset, const std::string& anchor, const Origin& origin) {
  const bool custom_place = anchor.empty() || !capture::is_apple_anchor(anchor);
  for (const capture::PfAnchorHook& hook : ruleset.anchors) {
    add_anchor(pf, "hook", hook.path.empty() ? hook.name : hook.path, hook.apple, origin, hook.line)
        .set_first("kind", capture::to_string(hook.kind));
  }
  for (const capture::PfPlainRule& rule : ruleset.rules) {
    FactElement element = pf.add_child("rule");
    element.set("text", rule.text);
    element.set("anchor", anchor);
    element.set("custom", custom_place);
    element.set("from", origin.from);
    element.set("source", origin.source);
    element.set("line", rule.line);
    if (capture::is_link_conditioner_anchor(anchor)) element.set("feature", kLinkConditioner);
  }
}

void collect_configured(const Source& source, Facts& facts, FactElement& pf) {
  auto main = collector::read_capture(source, facts, kCollector, kConfiguration,
                                      [](std::string_view text) { return capture::parse_pf_conf(text); });
  if (!main) return;
  add_ruleset(pf, *main, "", Origin{"configured", kConfiguration});
  // Only the main file's "load anchor" lines are followed, never those of the files they load.
  std::size_t files_read = 0;
  for (const capture::PfLoadAnchor& load : main->load_anchors) {
    auto anchor_path = capture::resolve_anchor_path("", load.name);
    if (!anchor_path || load.file.empty()) continue;
    if (++files_read > limits::kMaxPfAnchorFiles) {
      facts.record_problem(kCollector, Error{ErrorKind::too_large, kConfiguration, {},
                                             "loads more than " + std::to_string(limits::kMaxPfAnchorFiles) +
                                                 " anchor files; this one and the rest were not read",
                                             load.line});
      break;
    }
    const std::string anchor = *anchor_path;
    auto file = collector::read_capture(source, facts, kCollector, load.file,
                                        [&](std::string_view text) { return capture::parse_pf_conf(text, anchor); });
    if (file) add_ruleset(pf, *file, anchor, Origin{"configured", load.file});
  }
}

// A listing without a command line whose hooks all name com.apple's own sub-anchors
// ("200.AirDrop/*") was made with `pfctl -a com.apple`, unless the loaded anchors show such an
// anchor at the top level, where the kernel would count it as custom.
bool made_inside_com_apple(const capture::PfRuleset& ruleset, const std::optional<capture::PfAnchors>& loaded) {
  if (ruleset.anchors.empty()) return false;
  for (const capture::PfAnchorHook& hook : ruleset.anchors) {
    if (!capture::is_com_apple_sub_anchor_hook(hook.name)) return false;
  }
  if (loaded) {
    for (const capture::PfAnchorPath& anchor : loaded->anchors) {
      if (capture::is_com_apple_sub_anchor_hook(anchor.path)) return false;
    }
  }
  return true;
}

void collect_loaded(const Source& source, Facts& facts, FactElement& pf) {
  const std::string anchors_path = collector::capture_path("pfctl-anchors.txt");
  const auto anchors = collector::read_capture(source, facts, kCollector, anchors_path, capture::parse_pfctl_anchors);
  if (anchors) {
    for (const capture::PfAnchorPath& anchor : anchors->anchors) {
      add_anchor(pf, "anchor", anchor.path, anchor.apple, Origin{"loaded", anchors_path}, anchor.line);
    }
  }
  const std::string rules_path = collector::capture_path("pfctl-rules.txt");
  std::string made_in;  // the anchor whose ruleset the capture lists; "" for the main ruleset
  auto rules = collector::read_capture(source, facts, kCollector, rules_path, [&](std::string_view text) {
    made_in = capture::pfctl_command_anchor(text);
    capture::PfRuleset ruleset = capture::parse_pfctl_rules(text, made_in);
    if (made_in.empty() && made_inside_com_apple(ruleset, anchors)) {
      made_in = "com.apple";
      ruleset = capture::parse_pfctl_rules(text, made_in);
    }
    return ruleset;
  });
  if (rules) add_ruleset(pf, *rules, made_in, Origin{"loaded", rules_path});
}

// A sysdiagnose's pf capture: `pfctl -s all` of the main ruleset, then of every anchor that exists.
void collect_listed(const Source& source, Facts& facts, FactElement& pf, const std::string& path) {
  const auto listing = collector::read_capture(source, facts, kCollector, path, capture::parse_pfctl_show_all);
  if (!listing) return;
  if (listing->sections.empty()) {
    facts.record_problem(kCollector, Error{ErrorKind::malformed, path, {}, "no pfctl -s all listing in the capture"});
    return;
  }
  const Origin origin{"loaded", path};
  for (const capture::PfShowAllSection& section : listing->sections) {
    if (!section.anchor.empty()) {
      add_anchor(pf, "anchor", section.anchor, capture::is_apple_anchor(section.anchor), origin, section.line);
    }
    add_ruleset(pf, section.ruleset, section.anchor, origin);
  }
}

// Whether Network Link Conditioner's anchors are there: "loaded" (it is shaping traffic now),
// "configured" (only a hook in the configuration calls one), "absent" (the loaded anchors were
// listed, and a listing always holds com.apple, without one of its), "unknown" (no listing).
const char* link_conditioner_state(pugi::xml_node pf) {
  bool configured = false;
  bool listed = false;
  for (pugi::xml_node child : pf.children()) {
    const bool loaded = std::string_view(child.attribute("from").value()) == "loaded";
    if (child.attribute("feature")) {
      if (loaded) return "loaded";
      configured = true;
    }
    listed = listed || (loaded && std::string_view(child.name()) == "anchor");
  }
  if (configured) return "configured";
  return listed ? "absent" : "unknown";
}

}  // namespace

// The kernel counts pf as incompatible with user-space networking when any anchor outside
// Apple's allow-list exists or a plain rule sits in the main ruleset, even with pf disabled
// (xnu bsd/net/pf.c, pf_check_compatible_anchor and pf_check_compatible_rules).
void collect_pf(const Source& source, Facts& facts) {
  FactElement pf = facts.add("pf");
  const std::string listing = collector::capture_path("pfctl-all.txt");
  if (source.status(listing)) {
    collect_listed(source, facts, pf, listing);
  } else {
    collect_loaded(source, facts, pf);
  }
  collect_configured(source, facts, pf);
  const pugi::xml_node written = pf.node();
  pf.set_first("link-conditioner", link_conditioner_state(written));
  const bool custom_anchor = written.find_child_by_attribute("anchor", "apple", "false") ||
                             written.find_child_by_attribute("hook", "apple", "false");
  const bool custom_rule = written.find_child_by_attribute("rule", "custom", "true");
  pf.set_first("custom-rules", custom_rule);
  pf.set_first("custom-anchors", custom_anchor);
}

namespace collector {
namespace {

constexpr std::string_view kOrigins[] = {"loaded", "configured"};
constexpr std::string_view kFeatures[] = {"network-link-conditioner"};
constexpr std::string_view kLinkConditionerStates[] = {"loaded", "configured", "absent", "unknown"};
constexpr std::string_view kHookKinds[] = {"anchor",       "scrub-anchor",  "nat-anchor",
                                           "rdr-anchor",   "binat-anchor",  "dummynet-anchor"};
constexpr contract::Attribute kPf[] = {
    {"custom-anchors", contract::Type::boolean, "whether any anchor or hook is outside Apple's allow-list"},
    {"custom-rules", contract::Type::boolean, "whether a plain rule sits in the main ruleset or a custom anchor"},
    {"link-conditioner", contract::Type::enumeration,
     "Network Link Conditioner's anchors: loaded, configured (hooks only), absent (listed, none of its), unknown",
     kLinkConditionerStates},
};
// Where a child of <pf> was read: every child has these.
constexpr contract::Attribute kOrigin[] = {
    {"from", contract::Type::enumeration, "loaded (pfctl: what the kernel has) or configured (pf.conf)", kOrigins},
    {"source", contract::Type::path, "the capture or file it was read from"},
    {"line", contract::Type::integer, "its line there"},
    {"feature", contract::Type::enumeration,
     "the Apple feature its anchor belongs to, when the kernel counts that anchor as custom", kFeatures},
};
constexpr contract::Attribute kAnchor[] = {
    {"path", contract::Type::text, "the anchor's path: com.apple/250.ApplicationFirewall, org.example.vpn, ..."},
    {"apple", contract::Type::boolean, "whether Apple's allow-list has it"},
};
constexpr contract::Attribute kHookKind[] = {
    {"kind", contract::Type::enumeration, "the rule's keyword", kHookKinds},
};
constexpr contract::Attribute kRule[] = {
    {"text", contract::Type::text, "the rule"},
    {"anchor", contract::Type::text, "the anchor it is in; empty for the main ruleset"},
    {"custom", contract::Type::boolean, "whether it counts against user-space networking: not in Apple's anchors"},
};
constexpr contract::Element kContract[] = {
    {"/facts/pf", "pf as the kernel judges it for user-space networking, enabled or not",
     "pfctl -s Anchors -v, pfctl -s rules (or pfctl -s all per anchor); /etc/pf.conf and the anchor files it loads", kPf},
    {"/facts/pf/anchor", "an anchor that exists", "pfctl -s Anchors -v", kAnchor},
    {"/facts/pf/anchor", "", "", kOrigin},
    {"/facts/pf/hook", "a rule that calls an anchor, at the path it names", "pfctl -s rules; /etc/pf.conf", kHookKind},
    {"/facts/pf/hook", "", "", kAnchor},
    {"/facts/pf/hook", "", "", kOrigin},
    {"/facts/pf/rule", "a plain rule", "pfctl -s rules; /etc/pf.conf and its anchor files", kRule},
    {"/facts/pf/rule", "", "", kOrigin},
};

}  // namespace

extern const Registration pf_collector{{kCollector, kContract},
                                       [](const Input& input, Facts& facts) { collect_pf(input.source, facts); }};

}  // namespace collector

}  // namespace nwaudit
