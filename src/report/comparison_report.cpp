#include "nwaudit/report/comparison_report.h"

#include "comparison_formats.h"

namespace nwaudit {

std::string render_comparison(const Comparison& comparison, ReportFormat format, const ReportOptions& options,
                              std::string_view tool_version) {
  if (format == ReportFormat::text) return report::render_comparison_text(comparison, options.color, tool_version);
  if (format == ReportFormat::markdown) return report::render_comparison_markdown(comparison, tool_version);
  return report::render_comparison_json(comparison, tool_version);
}

}  // namespace nwaudit
