#pragma once

#include <string>

#include "nwaudit/audit/result.h"

// One renderer per format, each in its own file; render_report() picks one.
namespace nwaudit::report {

std::string render_text(const AuditResult& result, bool color);
std::string render_json(const AuditResult& result);
std::string render_markdown(const AuditResult& result);
std::string render_sarif(const AuditResult& result);

}  // namespace nwaudit::report
