#include "nwaudit/capture/pf_capture.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace nwaudit::capture {
namespace {

constexpr std::string_view kBlank = " \t";
constexpr auto npos = std::string_view::npos;

constexpr std::pair<std::string_view, PfHookKind> kHookKeywords[] = {
    {"anchor", PfHookKind::filter}, {"scrub-anchor", PfHookKind::scrub},   {"nat-anchor", PfHookKind::nat},
    {"rdr-anchor", PfHookKind::rdr}, {"binat-anchor", PfHookKind::binat}, {"dummynet-anchor", PfHookKind::dummynet},
};
constexpr std::string_view kRuleActions[] = {"pass", "block", "match", "scrub",     "nat",
                                             "no",   "rdr",   "binat", "antispoof", "dummynet"};
// What may follow "anchor" in place of a name (pfctl's grammar: the name is optional).
constexpr std::string_view kRuleOptionWords[] = {"in", "out", "on", "inet", "inet6", "proto", "from", "to", "all", "quick"};

template <std::size_t N>
bool is_one_of(std::string_view word, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

std::optional<PfHookKind> hook_kind(std::string_view word) {
  for (const auto& [keyword, kind] : kHookKeywords) {
    if (word == keyword) return kind;
  }
  return std::nullopt;
}

bool starts_rule(std::string_view word) { return hook_kind(word) || is_one_of(word, kRuleActions); }

struct Word {
  std::string_view text;
  bool quoted = false;
};

// The next word of `rest` (a "quoted" or 'quoted' string, or a run of non-blanks) and `rest` after it;
// nothing at the end of `rest` or at a quote that is not closed.
std::optional<Word> take_word(std::string_view& rest) {
  rest = trim(rest);
  if (rest.empty()) return std::nullopt;
  if (rest[0] == '"' || rest[0] == '\'') {
    const auto close = rest.find(rest[0], 1);
    if (close == npos) return std::nullopt;
    const Word word{rest.substr(1, close - 1), true};
    rest.remove_prefix(close + 1);
    return word;
  }
  const auto end = std::min(rest.find_first_of(kBlank), rest.size());
  const Word word{rest.substr(0, end), false};
  rest.remove_prefix(end);
  return word;
}

// Where the characters of `wanted` occur in `text` outside quotes.
std::vector<std::size_t> unquoted_positions(std::string_view text, std::string_view wanted) {
  std::vector<std::size_t> positions;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (quote != 0) {
      if (text[i] == quote) quote = 0;
    } else if (text[i] == '"' || text[i] == '\'') {
      quote = text[i];
    } else if (wanted.find(text[i]) != npos) {
      positions.push_back(i);
    }
  }
  return positions;
}

std::string_view strip_comment(std::string_view text) {
  const auto hashes = unquoted_positions(text, "#");
  return hashes.empty() ? text : text.substr(0, hashes.front());
}

// How deep in braces the text ends, starting at `depth`; a stray "}" does not go below zero.
std::size_t brace_depth_after(std::string_view text, std::size_t depth) {
  for (const std::size_t at : unquoted_positions(text, "{}")) {
    if (text[at] == '{') {
      ++depth;
    } else if (depth > 0) {
      --depth;
    }
  }
  return depth;
}

// A brace after the anchor's name that opens rules (`anchor "x" {`, `anchor "x" { pass all }`),
// rather than a list (`anchor "x" on { en0 en1 }`).
bool opens_inline_rules(std::string_view after_name) {
  for (const std::size_t at : unquoted_positions(after_name, "{")) {
    std::string_view inside = after_name.substr(at + 1);
    const auto first = take_word(inside);
    if (!first || first->text == "}" || starts_rule(first->text)) return true;
  }
  return false;
}

// Fills a PfRuleset from statements: one rule each, comments removed, continuation lines joined.
class RulesetReader {
 public:
  RulesetReader(PfRuleset& out, std::string_view anchor) : out_(out), anchor_(anchor) {}

  bool inside_inline_rules() const { return inline_depth_ > 0; }
  void read(std::string_view statement, std::size_t line);

 private:
  bool read_hook(PfHookKind kind, std::string_view rest, std::size_t line);
  void read_load(std::string_view rest, std::size_t line);
  void problem(std::size_t line, std::string reason) { out_.problems.push_back(line_problem(line, std::move(reason))); }

  PfRuleset& out_;
  std::string_view anchor_;
  std::size_t inline_depth_ = 0;
};

void RulesetReader::read(std::string_view statement, std::size_t line) {
  if (inline_depth_ > 0) {  // a rule of an inline anchor, not of this ruleset
    inline_depth_ = brace_depth_after(statement, inline_depth_);
    return;
  }
  std::string_view rest = statement;
  const auto first = take_word(rest);
  if (!first || first->quoted) {
    problem(line, "not a pf rule: " + quoted_excerpt(statement));
  } else if (const auto kind = hook_kind(first->text)) {
    if (read_hook(*kind, rest, line)) inline_depth_ = brace_depth_after(statement, 0);
  } else if (first->text == "load") {
    read_load(rest, line);
  } else if (is_one_of(first->text, kRuleActions)) {
    out_.rules.push_back({std::string(statement), line});
  } else {
    problem(line, "not a pf rule: " + quoted_excerpt(statement));
  }
}

// True when the hook opens inline rules.
bool RulesetReader::read_hook(PfHookKind kind, std::string_view rest, std::size_t line) {
  PfAnchorHook hook;
  hook.kind = kind;
  hook.line = line;
  std::string_view after_name = rest;
  const auto name = take_word(after_name);
  if (!name && !trim(rest).empty()) {
    problem(line, std::string(to_string(kind)) + " name has no closing quote");
    return false;
  }
  const bool named = name && (name->quoted || (!is_one_of(name->text, kRuleOptionWords) && !name->text.starts_with('{')));
  if (named) {
    hook.name = name->text;
    rest = after_name;
    if (auto resolved = resolve_anchor_path(anchor_, hook.name)) {
      hook.path = std::move(*resolved);
      hook.apple = is_apple_anchor(hook.path);
    } else {
      problem(line, "anchor " + quoted_excerpt(hook.name) + " climbs above the main ruleset");
    }
  }
  const bool inline_rules = opens_inline_rules(rest);
  if (!named && !inline_rules) {
    problem(line, std::string(to_string(kind)) + " without a name or inline rules");
    return false;
  }
  out_.anchors.push_back(std::move(hook));
  return inline_rules;
}

void RulesetReader::read_load(std::string_view rest, std::size_t line) {
  const auto anchor_word = take_word(rest);
  const auto name = take_word(rest);
  const auto from_word = take_word(rest);
  const auto file = take_word(rest);
  if (!anchor_word || anchor_word->text != "anchor" || !name || !from_word || from_word->text != "from" || !file) {
    problem(line, "expected load anchor \"name\" from \"file\"");
    return;
  }
  out_.load_anchors.push_back({std::string(name->text), std::string(file->text), line});
}

enum class PfctlLine { output, noise, message };

// What pfctl writes to stderr, which people paste with the output.
PfctlLine classify_pfctl_line(std::string_view line) {
  static constexpr std::string_view kNoise[] = {
      "No ALTQ support in kernel", "ALTQ related functions disabled",
      // pfctl -f warns in three lines
      "pfctl: Use of -f option", "present in the main ruleset added by the system", "See /etc/pf.conf for further details",
      // pfctl -E, -e, -X, -d
      "pf enabled", "pf already enabled", "pf disabled", "pf not enabled", "Token :",
  };
  if (std::any_of(std::begin(kNoise), std::end(kNoise), [&](std::string_view noise) { return line.starts_with(noise); })) {
    return PfctlLine::noise;
  }
  return line.starts_with("pfctl:") ? PfctlLine::message : PfctlLine::output;
}

bool is_anchor_path(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || std::string_view("._-/+:@").find(c) != npos;
  });
}

// `pfctl -vv` numbers its rules: "@3 anchor ...".
std::string_view without_rule_number(std::string_view line) {
  if (!line.starts_with('@')) return line;
  const auto end = std::min(line.find_first_of(kBlank), line.size());
  return parse_integer(line.substr(1, end - 1)) ? trim(line.substr(end)) : line;
}

struct Statement {
  std::string text;
  std::size_t line = 0;
};

// pf.conf joins a line that ends in a backslash with the next one. split_lines drops blank lines,
// which end a continuation; a gap in the line numbers shows where one was.
std::vector<Statement> join_continued_lines(const std::vector<Line>& lines) {
  std::vector<Statement> statements;
  bool continues = false;
  std::size_t previous = 0;
  for (const Line& line : lines) {
    std::string_view text = line.text;
    const bool next_continues = text.ends_with('\\');
    if (next_continues) text.remove_suffix(1);
    if (continues && line.number == previous + 1) {
      statements.back().text.append(" ").append(text);
    } else {
      statements.push_back({std::string(text), line.number});
    }
    continues = next_continues;
    previous = line.number;
  }
  return statements;
}

// A macro definition: name = value, where a name is a letter then letters, digits and '_'.
bool is_macro(std::string_view text) {
  const auto equals = text.find('=');
  if (equals == npos) return false;
  const std::string_view name = trim(text.substr(0, equals));
  return !name.empty() && std::isalpha(static_cast<unsigned char>(name[0])) != 0 &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
         });
}

}  // namespace

bool is_apple_anchor(std::string_view path) {
  static constexpr std::string_view kApplePrefixes[] = {"com.apple.internet-sharing", "com.apple/250.ApplicationFirewall",
                                                        "com.apple/200.AirDrop"};
  return path == "_pf" || path == "com.apple" ||
         std::any_of(std::begin(kApplePrefixes), std::end(kApplePrefixes),
                     [&](std::string_view prefix) { return path.starts_with(prefix); });
}

// pf_anchor_setup() in xnu bsd/net/pf_ruleset.c.
std::optional<std::string> resolve_anchor_path(std::string_view parent, std::string_view name) {
  std::string path;
  if (name.starts_with('/')) {
    path = name.substr(1);
  } else {
    path = parent;
    for (; name.starts_with("../"); name.remove_prefix(3)) {
      if (path.empty()) return std::nullopt;
      const auto slash = path.rfind('/');
      path.erase(slash == std::string::npos ? 0 : slash);
    }
    if (!path.empty()) path += '/';
    path += name;
  }
  if (path.ends_with("/*")) path.resize(path.size() - 2);
  return path;
}

const char* to_string(PfHookKind kind) {
  for (const auto& [keyword, hook] : kHookKeywords) {
    if (hook == kind) return keyword.data();
  }
  return "anchor";
}

PfAnchors parse_pfctl_anchors(std::string_view text) {
  PfAnchors result;
  for (const Line& line : split_lines(text)) {
    const std::string_view path = trim(line.text);
    if (is_command_echo(path, {"pfctl"})) continue;
    switch (classify_pfctl_line(path)) {
      case PfctlLine::noise: break;
      case PfctlLine::message:
        result.problems.push_back(line_problem(line.number, "pfctl reported " + quoted_excerpt(path)));
        break;
      case PfctlLine::output:
        if (is_anchor_path(path)) {
          result.anchors.push_back({std::string(path), is_apple_anchor(path), line.number});
        } else {
          result.problems.push_back(line_problem(line.number, "not an anchor path: " + quoted_excerpt(path)));
        }
        break;
    }
  }
  return result;
}

PfRuleset parse_pfctl_rules(std::string_view text, std::string_view anchor) {
  PfRuleset result;
  RulesetReader reader(result, anchor);
  for (const Line& line : split_lines(text)) {
    const std::string_view rule = without_rule_number(trim(line.text));
    if (is_command_echo(rule, {"pfctl"}) || rule.starts_with('[')) continue;  // -v adds "[ Evaluations: ... ]"
    switch (classify_pfctl_line(rule)) {
      case PfctlLine::noise: break;
      case PfctlLine::message:
        result.problems.push_back(line_problem(line.number, "pfctl reported " + quoted_excerpt(rule)));
        break;
      case PfctlLine::output: reader.read(rule, line.number); break;
    }
  }
  return result;
}

PfRuleset parse_pf_conf(std::string_view text, std::string_view anchor) {
  PfRuleset conf;
  RulesetReader reader(conf, anchor);
  for (const Statement& statement : join_continued_lines(split_lines(text))) {
    const std::string_view body = trim(strip_comment(statement.text));
    if (body.empty()) continue;
    std::string_view rest = body;
    const auto first = take_word(rest);
    const std::string_view keyword = first && !first->quoted ? first->text : std::string_view();
    // Options, tables and macros say nothing about custom rules or anchors.
    const bool other_statement = keyword == "set" || keyword == "table" || (!starts_rule(keyword) && is_macro(body));
    if (reader.inside_inline_rules()) {
      reader.read(body, statement.line);
    } else if (keyword == "include") {
      if (!take_word(rest)) conf.problems.push_back(line_problem(statement.line, "include without a file"));
    } else if (!other_statement) {
      reader.read(body, statement.line);
    }
  }
  return conf;
}

}  // namespace nwaudit::capture
