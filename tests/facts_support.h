#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "nwaudit/facts/collectors.h"
#include "nwaudit/rules/knowledge.h"
#include "nwaudit/rules/rule_files.h"
#include "nwaudit/source/rooted_source.h"
#include "test_support.h"

namespace nwaudit::test {

// The facts of a Mac tree, collected with the shipped vendor knowledge: one of the fixture
// Macs by name, or any directory by path.
class FixtureFacts {
 public:
  explicit FixtureFacts(const char* mac, unsigned threads = 1)
      : FixtureFacts(std::filesystem::path(fixture_path("macs/" + std::string(mac))), threads) {}
  explicit FixtureFacts(const std::filesystem::path& root, unsigned threads = 1) : facts_("test", root.string()) {
    auto source = RootedSource::open(root.string());
    REQUIRE(source);
    const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
    REQUIRE(knowledge.problems.empty());
    collect_facts(**source, knowledge.vendors, facts_, threads);
  }

  // The first node the XPath selects (empty when none).
  pugi::xml_node node(const char* xpath) const { return facts_.document().select_node(xpath).node(); }
  std::size_t count(const char* xpath) const { return facts_.document().select_nodes(xpath).size(); }
  std::string value(const char* xpath) const {
    pugi::xpath_query query(xpath);
    return query.evaluate_string(facts_.document());
  }
  Facts& facts() { return facts_; }

 private:
  Facts facts_;
};

}  // namespace nwaudit::test
