// The bound on what a rule's condition costs (nwaudit-rules(5), COST OF A CONDITION): the
// shipped rules are far within it, costly conditions are skipped or refused, and the costliest
// conditions within it run quickly even on facts ten times a real Mac's.
#include <doctest/doctest.h>

#include <ctime>

#include "facts_support.h"
#include "nwaudit/base/limits.h"
#include "nwaudit/rules/condition_budget.h"
#include "nwaudit/rules/evaluate.h"
#include "nwaudit/rules/knowledge.h"
#include "rules/condition_cost.h"

using namespace nwaudit;

namespace {

constexpr double kBudget = static_cast<double>(limits::kMaxConditionSteps);

const Knowledge& shipped() {
  static const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  return knowledge;
}

double bound_on(const std::string& condition, const pugi::xml_document& facts) {
  const auto syntax = parse_condition(condition);
  REQUIRE(syntax);
  return cost_bound(*syntax, DocumentShape::of(facts));
}

// The largest fixture Mac's facts with every child of <facts> there ten times.
const pugi::xml_document& ten_macs() {
  static test::FixtureFacts sample("ventura-vpn");
  static pugi::xml_document larger;
  if (!larger.first_child()) {
    larger.reset(sample.facts().document());
    pugi::xml_node root = larger.child("facts");
    std::vector<pugi::xml_node> originals(root.children().begin(), root.children().end());
    for (int copy = 1; copy < 10; ++copy) {
      for (pugi::xml_node child : originals) root.append_copy(child);
    }
  }
  return larger;
}

double cpu_seconds_to_evaluate(const std::string& condition, const pugi::xml_document& facts) {
  const pugi::xpath_query query(condition.c_str());
  const std::clock_t start = std::clock();
  const std::size_t selected = query.evaluate_node_set(facts).size();
  const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  CHECK(selected <= DocumentShape::of(facts).nodes);
  return seconds;
}

}  // namespace

TEST_CASE("condition budget: a document's shape") {
  pugi::xml_document document;
  REQUIRE(document.load_string("<facts a='1' b='22'><kext id='x'/><kext id='y'>text</kext><os/></facts>"));
  const DocumentShape shape = DocumentShape::of(document);
  CHECK(shape.nodes == 10);  // the document, 4 elements, 4 attributes, 1 text
  CHECK(shape.elements == 4);
  CHECK(shape.attributes == 4);
  CHECK(shape.texts == 1);
  CHECK(shape.deepest == 3);
  CHECK(shape.most_children == 3);
  CHECK(shape.most_attributes == 2);
  CHECK(shape.text_length == 4);
  CHECK(shape.longest_value == 4);
  CHECK(shape.elements_called("kext") == 2);
  CHECK(shape.elements_called("interface") == 0);
  CHECK(shape.attributes_called("id") == 2);
}

TEST_CASE("condition budget: a document's figures by name, whatever order the attributes come in") {
  pugi::xml_document document;
  REQUIRE(document.load_string("<facts><kext id='a' name='first'/><kext name='second-name' id='b' loaded='true'/>"
                               "<kext loaded='no'><x/><x/></kext><os name='macOS'/></facts>"));
  // Appended, as pugixml allows: the same attribute three times on one element.
  pugi::xml_node os = document.child("facts").child("os");
  os.append_attribute("name") = "again";
  os.append_attribute("name") = "and again";
  const DocumentShape shape = DocumentShape::of(document);
  CHECK(shape.attributes_called("id") == 2);
  CHECK(shape.attributes_called("name") == 5);
  CHECK(shape.attributes_called("loaded") == 2);
  CHECK(shape.longest_value_in("name") == 11);
  CHECK(shape.longest_value_in("loaded") == 4);
  CHECK(shape.attributes_of("kext") == 3);
  CHECK(shape.attributes_of("os") == 3);
  CHECK(shape.children_of("kext") == 2);
  CHECK(shape.elements_called("x") == 2);
  CHECK(shape.most_repeated_attribute == 3);
}

TEST_CASE("condition budget: every shipped rule is bounded, far within the budget, and lints clean") {
  REQUIRE(shipped().rules.size() > 30);
  for (const Rule& rule : shipped().rules) {
    INFO(rule.id << ": " << rule.condition);
    CHECK_FALSE(condition_never_runs(rule.condition));
    CHECK_FALSE(condition_cost_warning(rule.condition));
    CHECK(bound_on(rule.condition, ten_macs()) < kBudget / 10);
  }
}

TEST_CASE("condition budget: each level of whole-document scans in predicates multiplies the bound") {
  const std::string one = "//*[count(//*) > 0]";
  const std::string two = "//*[count(//*[count(//*) > 0]) > 0]";
  const pugi::xml_document& facts = ten_macs();
  const double elements = DocumentShape::of(facts).elements;
  CHECK(bound_on(two, facts) > elements * bound_on(one, facts) / 2);
  CHECK(bound_on("/facts/kext", facts) < bound_on("//kext", facts));
  CHECK(bound_on("//kext", facts) < bound_on("//kext[following::*]", facts));
}

TEST_CASE("condition budget: rules lint warns about conditions that grow faster than the square of the facts") {
  for (const char* costly : {"//*[count(//*[count(//*) > 0]) > 0]", "//kext[. = //*]",
                             "/facts/kext[count(/facts/*[@id = /facts/*/@id]) > 1]"}) {
    INFO(costly);
    const auto warning = condition_cost_warning(costly);
    REQUIRE(warning);
    CHECK(warning->find("grows faster than the square") != std::string::npos);
  }
  for (const char* fine : {"/facts/system-extension[not(@id = /facts/ne-configuration/@provider)]",
                           "//kext[contains(@path, @id)]", "//kext[count(//*) > 0]", "(//kext | //interface)[last()]"}) {
    INFO(fine);
    CHECK_FALSE(condition_cost_warning(fine));
  }
}

TEST_CASE("condition budget: a condition over the budget even on an empty Mac's facts is refused when loaded") {
  const std::string nested = "//*[count(//*[count(//*[count(//*[count(//*[count(//*) > 0]) > 0]) > 0]) > 0]) > 0]";
  const Knowledge knowledge = load_knowledge_text(
      "/rules/costly.xml",
      "<rules>\n<rule id=\"X.NEVER\" cause=\"other\" effect=\"informational\" severity=\"info\" confidence=\"low\">"
      "<title>t</title>\n<when>" + nested + "</when><message>m</message></rule></rules>");
  CHECK(knowledge.rules.empty());
  REQUIRE(knowledge.problems.size() == 1);
  const std::string problem = knowledge.problems.front().describe();
  CHECK(problem.rfind("/rules/costly.xml: line 3: <when> could cost ", 0) == 0);
  CHECK(problem.find(" steps even on the facts of an empty Mac, over the budget of 10000000 steps (see COST OF A "
                     "CONDITION in nwaudit-rules(5))") != std::string::npos);
}

TEST_CASE("condition budget: a rule over the budget on the facts at hand is skipped, the others run") {
  const Knowledge knowledge = load_knowledge_text(
      "/rules/costly.xml",
      "<rules>\n<rule id=\"X.COSTLY\" cause=\"other\" effect=\"informational\" severity=\"info\" confidence=\"low\">"
      "<title>t</title><when>//*[count(//*[count(//*) &gt; 0]) &gt; 0]</when><message>m</message></rule>\n"
      "<rule id=\"X.CHEAP\" cause=\"other\" effect=\"informational\" severity=\"info\" confidence=\"low\">"
      "<title>t</title><when>/facts/os</when><message>m</message></rule></rules>");
  REQUIRE(knowledge.problems.empty());
  const auto [findings, skipped] = evaluate_rules(knowledge.rules, ten_macs());
  REQUIRE(findings.size() == 10);
  CHECK(findings.front().rule->id == "X.CHEAP");
  REQUIRE(skipped.size() == 1);
  CHECK(skipped.front().kind == ErrorKind::too_large);
  CHECK(skipped.front().path == "/rules/costly.xml");
  CHECK(skipped.front().line == 2);
  CHECK(skipped.front().reason.rfind("rule X.COSTLY was skipped: its condition could cost ", 0) == 0);
  CHECK(skipped.front().reason.find(" steps on these facts (") != std::string::npos);
  CHECK(skipped.front().reason.find(" nodes), over the budget of 10000000 steps (see COST OF A CONDITION in "
                                    "nwaudit-rules(5))") != std::string::npos);
}

// Each family repeats one way of making pugixml work hard (a predicate on every attribute,
// attribute counts, the ancestor axis, whole-document scans in predicates, unions, string
// functions) as often as the budget allows on facts ten times the largest fixture Mac's. The
// slowest must take well under a second of CPU time; the budget is chosen so that on a current
// machine they take at most about 100 ms in a release build.
TEST_CASE("condition budget: the costliest conditions within the budget run in well under a second") {
  struct Family {
    const char* start;
    const char* repeated;
    const char* end;
  };
  const Family families[] = {
      {"//@*", "[. != 'x']", ""},
      {"//*[0", " + count(@*)", " >= 0]"},
      {"//@*", "[ancestor::*]", ""},
      {"/facts/interface", "[count(//agent) > 0]", ""},
      {"//*", "[namespace-uri() = '']", ""},
      {"//kext", " | //*", ""},
      {"//node()", "[1 = 1]", ""},
      {"//*", "[@*[. != 'x']]", ""},
      {"//@*", "[substring(normalize-space(.), 2) != 'x']", ""},
  };
  const pugi::xml_document& facts = ten_macs();
  for (const Family& family : families) {
    std::string costliest;
    double costliest_bound = 0;
    for (std::string repeated = family.repeated;; repeated += family.repeated) {
      const std::string condition = family.start + repeated + family.end;
      const double bound = bound_on(condition, facts);
      if (bound > kBudget) break;
      costliest = condition;
      costliest_bound = bound;
    }
    if (costliest.empty()) continue;  // over the budget even once: always skipped
    const double seconds = cpu_seconds_to_evaluate(costliest, facts);
    const std::string name = std::string(family.start) + family.repeated + family.end;
    INFO(name << " as often as the budget allows: bound " << costliest_bound << " steps, " << seconds * 1000 << " ms");
    CHECK(seconds < 1);
  }
}
