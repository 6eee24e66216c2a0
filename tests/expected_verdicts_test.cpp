// Accuracy: every fixture Mac has the verdict nwaudit must reach on it written beside it, in
// fixtures/macs/NAME.expected, and this one test compares them all.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "facts_support.h"
#include "nwaudit/audit/audit.h"

using namespace nwaudit;

namespace {

// "path: sockets", "confidence: high", "causes: ID ID", "contradicted: ID"; '#' starts a comment.
std::map<std::string, std::string> read_expected(const std::filesystem::path& file) {
  std::map<std::string, std::string> fields;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    const auto colon = line.find(':');
    REQUIRE_MESSAGE(colon != std::string::npos, file.string() << ": not a \"name: value\" line: " << line);
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    fields[line.substr(0, colon)] = value;
  }
  return fields;
}

std::string sorted_words(const std::vector<std::string>& words) {
  std::vector<std::string> sorted = words;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string joined;
  for (const std::string& word : sorted) joined += (joined.empty() ? "" : " ") + word;
  return joined;
}

std::string sorted_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return sorted_words(words);
}

std::filesystem::path macs_dir() { return std::filesystem::path(NWAUDIT_FIXTURES) / "macs"; }

}  // namespace

TEST_CASE("expected verdicts: every fixture Mac has its verdict written beside it, and nwaudit reaches it") {
  const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  REQUIRE(knowledge.problems.empty());
  std::size_t macs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(macs_dir())) {
    if (!entry.is_directory()) continue;
    ++macs;
    const std::string mac = entry.path().filename().string();
    CAPTURE(mac);
    const std::filesystem::path expected_file = macs_dir() / (mac + ".expected");
    REQUIRE_MESSAGE(std::filesystem::exists(expected_file), "write fixtures/macs/" << mac << ".expected");
    std::map<std::string, std::string> expected = read_expected(expected_file);

    test::FixtureFacts facts(mac.c_str());
    const AuditResult result = run_audit(facts.facts().document(), knowledge.rules);
    std::vector<std::string> causes, contradicted;
    for (std::size_t index : result.verdict.causes) causes.push_back(result.findings[index].rule->id);
    for (const Finding& finding : result.findings) {
      if (!finding.contradicted_by.empty()) contradicted.push_back(finding.rule->id);
    }
    CHECK(to_string(result.verdict.path) == expected["path"]);
    CHECK(to_string(result.verdict.confidence) == expected["confidence"]);
    CHECK(sorted_words(causes) == sorted_words(expected["causes"]));
    CHECK(sorted_words(contradicted) == sorted_words(expected["contradicted"]));
    CHECK(result.verdict.contradicted == !contradicted.empty());
  }
  CHECK(macs >= 16);
}

TEST_CASE("expected verdicts: no fixture with missing, foreign or contradicting OS facts is judged user space") {
  const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  for (const char* mac : {"broken", "iphone-sysdiagnose", "sonoma-bad-version", "sonoma-made-up-build",
                          "sonoma-os-contradicted"}) {
    CAPTURE(mac);
    test::FixtureFacts facts(mac);
    const AuditResult result = run_audit(facts.facts().document(), knowledge.rules);
    CHECK(result.verdict.path == NetworkPath::unknown);
    CHECK_FALSE(result.verdict.summary.empty());
  }
}
