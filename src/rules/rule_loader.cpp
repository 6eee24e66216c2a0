#include "rule_loader.h"

#include <algorithm>
#include <set>

#include "condition_cost.h"
#include "fact_names.h"
#include "nwaudit/base/xml_text_position.h"

namespace nwaudit {
namespace {

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
           c == '_';
  });
}

// Checks an element's attributes and children against what the format allows.
class ElementCheck {
 public:
  ElementCheck(const XmlFile& file, std::vector<Error>& problems) : file_(file), problems_(problems) {}

  void only_attributes(pugi::xml_node node, std::initializer_list<std::string_view> allowed) {
    for (pugi::xml_attribute attribute : node.attributes()) {
      if (std::find(allowed.begin(), allowed.end(), std::string_view(attribute.name())) == allowed.end()) {
        fail(node, "unknown attribute " + std::string(attribute.name()) + " on <" + node.name() + ">");
      }
    }
  }
  void only_children(pugi::xml_node node, std::initializer_list<std::string_view> allowed) {
    for (pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      if (std::find(allowed.begin(), allowed.end(), std::string_view(child.name())) == allowed.end()) {
        fail(child, "unknown element <" + std::string(child.name()) + "> in <" + node.name() + ">");
      }
    }
  }
  // The text of the one child `name`; empty (and a problem when required) when missing.
  std::string text(pugi::xml_node node, const char* name, bool required) {
    const pugi::xml_node child = node.child(name);
    if (const pugi::xml_node second = child.next_sibling(name)) fail(second, std::string("more than one <") + name + ">");
    const std::string_view value = trim_xml_space(child.text().get());
    if (required && value.empty()) fail(node, std::string("missing <") + name + ">");
    return std::string(value);
  }
  bool flag(pugi::xml_node node, const char* name) {
    const std::string_view value = node.attribute(name).value();
    if (value.empty() || value == "false") return false;
    if (value == "true") return true;
    fail(node, std::string(name) + "=\"" + std::string(value) + "\" is not true or false");
    return false;
  }
  template <class Parse>
  auto vocabulary(pugi::xml_node node, const char* attribute, Parse parse, const char* what) -> decltype(parse("")) {
    const std::string_view value = node.attribute(attribute).value();
    if (value.empty()) {
      fail(node, std::string("missing ") + attribute);
      return std::nullopt;
    }
    auto parsed = parse(value);
    if (!parsed) fail(node, "unknown " + std::string(what) + " '" + std::string(value) + "'");
    return parsed;
  }
  // Every {@name} must name an attribute of the facts (the facts contract).
  void placeholders(pugi::xml_node node, std::string_view text) {
    for (std::size_t at = text.find("{@"); at != std::string_view::npos; at = text.find("{@", at + 2)) {
      const auto end = text.find('}', at);
      const std::string_view name = end == std::string_view::npos ? text.substr(at + 2) : text.substr(at + 2, end - at - 2);
      if (end == std::string_view::npos) {
        fail(node, "unknown placeholder {@" + std::string(name) + "}");
      } else if (auto unknown = unknown_placeholder(node, name)) {
        fail(node, std::move(*unknown));
      }
    }
  }
  // A <fix>'s if-attribute and unless-attribute must name attributes of the facts.
  void fix_conditions(pugi::xml_node node) {
    for (const char* condition : {"if-attribute", "unless-attribute"}) {
      const std::string_view name = node.attribute(condition).value();
      if (!name.empty()) {
        if (auto unknown = unknown_fix_condition(node, name)) fail(node, std::move(*unknown));
      }
    }
  }
  void fail(pugi::xml_node node, std::string reason) {
    problems_.push_back(file_.error_at(node, std::move(reason)));
    ++failures_;
  }
  std::size_t failures() const { return failures_; }

 private:
  const XmlFile& file_;
  std::vector<Error>& problems_;
  std::size_t failures_ = 0;
};

// The id in `attribute`: a problem when it is missing or has characters ids do not have.
std::string read_id(pugi::xml_node node, const char* attribute, const char* missing, ElementCheck& check) {
  std::string id = node.attribute(attribute).value();
  if (id.empty()) {
    check.fail(node, missing);
  } else if (!valid_id(id)) {
    check.fail(node, std::string(attribute) + " '" + id + "' has characters other than letters, digits, '.', '-', '_'");
  }
  return id;
}

// Most fixes one rule offers (nwaudit(1), LIMITS): a reference is small, the fix it names is not.
constexpr std::size_t kMaxFixesPerRule = 32;

Fix read_fix_fields(pugi::xml_node node, ElementCheck& check, std::initializer_list<std::string_view> attributes) {
  check.only_attributes(node, attributes);
  check.only_children(node, {"title", "description", "command", "side-effects"});
  Fix fix;
  fix.audience = node.attribute("audience").value();
  if (fix.audience != "mac" && fix.audience != "app") check.fail(node, "<fix> audience must be mac or app");
  fix.needs_admin = check.flag(node, "admin");
  fix.needs_reboot = check.flag(node, "reboot");
  fix.needs_mdm = check.flag(node, "mdm");
  fix.title = check.text(node, "title", true);
  fix.description = check.text(node, "description", false);
  fix.command = check.text(node, "command", false);
  fix.side_effects = check.text(node, "side-effects", false);
  for (const std::string* text : {&fix.title, &fix.description, &fix.command}) check.placeholders(node, *text);
  return fix;
}

// A <fix> in a <rule>: written out, or <fix ref="ID"/>, which holds only the id of a shared
// fix until RuleLoader::finish resolves it.
Fix read_fix(pugi::xml_node node, ElementCheck& check) {
  Fix fix;
  if (!node.attribute("ref")) {
    fix = read_fix_fields(node, check, {"audience", "admin", "reboot", "mdm", "if-attribute", "unless-attribute"});
  } else {
    fix.id = read_id(node, "ref", "<fix ref> needs the id of a shared fix", check);
    bool plain = !node.first_child();
    for (pugi::xml_attribute attribute = node.first_attribute(); attribute; attribute = attribute.next_attribute()) {
      const std::string_view name = attribute.name();
      plain = plain && (name == "ref" || name == "if-attribute" || name == "unless-attribute");
    }
    if (!plain) {
      check.fail(node, "<fix ref=\"" + fix.id + "\"/> takes no attributes but if-attribute and unless-attribute, "
                       "and no content");
    }
  }
  check.fix_conditions(node);
  fix.if_attribute = node.attribute("if-attribute").value();
  fix.unless_attribute = node.attribute("unless-attribute").value();
  return fix;
}

// A <fix id="ID"> at the top level of <rules>: a fix defined once, for rules to refer to.
Fix read_shared_fix(pugi::xml_node node, ElementCheck& check) {
  Fix fix = read_fix_fields(node, check, {"id", "audience", "admin", "reboot", "mdm"});
  fix.id = read_id(node, "id", "a <fix> outside a <rule> is a shared fix and needs an id", check);
  return fix;
}

// Stage two and three for one <rule>: its fields, then its condition compiled.
std::optional<Rule> read_rule(pugi::xml_node node, const XmlFile& file, std::vector<Error>& problems) {
  ElementCheck check(file, problems);
  check.only_attributes(node, {"id", "cause", "effect", "severity", "confidence"});
  check.only_children(node, {"title", "os", "when", "message", "explanation", "fix", "reference"});
  Rule rule;
  rule.id = read_id(node, "id", "missing id", check);
  rule.file = file.path();
  if (auto cause = check.vocabulary(node, "cause", cause_from, "cause")) rule.cause = *cause;
  if (auto effect = check.vocabulary(node, "effect", effect_from, "effect")) rule.effect = *effect;
  if (auto severity = check.vocabulary(node, "severity", severity_from, "severity")) rule.severity = *severity;
  if (auto confidence = check.vocabulary(node, "confidence", confidence_from, "confidence")) rule.confidence = *confidence;
  rule.title = check.text(node, "title", true);
  rule.condition = check.text(node, "when", true);
  rule.message = check.text(node, "message", true);
  rule.explanation = check.text(node, "explanation", false);
  check.placeholders(node.child("message"), rule.message);
  if (pugi::xml_node os = node.child("os")) {
    check.only_attributes(os, {"min", "max"});
    for (const char* bound : {"min", "max"}) {
      const std::string_view text = os.attribute(bound).value();
      if (text.empty()) continue;
      auto version = OsVersion::parse(text);
      if (!version) check.fail(os, std::string(bound) + "=\"" + std::string(text) + "\" is not a macOS version");
      (std::string_view(bound) == "min" ? rule.os_min : rule.os_max) = version;
    }
  }
  if (std::distance(node.children("fix").begin(), node.children("fix").end()) > std::ptrdiff_t{kMaxFixesPerRule}) {
    check.fail(node, "more than " + std::to_string(kMaxFixesPerRule) + " fixes");
  } else {
    for (pugi::xml_node fix : node.children("fix")) rule.fixes.push_back(read_fix(fix, check));
  }
  for (pugi::xml_node reference : node.children("reference")) {
    check.only_attributes(reference, {"url"});
    rule.references.push_back({reference.text().get(), reference.attribute("url").value()});
    if (rule.references.back().title.empty()) check.fail(reference, "<reference> needs a title");
  }
  if (check.failures() != 0) return std::nullopt;

  try {
    auto query = std::make_shared<pugi::xpath_query>(rule.condition.c_str());
    if (query->return_type() != pugi::xpath_type_node_set) {
      check.fail(node.child("when"), "<when> must select elements, not a number, string or boolean");
      return std::nullopt;
    }
    rule.compiled = std::move(query);
  } catch (const pugi::xpath_exception& error) {
    check.fail(node.child("when"), std::string("<when> does not compile: ") + error.result().description() +
                                       " at character " + std::to_string(error.result().offset + 1));
    return std::nullopt;
  }
  // Read once, for the names it uses, its cost now, and its cost on each audit's facts.
  std::optional<Expression> syntax = parse_condition(rule.condition);
  if (!syntax) return rule;  // a warning from rules lint, and skipped by audits
  for (std::string& unknown : unknown_condition_names(rule.id, *syntax)) check.fail(node.child("when"), std::move(unknown));
  if (check.failures() != 0) return std::nullopt;
  if (auto costly = condition_never_runs(*syntax)) {
    check.fail(node.child("when"), std::move(*costly));
    return std::nullopt;
  }
  rule.syntax = std::make_shared<const Expression>(std::move(*syntax));
  return rule;
}

}  // namespace

void RuleLoader::add(const XmlFile& file, std::size_t folder, std::vector<Error>& problems) {
  ElementCheck check(file, problems);
  check.only_children(file.root(), {"rule", "disable", "fix"});
  for (pugi::xml_node node : file.root().children("disable")) {
    check.only_attributes(node, {"id"});
    if (node.attribute("id").value()[0] == '\0') check.fail(node, "<disable> needs an id");
    disabled_.emplace_back(node.attribute("id").value());
  }
  add_fixes(file, folder, problems);
  for (pugi::xml_node node : file.root().children("rule")) {
    std::optional<Rule> rule = read_rule(node, file, problems);
    if (!rule) continue;
    rule->line = file.line_of(node);
    auto existing = rules_.find(rule->id);
    if (existing != rules_.end() && existing->second.folder == folder) {
      check.fail(node, "duplicate rule id " + rule->id + ", first defined at " + existing->second.rule.file + ":" +
                           std::to_string(existing->second.rule.line));
      continue;
    }
    std::string id = rule->id;  // not rule->id itself: the Rule is moved before the key is read
    rules_.insert_or_assign(std::move(id), Loaded{std::move(*rule), folder, fix_references_in(node, file)});
  }
}

void RuleLoader::add_fixes(const XmlFile& file, std::size_t folder, std::vector<Error>& problems) {
  ElementCheck check(file, problems);
  for (pugi::xml_node node : file.root().children("fix")) {
    const std::size_t failures = check.failures();
    Fix fix = read_shared_fix(node, check);
    if (!valid_id(fix.id)) continue;
    fix.file = file.path();
    fix.line = file.line_of(node);
    fixes_.define(std::move(fix), check.failures() == failures, folder, problems);
  }
}

std::vector<Rule> RuleLoader::finish(std::vector<Error>& problems) {
  std::vector<Rule> rules;
  const std::set<std::string> disabled(disabled_.begin(), disabled_.end());
  for (auto& [id, loaded] : rules_) {
    const bool resolved = fixes_.resolve(loaded.rule, loaded.references, problems);
    if (resolved && disabled.count(id) == 0) rules.push_back(std::move(loaded.rule));
  }
  return rules;
}

}  // namespace nwaudit
