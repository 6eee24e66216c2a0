#include <algorithm>

#include "comparison_formats.h"
#include "comparison_wording.h"
#include "display_text.h"
#include "nwaudit/report/comparison_report.h"
#include "report_text.h"
#include "text_blocks.h"
#include "text_wrap.h"

namespace nwaudit::report {
namespace {

constexpr std::size_t kLabelWidth = 13;
constexpr std::size_t kColumnWidth = 32;

std::string padded(const std::string& text, std::size_t width) {
  const std::size_t used = display_width(text);
  return used >= width ? text + " " : text + std::string(width - used, ' ');
}

// Each item its own tokens, wrapped to the column; items are separated by commas.
std::vector<std::string> column_lines(const std::vector<std::string>& items) {
  std::vector<std::string> tokens;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::vector<std::string> words = split_words(one_line(items[i]));
    if (i + 1 < items.size() && !words.empty()) words.back() += ",";
    tokens.insert(tokens.end(), words.begin(), words.end());
  }
  return wrap_tokens(tokens, kColumnWidth);
}

void write_table(TextOutput& out, const Comparison& comparison) {
  std::string table = padded("", kLabelWidth) + padded("A", kColumnWidth + 2) + "B\n";
  for (const ComparisonRow& row : side_by_side(comparison)) {
    const std::vector<std::string> a = column_lines(row.a);
    const std::vector<std::string> b = column_lines(row.b);
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
      std::string line = padded(i == 0 ? row.label : "", kLabelWidth) +
                         padded(i < a.size() ? a[i] : "", kColumnWidth + 2) + (i < b.size() ? b[i] : "");
      while (!line.empty() && line.back() == ' ') line.pop_back();
      table += line + "\n";
    }
  }
  table.pop_back();
  out.verbatim(0, table);
}

}  // namespace

std::string render_comparison_text(const Comparison& comparison, bool color, std::string_view tool_version) {
  TextOutput out(color);
  const std::vector<std::string> answer = comparison_answer(comparison);
  for (std::size_t i = 0; i < answer.size(); ++i) {
    out.paragraph(0, answer[i], {}, i == 0 ? Tone::bold : Tone::plain);
  }
  out.blank();
  write_table(out, comparison);
  if (!comparison.causes.empty()) {
    out.blank();
    out.heading(0, kCausesHeading);
    for (std::size_t i = 0; i < comparison.causes.size(); ++i) {
      const CauseDifference& cause = comparison.causes[i];
      const std::string number = std::to_string(i + 1) + ". ";
      out.paragraph(2, statement(cause), number);
      std::vector<std::string> rules = cause.rules;
      out.tokens(2 + number.size(), rules, "Rules: ");
    }
  }
  if (!comparison.confidence.empty()) {
    out.blank();
    out.heading(0, kConfidenceHeading);
    for (const ConfidenceDifference& difference : comparison.confidence) out.paragraph(2, difference.sentence, "- ");
  }
  if (!comparison.facts.empty()) {
    out.blank();
    out.heading(0, kOtherHeading);
    for (const FactGroup& group : fact_groups(comparison)) {
      out.heading(2, group.group);
      for (const FactDifference* difference : group.differences) {
        out.paragraph(4, fact_difference_line(*difference), "- ");
      }
    }
  }
  if (!comparison.not_compared.empty()) {
    out.blank();
    out.heading(0, kNotComparedHeading);
    for (const std::string& note : comparison.not_compared) out.paragraph(2, note, "- ");
  }
  out.blank();
  out.paragraph(0, "A: " + comparison.a->result.source);
  out.paragraph(0, "B: " + comparison.b->result.source);
  out.heading(0, footer_line(tool_version, "diff of A and B"), Tone::dim);
  return out.text();
}

}  // namespace nwaudit::report
