#include "summary_sections.h"

#include <fmt/format.h>

namespace nwaudit::report {

namespace {

Section section(const char* id, std::string title, std::string about, const char* column, const CountTable& table,
                bool chart = false) {
  return Section{id, std::move(title), std::move(about), column, table.rows(), table.others(), chart};
}

std::string plural(std::uint64_t count, const char* one, const char* many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

// The verdicts, all four even when no Mac has one, in their order.
Section verdicts(const FleetSummary& summary) {
  Section verdicts{"verdicts", "Verdicts", "How many Macs Network.framework takes each path on.", "path", {}, 0, true};
  for (std::size_t i = 0; i < kPaths.size(); ++i) verdicts.rows.push_back({kPaths[i], summary.paths[i], {}});
  return verdicts;
}

// macOS versions by major release, with each one's verdicts in the detail.
Section majors(const FleetSummary& summary) {
  Section majors = section("os_majors", "macOS releases", "Macs per major release, and their verdicts.", "release",
                           summary.os_majors, true);
  for (CountTable::Row& row : majors.rows) {
    auto split = summary.paths_by_major.find(row.key);
    if (split == summary.paths_by_major.end()) continue;
    for (std::size_t i = 0; i < kPaths.size(); ++i) {
      if (split->second[i] == 0) continue;
      if (!row.detail.empty()) row.detail += ", ";
      row.detail += fmt::format("{} {}", kPaths[i], split->second[i]);
    }
  }
  return majors;
}

}  // namespace

std::string percent(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return "0%";
  return fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

std::string headline(const FleetSummary& summary) {
  std::string line = plural(summary.macs, "Mac", "Macs") + " summarized";
  line += fmt::format("; {} not fully read", summary.incomplete);
  line += fmt::format("; {} skipped as unreadable.", plural(summary.skipped, "report", "reports"));
  return line;
}

std::vector<Section> sections_of(const FleetSummary& s) {
  std::vector<Section> sections;
  sections.push_back(verdicts(s));
  sections.push_back(section("remediations", "One remediation from user space",
                             "Macs on sockets or mixed whose every cause one remediation removes (nwaudit(1), "
                             "SUMMARIZE): removing or turning off this would bring them back to user space.",
                             "remove or turn off", s.remediations, true));
  sections.push_back(section("cause_kinds", "Causes by kind", "Macs with a cause of each kind.", "kind",
                             s.cause_kinds, true));
  sections.push_back(section("cause_rules", "Causes by rule", "Macs whose verdict names the rule as a cause.", "rule",
                             s.cause_rules));
  sections.push_back(section("cause_vendors", "Vendors and products among the causes",
                             "Macs with a cause that names the vendor and product.", "vendor: product",
                             s.cause_vendors, true));
  sections.push_back(section("vendors", "Vendors and products found",
                             "Macs with any finding that names the vendor and product.", "vendor: product", s.vendors));
  sections.push_back(section("rules", "Rules", "Macs with a finding of each rule, causes or not.", "rule", s.rules));
  sections.push_back(majors(s));
  sections.push_back(section("os_versions", "macOS versions", "Macs per system version.", "version", s.os_versions));
  sections.push_back(section("confidence", "Verdicts and confidence", "Macs per verdict and how sure it is.",
                             "path, confidence", s.confidence));
  sections.push_back(section("decided_by", "What decided the verdict",
                             "configuration (the Mac's files), kernel (its captured state) or measurement.", "basis",
                             s.decided_by));
  sections.push_back(section("blind_spots", "What could not be read",
                             "Macs on which each source that could change the verdict could not be read.", "Mac path",
                             s.blind_spots, true));
  sections.push_back(section("tool_versions", "nwaudit versions", "Macs per version of nwaudit that audited them.",
                             "version", s.tool_versions));
  return sections;
}

}  // namespace nwaudit::report
