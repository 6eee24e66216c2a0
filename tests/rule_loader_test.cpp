#include <doctest/doctest.h>

#include "nwaudit/rules/knowledge.h"
#include "test_support.h"

using namespace nwaudit;

namespace {

constexpr const char* kGoodRule = R"(<rule id="TEST-ONE" cause="socket-filter" effect="all-connections" severity="high" confidence="high">
    <title>A socket filter</title>
    <os min="12" max="15.4"/>
    <when>/facts/kext[@socket-filter='true']</when>
    <message>{@id} filters sockets</message>
    <fix audience="mac" admin="true" reboot="true"><title>Remove {@name}</title><command>sudo kmutil unload -b {@id}</command></fix>
    <reference url="https://example.com">xnu kpi_socketfilter.c</reference>
  </rule>)";

// Loads the rule files given as (name, text) from one temporary folder.
Knowledge load(std::initializer_list<std::pair<const char*, std::string>> files) {
  test::TempDir folder;
  for (const auto& [name, text] : files) folder.write(name, text);
  return load_knowledge({folder.path()});
}

std::string only_problem(const Knowledge& knowledge) {
  REQUIRE(knowledge.problems.size() == 1);
  return knowledge.problems.front().describe();
}

std::string rules(const std::string& body) { return "<rules>\n" + body + "\n</rules>\n"; }

std::string with(std::string rule, const std::string& from, const std::string& to) {
  const auto at = rule.find(from);
  REQUIRE(at != std::string::npos);
  return rule.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("rules: a good rule loads with every field") {
  const Knowledge knowledge = load({{"a.xml", rules(kGoodRule)}});
  CHECK(knowledge.problems.empty());
  REQUIRE(knowledge.rules.size() == 1);
  const Rule& rule = knowledge.rules.front();
  CHECK(rule.id == "TEST-ONE");
  CHECK(rule.cause == Cause::socket_filter);
  CHECK(rule.effect == Effect::all_connections);
  CHECK(rule.severity == Severity::high);
  CHECK(rule.os_min->major == 12);
  CHECK(rule.os_max->minor == 4);
  CHECK(rule.fixes.at(0).needs_reboot);
  CHECK_FALSE(rule.fixes.at(0).needs_mdm);
  CHECK(rule.references.at(0).url == "https://example.com");
  CHECK(rule.line == 2);
  CHECK(rule.compiled);
  CHECK(rule.syntax);  // read once, for the cost of the condition on each audit's facts
}

TEST_CASE("rules: each malformed rule gets its precise error, with file and line") {
  const std::string good = kGoodRule;
  auto problem_for = [&](const std::string& rule) {
    const Knowledge knowledge = load({{"bad.xml", rules(rule)}});
    CHECK(knowledge.rules.empty());
    REQUIRE_FALSE(knowledge.problems.empty());
    const std::string text = knowledge.problems.front().describe();
    CHECK(text.find("bad.xml: line ") != std::string::npos);
    return text.substr(text.find(": line ") + 2);
  };
  CHECK(problem_for(with(good, "<title>A socket filter</title>", "<titel>x</titel>")) ==
        "line 3: unknown element <titel> in <rule>");
  CHECK(problem_for(with(good, R"(<when>/facts/kext[@socket-filter='true']</when>)", "")) == "line 2: missing <when>");
  CHECK(problem_for(with(good, "/facts/kext[@socket-filter='true']", "/facts/kext[@socket-filter=")) ==
        "line 5: <when> does not compile: Unrecognized node test at character 28");
  CHECK(problem_for(with(good, "/facts/kext[@socket-filter='true']", "count(/facts/kext)")) ==
        "line 5: <when> must select elements, not a number, string or boolean");
  CHECK(problem_for(with(good, "{@id} filters", "{@colour} filters")) == "line 6: rule TEST-ONE: unknown placeholder {@colour}");
  CHECK(problem_for(with(good, "cause=\"socket-filter\"", "cause=\"gremlins\"")) == "line 2: unknown cause 'gremlins'");
  CHECK(problem_for(with(good, "effect=\"all-connections\"", "effect=\"most\"")) == "line 2: unknown effect 'most'");
  CHECK(problem_for(with(good, "severity=\"high\"", "severity=\"dire\"")) == "line 2: unknown severity 'dire'");
  CHECK(problem_for(with(good, " confidence=\"high\"", "")) == "line 2: missing confidence");
  CHECK(problem_for(with(good, "id=\"TEST-ONE\"", "id=\"TEST ONE\"")) ==
        "line 2: id 'TEST ONE' has characters other than letters, digits, '.', '-', '_'");
  CHECK(problem_for(with(good, "max=\"15.4\"", "max=\"fifteen\"")) == "line 4: max=\"fifteen\" is not a macOS version");
  CHECK(problem_for(with(good, "audience=\"mac\"", "audience=\"cat\"")) == "line 7: <fix> audience must be mac or app");
  CHECK(problem_for(with(good, "reboot=\"true\"", "reboot=\"yes\"")) == "line 7: reboot=\"yes\" is not true or false");
  CHECK(problem_for(with(good, "<rule id", "<rule colour=\"red\" id")) == "line 2: unknown attribute colour on <rule>");
}

TEST_CASE("rules: duplicate ids, replacement by a later folder, and disable") {
  const std::string second = with(kGoodRule, "A socket filter", "Replaced");
  const Knowledge duplicate = load({{"a.xml", rules(kGoodRule)}, {"b.xml", rules(second)}});
  CHECK(only_problem(duplicate).find("duplicate rule id TEST-ONE, first defined at ") != std::string::npos);

  test::TempDir shipped, admin;
  shipped.write("a.xml", rules(kGoodRule));
  admin.write("mine.xml", rules(second));
  const Knowledge replaced = load_knowledge({shipped.path(), admin.path()});
  CHECK(replaced.problems.empty());
  REQUIRE(replaced.rules.size() == 1);
  CHECK(replaced.rules[0].title == "Replaced");

  admin.write("mine.xml", "<rules><disable id=\"TEST-ONE\"/></rules>");
  CHECK(load_knowledge({shipped.path(), admin.path()}).rules.empty());
}

TEST_CASE("rules: a bad rule costs only itself; a broken file is named") {
  const std::string bad = with(with(kGoodRule, "TEST-ONE", "TEST-TWO"), "cause=\"socket-filter\"", "cause=\"x\"");
  const Knowledge knowledge = load({{"a.xml", rules(std::string(kGoodRule) + bad)}, {"z.xml", "<rules><rule"}});
  CHECK(knowledge.rules.size() == 1);
  REQUIRE(knowledge.problems.size() == 2);
  CHECK(knowledge.problems[1].describe().find("z.xml: line 1: not well-formed XML") != std::string::npos);
}
