#include "nwaudit/report/report.h"

#include "brief_result.h"
#include "formats.h"

namespace nwaudit {

std::optional<ReportFormat> report_format_from(std::string_view name) {
  for (const ReportFormat format :
       {ReportFormat::text, ReportFormat::json, ReportFormat::markdown, ReportFormat::sarif, ReportFormat::ndjson,
        ReportFormat::jamf}) {
    if (name == to_string(format)) return format;
  }
  return std::nullopt;
}

const char* to_string(ReportFormat format) {
  switch (format) {
    case ReportFormat::text: return "text";
    case ReportFormat::json: return "json";
    case ReportFormat::markdown: return "markdown";
    case ReportFormat::sarif: return "sarif";
    case ReportFormat::ndjson: return "ndjson";
    case ReportFormat::jamf: return "jamf";
  }
  return "text";
}

std::string render_report(const AuditResult& result, ReportFormat format, const ReportOptions& options) {
  // The fleet formats are short already: --brief changes nothing in them.
  if (format == ReportFormat::ndjson) return report::render_ndjson(result, options.run);
  if (format == ReportFormat::jamf) return report::render_jamf(result);
  if (options.brief) {
    switch (format) {
      case ReportFormat::text: return report::render_brief_text(result, options.color);
      case ReportFormat::json: return report::render_json(report::brief_result(result), true);
      case ReportFormat::markdown: return report::render_brief_markdown(result);
      case ReportFormat::sarif: return report::render_sarif(report::brief_result(result));
      case ReportFormat::ndjson:
      case ReportFormat::jamf: break;
    }
  }
  switch (format) {
    case ReportFormat::text: return report::render_text(result, options.color);
    case ReportFormat::json: return report::render_json(result);
    case ReportFormat::markdown: return report::render_markdown(result);
    case ReportFormat::sarif: return report::render_sarif(result);
    case ReportFormat::ndjson:
    case ReportFormat::jamf: break;
  }
  return report::render_text(result, options.color);
}

std::string render_measurement_report(const Measurement& measurement, ReportFormat format, const ReportOptions& options,
                                      std::string_view tool_version) {
  switch (format) {
    case ReportFormat::text: return report::render_measurement_text(measurement, options.color, tool_version);
    case ReportFormat::markdown: return report::render_measurement_markdown(measurement, tool_version);
    case ReportFormat::json:
    case ReportFormat::sarif:
    case ReportFormat::ndjson:
    case ReportFormat::jamf: return report::render_measurement_json(measurement, tool_version);
  }
  return report::render_measurement_text(measurement, options.color, tool_version);
}

}  // namespace nwaudit
