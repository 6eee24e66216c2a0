// Redaction end to end, on fixtures/macs/sonoma-personal (written by fixtures/personal_mac.py with
// personal data in every place the files nwaudit reads can hold it): every file redacted as
// `nwaudit collect` puts it in a bundle shows no planted value and audits to the same verdict,
// and so do the reports of redacted facts in every format.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "facts_support.h"
#include "nwaudit/audit/audit.h"
#include "nwaudit/redact/redactor.h"
#include "nwaudit/report/report.h"
#include "test_support.h"

using namespace nwaudit;

namespace {

constexpr const char* kMac = "sonoma-personal";

std::vector<std::string> planted_values() {
  std::istringstream in(test::fixture("redaction/sonoma-personal.planted"));
  std::vector<std::string> values;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) values.push_back(line);
  }
  return values;
}

// Every regular file of the tree, by its path on the Mac.
std::vector<std::string> mac_paths(const std::filesystem::path& root) {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) paths.push_back("/" + std::filesystem::relative(entry.path(), root).string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// A value as it can be written: as text, and a MAC address also as its six bytes (IOMACAddress
// is data) and their base64 in an XML property list.
std::vector<std::string> written_forms(const std::string& value) {
  std::vector<std::string> forms{value};
  if (value.size() != 17 || std::count(value.begin(), value.end(), ':') != 5) return forms;
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::vector<unsigned> octets;
  for (std::size_t at = 0; at < value.size(); at += 3) {
    octets.push_back(static_cast<unsigned>(kHex.find(value[at]) * 16 + kHex.find(value[at + 1])));
  }
  static constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes, base64;
  for (unsigned octet : octets) bytes += static_cast<char>(octet);
  for (std::size_t at = 0; at < octets.size(); at += 3) {
    const unsigned group = (octets[at] << 16) | (octets[at + 1] << 8) | octets[at + 2];
    for (unsigned shift = 18;; shift -= 6) {
      base64 += kBase64[(group >> shift) & 0x3F];
      if (shift == 0) break;
    }
  }
  forms.push_back(bytes);
  forms.push_back(base64);
  return forms;
}

bool shows(const std::string& text, const std::string& value) {
  for (const std::string& form : written_forms(value)) {
    if (text.find(form) != std::string::npos) return true;
  }
  return false;
}

void check_nothing_planted(const std::string& text, const std::string& what) {
  for (const std::string& value : planted_values()) {
    CAPTURE(what);
    CAPTURE(value);
    CHECK_FALSE(shows(text, value));
  }
}

struct Outcome {
  std::string path, confidence;
  std::vector<std::string> causes;
};

Outcome outcome_of(const AuditResult& result) {
  Outcome outcome{to_string(result.verdict.path), to_string(result.verdict.confidence), {}};
  for (std::size_t index : result.verdict.causes) outcome.causes.push_back(result.findings[index].rule->id);
  std::sort(outcome.causes.begin(), outcome.causes.end());
  return outcome;
}

Knowledge shipped_knowledge() {
  Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  REQUIRE(knowledge.problems.empty());
  return knowledge;
}

}  // namespace

TEST_CASE("redaction: every planted value is really in the fixture Mac") {
  const std::filesystem::path root = test::fixture_path(std::string("macs/") + kMac);
  std::string everything;
  for (const std::string& path : mac_paths(root)) everything += test::slurp((root / path.substr(1)).string()) + "\n";
  for (const std::string& value : planted_values()) {
    CAPTURE(value);
    CHECK(shows(everything, value));
  }
}

TEST_CASE("redaction: a bundle of redacted files shows no planted value and audits as the Mac does") {
  const std::filesystem::path root = test::fixture_path(std::string("macs/") + kMac);
  test::TempDir bundle;
  redact::Redactor redactor;
  for (const std::string& path : mac_paths(root)) {
    const std::string redacted = redactor.file(path, test::slurp((root / path.substr(1)).string()));
    const std::string name = redactor.path(path);
    check_nothing_planted(name, "the name of " + path);
    check_nothing_planted(redacted, path);
    bundle.write(name.substr(1), redacted);
  }
  std::string kinds;
  for (const redact::RedactedKind& kind : redactor.kinds()) kinds += kind.kind + " ";
  for (const char* kind : {"user", "host", "mac", "ipv4", "ipv6", "ssid", "server", "email", "account", "name", "secret"}) {
    CAPTURE(kind);
    CHECK(kinds.find(std::string(kind) + " ") != std::string::npos);
  }

  const Knowledge knowledge = shipped_knowledge();
  test::FixtureFacts original(kMac);
  test::FixtureFacts redacted(bundle.path());
  const Outcome expected = outcome_of(run_audit(original.facts().document(), knowledge.rules));
  const Outcome actual = outcome_of(run_audit(redacted.facts().document(), knowledge.rules));
  CHECK(actual.path == expected.path);
  CHECK(actual.confidence == expected.confidence);
  CHECK(actual.causes == expected.causes);
  CHECK_FALSE(expected.causes.empty());
  // What the collectors read is what they read before: the same sources, each as readable.
  CHECK(redacted.count("/facts/coverage/source[@status='read']") == original.count("/facts/coverage/source[@status='read']"));
}

TEST_CASE("redaction: redacted facts give reports in every format with no planted value and the same verdict") {
  const Knowledge knowledge = shipped_knowledge();
  test::FixtureFacts facts(kMac);
  const Outcome expected = outcome_of(run_audit(facts.facts().document(), knowledge.rules));

  pugi::xml_document document;
  document.reset(facts.facts().document());
  redact::Redactor redactor;
  redactor.facts(document);
  std::ostringstream saved;
  document.save(saved);
  check_nothing_planted(redactor.text(saved.str()), "the facts");

  AuditResult result = run_audit(document, knowledge.rules);
  result.source = "the tree at /Users/aappleseed/Desktop/sonoma-personal";
  const Outcome actual = outcome_of(result);
  CHECK(actual.path == expected.path);
  CHECK(actual.confidence == expected.confidence);
  CHECK(actual.causes == expected.causes);
  for (const redact::RedactedKind& kind : redactor.kinds()) result.redacted.push_back({kind.kind, kind.values});
  for (ReportFormat format : {ReportFormat::text, ReportFormat::json, ReportFormat::markdown, ReportFormat::sarif}) {
    CAPTURE(to_string(format));
    const std::string report = redactor.text(render_report(result, format));
    check_nothing_planted(report, to_string(format));
    CHECK(report.find("user") != std::string::npos);
  }
}
