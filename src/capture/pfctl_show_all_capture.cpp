#include "nwaudit/capture/pfctl_show_all_capture.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "nwaudit/capture/pfctl_command_anchor.h"
#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {
namespace {

// "# pfctl -a com.apple -s all" (the older script), "# /sbin/pfctl -l -s all -a com.apple" (the
// newer collector): a command header. split_lines would drop it as a pasted "# " prompt.
bool is_command_header(std::string_view line) {
  line = trim(line);
  if (!line.starts_with('#')) return false;
  for (std::string_view word : split_fields(line.substr(1))) {
    if (word == "pfctl" || word.ends_with("/pfctl")) return true;
  }
  return false;
}

bool lists_all(std::string_view header) {
  const auto words = split_fields(header);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "-sall" || (words[i] == "-s" && i + 1 < words.size() && words[i + 1] == "all")) return true;
  }
  return false;
}

// "FILTER RULES:", "INFO:", "OS FINGERPRINTS:": the titles pfctl -s all prints above each part.
bool is_title(std::string_view line) {
  line = trim(line);
  return line.size() >= 2 && line.back() == ':' && std::all_of(line.begin(), line.end() - 1, [](char c) {
           return std::isupper(static_cast<unsigned char>(c)) != 0 || c == ' ';
         });
}

void shift_lines(std::vector<Error>& problems, std::size_t offset) {
  for (Error& problem : problems) problem.line += offset;
}

class ShowAllReader {
 public:
  void read(std::string_view line, std::size_t number);
  PfShowAll finish();

 private:
  void close_section();

  PfShowAll result_;
  bool in_section_ = true;  // a capture without headers is one listing of the main ruleset
  bool saw_title_ = false;
  bool in_rules_ = false;
  std::string anchor_;
  std::size_t header_line_ = 0;
  std::size_t first_line_ = 1;
  std::string rules_text_;  // one line per line of the section, those outside rule parts blank
};

void ShowAllReader::read(std::string_view line, std::size_t number) {
  if (is_command_header(line)) {
    close_section();
    in_section_ = lists_all(line);
    saw_title_ = in_rules_ = false;
    anchor_ = pfctl_command_anchor(trim(line).substr(1));
    header_line_ = number;
    first_line_ = number + 1;
    rules_text_.clear();
    return;
  }
  if (!in_section_) return;
  if (is_title(line)) {
    saw_title_ = true;
    in_rules_ = trim(line).ends_with("RULES:");
  } else if (in_rules_) {
    rules_text_.append(line);
  } else if (trim(line).starts_with("pfctl:")) {
    result_.problems.push_back(line_problem(number, "pfctl reported " + quoted_excerpt(trim(line))));
  }
  rules_text_.push_back('\n');
}

void ShowAllReader::close_section() {
  if (!in_section_ || !saw_title_) return;
  PfShowAllSection section;
  section.anchor = anchor_;
  section.line = header_line_;
  section.ruleset = parse_pfctl_rules(rules_text_, anchor_);
  const std::size_t offset = first_line_ - 1;
  for (auto& hook : section.ruleset.anchors) hook.line += offset;
  for (auto& load : section.ruleset.load_anchors) load.line += offset;
  for (auto& rule : section.ruleset.rules) rule.line += offset;
  shift_lines(section.ruleset.problems, offset);
  std::move(section.ruleset.problems.begin(), section.ruleset.problems.end(), std::back_inserter(result_.problems));
  section.ruleset.problems.clear();
  result_.sections.push_back(std::move(section));
}

PfShowAll ShowAllReader::finish() {
  close_section();
  std::stable_sort(result_.problems.begin(), result_.problems.end(),
                   [](const Error& a, const Error& b) { return a.line < b.line; });
  return std::move(result_);
}

}  // namespace

PfShowAll parse_pfctl_show_all(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  ShowAllReader reader;
  std::size_t number = 0;
  // Lines end as split_lines ends them (LF, CRLF, a lone CR), so that the numbers match its own.
  while (!text.empty()) {
    std::size_t end = 0;
    while (end < text.size() && text[end] != '\r' && text[end] != '\n') ++end;
    reader.read(text.substr(0, end), ++number);
    if (end == text.size()) break;
    const bool crlf = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n';
    text.remove_prefix(end + (crlf ? 2 : 1));
  }
  return reader.finish();
}

}  // namespace nwaudit::capture
