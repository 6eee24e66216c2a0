// Runs every file of tests/hostile (see its generate.py) through nwaudit: planted in a copy
// of the sample Mac and collected, or loaded as a knowledge file or facts document. Each must
// give a clear error that names it, and leave the rest of the audit as it was.
#include <doctest/doctest.h>

#include <ctime>
#include <fstream>
#include <sstream>

#include "nwaudit/probe/lsof_listing.h"
#include "nwaudit/audit/audit.h"
#include "nwaudit/report/report.h"
#include "nwaudit/rules/knowledge.h"
#include "planted_mac.h"

using namespace nwaudit;
using namespace nwaudit::test;

namespace {

const std::string kCorpus = std::string(NWAUDIT_FIXTURES) + "/../tests/hostile";
const std::string kHostileKext = "/Library/Extensions/Hostile.kext/Contents/";
const std::string kManagedFirewall = "/Library/Managed Preferences/com.apple.security.firewall.plist";

struct Row {
  std::string file;    // under tests/hostile
  std::string where;   // a Mac path, or "rules", "vendors", "facts"
  std::string expect;  // see generate.py
  std::string text;
};

// The manifest rows whose file starts with `prefix`.
std::vector<Row> rows(const std::string& prefix) {
  std::ifstream manifest(kCorpus + "/MANIFEST.tsv");
  REQUIRE(manifest);
  std::vector<Row> selected;
  for (std::string line; std::getline(manifest, line);) {
    std::vector<std::string> fields;
    std::stringstream columns(line);
    for (std::string field; std::getline(columns, field, '\t');) fields.push_back(field);
    fields.resize(4);
    if (fields[0].rfind(prefix, 0) == 0) selected.push_back({fields[0], fields[1], fields[2], fields[3]});
  }
  REQUIRE_FALSE(selected.empty());
  return selected;
}

const Knowledge& shipped() {
  static const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  return knowledge;
}

// The rules and reports run over whatever the facts hold, in every format.
void audit_and_report(const pugi::xml_document& facts) {
  AuditResult result = run_audit(facts, shipped().rules);
  for (ReportFormat format : {ReportFormat::text, ReportFormat::json, ReportFormat::markdown, ReportFormat::sarif}) {
    CHECK_FALSE(render_report(result, format).empty());
  }
}

// The shipped rule and vendor files, and the row's file beside them as `planted`, loaded as
// one folder.
Knowledge load_beside_shipped(const Row& row, std::string& planted) {
  TempDir folder;
  for (const auto& file : std::filesystem::directory_iterator(std::string(NWAUDIT_FIXTURES) + "/../rules")) {
    std::filesystem::copy(file.path(), folder.path() / file.path().filename());
  }
  planted = (folder.path() / "zz-hostile.xml").string();
  folder.write("zz-hostile.xml", slurp(kCorpus + "/" + row.file));
  return load_knowledge({folder.path()});
}

// Whether the path's coverage says what the row expects.
bool coverage_matches(const Facts& facts, const Row& row) {
  for (pugi::xml_node entry : coverage_of(facts, row.where)) {
    const std::string status = entry.attribute("status").value();
    const std::string reason = entry.attribute("reason").value();
    if (row.expect == "read" && status == "read") return true;
    if (row.expect == "broken" && status == "broken" && reason.find(row.text) != std::string::npos) return true;
    if (row.expect == "too-large" && std::string_view(entry.attribute("problem").value()) == "too-large" &&
        reason.find(row.text) != std::string::npos) {
      return true;
    }
    if (row.expect != "problem" || status != "read") continue;
    for (pugi::xml_node problem : entry.children("problem")) {
      if (std::string(problem.attribute("reason").value()).find(row.text) != std::string::npos) return true;
    }
  }
  return false;
}

// What is read through a path, and so lost with it.
std::vector<std::string> spoiled_by(const std::string& path) {
  if (path == "/Library/SystemExtensions/db.plist") return {path, "/Library/SystemExtensions/"};
  if (path == "/etc/pf.conf") return {path, "/etc/pf.anchors/"};
  if (path == "/.nwaudit/loaded-kexts.plist") return {path, "/.nwaudit/kmutil-showloaded.txt"};  // read instead
  return {path};
}

// The sample Mac with a third-party kext (its executable missing until a Mach-O is planted)
// and a managed firewall profile, so that every plist a collector reads is there.
class CorpusMac {
 public:
  CorpusMac() {
    mac_.write(kHostileKext + "Info.plist", plist_xml("<key>CFBundleIdentifier</key><string>org.example.hostile</string>"
                                                      "<key>CFBundleExecutable</key><string>Hostile</string>"));
    mac_.write(kManagedFirewall, plist_xml("<key>EnableFirewall</key><true/>"));
    baseline_ = elements_by_source(*mac_.collect());
  }

  // Plants the row's file, collects, checks, and puts the tree back as it was.
  void check(const Row& row) {
    INFO(row.file << " at " << row.where << ": expected " << row.expect << " '" << row.text << "'");
    const auto host_path = mac_.at(row.where);
    const bool existed = std::filesystem::exists(host_path);
    const std::string original = existed ? slurp(host_path.string()) : std::string();
    mac_.write(row.where, slurp(kCorpus + "/" + row.file));

    const auto facts = mac_.collect();
    CHECK(coverage_matches(*facts, row));
    check_still_collected(baseline_, *facts, spoiled_by(row.where));
    audit_and_report(facts->document());

    if (existed) {
      mac_.write(row.where, original);
    } else {
      mac_.remove(row.where);
    }
  }

 private:
  static std::string plist_xml(const std::string& dictionary) {
    return "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict>" + dictionary + "</dict></plist>";
  }
  PlantedMac mac_;
  std::map<std::string, std::size_t> baseline_;
};

}  // namespace

TEST_CASE("hostile corpus: property lists in every format, at every place one is read") {
  CorpusMac mac;
  for (const Row& row : rows("plist/")) mac.check(row);
}

TEST_CASE("hostile corpus: keyed archives") {
  CorpusMac mac;
  for (const Row& row : rows("keyed-archive/")) mac.check(row);
}

TEST_CASE("hostile corpus: every key a collector reads, holding the wrong type") {
  CorpusMac mac;
  for (const Row& row : rows("wrong-type/")) mac.check(row);
}

TEST_CASE("hostile corpus: a kext's Mach-O executable") {
  CorpusMac mac;
  for (const Row& row : rows("macho/")) mac.check(row);
}

TEST_CASE("hostile corpus: captured command output and pf files") {
  CorpusMac mac;
  for (const Row& row : rows("captures/")) mac.check(row);
}

TEST_CASE("hostile corpus: rule and vendor files") {
  const std::size_t shipped_rules = shipped().rules.size();
  const std::size_t shipped_vendors = shipped().vendors.size();
  REQUIRE(shipped_rules > 0);
  for (const char* kind : {"rules/", "vendors/"}) {
    for (const Row& row : rows(kind)) {
      INFO(row.file << ": expected a problem naming it, with '" << row.text << "'");
      std::string planted;
      const Knowledge knowledge = load_beside_shipped(row, planted);
      bool named = false;
      for (const Error& problem : knowledge.problems) {
        CHECK(problem.path == planted);
        named = named || problem.describe().find(row.text) != std::string::npos;
      }
      CHECK(named);
      CHECK(knowledge.rules.size() == shipped_rules);
      CHECK(knowledge.vendors.size() == shipped_vendors);
    }
  }
}

TEST_CASE("hostile corpus: rule conditions too costly to evaluate") {
  const std::unique_ptr<Facts> facts = PlantedMac().collect();
  const AuditResult shipped_only = run_audit(facts->document(), shipped().rules);
  for (const Row& row : rows("conditions/")) {
    INFO(row.file << ": expected " << row.expect << " '" << row.text << "'");
    std::string planted;
    const Knowledge knowledge = load_beside_shipped(row, planted);
    const std::clock_t start = std::clock();
    const AuditResult result = run_audit(facts->document(), knowledge.rules);
    const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    CHECK(seconds < 1);  // the shipped rules alone take milliseconds

    // Refused when loaded, or loaded and skipped by the audit: either way one problem that
    // names the file, and the shipped rules' findings as they were.
    const std::vector<Error>& problems = row.expect == "skipped" ? result.rule_problems : knowledge.problems;
    CHECK((row.expect == "skipped" ? knowledge.problems : result.rule_problems).empty());
    REQUIRE(problems.size() == 1);
    CHECK(problems.front().path == planted);
    CHECK(problems.front().describe().find(row.text) != std::string::npos);
    CHECK(result.findings.size() == shipped_only.findings.size());
    CHECK(result.verdict.summary == shipped_only.verdict.summary);
  }
}

TEST_CASE("hostile corpus: facts documents") {
  for (const Row& row : rows("facts/")) {
    INFO(row.file << ": expected " << row.expect << " '" << row.text << "'");
    const std::string path = kCorpus + "/" + row.file;
    const Expected<pugi::xml_document> document = load_facts_document(slurp(path), path);
    if (row.expect == "facts-ok") {
      REQUIRE(document);
      audit_and_report(*document);
    } else {
      REQUIRE_FALSE(document);
      CHECK(document.error().path == path);
      CHECK(document.error().describe().find(row.text) != std::string::npos);
    }
  }
}

TEST_CASE("hostile corpus: pasted lsof output") {
  for (const Row& row : rows("lsof/")) {
    INFO(row.file << ": expected " << row.expect);
    const capture::LsofListing listing = capture::parse_lsof(slurp(kCorpus + "/" + row.file));  // ASan watches
    if (row.expect == "parser-problem") CHECK_FALSE(listing.problems.empty());
  }
}
