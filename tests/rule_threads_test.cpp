#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "facts_support.h"
#include "nwaudit/rules/evaluate.h"
#include "nwaudit/rules/knowledge.h"

// Conditions run on several threads, findings are made in the order of the rules: what an
// evaluation gives must not depend on the number of threads.

namespace {

using namespace nwaudit;

std::string described(const Evaluation& evaluation) {
  std::string text;
  for (const Finding& finding : evaluation.findings) {
    text += finding.rule->id + " | " + finding.subject + " | " + finding.message + " | " + finding.source;
    for (const auto& [name, value] : finding.evidence) text += " " + name + "=" + value;
    for (const Fix& fix : finding.fixes) text += " fix: " + fix.title + " " + fix.command;
    text += "\n";
  }
  for (const Error& skipped : evaluation.skipped) text += "skipped: " + skipped.describe() + "\n";
  return text;
}

}  // namespace

TEST_CASE("rule threads: every fixture Mac gets the same findings from 1, 2, 3 and 8 threads") {
  const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  REQUIRE(knowledge.problems.empty());
  for (const std::filesystem::path& mac : test::fixture_macs()) {
    CAPTURE(mac.string());
    test::FixtureFacts facts(mac);
    const std::string one = described(evaluate_rules(knowledge.rules, facts.facts().document(), 1));
    for (unsigned threads : {2U, 3U, 8U}) {
      CAPTURE(threads);
      CHECK(described(evaluate_rules(knowledge.rules, facts.facts().document(), threads)) == one);
    }
  }
}

TEST_CASE("rule threads: a rule skipped for its cost is reported in its place whatever the threads") {
  std::string rules = "<rules>\n";
  for (int index = 0; index < 12; ++index) {
    const std::string id = "X.RULE" + std::to_string(index);
    const std::string condition = index % 4 == 1 ? "//*[count(//*[count(//*[count(//*) &gt; 0]) &gt; 0]) &gt; 0]"
                                                 : "/facts/kext[" + std::to_string(index % 3 + 1) + "]";
    rules += "<rule id=\"" + id + "\" cause=\"other\" effect=\"informational\" severity=\"info\" confidence=\"low\">"
             "<title>t</title><when>" + condition + "</when><message>{@id}</message></rule>\n";
  }
  const Knowledge knowledge = load_knowledge_text("/rules/mixed.xml", rules + "</rules>");
  REQUIRE(knowledge.problems.empty());
  test::FixtureFacts facts("sonoma");
  const Evaluation one = evaluate_rules(knowledge.rules, facts.facts().document(), 1);
  REQUIRE(one.skipped.size() == 3);
  REQUIRE_FALSE(one.findings.empty());
  for (unsigned threads : {2U, 4U, 8U}) {
    CAPTURE(threads);
    CHECK(described(evaluate_rules(knowledge.rules, facts.facts().document(), threads)) == described(one));
  }
}
