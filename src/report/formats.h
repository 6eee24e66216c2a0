#pragma once

#include <string>
#include <string_view>

#include "nwaudit/audit/result.h"

// One renderer per format, each in its own file; render_report() picks one.
namespace nwaudit::report {

std::string render_text(const AuditResult& result, bool color);
std::string render_json(const AuditResult& result);
std::string render_markdown(const AuditResult& result);
std::string render_sarif(const AuditResult& result);

// The report of a measurement alone, for nwaudit probe; render_measurement_report() picks one.
std::string render_measurement_text(const Measurement& measurement, bool color, std::string_view tool_version);
std::string render_measurement_json(const Measurement& measurement, std::string_view tool_version);
std::string render_measurement_markdown(const Measurement& measurement, std::string_view tool_version);

}  // namespace nwaudit::report
