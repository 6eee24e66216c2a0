#pragma once

#include <functional>
#include <optional>
#include <string>

#include <pugixml.hpp>

#include "nwaudit/audit/result.h"
#include "nwaudit/redact/redactor.h"

namespace nwaudit::cli {

// --redact for audit and facts: the facts redacted before the rules run, so that findings are
// built from pseudonyms, and the text written redacted again with the same pseudonyms as a
// backstop. Without --redact each step hands back what it was given.
class ReportRedaction {
 public:
  explicit ReportRedaction(bool enabled) : enabled_(enabled) {}

  // The facts to audit: `facts` itself, or a redacted copy of it.
  const pugi::xml_document& facts(const pugi::xml_document& facts);

  // The report `render` makes of the result, with what was redacted in result.redacted.
  std::string report(AuditResult& result, const std::function<std::string(const AuditResult&)>& render);

  // A facts document as `nwaudit facts` prints it.
  std::string facts_xml(const std::string& xml);

 private:
  bool enabled_;
  redact::Redactor redactor_;
  pugi::xml_document redacted_;
};

}  // namespace nwaudit::cli
