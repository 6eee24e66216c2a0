#include "text_blocks.h"

#include <algorithm>

#include "display_text.h"
#include "report_text.h"
#include "text_wrap.h"

namespace nwaudit::report {
namespace {

std::string_view ansi(Tone tone) {
  switch (tone) {
    case Tone::plain: return "";
    case Tone::bold: return "\x1b[1m";
    case Tone::dim: return "\x1b[2m";
    case Tone::red: return "\x1b[31m";
    case Tone::bold_red: return "\x1b[1;31m";
    case Tone::yellow: return "\x1b[33m";
    case Tone::green: return "\x1b[32m";
    case Tone::cyan: return "\x1b[36m";
  }
  return "";
}

std::size_t wrap_width(std::size_t indent, std::string_view label) {
  const std::size_t used = indent + display_width(label);
  return used + 20 < kTextWidth ? kTextWidth - used : 20;
}

}  // namespace

Tone path_tone(NetworkPath path) {
  switch (path) {
    case NetworkPath::user_space: return Tone::green;
    case NetworkPath::sockets: return Tone::bold_red;
    case NetworkPath::mixed: return Tone::yellow;
    case NetworkPath::unknown: return Tone::yellow;
  }
  return Tone::bold;
}

std::string TextOutput::paint(std::string_view text, Tone tone) const {
  if (!color_ || tone == Tone::plain || text.empty()) return std::string(text);
  return std::string(ansi(tone)) + std::string(text) + "\x1b[0m";
}

void TextOutput::lines(std::size_t indent, const std::vector<std::string>& lines, std::string_view label,
                       Tone label_tone) {
  const std::string shown_label = displayable(label);
  const std::string hanging(indent + display_width(shown_label), ' ');
  bool first = true;
  for (const std::string& line : lines) {
    if (first) out_ += std::string(indent, ' ') + paint(shown_label, label_tone);
    else if (!line.empty()) out_ += hanging;
    out_ += line;
    // A label with nothing after it ("Subject: ") keeps no trailing blank.
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    out_ += '\n';
    first = false;
  }
}

void TextOutput::paragraph(std::size_t indent, std::string_view text, std::string_view label, Tone label_tone) {
  lines(indent, wrap_words(displayable(text), wrap_width(indent, displayable(label))), label, label_tone);
}

void TextOutput::tokens(std::size_t indent, const std::vector<std::string>& tokens, std::string_view label) {
  std::vector<std::string> shown;
  shown.reserve(tokens.size());
  for (const std::string& token : tokens) shown.push_back(one_line(token));
  std::vector<std::string> wrapped = wrap_tokens(shown, wrap_width(indent, displayable(label)));
  if (wrapped.empty()) wrapped.emplace_back();
  lines(indent, wrapped, label, Tone::plain);
}

void TextOutput::verbatim(std::size_t indent, std::string_view text, std::string_view label) {
  std::vector<std::string> split;
  const std::string shown = displayable(text);
  for (std::size_t at = 0; at <= shown.size();) {
    const std::size_t end = std::min(shown.find('\n', at), shown.size());
    split.push_back(shown.substr(at, end - at));
    at = end + 1;
  }
  lines(indent, split, label, Tone::plain);
}

void TextOutput::heading(std::size_t indent, std::string_view text, Tone tone) {
  out_ += std::string(indent, ' ') + paint(one_line(text), tone) + '\n';
}

void TextOutput::blank() { out_ += '\n'; }

void write_fixes(TextOutput& out, std::size_t indent, const std::vector<Fix>& fixes, ShownOnce* shown) {
  for (const FixGroup& group : fixes_by_audience(fixes)) {
    out.heading(indent, fixes_heading(group.audience) + ":");
    for (const Fix* fix : group.fixes) {
      const bool in_full = shown == nullptr || shown->first_time(*fix);
      std::vector<std::string> title = split_words(fix->title);
      const std::string needs = needs_label(*fix);
      if (!needs.empty()) title.push_back("[" + needs + "]");
      if (!in_full) title.emplace_back("(as above)");
      out.tokens(indent + 2, title, "- ");
      if (!in_full) continue;
      if (!fix->description.empty()) out.paragraph(indent + 4, fix->description);
      if (!fix->command.empty()) out.verbatim(indent + 4, fix->command, "Run: ");
      if (!fix->side_effects.empty()) out.paragraph(indent + 4, fix->side_effects, "Side effects: ");
    }
  }
}

void write_references(TextOutput& out, std::size_t indent, const std::vector<Reference>& references, ShownOnce* shown) {
  std::size_t repeated = 0;
  for (const Reference& reference : references) {
    if (shown != nullptr && !shown->first_time(reference)) {
      ++repeated;
      continue;
    }
    out.paragraph(indent, reference.url.empty() ? reference.title : reference.title + " <" + reference.url + ">",
                  "See: ");
  }
  if (repeated > 0) {
    out.paragraph(indent, std::to_string(repeated) + (repeated == 1 ? " reference" : " references") + " given above",
                  "See also: ");
  }
}

}  // namespace nwaudit::report
