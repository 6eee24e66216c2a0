#pragma once

#include <string>
#include <string_view>

#include "nwaudit/audit/result.h"
#include "nwaudit/report/report.h"

// One renderer per format, each in its own file; render_report() picks one.
namespace nwaudit::report {

std::string render_text(const AuditResult& result, bool color);
std::string render_json(const AuditResult& result, bool brief = false);  // brief: marked "brief"
std::string render_markdown(const AuditResult& result);
std::string render_sarif(const AuditResult& result);
// One line each: the fleet formats.
std::string render_ndjson(const AuditResult& result, const ReportOptions::Run& run);
std::string render_jamf(const AuditResult& result);

// --brief: the verdict, its causes with their first fix, and what was not read. JSON and SARIF
// render brief_result(); text and Markdown have a shape of their own.
std::string render_brief_text(const AuditResult& result, bool color);
std::string render_brief_markdown(const AuditResult& result);
// How many causes a brief names so that its text fits in kBriefLines (brief_wording.h).
std::size_t brief_causes_shown(const AuditResult& result);

// The report of a measurement alone, for nwaudit probe; render_measurement_report() picks one.
std::string render_measurement_text(const Measurement& measurement, bool color, std::string_view tool_version);
std::string render_measurement_json(const Measurement& measurement, std::string_view tool_version);
std::string render_measurement_markdown(const Measurement& measurement, std::string_view tool_version);

}  // namespace nwaudit::report
