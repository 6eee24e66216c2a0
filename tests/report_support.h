#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "nwaudit/report/report.h"

// What the report tests share: rendering a result and looking into the text.
namespace nwaudit::test {

inline std::string render(const AuditResult& result, ReportFormat format, bool color = false) {
  ReportOptions options;
  options.color = color;
  return render_report(result, format, options);
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Each part must appear, after the one before it.
inline void check_order(const std::string& text, const std::vector<std::string>& parts) {
  std::size_t at = 0;
  for (const std::string& part : parts) {
    const std::size_t found = text.find(part, at);
    INFO("expected, in order: " << part);
    REQUIRE(found != std::string::npos);
    at = found + part.size();
  }
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return lines;
}

}  // namespace nwaudit::test
