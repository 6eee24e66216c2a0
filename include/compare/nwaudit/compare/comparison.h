#pragma once

#include <string>
#include <vector>

#include "nwaudit/compare/audited_mac.h"

namespace nwaudit {

// Where a difference is: only on A, only on B, or on both with different values.
enum class Side { a, b, both };
const char* side_name(Side side);  // "A", "B", "both"
Side other_side(Side side);        // a <-> b; both stays both

// A cause of one side's verdict that is not one of the other's, in words a user reads.
// statement(): "The kext com.example.vpn is loaded only on B: A does not have it."
struct CauseDifference {
  Side side = Side::a;             // where it is a cause
  std::string what;                // "the kext com.example.vpn (VPN by Example) is loaded"
  std::string elsewhere;           // "A does not have it", "on A it is installed but not loaded"
  std::vector<std::string> rules;  // the rules that make it a cause there
};

// What one side could not read or is less sure of, where the other is not.
struct ConfidenceDifference {
  Side side = Side::a;
  std::string sentence;  // "B could not read /x (missing: why), which could change its verdict."
};

// One attribute that differs between the two sides' same element; empty when absent.
struct AttributeChange {
  std::string name;
  std::string a, b;
};

// Any other difference, grouped by the data source it comes from: an element only on one
// side, or the same element with different attributes; or a finding only on one side.
struct FactDifference {
  std::string group;    // the collector that wrote it ("kexts", "os", ...), or "findings"
  std::string element;  // in words: "kext com.example.vpn", "interface en0, agent Skywalk FlowSwitch"
  Side side = Side::both;
  std::vector<AttributeChange> changes;  // side both only
};

// Two audited Macs, side by side, and what differs, ranked by what matters for the verdict.
// Points to the two sides, which must outlive it.
struct Comparison {
  const AuditedMac* a = nullptr;
  const AuditedMac* b = nullptr;
  bool same_verdict = false;  // path and confidence
  bool same_causes = false;   // the same rules with the same subjects
  std::vector<CauseDifference> causes;          // A's then B's; on each side, what can be acted on first
  std::vector<ConfidenceDifference> confidence; // blind spots first, then other sources not read
  std::vector<FactDifference> facts;            // findings first, then by data source in document order
  std::vector<std::string> not_compared;        // what cannot be compared, and why

  bool equal() const { return same_verdict && same_causes; }
};

Comparison compare(const AuditedMac& a, const AuditedMac& b);

// "The kext com.example.vpn is loaded only on B: A does not have it."
std::string statement(const CauseDifference& difference);

}  // namespace nwaudit
