#include <string>

#include "nwaudit/capture/pf_capture.h"
#include "collector_support.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/base/limits.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "pf";
constexpr const char* kConfiguration = "/etc/pf.conf";

struct Origin {
  const char* from;  // "loaded" (pfctl, what the kernel has) or "configured" (pf.conf and its anchor files)
  std::string source;
};

// <anchor> for an anchor that exists, <hook> for a rule that calls one.
pugi::xml_node add_anchor(pugi::xml_node pf, const char* element, const std::string& path, bool apple,
                          const Origin& origin, std::size_t line) {
  pugi::xml_node anchor = pf.append_child(element);
  anchor.append_attribute("path") = path.c_str();
  anchor.append_attribute("apple") = collector::boolean(apple);
  anchor.append_attribute("from") = origin.from;
  anchor.append_attribute("source") = origin.source.c_str();
  if (line != 0) anchor.append_attribute("line") = static_cast<unsigned long long>(line);
  return anchor;
}

// Plain rules are custom in the main ruleset and in any custom anchor; Apple's anchors' own are not.
void add_ruleset(pugi::xml_node pf, const capture::PfRuleset& ruleset, const std::string& anchor, const Origin& origin) {
  const bool custom_place = anchor.empty() || !capture::is_apple_anchor(anchor);
  for (const capture::PfAnchorHook& hook : ruleset.anchors) {
    add_anchor(pf, "hook", hook.path.empty() ? hook.name : hook.path, hook.apple, origin, hook.line)
        .prepend_attribute("kind") = capture::to_string(hook.kind);
  }
  for (const capture::PfPlainRule& rule : ruleset.rules) {
    pugi::xml_node element = pf.append_child("rule");
    element.append_attribute("text") = rule.text.c_str();
    element.append_attribute("anchor") = anchor.c_str();
    element.append_attribute("custom") = collector::boolean(custom_place);
    element.append_attribute("from") = origin.from;
    element.append_attribute("source") = origin.source.c_str();
    element.append_attribute("line") = static_cast<unsigned long long>(rule.line);
  }
}

void collect_configured(const Source& source, Facts& facts, pugi::xml_node pf) {
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
      facts.record_problem(kCollector, Error{ErrorKind::too_large, kConfiguration, "line " + std::to_string(load.line),
                                             "loads more than " + std::to_string(limits::kMaxPfAnchorFiles) +
                                                 " anchor files; this one and the rest were not read"});
      break;
    }
    const std::string anchor = *anchor_path;
    auto file = collector::read_capture(source, facts, kCollector, load.file,
                                        [&](std::string_view text) { return capture::parse_pf_conf(text, anchor); });
    if (file) add_ruleset(pf, *file, anchor, Origin{"configured", load.file});
  }
}

void collect_loaded(const Source& source, Facts& facts, pugi::xml_node pf) {
  const std::string anchors_path = collector::capture_path("pfctl-anchors.txt");
  if (auto anchors = collector::read_capture(source, facts, kCollector, anchors_path, capture::parse_pfctl_anchors)) {
    for (const capture::PfAnchorPath& anchor : anchors->anchors) {
      add_anchor(pf, "anchor", anchor.path, anchor.apple, Origin{"loaded", anchors_path}, anchor.line);
    }
  }
  const std::string rules_path = collector::capture_path("pfctl-rules.txt");
  auto rules = collector::read_capture(source, facts, kCollector, rules_path,
                                       [](std::string_view text) { return capture::parse_pfctl_rules(text); });
  if (rules) add_ruleset(pf, *rules, "", Origin{"loaded", rules_path});
}

}  // namespace

// The kernel counts pf as incompatible with user-space networking when any anchor outside
// Apple's allow-list exists or a plain rule sits in the main ruleset, even with pf disabled
// (xnu bsd/net/pf.c, pf_check_compatible_anchor and pf_check_compatible_rules).
void collect_pf(const Source& source, Facts& facts) {
  pugi::xml_node pf = facts.add("pf");
  collect_loaded(source, facts, pf);
  collect_configured(source, facts, pf);
  const bool custom_anchor =
      pf.find_child_by_attribute("anchor", "apple", "false") || pf.find_child_by_attribute("hook", "apple", "false");
  const bool custom_rule = pf.find_child_by_attribute("rule", "custom", "true");
  pf.prepend_attribute("custom-rules") = collector::boolean(custom_rule);
  pf.prepend_attribute("custom-anchors") = collector::boolean(custom_anchor);
}

}  // namespace nwaudit
