#include <fmt/format.h>

#include "markdown_escape.h"
#include "summary_formats.h"
#include "summary_sections.h"

namespace nwaudit::report {

std::string render_summary_markdown(const FleetSummary& summary) {
  std::string text = "# nwaudit fleet summary\n\n" + markdown_text(headline(summary)) + "\n";
  for (const Section& section : sections_of(summary)) {
    if (section.rows.empty()) continue;
    text += "\n## " + markdown_inline(section.title) + "\n\n" + markdown_text(section.about) + "\n\n";
    text += "| " + markdown_cell(section.column) + " | Macs | share | |\n|---|---:|---:|---|\n";
    for (const auto& row : section.rows) {
      text += fmt::format("| {} | {} | {} | {} |\n", markdown_cell(row.key), row.macs, percent(row.macs, summary.macs),
                          markdown_cell(row.detail));
    }
    if (section.others != 0) text += fmt::format("\nAnd {} more Macs under other keys.\n", section.others);
  }
  if (!summary.incomplete_named.empty()) {
    text += fmt::format("\n## Macs not fully read\n\nThe first {} of {}.\n\n| Mac | first blind spot |\n|---|---|\n",
                        summary.incomplete_named.size(), summary.incomplete);
    for (const NamedMac& mac : summary.incomplete_named) {
      text += "| " + markdown_cell(mac.name) + " | " + markdown_cell(mac.why) + " |\n";
    }
  }
  if (!summary.skipped_named.empty()) {
    text += fmt::format("\n## Reports skipped\n\nThe first {} of {}.\n\n", summary.skipped_named.size(), summary.skipped);
    for (const Error& error : summary.skipped_named) text += "- " + markdown_inline(skipped_text(error)) + "\n";
  }
  return text;
}

}  // namespace nwaudit::report
