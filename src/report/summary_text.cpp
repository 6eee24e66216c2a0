#include <fmt/format.h>

#include <algorithm>

#include "display_text.h"
#include "summary_formats.h"
#include "summary_sections.h"

namespace nwaudit::report {

std::string render_summary_text(const FleetSummary& summary) {
  std::string text = "nwaudit fleet summary: " + headline(summary) + "\n";
  for (const Section& section : sections_of(summary)) {
    if (section.rows.empty()) continue;
    text += fmt::format("\n{}\n", section.title);
    std::size_t width = 0;
    for (const auto& row : section.rows) width = std::max(width, display_width(one_line(row.key)));
    for (const auto& row : section.rows) {
      const std::string key = one_line(row.key);
      text += "  " + key + std::string(width - display_width(key), ' ');
      text += fmt::format("  {:>7}  {:>6}", row.macs, percent(row.macs, summary.macs));
      if (!row.detail.empty()) text += "  (" + one_line(row.detail) + ")";
      text += "\n";
    }
    if (section.others != 0) text += fmt::format("  and {} more Macs under other keys\n", section.others);
  }
  if (!summary.incomplete_named.empty()) {
    text += fmt::format("\nMacs not fully read (the first {} of {})\n", summary.incomplete_named.size(), summary.incomplete);
    for (const NamedMac& mac : summary.incomplete_named) text += "  " + one_line(mac.name) + ": " + one_line(mac.why) + "\n";
  }
  if (!summary.skipped_named.empty()) {
    text += fmt::format("\nReports skipped (the first {} of {})\n", summary.skipped_named.size(), summary.skipped);
    for (const Error& error : summary.skipped_named) text += "  " + one_line(skipped_text(error)) + "\n";
  }
  return text;
}

}  // namespace nwaudit::report
