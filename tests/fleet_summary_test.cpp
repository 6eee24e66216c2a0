// nwaudit summarize: reading reports (full JSON and ndjson lines, in files, folders and
// archives), counting them in memory that does not grow with their number, the one
// remediation that would bring a Mac back to user space, and the four renderings.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "archive_writer.h"
#include "facts_support.h"
#include "fleet/line_reader.h"
#include "nwaudit/audit/audit.h"
#include "nwaudit/fleet/report_files.h"
#include "nwaudit/report/summary_report.h"
#include "report_support.h"
#include "test_support.h"

using namespace nwaudit;
using namespace nwaudit::fleet;

namespace {

const Knowledge& shipped() {
  static const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  return knowledge;
}

RuleKinds shipped_kinds() {
  RuleKinds kinds;
  for (const Rule& rule : shipped().rules) kinds.emplace(rule.id, to_string(rule.cause));
  return kinds;
}

AuditResult audit_of(const char* mac) {
  test::FixtureFacts facts(mac);
  AuditResult result = run_audit(facts.facts().document(), shipped().rules);
  result.tool_version = "0.1.0";
  return result;
}

std::string ndjson_of(const char* mac, const std::string& machine) {
  ReportOptions options;
  options.run = {machine, "pseudonym", "2025-03-01T09:30:00Z"};
  return render_report(audit_of(mac), ReportFormat::ndjson, options);
}

std::string json_of(const char* mac) { return render_report(audit_of(mac), ReportFormat::json, ReportOptions{}); }

MacReport read(const std::string& text) {
  MacReport report;
  auto read = read_mac_report(text, report);
  INFO((read ? std::string() : read.error().describe()));
  REQUIRE(read);
  return report;
}

std::string error_of(const std::string& text) {
  MacReport report;
  auto read = read_mac_report(text, report);
  REQUIRE_FALSE(read);
  return read.error().describe();
}

// A report with the given verdict and findings: {rule, subject, kind}, each a cause when listed in causes.
MacReport mac(const std::string& path, std::vector<std::string> causes, std::vector<MacFinding> findings) {
  MacReport report;
  report.path = path;
  report.product = "macOS";
  report.version = "14.4.1";
  report.causes = std::move(causes);
  report.findings = std::move(findings);
  return report;
}

std::vector<std::string> kinds_of(const MacReport& report) {
  std::vector<std::string> kinds;
  for (const MacFinding& finding : report.findings) kinds.push_back(finding.kind);
  return kinds;
}

std::string remedy(const MacReport& report) { return single_remediation(report, kinds_of(report), nullptr); }

}  // namespace

TEST_CASE("summarize: an ndjson line and a full report of one Mac read the same") {
  const MacReport line = read(ndjson_of("ventura-vpn-off-kext-loaded", "mac-0123456789ab"));
  const MacReport full = read(json_of("ventura-vpn-off-kext-loaded"));
  CHECK(line.machine == "mac-0123456789ab");
  CHECK(full.machine.empty());
  for (const MacReport* report : {&line, &full}) {
    CHECK(report->path == "sockets");
    CHECK(report->product == "macOS");
    CHECK(report->version == "13.6.3");
    CHECK(report->causes == line.causes);
    REQUIRE(report->findings.size() == line.findings.size());
  }
  for (std::size_t i = 0; i < line.findings.size(); ++i) {
    CHECK(line.findings[i].rule == full.findings[i].rule);
    CHECK(line.findings[i].subject == full.findings[i].subject);
    CHECK(line.findings[i].vendor == full.findings[i].vendor);  // the full report's from its evidence
    CHECK(line.findings[i].product == full.findings[i].product);
    CHECK(line.findings[i].kind.empty());  // ndjson does not say; the rules do
  }
  CHECK(std::count(line.causes.begin(), line.causes.end(), "NWA-KEXT-SFLT-LOADED") == 1);
  const auto kext = std::find_if(full.findings.begin(), full.findings.end(),
                                 [](const MacFinding& finding) { return finding.rule == "NWA-KEXT-SFLT-LOADED"; });
  REQUIRE(kext != full.findings.end());
  CHECK(kext->vendor == "Cisco");
  CHECK(kext->kind == "socket-filter");
}

TEST_CASE("summarize: what is not a report is refused, saying why") {
  CHECK(error_of("{\"schema\": \"nwaudit-report/1\", \"verdict\": ").find("not JSON") != std::string::npos);
  CHECK(error_of("[1, 2]").find("not a JSON object") != std::string::npos);
  CHECK(error_of("\"text\"").find("not a JSON object") != std::string::npos);
  CHECK(error_of("{\"schema\": \"other/1\"}").find("\"other/1\"") != std::string::npos);
  CHECK(error_of("{\"verdict\": {\"path\": \"sockets\"}}").find("no schema") != std::string::npos);
  CHECK(error_of("{\"schema\": \"nwaudit-ndjson/1\"}").find("no verdict") != std::string::npos);
  CHECK(error_of("{\"schema\": \"nwaudit-ndjson/1\", \"verdict\": {\"path\": \"sideways\"}}").find("sideways") !=
        std::string::npos);
  CHECK(error_of("{\"schema\": \"nwaudit-ndjson/1\", \"verdict\": {\"path\": \"sockets\"}, \"findings\": [{}]}")
            .find("no rule") != std::string::npos);
  CHECK(error_of("{\"a\":" + std::string(100, '[') + std::string(100, ']') + "}").find("deeper") != std::string::npos);
  CHECK(error_of("{\"schema\": \"nwaudit-ndjson/1\", \"x\": \"\xff\"}").find("not JSON") != std::string::npos);
}

TEST_CASE("summarize: the one remediation that leaves a Mac without cause") {
  // The firewall, seen only in the kernel's state: turning it off is the remediation.
  const MacReport firewall = mac("sockets", {"NWA-KERNEL-FILTER-ALF", "NWA-KERNEL-NETAGENT"},
                                 {{"NWA-KERNEL-FILTER-ALF", "all-connections", "application-firewall", "kernel", "", ""},
                                  {"NWA-KERNEL-NETAGENT", "all-connections", "netagent-disabled", "kernel", "", ""}});
  CHECK(remedy(firewall) == "application-firewall");
  // A kext names the socket filter the kernel counts: removing it is the remediation.
  MacReport kext = mac("sockets", {"NWA-KERNEL-FILTER-SOCKET", "NWA-KERNEL-NETAGENT", "NWA-KEXT-SFLT-LOADED"},
                       {{"NWA-KERNEL-FILTER-SOCKET", "all-connections", "socket-filter", "kernel", "", ""},
                        {"NWA-KERNEL-NETAGENT", "all-connections", "netagent-disabled", "kernel", "", ""},
                        {"NWA-KEXT-SFLT-LOADED", "all-connections", "socket-filter", "com.cisco.kext.acsock", "Cisco",
                         "AnyConnect"},
                        {"NWA-KEXT-IPF-NOT-LOADED", "latent", "ip-filter", "org.example.ipf", "", ""}});
  std::string detail;
  CHECK(single_remediation(kext, kinds_of(kext), &detail) == "com.cisco.kext.acsock");
  CHECK(detail == "socket-filter; Cisco AnyConnect");
  // Two things to remove: no single remediation.
  MacReport two = kext;
  two.causes.push_back("NWA-PF-CUSTOM");
  two.findings.push_back({"NWA-PF-CUSTOM", "all-connections", "pf", "pf", "", ""});
  CHECK(remedy(two).empty());
  // The firewall in the kernel's state beside a socket filter kext: two remediations.
  MacReport mixed_kinds = kext;
  mixed_kinds.causes.push_back("NWA-KERNEL-FILTER-ALF");
  mixed_kinds.findings.push_back({"NWA-KERNEL-FILTER-ALF", "all-connections", "application-firewall", "kernel", "", ""});
  CHECK(remedy(mixed_kinds).empty());
  // The kernel's switch off by itself: switching it on.
  CHECK(remedy(mac("sockets", {"NWA-KERNEL-NETAGENT"},
                   {{"NWA-KERNEL-NETAGENT", "all-connections", "netagent-disabled", "kernel", "", ""}})) ==
        "netagent-disabled");
  // Mixed: one tunnel interface.
  CHECK(remedy(mac("mixed", {"NWA-IF-TUNNEL"}, {{"NWA-IF-TUNNEL", "some-connections", "tunnel", "utun3", "", ""}})) ==
        "utun3");
  // Already in user space, or unknown: nothing to bring back.
  CHECK(remedy(mac("user-space", {}, {})).empty());
  CHECK(remedy(mac("unknown", {"NWA-OS-UNREADABLE"},
                   {{"NWA-OS-UNREADABLE", "blocks-verdict", "os-version", "facts", "", ""}})).empty());
  // Sockets with no cause named: nothing to remove.
  CHECK(remedy(mac("sockets", {}, {})).empty());
}

TEST_CASE("summarize: the fixture Macs counted, as ndjson and as full reports") {
  const char* macs[] = {"sonoma", "sonoma-managed", "ventura-vpn-off-kext-loaded", "sonoma-log-history", "ventura-vpn",
                        "sequoia-live", "bigsur", "broken", "monterey-kexts", "sequoia-filters"};
  // What the audits themselves say, counted here without the summary's code.
  std::array<std::uint64_t, kPaths.size()> paths{};
  std::uint64_t incomplete = 0;
  std::map<std::string, std::uint64_t> cause_rules, rules, vendors, majors;
  for (const char* name : macs) {
    const AuditResult result = audit_of(name);
    ++paths[static_cast<std::size_t>(
        std::find(kPaths.begin(), kPaths.end(), std::string_view(to_string(result.verdict.path))) - kPaths.begin())];
    if (!result.verdict.blind_spots.empty()) ++incomplete;
    std::set<std::string> causes, found, named;
    for (std::size_t index : result.verdict.causes) causes.insert(result.findings[index].rule->id);
    for (const Finding& finding : result.findings) {
      found.insert(finding.rule->id);
      std::string vendor, product;
      for (const auto& [key, value] : finding.evidence) {
        if (key == "vendor") vendor = value;
        if (key == "product") product = value;
      }
      if (!vendor.empty()) named.insert(product.empty() ? vendor : vendor + ": " + product);
    }
    for (const auto& rule : causes) ++cause_rules[rule];
    for (const auto& rule : found) ++rules[rule];
    for (const auto& vendor : named) ++vendors[vendor];
    if (result.host.product == "macOS") ++majors["macOS " + result.host.version.substr(0, result.host.version.find('.'))];
  }
  const auto table = [](const CountTable& counts) {
    std::map<std::string, std::uint64_t> rows;
    for (const auto& row : counts.rows()) rows[row.key] = row.macs;
    return rows;
  };
  std::string rendered[2];
  for (bool full : {false, true}) {
    CAPTURE(full);
    FleetTally tally(shipped_kinds());
    for (const char* name : macs) tally.add(read(full ? json_of(name) : ndjson_of(name, name)), name);
    const FleetSummary& summary = tally.summary();
    CHECK(summary.macs == std::size(macs));
    CHECK(summary.paths == paths);
    CHECK(summary.incomplete == incomplete);
    CHECK(summary.incomplete_named.size() == incomplete);
    CHECK(table(summary.cause_rules) == cause_rules);
    CHECK(table(summary.rules) == rules);
    CHECK(table(summary.vendors) == vendors);
    for (const auto& [major, count] : majors) CHECK(table(summary.os_majors)[major] == count);
    std::uint64_t remedied = 0;
    for (const auto& row : summary.remediations.rows()) remedied += row.macs;
    CHECK(remedied <= summary.paths[1] + summary.paths[2]);
    CHECK(remedied > 0);
    rendered[full ? 1 : 0] = render_summary(summary, SummaryFormat::text);
  }
  // An ndjson line's kinds come from the rules, a full report's from the report: the same summary.
  CHECK(rendered[0] == rendered[1]);
}

TEST_CASE("summarize: memory does not grow with the number of reports") {
  FleetTally tally(shipped_kinds());
  MacReport report = read(ndjson_of("ventura-managed-unread", "mac-000000000000"));
  REQUIRE_FALSE(report.blind_spots.empty());
  std::size_t tables_after_first = 0;
  for (int i = 0; i < 5000; ++i) {
    report.machine = "mac-" + std::to_string(i);  // a new Mac each time: nothing per Mac may be kept
    tally.add(report, "fleet.ndjson");
    tally.skip(Error{ErrorKind::malformed, "fleet.ndjson", {}, "not JSON", static_cast<std::size_t>(i + 1)});
    const FleetSummary& s = tally.summary();
    const std::size_t tables = s.confidence.size() + s.decided_by.size() + s.cause_rules.size() + s.cause_kinds.size() +
                               s.rules.size() + s.vendors.size() + s.cause_vendors.size() + s.os_majors.size() +
                               s.os_versions.size() + s.tool_versions.size() + s.remediations.size() +
                               s.blind_spots.size() + s.paths_by_major.size();
    if (i == 0) tables_after_first = tables;
    REQUIRE(tables == tables_after_first);
  }
  CHECK(tally.summary().macs == 5000);
  CHECK(tally.summary().incomplete == 5000);
  CHECK(tally.summary().incomplete_named.size() == kMaxNamed);
  CHECK(tally.summary().skipped == 5000);
  CHECK(tally.summary().skipped_named.size() == kMaxNamed);

  // Distinct keys (hostile or not) stop at a bound; the Macs past it are still counted.
  CountTable table;
  for (std::size_t i = 0; i < kMaxTableKeys + 10; ++i) table.add("key-" + std::to_string(i));
  table.add("key-0");
  CHECK(table.size() == kMaxTableKeys);
  CHECK(table.others() == 10);
  CHECK(table.rows().front().key == "key-0");
  CHECK(table.rows().front().macs == 2);
}

TEST_CASE("summarize: lines of any length, one at a time") {
  const std::string text = "first\r\n\nthird is long\nlast";
  std::size_t offset = 0;
  LineReader lines(
      [&](char* into, std::size_t size) -> Expected<std::size_t> {
        const std::size_t count = std::min<std::size_t>({size, 3, text.size() - offset});  // a slow stream
        std::copy_n(text.data() + offset, count, into);
        offset += count;
        return count;
      },
      8);
  LineReader::Line line;
  std::vector<std::string> seen;
  while (*lines.next(line)) seen.push_back(line.too_long ? "(too long " + std::to_string(line.number) + ")" : std::string(line.text));
  CHECK(seen == std::vector<std::string>{"first", "", "(too long 3)", "last"});
}

TEST_CASE("summarize: files, folders and bundles, and what cannot be read skipped and named") {
  test::TempDir folder;
  folder.write("full/sonoma.json", json_of("sonoma"));  // pretty-printed: one report
  folder.write("fleet.ndjson", ndjson_of("sonoma-managed", "mac-1") + "{broken\n\n" + ndjson_of("bigsur", "mac-2"));
  folder.write("compact.json", ndjson_of("ventura-vpn", "mac-3"));  // one line, named .json
  folder.write("notes.txt", "not a report, not read");
  folder.write("other.json", "{\"schema\": \"something-else/2\"}\n");
  const std::string bundle = test::ArchiveWriter(test::ArchiveWriter::Format::tar_gz)
                                 .folder("nwaudit-bundle/")
                                 .file("nwaudit-bundle/manifest.json", "{\"files\": []}")
                                 .file("nwaudit-bundle/report.json", json_of("sonoma-log-history"))
                                 .file("nwaudit-bundle/report.md", "# not read")
                                 .file("nwaudit-bundle/System/Library/CoreServices/SystemVersion.plist", "<plist/>")
                                 .bytes();
  folder.write("bundles/one.tar.gz", bundle);
  folder.write("bundles/zipped.zip", test::ArchiveWriter(test::ArchiveWriter::Format::zip)
                                         .file("a/fleet.ndjson", ndjson_of("sequoia-live", "mac-4"))
                                         .file("b/report.json", "{\n  \"schema\": ")
                                         .bytes());
  folder.write("bundles/fake.zip", "PK\x03\x04 but nothing after");

  FleetTally tally(shipped_kinds());
  REQUIRE(add_reports(folder.path().string(), tally));
  const FleetSummary& summary = tally.summary();
  CHECK(summary.macs == 6);
  CHECK(summary.skipped == 4);
  std::vector<std::string> skipped;
  for (const Error& error : summary.skipped_named) skipped.push_back(error.describe());
  std::sort(skipped.begin(), skipped.end());
  INFO(skipped[0] << "\n" << skipped[1] << "\n" << skipped[2] << "\n" << skipped[3]);
  CHECK(skipped[0].find("fake.zip: ") != std::string::npos);
  CHECK(skipped[1].find("zipped.zip: b/report.json: ") != std::string::npos);
  CHECK(skipped[2].find("fleet.ndjson: line 2: not JSON") != std::string::npos);
  CHECK(skipped[3].find("other.json: line 1: not an nwaudit report") != std::string::npos);

  CHECK_FALSE(add_reports((folder.path() / "absent").string(), tally));
  // A file named on its own is read whatever its name.
  folder.write("named.txt", ndjson_of("sonoma", "mac-5"));
  REQUIRE(add_reports((folder.path() / "named.txt").string(), tally));
  CHECK(tally.summary().macs == 7);
}

TEST_CASE("summarize: four renderings, and a page that stands alone and escapes what reports say") {
  FleetTally tally({});
  const MacReport firewall = mac("sockets", {"NWA-KERNEL-FILTER-ALF", "NWA-KERNEL-NETAGENT"},
                                 {{"NWA-KERNEL-FILTER-ALF", "all-connections", "application-firewall", "kernel", "", ""},
                                  {"NWA-KERNEL-NETAGENT", "all-connections", "netagent-disabled", "kernel", "", ""}});
  tally.add(firewall, "one.json");
  tally.add(firewall, "two.json");
  tally.add(mac("user-space", {}, {}), "three.json");
  MacReport hostile = mac("mixed", {"NWA-IF-TUNNEL"},
                          {{"NWA-IF-TUNNEL", "some-connections", "tunnel", "<img src=http://example.com/x>|*", "V|x",
                            "<b>"}});
  hostile.machine = "<script>alert(1)</script>";
  hostile.version = "15.1";
  hostile.blind_spots.push_back("/x (missing: <b>)");
  tally.add(hostile, "hostile");
  tally.skip(Error{ErrorKind::malformed, "a|b.ndjson", {}, "not JSON: <i>", 4});
  const FleetSummary& summary = tally.summary();

  const std::string html = render_summary(summary, SummaryFormat::html);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  // Every tag is one the page means to write, and none loads anything.
  const std::vector<std::string> known = {"!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "h2", "p",
                                          "section", "svg", "text", "rect", "table", "tr", "th", "td", "ul", "li"};
  for (std::size_t at = 0; (at = html.find('<', at)) != std::string::npos; ++at) {
    const std::string tag = html.substr(at + 1, html.find('>', at) - at - 1);
    const std::string name = tag.substr(tag[0] == '/' ? 1 : 0, tag.find_first_of(" >") - (tag[0] == '/' ? 1 : 0));
    INFO(tag);
    CHECK(std::find(known.begin(), known.end(), name) != known.end());
    CHECK(tag.find("src=") == std::string::npos);
    CHECK(tag.find("href=") == std::string::npos);
    CHECK(tag.find("://") == std::string::npos);
  }
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  std::size_t bars = 0;
  for (std::size_t at = 0; (at = html.find("<rect class=\"bar\"", at)) != std::string::npos; ++at) ++bars;
  std::size_t expected = 4 + std::min<std::size_t>(summary.remediations.size(), 15) +
                         std::min<std::size_t>(summary.cause_kinds.size(), 15) +
                         std::min<std::size_t>(summary.cause_vendors.size(), 15) +
                         std::min<std::size_t>(summary.os_majors.size(), 15) +
                         std::min<std::size_t>(summary.blind_spots.size(), 15);
  CHECK(bars == expected);

  const auto json = nlohmann::json::parse(render_summary(summary, SummaryFormat::json));
  CHECK(json["schema"] == "nwaudit-summary/1");
  CHECK(json["macs"] == 4);
  CHECK(json["verdicts"]["sockets"] == 2);
  CHECK(json["verdicts"]["mixed"] == 1);
  CHECK(json["skipped_reports"][0]["line"] == 4);
  CHECK(json["tables"]["remediations"]["rows"][0]["key"] == "application-firewall");
  CHECK(json["tables"]["remediations"]["rows"][0]["macs"] == 2);

  const std::string markdown = render_summary(summary, SummaryFormat::markdown);
  CHECK(markdown.find("<script>") == std::string::npos);
  CHECK(markdown.find("\\<img") != std::string::npos);
  CHECK(markdown.find("| application\\-firewall |") == std::string::npos);  // identifiers stay readable
  CHECK(markdown.find("| application-firewall | 2 |") != std::string::npos);

  const std::string text = render_summary(summary, SummaryFormat::text);
  CHECK(text.rfind("nwaudit fleet summary: 4 Macs summarized; 1 not fully read; 1 report skipped", 0) == 0);
  CHECK(text.find("a|b.ndjson: line 4: not JSON: <i>") != std::string::npos);
}
