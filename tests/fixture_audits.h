#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "facts_support.h"
#include "nwaudit/audit/audit.h"
#include "nwaudit/rules/knowledge.h"

namespace nwaudit::test {

// Calls `check` with the shipped rules' audit of every fixture Mac (named in `source`).
template <typename Check>
void for_each_fixture_audit(Check check) {
  const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  REQUIRE(knowledge.problems.empty());
  for (const std::filesystem::path& folder : fixture_macs()) {
    const std::string mac = folder.filename().string();
    CAPTURE(mac);
    FixtureFacts facts(mac.c_str());
    AuditResult result = run_audit(facts.facts().document(), knowledge.rules);
    result.tool_version = "0.0.0";
    result.source = "the tree at fixtures/macs/" + mac;
    check(result);
  }
}

}  // namespace nwaudit::test
