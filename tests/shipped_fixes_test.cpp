// The fixes of the shipped rules: one that several rules offer is defined once, in
// rules/fixes.xml, and the rules refer to it.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "nwaudit/rules/knowledge.h"

using namespace nwaudit;

namespace {

// The most rules that may write out one fix title or description; past it, define the fix
// once and refer to it.
constexpr std::size_t kMaxRulesWritingOneText = 2;

const Knowledge& shipped() {
  static const Knowledge knowledge = load_knowledge({std::filesystem::path(NWAUDIT_FIXTURES) / ".." / "rules"});
  return knowledge;
}

// For each text of the fixes written out in rules (not referred to), the rules that write it.
std::map<std::string, std::set<std::string>> rules_writing(std::string Fix::*field) {
  std::map<std::string, std::set<std::string>> writers;
  for (const Rule& rule : shipped().rules) {
    for (const Fix& fix : rule.fixes) {
      if (fix.id.empty() && !(fix.*field).empty()) writers[fix.*field].insert(rule.id);
    }
  }
  return writers;
}

std::string whole(const Fix& fix) {
  return fix.audience + "\n" + fix.title + "\n" + fix.description + "\n" + fix.command + "\n" + fix.side_effects + "\n" +
         (fix.needs_admin ? "A" : "") + (fix.needs_reboot ? "R" : "") + (fix.needs_mdm ? "M" : "");
}

}  // namespace

TEST_CASE("shipped fixes: no fix title or description is written out in more than two rules") {
  REQUIRE(shipped().problems.empty());
  for (auto field : {&Fix::title, &Fix::description}) {
    // Named references, not a structured binding: the doctest macros below capture them in a
    // lambda, which clang before 16 refuses for a binding.
    for (const auto& entry : rules_writing(field)) {
      const auto& text = entry.first;
      const auto& rules = entry.second;
      CAPTURE(text);
      CHECK_MESSAGE(rules.size() <= kMaxRulesWritingOneText, "define the fix once in rules/fixes.xml and refer to it");
    }
  }
}

TEST_CASE("shipped fixes: no fix is written out in full in two rules") {
  std::map<std::string, std::set<std::string>> writers;
  for (const Rule& rule : shipped().rules) {
    for (const Fix& fix : rule.fixes) {
      if (fix.id.empty()) writers[whole(fix)].insert(rule.id);
    }
  }
  // Named references, not a structured binding: the doctest macros below capture them in a
  // lambda, which clang before 16 refuses for a binding.
  for (const auto& entry : writers) {
    const auto& fix = entry.first;
    const auto& rules = entry.second;
    CAPTURE(fix);
    CHECK_MESSAGE(rules.size() == 1, "define the fix once in rules/fixes.xml and refer to it");
  }
}

TEST_CASE("shipped fixes: each shared fix is offered by at least two rules, and named for what it is") {
  std::map<std::string, std::size_t> offered;
  for (const Rule& rule : shipped().rules) {
    for (const Fix& fix : rule.fixes) {
      if (!fix.id.empty()) ++offered[fix.id];
    }
  }
  REQUIRE_FALSE(shipped().fixes.empty());
  for (const Fix& fix : shipped().fixes) {
    CAPTURE(fix.id);
    CHECK(fix.id.rfind("NWA-FIX-", 0) == 0);
    CHECK(std::filesystem::path(fix.file).filename() == "fixes.xml");
    CHECK(offered[fix.id] >= 2);
  }
}
