#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "nwaudit/facts/collectors.h"
#include "nwaudit/source/rooted_source.h"
#include "test_support.h"

namespace nwaudit::test {

// A copy of a fixture Mac in a temporary directory, to plant hostile files in by their Mac
// paths before its facts are collected.
class PlantedMac {
 public:
  explicit PlantedMac(const std::string& fixture = "sonoma") {
    std::filesystem::copy(fixture_path("macs/" + fixture), dir_.path(),
                          std::filesystem::copy_options::recursive | std::filesystem::copy_options::copy_symlinks);
  }

  const std::filesystem::path& root() const { return dir_.path(); }
  // Where a Mac path is on this host.
  std::filesystem::path at(const std::string& mac_path) const { return dir_.path() / mac_path.substr(1); }

  void write(const std::string& mac_path, const std::string& content) const { dir_.write(mac_path.substr(1), content); }
  void link(const std::string& mac_path, const std::string& target) const {
    remove(mac_path);
    dir_.link(mac_path.substr(1), target);
  }
  void remove(const std::string& mac_path) const {
    std::error_code ignored;
    std::filesystem::remove_all(at(mac_path), ignored);
  }

  // The facts of the tree, collected without vendor knowledge.
  std::unique_ptr<Facts> collect() const {
    auto source = RootedSource::open(dir_.path().string());
    REQUIRE(source);
    auto facts = std::make_unique<Facts>("test", (*source)->description());
    collect_facts(**source, VendorCatalog(), *facts);
    return facts;
  }

 private:
  TempDir dir_;
};

// The coverage entries of one Mac path.
inline std::vector<pugi::xml_node> coverage_of(const Facts& facts, const std::string& mac_path) {
  std::vector<pugi::xml_node> entries;
  for (pugi::xml_node entry : facts.document().child("facts").child("coverage").children("source")) {
    if (mac_path == entry.attribute("path").value()) entries.push_back(entry);
  }
  return entries;
}

// Whether the path has a coverage entry with this problem ("too-large", "link-loop", ...)
// whose reason contains `text`.
inline bool has_problem(const Facts& facts, const std::string& mac_path, const std::string& problem,
                        const std::string& text = "") {
  for (pugi::xml_node entry : coverage_of(facts, mac_path)) {
    if (problem == entry.attribute("problem").value() &&
        std::string(entry.attribute("reason").value()).find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// How many elements name each source, as their source attribute.
inline std::map<std::string, std::size_t> elements_by_source(const Facts& facts) {
  std::map<std::string, std::size_t> counts;
  for (const pugi::xpath_node& node : facts.document().select_nodes("/facts//*[@source]")) {
    ++counts[node.node().attribute("source").value()];
  }
  return counts;
}

// Checks that every element of `before` is still there, except those from sources that
// start with one of `spoiled` (the path made hostile, and what is read through it).
inline void check_still_collected(const std::map<std::string, std::size_t>& before, const Facts& after,
                                  const std::vector<std::string>& spoiled) {
  const auto now = elements_by_source(after);
  // Named references, not a structured binding: INFO captures `source` in a lambda, which
  // clang before 16 refuses for a binding.
  for (const auto& entry : before) {
    const std::string& source = entry.first;
    const std::size_t count = entry.second;
    bool excused = false;
    for (const std::string& prefix : spoiled) excused = excused || source.rfind(prefix, 0) == 0;
    if (excused) continue;
    const auto found = now.find(source);
    INFO("elements from " << source);
    CHECK((found == now.end() ? 0 : found->second) >= count);
  }
}

}  // namespace nwaudit::test
