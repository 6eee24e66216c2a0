#include "comparison_wording.h"

#include <algorithm>

#include <fmt/core.h>

#include "nwaudit/report/comparison_report.h"
#include "report_model.h"
#include "report_text.h"

namespace nwaudit::report {
namespace {

std::string_view uses_phrase(NetworkPath path) {
  switch (path) {
    case NetworkPath::user_space: return "uses user-space networking";
    case NetworkPath::sockets: return "uses one socket per connection";
    case NetworkPath::mixed: return "uses sockets for some connections";
    case NetworkPath::unknown: return "cannot be judged";
  }
  return "cannot be judged";
}

const AuditedMac& mac_of(const Comparison& comparison, Side side) {
  return side == Side::a ? *comparison.a : *comparison.b;
}

std::size_t causes_on(const Comparison& comparison, Side side) {
  return static_cast<std::size_t>(std::count_if(comparison.causes.begin(), comparison.causes.end(),
                                                [&](const CauseDifference& cause) { return cause.side == side; }));
}

std::string because_line(const Comparison& comparison, Side side) {
  const AuditedMac& mac = mac_of(comparison, side);
  const auto first = std::find_if(comparison.causes.begin(), comparison.causes.end(),
                                  [&](const CauseDifference& cause) { return cause.side == side; });
  std::string elsewhere = first->elsewhere;
  while (!elsewhere.empty() && elsewhere.back() == '.') elsewhere.pop_back();
  std::string line = fmt::format("{} {} because {}; {}", side_name(side), uses_phrase(mac.result.verdict.path),
                                 first->what, elsewhere);
  const std::size_t more = causes_on(comparison, side) - 1;
  if (more > 0) line += fmt::format(" ({} more cause{} on {} only, below)", more, more == 1 ? "" : "s", side_name(side));
  return line + ".";
}

std::string plain_line(const Comparison& comparison, Side side) {
  const AuditedMac& mac = mac_of(comparison, side);
  const Verdict& verdict = mac.result.verdict;
  if (verdict.causes.empty() && verdict.path == NetworkPath::user_space) {
    return fmt::format("{} uses user-space networking: nwaudit found nothing on it that turns it off.", side_name(side));
  }
  return fmt::format("{} {}{}.", side_name(side), uses_phrase(verdict.path),
                     verdict.causes.empty() ? "" : ", for causes both Macs share");
}

std::vector<std::string> verdict_cell(const AuditResult& result) {
  return {std::string(to_string(result.verdict.path)) + " (" + to_string(result.verdict.confidence) + ")"};
}

std::vector<std::string> causes_cell(const AuditResult& result) {
  std::vector<std::string> causes;
  for (const Finding* cause : cause_findings(result)) {
    const std::string& id = rule_of(*cause).id;
    const bool named = !cause->subject.empty() && cause->subject != cause->evidence_element;
    causes.push_back(named ? id + " (" + cause->subject + ")" : id);
  }
  if (causes.empty()) causes.push_back("none");
  return causes;
}

std::vector<std::string> read_cell(const Verdict& verdict) {
  return {fmt::format("{} of {} sources", verdict.sources_read, verdict.sources_sought)};
}

}  // namespace

std::vector<ComparisonRow> side_by_side(const Comparison& comparison) {
  const AuditResult& a = comparison.a->result;
  const AuditResult& b = comparison.b->result;
  auto blind = [](const AuditResult& result) {
    return result.verdict.blind_spots.empty() ? std::vector<std::string>{"none"} : result.verdict.blind_spots;
  };
  return {{"Mac", {comparison.a->name}, {comparison.b->name}},
          {"Verdict", verdict_cell(a), verdict_cell(b)},
          {"Decided by", {to_string(a.verdict.basis)}, {to_string(b.verdict.basis)}},
          {"Causes", causes_cell(a), causes_cell(b)},
          {"Blind spots", blind(a), blind(b)},
          {"Read", read_cell(a.verdict), read_cell(b.verdict)},
          {"System", {host_phrase(a.host)}, {host_phrase(b.host)}}};
}

std::string fact_difference_line(const FactDifference& difference) {
  if (difference.side != Side::both) return fmt::format("only on {}: {}", side_name(difference.side), difference.element);
  std::string changes;
  auto shown = [](const std::string& value) { return value.empty() ? std::string("(none)") : value; };
  for (const AttributeChange& change : difference.changes) {
    changes += fmt::format("{}{} {} on A, {} on B", changes.empty() ? "" : "; ", change.name, shown(change.a), shown(change.b));
  }
  return difference.element + ": " + changes;
}

std::vector<FactGroup> fact_groups(const Comparison& comparison) {
  std::vector<FactGroup> groups;
  for (const FactDifference& difference : comparison.facts) {
    if (groups.empty() || groups.back().group != difference.group) groups.push_back({difference.group, {}});
    groups.back().differences.push_back(&difference);
  }
  return groups;
}

}  // namespace nwaudit::report

namespace nwaudit {

std::vector<std::string> comparison_answer(const Comparison& comparison) {
  const Verdict& a = comparison.a->result.verdict;
  const Verdict& b = comparison.b->result.verdict;
  if (comparison.equal()) {
    std::vector<std::string> lines{fmt::format("A and B reach the same verdict, {} ({} confidence), for the same causes.",
                                               report::path_phrase(a.path), to_string(a.confidence))};
    if (!comparison.confidence.empty() || !comparison.facts.empty()) lines.push_back("What else differs does not change it.");
    return lines;
  }
  std::vector<Side> sides{Side::a, Side::b};
  std::stable_partition(sides.begin(), sides.end(), [&](Side side) {
    return (side == Side::a ? a : b).path != NetworkPath::user_space && report::causes_on(comparison, side) > 0;
  });
  std::vector<std::string> lines;
  for (const Side side : sides) {
    lines.push_back(report::causes_on(comparison, side) > 0 ? report::because_line(comparison, side)
                                                             : report::plain_line(comparison, side));
  }
  if (comparison.causes.empty()) {
    lines.push_back(fmt::format("Their causes are the same, but A's verdict is {} ({}) and B's {} ({}): see what "
                                "lowers confidence.", to_string(a.path), to_string(a.confidence), to_string(b.path),
                                to_string(b.confidence)));
  }
  return lines;
}

}  // namespace nwaudit
