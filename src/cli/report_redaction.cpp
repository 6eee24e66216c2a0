#include "report_redaction.h"

#include <sstream>

namespace nwaudit::cli {
namespace {

std::vector<AuditResult::Redacted> kinds_of(const redact::Redactor& redactor) {
  std::vector<AuditResult::Redacted> kinds;
  for (const redact::RedactedKind& kind : redactor.kinds()) kinds.push_back({kind.kind, kind.values});
  return kinds;
}

bool same_kinds(const std::vector<AuditResult::Redacted>& a, const std::vector<AuditResult::Redacted>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].kind != b[i].kind || a[i].values != b[i].values) return false;
  }
  return true;
}

}  // namespace

const pugi::xml_document& ReportRedaction::facts(const pugi::xml_document& facts) {
  if (!enabled_) return facts;
  redacted_.reset(facts);
  redactor_.facts(redacted_);
  return redacted_;
}

std::string ReportRedaction::report(AuditResult& result, const std::function<std::string(const AuditResult&)>& render) {
  if (!enabled_) return render(result);
  // The backstop may find values the facts did not hold (a measurement's addresses): the
  // report is made again until the kinds it lists are all that were replaced.
  std::string text;
  for (int round = 0; round < 3; ++round) {
    result.redacted = kinds_of(redactor_);
    text = redactor_.text(render(result));
    if (same_kinds(result.redacted, kinds_of(redactor_))) break;
  }
  return text;
}

std::string ReportRedaction::facts_xml(const std::string& xml) {
  if (!enabled_) return xml;
  pugi::xml_document document;
  if (!document.load_buffer(xml.data(), xml.size())) return redactor_.text(xml);
  redactor_.facts(document);
  std::ostringstream out;
  document.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return redactor_.text(out.str());
}

}  // namespace nwaudit::cli
