// --format jamf: the one line a Jamf Pro extension attribute reads, "<result>…</result>".
#include <fmt/core.h>

#include "display_text.h"
#include "formats.h"
#include "report_model.h"

namespace nwaudit::report {
namespace {

// Jamf keeps the text between the tags as the attribute's value; causes past this many are counted.
constexpr std::size_t kCausesNamed = 4;

std::string xml_escaped(std::string_view text) {
  std::string escaped;
  for (const char c : text) {
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      default: escaped += c;
    }
  }
  return escaped;
}

}  // namespace

std::string render_jamf(const AuditResult& result) {
  std::string value = fmt::format("{} ({})", to_string(result.verdict.path), to_string(result.verdict.confidence));
  const std::vector<const Finding*> causes = cause_findings(result);
  for (std::size_t i = 0; i < causes.size() && i < kCausesNamed; ++i) {
    value += (i == 0 ? ": " : ", ") + rule_of(*causes[i]).id;
  }
  if (causes.size() > kCausesNamed) value += fmt::format(" and {} more", causes.size() - kCausesNamed);
  if (const std::size_t blind = result.verdict.blind_spots.size(); blind > 0) {
    value += fmt::format("; {} source{} not read", blind, blind == 1 ? "" : "s");
  }
  return "<result>" + xml_escaped(one_line(value)) + "</result>\n";
}

}  // namespace nwaudit::report
