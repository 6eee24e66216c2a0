#include "nwaudit/report/summary_report.h"

#include "summary_formats.h"

namespace nwaudit {

std::optional<SummaryFormat> summary_format_named(std::string_view name) {
  if (name == "text") return SummaryFormat::text;
  if (name == "json") return SummaryFormat::json;
  if (name == "markdown") return SummaryFormat::markdown;
  if (name == "html") return SummaryFormat::html;
  return std::nullopt;
}

std::string render_summary(const fleet::FleetSummary& summary, SummaryFormat format) {
  switch (format) {
    case SummaryFormat::json: return report::render_summary_json(summary);
    case SummaryFormat::markdown: return report::render_summary_markdown(summary);
    case SummaryFormat::html: return report::render_summary_html(summary);
    case SummaryFormat::text: break;
  }
  return report::render_summary_text(summary);
}

}  // namespace nwaudit
