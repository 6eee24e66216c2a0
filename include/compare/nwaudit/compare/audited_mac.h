#pragma once

#include <deque>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/audit/result.h"
#include "nwaudit/base/expected.h"
#include "nwaudit/rules/rule.h"

namespace nwaudit {

// One side of a comparison: a Mac audited now from its facts, or a saved JSON report of one.
// Not copyable: the result's findings point into the rules it was audited with.
struct AuditedMac {
  std::string name;    // as the user named it: a folder, an archive, a file
  AuditResult result;
  // The facts the audit read. A saved report has none: of it only the host, the verdict, the
  // findings and the coverage are known.
  std::optional<pugi::xml_document> facts;
  bool brief = false;  // a report made with --brief: its findings are the verdict's causes only
  std::deque<Rule> report_rules;  // a saved report's rules, rebuilt from its findings

  AuditedMac() = default;
  AuditedMac(AuditedMac&&) = default;
  AuditedMac& operator=(AuditedMac&&) = default;
  AuditedMac(const AuditedMac&) = delete;
  AuditedMac& operator=(const AuditedMac&) = delete;
};

// What a file given to `nwaudit diff` holds, from its first bytes (after blanks and a UTF-8 BOM).
enum class SavedKind {
  facts_document,  // XML: `nwaudit facts` output, whose root must be <facts>
  json_report,     // JSON: `nwaudit audit --format json` output, schema "nwaudit-report/1"
  neither,         // anything else: a Mac's folder or an archive of one
};
SavedKind saved_kind(std::string_view first_bytes);

// Audits a facts document now with `rules`, which must outlive the result.
AuditedMac audit_facts(std::string name, pugi::xml_document facts, const std::vector<Rule>& rules);

// A saved JSON report (schema "nwaudit-report/1") read back; an Error naming `path` and the
// key at fault when it is not one.
Expected<AuditedMac> read_saved_report(std::string name, std::string_view json, const std::string& path);

}  // namespace nwaudit
