#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "nwaudit/audit/result.h"

namespace nwaudit::report {

// Keys stay in the order they are added, so output is stable and reads in a sensible order.
using Json = nlohmann::ordered_json;

// Indented by two spaces and ending in a newline. Bytes that are not UTF-8 (plist strings
// and captured output are not nwaudit's) become U+FFFD instead of failing the whole report.
std::string json_text(const Json& json);

// Sections that the JSON report and SARIF's run properties share.
// path, confidence, summary, causes (rule ids), blind_spots, predicted, observed, contradicted
Json verdict_json(const AuditResult& result);
Json host_json(const AuditResult::Host& host);  // product, version, build, architecture
Json redacted_json(const AuditResult& result);  // [{kind, values}]: what --redact replaced

}  // namespace nwaudit::report
