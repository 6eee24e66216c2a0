#pragma once

#include <string>
#include <utility>
#include <vector>

#include "nwaudit/rules/rule.h"

namespace nwaudit {

// One rule matched against one element of the facts.
struct Finding {
  const Rule* rule = nullptr;     // the rule's id, title, cause, effect, severity, fixes, references
  Confidence confidence = Confidence::low;  // the rule's, lowered when a probe contradicts it
  std::string subject;            // what it is about: the element's id, name or path ("at.obdev.nke.LittleSnitch")
  std::string message;            // the rule's message, placeholders filled
  std::vector<Fix> fixes;         // the rule's fixes, placeholders filled
  std::vector<std::pair<std::string, std::string>> evidence;  // the element's attributes, in document order
  std::string evidence_element;   // the element's name: "kext", "kernel", ...
  std::string source;             // the Mac path the evidence came from (the element's, or its ancestor's, @source)
  // Set when stronger evidence says the opposite (the kernel's captured state): what that likely
  // means and what to check. Such a finding is shown, never counted as a cause.
  std::string contradicted_by;    // "kernel"; empty when not contradicted
  std::string contradiction;
};

}  // namespace nwaudit
