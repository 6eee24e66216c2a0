// rules lint against the facts contract: every element and attribute a condition or a
// placeholder names must exist in the facts, and a misspelled one is named with its fix.
#include <doctest/doctest.h>

#include "nwaudit/rules/knowledge.h"
#include "rules/fact_names.h"
#include "test_support.h"

using namespace nwaudit;

namespace {

// The problems of one rule file holding a rule with this condition and message, one a line.
std::string problems_of(const std::string& condition, const std::string& message = "{@id}") {
  test::TempDir folder;
  folder.write("mine.xml", "<rules>\n  <rule id=\"USER-1\" cause=\"socket-filter\" effect=\"all-connections\" "
                           "severity=\"high\" confidence=\"high\">\n    <title>t</title>\n    <when>" +
                               condition + "</when>\n    <message>" + message + "</message>\n  </rule>\n</rules>\n");
  const Knowledge knowledge = load_knowledge({folder.path()});
  std::string problems;
  for (const Error& problem : knowledge.problems) {
    const std::string described = problem.describe();
    problems += described.substr(described.find("mine.xml")) + "\n";
  }
  CHECK(knowledge.rules.size() == (problems.empty() ? 1u : 0u));
  return problems;
}

}  // namespace

TEST_CASE("rule lint: a misspelled attribute is rejected with the closest one") {
  CHECK(problems_of("/facts/kext[@loded='true']") ==
        "mine.xml: line 4: rule USER-1: <when> uses @loded, an attribute no fact has (did you mean @loaded?)\n");
}

TEST_CASE("rule lint: a misspelled element, and a name nothing is close to") {
  CHECK(problems_of("/facts/kxt[@apple='false'] | //system-extention[@colour]") ==
        "mine.xml: line 4: rule USER-1: <when> uses <kxt>, an element no fact has (did you mean <kext>?)\n"
        "mine.xml: line 4: rule USER-1: <when> uses <system-extention>, an element no fact has "
        "(did you mean <system-extension>?)\n"
        "mine.xml: line 4: rule USER-1: <when> uses @colour, an attribute no fact has\n");
}

TEST_CASE("rule lint: names in predicates, filters, unions and other axes are checked") {
  CHECK(problems_of("(/facts/kext)[import/@symbl]").find("uses @symbl") != std::string::npos);
  CHECK(problems_of("/facts/kext[not(@id = /facts/system-extension/@tem)]").find("uses @tem") != std::string::npos);
  CHECK(problems_of("/facts/kext[ancestor::fcts]").find("uses <fcts>") != std::string::npos);
  CHECK(problems_of("/facts/kext[attribute::instaled]").find("uses @instaled") != std::string::npos);
  CHECK(problems_of("/facts/kernel[count(boot-args) > 0]").find("uses <boot-args>") != std::string::npos);
}

TEST_CASE("rule lint: axes, functions, node tests, literals, operators and * are not names") {
  CHECK(problems_of("/facts/kext[starts-with(@id, 'com.kxt')][@loaded = \"nope\"][not(ancestor-or-self::facts)]"
                    "[count(child::import) > 0 and 2 * 3 = 6 or 5 div 1 = 5 or 5 mod 2 = 1][child::node()][@*]"
                    "[string-length(normalize-space(.)) >= 0][self::kext][following-sibling::*]"
                    "[text() or true()]") == "");
  CHECK(problems_of("//kext/@id/..") == "");
}

TEST_CASE("rule lint: placeholders name the rule and the closest attribute") {
  CHECK(problems_of("/facts/kext", "{@verison} of {@id}") ==
        "mine.xml: line 5: rule USER-1: unknown placeholder {@verison} (did you mean {@version}?)\n");
}

TEST_CASE("rule lint: the shipped rules use only names the facts have") {
  const Knowledge shipped = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  CHECK(shipped.problems.empty());
  REQUIRE_FALSE(shipped.rules.empty());
  for (const Rule& rule : shipped.rules) {
    CAPTURE(rule.id);
    CHECK(unknown_condition_names(rule.id, rule.condition).empty());
  }
}
