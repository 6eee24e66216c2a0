#include "nwaudit/compare/audited_mac.h"

#include "nwaudit/audit/audit.h"

namespace nwaudit {

SavedKind saved_kind(std::string_view first_bytes) {
  if (first_bytes.starts_with("\xEF\xBB\xBF")) first_bytes.remove_prefix(3);
  const std::size_t start = first_bytes.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return SavedKind::neither;
  if (first_bytes[start] == '<') return SavedKind::facts_document;
  if (first_bytes[start] == '{') return SavedKind::json_report;
  return SavedKind::neither;
}

AuditedMac audit_facts(std::string name, pugi::xml_document facts, const std::vector<Rule>& rules) {
  AuditedMac mac;
  mac.name = std::move(name);
  mac.result = run_audit(facts, rules);
  mac.facts = std::move(facts);
  return mac;
}

}  // namespace nwaudit
