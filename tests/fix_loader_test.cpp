// Shared fixes: <fix id> definitions at the top level of <rules>, and rules that offer them
// with <fix ref="ID"/>.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <set>

#include "nwaudit/rules/evaluate.h"
#include "nwaudit/rules/knowledge.h"
#include "test_support.h"

using namespace nwaudit;

namespace {

constexpr const char* kRestart = R"(<fix id="TEST-FIX-RESTART" audience="mac" admin="true" reboot="true">
    <title>Remove {@name} and restart</title>
    <description>Its bundle is at {@path}.</description>
    <command>sudo rm -R "{@path}"</command>
    <side-effects>The product stops working.</side-effects>
  </fix>)";

// A rule whose fixes are `fixes`, selecting every kext.
std::string rule(const std::string& id, const std::string& fixes) {
  return "<rule id=\"" + id + R"(" cause="socket-filter" effect="all-connections" severity="high" confidence="high">
    <title>A socket filter</title>
    <when>/facts/kext</when>
    <message>{@id} filters sockets</message>
    )" + fixes + "\n  </rule>";
}

std::string rules(const std::string& body) { return "<rules>\n  " + body + "\n</rules>\n"; }

constexpr const char* kInline = R"(<fix audience="app"><title>Reuse connections</title></fix>)";

// Each folder holds the (name, text) files given for it; later folders override earlier ones.
Knowledge load(std::initializer_list<std::initializer_list<std::pair<const char*, std::string>>> folders) {
  std::vector<std::unique_ptr<test::TempDir>> made;
  std::vector<std::filesystem::path> paths;
  for (const auto& files : folders) {
    made.push_back(std::make_unique<test::TempDir>());
    for (const auto& [name, text] : files) made.back()->write(name, text);
    paths.push_back(made.back()->path());
  }
  return load_knowledge(paths);
}

// The one problem, from the file's name on ("bad.xml: line 3: ...").
std::string only_problem(const Knowledge& knowledge) {
  REQUIRE(knowledge.problems.size() == 1);
  const Error& problem = knowledge.problems.front();
  return std::filesystem::path(problem.path).filename().string() + ": " + problem.where() + ": " + problem.reason;
}

}  // namespace

TEST_CASE("shared fixes: a reference takes the definition's place among the rule's fixes") {
  const Knowledge knowledge =
      load({{{"fixes.xml", rules(kRestart)}, {"a.xml", rules(rule("TEST-ONE", kInline + std::string(R"(<fix ref="TEST-FIX-RESTART"/>)") + kInline))}}});
  CHECK(knowledge.problems.empty());
  REQUIRE(knowledge.rules.size() == 1);
  const std::vector<Fix>& fixes = knowledge.rules[0].fixes;
  REQUIRE(fixes.size() == 3);
  CHECK(fixes[0].title == "Reuse connections");
  CHECK(fixes[0].id.empty());
  CHECK(fixes[1].id == "TEST-FIX-RESTART");
  CHECK(fixes[1].title == "Remove {@name} and restart");
  CHECK(fixes[1].description == "Its bundle is at {@path}.");
  CHECK(fixes[1].command == "sudo rm -R \"{@path}\"");
  CHECK(fixes[1].side_effects == "The product stops working.");
  CHECK(fixes[1].audience == "mac");
  CHECK(fixes[1].needs_admin);
  CHECK(fixes[1].needs_reboot);
  CHECK_FALSE(fixes[1].needs_mdm);
  CHECK(std::filesystem::path(fixes[1].file).filename() == "fixes.xml");
  CHECK(fixes[1].line == 2);
  CHECK(fixes[2].title == "Reuse connections");
  REQUIRE(knowledge.fixes.size() == 1);
  CHECK(knowledge.fixes[0].id == "TEST-FIX-RESTART");
}

TEST_CASE("shared fixes: a rule file may define its own and refer to them, in any order of files") {
  // the rule's file sorts before the definition's
  const Knowledge knowledge =
      load({{{"a.xml", rules(rule("TEST-ONE", R"(<fix ref="TEST-FIX-RESTART"/>)"))}, {"b.xml", rules(kRestart)}}});
  CHECK(knowledge.problems.empty());
  REQUIRE(knowledge.rules.size() == 1);
  CHECK(knowledge.rules[0].fixes.at(0).id == "TEST-FIX-RESTART");

  const Knowledge one_file = load_knowledge_text("mine.xml", rules(rule("TEST-ONE", R"(<fix ref="TEST-FIX-RESTART"/>)") + kRestart));
  CHECK(one_file.problems.empty());
  CHECK(one_file.rules.at(0).fixes.at(0).title == "Remove {@name} and restart");
}

TEST_CASE("shared fixes: placeholders are filled per finding, from each finding's element") {
  const Knowledge knowledge = load({{{"a.xml", rules(rule("TEST-ONE", R"(<fix ref="TEST-FIX-RESTART"/>)") + "\n" +
                                                     rule("TEST-TWO", R"(<fix ref="TEST-FIX-RESTART"/>)") + kRestart)}}});
  REQUIRE(knowledge.problems.empty());
  pugi::xml_document facts;
  REQUIRE(facts.load_string(R"(<facts><kext id="a" name="Alpha" path="/L/E/A.kext"/><kext id="b" name="Beta" path="/L/E/B.kext"/></facts>)"));
  const auto [findings, skipped] = evaluate_rules(knowledge.rules, facts);
  CHECK(skipped.empty());
  REQUIRE(findings.size() == 4);
  std::set<std::string> filled;
  for (const Finding& finding : findings) {
    REQUIRE(finding.fixes.size() == 1);
    const Fix& fix = finding.fixes[0];
    CHECK(fix.id == "TEST-FIX-RESTART");
    CHECK(fix.title == (finding.subject == "a" ? "Remove Alpha and restart" : "Remove Beta and restart"));
    filled.insert(finding.rule->id + " " + fix.command);
  }
  CHECK(filled == std::set<std::string>{"TEST-ONE sudo rm -R \"/L/E/A.kext\"", "TEST-ONE sudo rm -R \"/L/E/B.kext\"",
                                        "TEST-TWO sudo rm -R \"/L/E/A.kext\"", "TEST-TWO sudo rm -R \"/L/E/B.kext\""});
  // the rules keep the definition as written, for the next Mac
  CHECK(knowledge.rules[0].fixes[0].title == "Remove {@name} and restart");
}

TEST_CASE("shared fixes: an unknown reference names the file, line, rule and fix, and the closest id") {
  const std::string restart = rules(kRestart);
  const Knowledge typo = load({{{"fixes.xml", restart}, {"bad.xml", rules(rule("TEST-ONE", R"(<fix ref="TEST-FIX-RESTRAT"/>)"))}}});
  CHECK(only_problem(typo) == "bad.xml: line 6: rule TEST-ONE refers to unknown fix TEST-FIX-RESTRAT (did you mean TEST-FIX-RESTART?)");
  CHECK(typo.rules.empty());

  const Knowledge far = load({{{"fixes.xml", restart}, {"bad.xml", rules(rule("TEST-ONE", R"(<fix ref="NWA-FIX-NOTHING-LIKE-IT"/>)"))}}});
  CHECK(only_problem(far) == "bad.xml: line 6: rule TEST-ONE refers to unknown fix NWA-FIX-NOTHING-LIKE-IT");

  // the file's other rules are kept
  const Knowledge other = load({{{"a.xml", rules(rule("TEST-ONE", R"(<fix ref="TEST-FIX-GONE"/>)") + rule("TEST-TWO", kInline))}}});
  CHECK(other.problems.size() == 1);
  REQUIRE(other.rules.size() == 1);
  CHECK(other.rules[0].id == "TEST-TWO");
}

TEST_CASE("shared fixes: two definitions of one id in one folder are an error; a later folder replaces one") {
  const Knowledge duplicate = load({{{"a.xml", rules(kRestart)}, {"b.xml", "<rules>\n" + std::string(kRestart) + "</rules>"}}});
  const std::string problem = only_problem(duplicate);
  CHECK(problem.rfind("b.xml: line 2: duplicate fix id TEST-FIX-RESTART, first defined at ", 0) == 0);
  CHECK(problem.ends_with("a.xml:2"));

  const std::string replaced = R"(<fix id="TEST-FIX-RESTART" audience="mac"><title>Ask the help desk about {@name}</title></fix>)";
  // the shipped rule offers the admin's fix; so does a rule of a folder in between
  const Knowledge overridden = load({{{"fixes.xml", rules(kRestart)}, {"a.xml", rules(rule("TEST-ONE", R"(<fix ref="TEST-FIX-RESTART"/>)"))}},
                                     {{"b.xml", rules(rule("TEST-TWO", R"(<fix ref="TEST-FIX-RESTART"/>)"))}},
                                     {{"mine.xml", rules(replaced)}}});
  CHECK(overridden.problems.empty());
  REQUIRE(overridden.rules.size() == 2);
  for (const Rule& rule : overridden.rules) {
    CAPTURE(rule.id);
    REQUIRE(rule.fixes.size() == 1);
    CHECK(rule.fixes[0].title == "Ask the help desk about {@name}");
    CHECK(rule.fixes[0].command.empty());
    CHECK_FALSE(rule.fixes[0].needs_reboot);
    CHECK(std::filesystem::path(rule.fixes[0].file).filename() == "mine.xml");
  }
}

TEST_CASE("shared fixes: each malformed definition or reference gets its precise error, with file and line") {
  auto problem_for = [](const std::string& fixes, const std::string& definitions) {
    const Knowledge knowledge = load({{{"bad.xml", rules(rule("TEST-ONE", fixes) + "\n  " + definitions)}}});
    CHECK(knowledge.rules.empty());
    REQUIRE_FALSE(knowledge.problems.empty());
    const Error& problem = knowledge.problems.front();
    CHECK(std::filesystem::path(problem.path).filename() == "bad.xml");
    return problem.where() + ": " + problem.reason;
  };
  const std::string ref = R"(<fix ref="TEST-FIX-RESTART"/>)";
  const std::string restart = kRestart;
  auto restart_with = [&](const std::string& from, const std::string& to) {
    std::string text = restart;
    return text.replace(text.find(from), from.size(), to);
  };
  // definitions: the fix is broken, so is each rule that offers it
  CHECK(problem_for(ref, restart_with("<title>Remove {@name} and restart</title>", "")) == "line 8: missing <title>");
  CHECK(problem_for(ref, restart_with("audience=\"mac\"", "audience=\"cat\"")) == "line 8: <fix> audience must be mac or app");
  CHECK(problem_for(ref, restart_with("admin=\"true\"", "admin=\"true\" colour=\"red\"")) == "line 8: unknown attribute colour on <fix>");
  CHECK(problem_for(ref, restart_with("<command>", "<comand>x</comand><command>")) == "line 11: unknown element <comand> in <fix>");
  CHECK(problem_for(ref, restart_with("{@path}.", "{@colour}.")) == "line 8: unknown placeholder {@colour}");
  CHECK(problem_for(ref, restart_with("id=\"TEST-FIX-RESTART\"", "id=\"TEST FIX\"")) ==
        "line 8: id 'TEST FIX' has characters other than letters, digits, '.', '-', '_'");
  CHECK(problem_for(ref, restart_with("id=\"TEST-FIX-RESTART\" ", "")) ==
        "line 8: a <fix> outside a <rule> is a shared fix and needs an id");
  // references
  CHECK(problem_for(R"(<fix ref="TEST-FIX-RESTART" audience="mac"/>)", restart) ==
        "line 6: <fix ref=\"TEST-FIX-RESTART\"/> takes no attributes but if-attribute and unless-attribute, and no "
        "content");
  CHECK(problem_for(R"(<fix ref="TEST-FIX-RESTART"><title>Mine</title></fix>)", restart) ==
        "line 6: <fix ref=\"TEST-FIX-RESTART\"/> takes no attributes but if-attribute and unless-attribute, and no "
        "content");
  CHECK(problem_for(R"(<fix ref="TEST-FIX-RESTART">text</fix>)", restart) ==
        "line 6: <fix ref=\"TEST-FIX-RESTART\"/> takes no attributes but if-attribute and unless-attribute, and no "
        "content");
  CHECK(problem_for(R"(<fix ref=""/>)", restart) == "line 6: <fix ref> needs the id of a shared fix");
  CHECK(problem_for(R"(<fix id="TEST-FIX-MINE" audience="app"><title>t</title></fix>)", restart) ==
        "line 6: unknown attribute id on <fix>");
  CHECK(problem_for(ref, "<fix ref=\"TEST-FIX-RESTART\"/>") == "line 8: unknown attribute ref on <fix>");
}

TEST_CASE("shared fixes: a rule offering a definition with problems is named, and not loaded") {
  const std::string broken = R"(<fix id="TEST-FIX-BROKEN" audience="cat"><title>t</title></fix>)";
  const Knowledge knowledge = load({{{"a.xml", rules(broken + "\n  " + rule("TEST-ONE", R"(<fix ref="TEST-FIX-BROKEN"/>)"))}}});
  REQUIRE(knowledge.problems.size() == 2);
  CHECK(knowledge.problems[0].reason == "<fix> audience must be mac or app");
  CHECK(knowledge.problems[1].line == 7);
  CHECK(knowledge.problems[1].reason.rfind("rule TEST-ONE refers to fix TEST-FIX-BROKEN, whose definition at ", 0) == 0);
  CHECK(knowledge.problems[1].reason.ends_with("a.xml:2 has problems"));
  CHECK(knowledge.rules.empty());
  CHECK(knowledge.fixes.empty());
}

TEST_CASE("shared fixes: a custom rule file offers the shipped fixes") {
  const std::filesystem::path shipped = std::filesystem::path(NWAUDIT_FIXTURES) / ".." / "rules";
  test::TempDir mine;
  mine.write("acme.xml", rules(rule("ACME-ONE", R"(<fix ref="NWA-FIX-APP-RAISE-FD-LIMIT"/>)")));
  CHECK(only_problem(load_knowledge({mine.path()})).find("refers to unknown fix NWA-FIX-APP-RAISE-FD-LIMIT") != std::string::npos);

  // after the shipped folder, as an audit reads it
  const Knowledge audited = load_knowledge({shipped, mine.path()});
  CHECK(audited.problems.empty());
  const auto acme = std::find_if(audited.rules.begin(), audited.rules.end(), [](const Rule& rule) { return rule.id == "ACME-ONE"; });
  REQUIRE(acme != audited.rules.end());
  CHECK(acme->fixes.at(0).title == "Raise the app's descriptor limit early in main");

  // on its own, lending only the shipped fixes (rules lint DIR)
  const Knowledge linted = load_knowledge({mine.path()}, {shipped});
  CHECK(linted.problems.empty());
  REQUIRE(linted.rules.size() == 1);
  CHECK(linted.rules[0].fixes.at(0).id == "NWA-FIX-APP-RAISE-FD-LIMIT");
  CHECK(linted.vendors.size() == 0);
}

TEST_CASE("shared fixes: a folder read for its fixes lends nothing else, and its fixes can be replaced") {
  test::TempDir library, mine;
  library.write("fixes.xml", rules(kRestart + std::string("\n  ") + rule("TEST-LIBRARY", kInline) + "<disable id=\"TEST-ONE\"/>"));
  library.write("other.xml", "<plist/>");
  mine.write("a.xml", rules(rule("TEST-ONE", R"(<fix ref="TEST-FIX-RESTART"/>)")));
  const Knowledge lent = load_knowledge({mine.path()}, {library.path()});
  CHECK(lent.problems.empty());
  REQUIRE(lent.rules.size() == 1);
  CHECK(lent.rules[0].id == "TEST-ONE");
  CHECK(lent.rules[0].fixes.at(0).title == "Remove {@name} and restart");

  mine.write("b.xml", rules(R"(<fix id="TEST-FIX-RESTART" audience="app"><title>Mine</title></fix>)"));
  CHECK(load_knowledge({mine.path()}, {library.path()}).rules.at(0).fixes.at(0).title == "Mine");
}

TEST_CASE("shared fixes: a fix offered only where the element has, or lacks, an attribute") {
  const std::string fixes = R"(<fix ref="TEST-FIX-RESTART" if-attribute="vendor-remedy"/>
    <fix audience="mac" unless-attribute="vendor-remedy"><title>General advice</title></fix>)";
  const Knowledge knowledge = load({{{"a.xml", rules(rule("TEST-ONE", fixes) + kRestart)}}});
  REQUIRE(knowledge.problems.empty());
  pugi::xml_document facts;
  REQUIRE(facts.load_string(R"(<facts><kext id="a" name="A" path="/A" vendor-remedy="Run A's uninstaller."/><kext id="b"/></facts>)"));
  const auto [findings, skipped] = evaluate_rules(knowledge.rules, facts);
  REQUIRE(findings.size() == 2);
  for (const Finding& finding : findings) {
    CAPTURE(finding.subject);
    REQUIRE(finding.fixes.size() == 1);
    CHECK(finding.fixes[0].title == (finding.subject == "a" ? "Remove A and restart" : "General advice"));
  }
  // the condition names an attribute of the facts, checked like a placeholder
  const Knowledge misspelled =
      load({{{"bad.xml", rules(rule("TEST-ONE", R"(<fix ref="TEST-FIX-RESTART" if-attribute="vendor-remdy"/>)") + kRestart)}}});
  CHECK(only_problem(misspelled) ==
        "bad.xml: line 6: rule TEST-ONE: <fix> is offered by the attribute vendor-remdy, which no fact has (did you mean "
        "vendor-remedy?)");
}
