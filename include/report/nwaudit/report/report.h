#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nwaudit/audit/result.h"

namespace nwaudit {

// The shapes of a report; nwaudit-report(5) describes each.
enum class ReportFormat {
  text,      // for a terminal
  json,      // for programs: schema "nwaudit-report/1", man/nwaudit-report.schema.json
  markdown,  // for a GitHub issue, a ticket or a forum post
  sarif,     // SARIF 2.1.0, for GitHub code scanning and other SARIF viewers
  ndjson,    // one line of JSON per audit, schema "nwaudit-ndjson/1", for log pipelines
  jamf,      // one line <result>…</result>, for a Jamf Pro extension attribute
};

// "text", "json", "markdown", "sarif", "ndjson", "jamf"; nullopt for anything else.
std::optional<ReportFormat> report_format_from(std::string_view name);
const char* to_string(ReportFormat format);

struct ReportOptions {
  bool color = false;  // ANSI colour in the text format; the CLI decides (a terminal, and no NO_COLOR)
  bool brief = false;  // the verdict, its causes and their first fix, what was not read: about 25 lines of text
  // For ndjson: which Mac and when, set by the CLI.
  struct Run {
    std::string machine;       // "mac-" and 12 hex digits, or the host name; empty when unknown
    std::string machine_kind;  // "pseudonym", "host-name" or "unknown"
    std::string audited_at;    // UTC, RFC 3339: "2025-03-01T09:30:00Z"
  } run{};
};

// The whole report, ending in a newline. The same result always gives the same bytes.
std::string render_report(const AuditResult& result, ReportFormat format, const ReportOptions& options = {});

// The report of a measurement alone (nwaudit probe), ending in a newline: text, Markdown, or
// JSON of schema "nwaudit-probe/1" (man/nwaudit-probe.schema.json). A measurement has no
// findings for SARIF to carry, so sarif gives the JSON too; the CLI refuses it for probe.
std::string render_measurement_report(const Measurement& measurement, ReportFormat format,
                                      const ReportOptions& options, std::string_view tool_version);

}  // namespace nwaudit
