#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/base/network_path.h"
#include "nwaudit/rules/rule.h"
#include "report_model.h"

// Building blocks of plain-text output, shared by the text report and SARIF's help texts.
namespace nwaudit::report {

inline constexpr std::size_t kTextWidth = 80;

enum class Tone { plain, bold, dim, red, bold_red, yellow, green, cyan };

// The colour of a verdict or an observation: green for user space, red for sockets, yellow otherwise.
Tone path_tone(NetworkPath path);

// Accumulates lines of text. Everything passed in is made displayable(); ANSI colour is added
// only when the output was created with colour on.
class TextOutput {
 public:
  explicit TextOutput(bool color) : color_(color) {}

  // `text` wrapped to kTextWidth, after `indent` spaces and an optional label; continuation
  // lines are indented past the label.
  void paragraph(std::size_t indent, std::string_view text, std::string_view label = {}, Tone label_tone = Tone::plain);
  // The same with the lines made of whole tokens (e.g. "name=value" pairs).
  void tokens(std::size_t indent, const std::vector<std::string>& tokens, std::string_view label = {});
  // Each line of `text` as it is, never wrapped (commands must survive copy and paste).
  void verbatim(std::size_t indent, std::string_view text, std::string_view label = {});
  // One line in one tone, not wrapped.
  void heading(std::size_t indent, std::string_view text, Tone tone = Tone::bold);
  void blank();

  std::string paint(std::string_view text, Tone tone) const;
  const std::string& text() const { return out_; }

 private:
  void lines(std::size_t indent, const std::vector<std::string>& lines, std::string_view label, Tone label_tone);

  bool color_;
  std::string out_;
};

// The fixes grouped as "Fixes on the Mac" and "Fixes in the app", each with what it needs,
// its description, command and side effects. With `shown`, a fix shown before is only named.
void write_fixes(TextOutput& out, std::size_t indent, const std::vector<Fix>& fixes, ShownOnce* shown = nullptr);

// "See: title <url>", one per reference. With `shown`, those shown before are only counted.
void write_references(TextOutput& out, std::size_t indent, const std::vector<Reference>& references,
                      ShownOnce* shown = nullptr);

}  // namespace nwaudit::report
