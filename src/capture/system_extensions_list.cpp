#include "nwaudit/capture/system_extensions_list.h"

#include <algorithm>
#include <utility>

namespace nwaudit::capture {
namespace {

constexpr auto npos = std::string_view::npos;

// "2 extension(s)"
bool is_count_line(const std::vector<std::string_view>& fields) {
  if (fields.size() != 2 || fields[1] != "extension(s)") return false;
  const auto count = parse_integer(fields[0]);
  return count && *count >= 0;
}

// "--- com.apple.system_extension.network_extension", which newer releases follow with
// "(Go to 'System Settings > ...' to modify these system extension(s))".
std::optional<std::string_view> section_category(std::string_view content) {
  if (!content.starts_with("---")) return std::nullopt;
  const auto fields = split_fields(content.substr(3));
  return fields.empty() ? std::string_view() : fields[0];
}

bool is_column_header(const std::vector<std::string_view>& fields) {
  return fields.size() >= 2 && fields[0] == "enabled" && fields[1] == "active";
}

std::size_t indentation(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  return first == npos ? text.size() : first;
}

// Ten uppercase letters and digits, or "-" for an extension without a team.
bool is_team_id(std::string_view text) {
  const auto team_character = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  return text == "-" || (text.size() == 10 && std::all_of(text.begin(), text.end(), team_character));
}

bool is_star_or_blank(std::string_view column) { return column.empty() || column == "*"; }

// What comes before "(version)" in a row.
struct LeadingColumns {
  bool enabled = false;
  bool active = false;
  std::string_view team_id;
  std::string_view bundle_id;
};

// "*\t*\tVBG97UB4TA\tcom.objective-see.lulu.extension ": with the tabs intact the columns are exact.
std::optional<LeadingColumns> tab_separated_columns(std::string_view text) {
  std::string_view columns[4];
  for (auto& column : columns) {
    const auto tab = text.find('\t');
    column = trim(text.substr(0, tab));
    text.remove_prefix(tab == npos ? text.size() : tab + 1);
  }
  if (!is_star_or_blank(columns[0]) || !is_star_or_blank(columns[1])) return std::nullopt;
  return LeadingColumns{columns[0] == "*", columns[1] == "*", columns[2], columns[3]};
}

// "* * VBG97UB4TA com.objective-see.lulu.extension ": tabs collapsed to spaces. The stars and the
// team ID are told apart by their shape; a lone star is placed by its indentation, since the
// enabled column starts where the column header does.
std::optional<LeadingColumns> space_separated_columns(std::string_view text, std::size_t header_indent) {
  auto tokens = split_fields(text);
  if (tokens.empty()) return std::nullopt;
  LeadingColumns columns;
  columns.bundle_id = tokens.back();
  tokens.pop_back();
  if (!tokens.empty() && tokens.back() != "*") {
    columns.team_id = tokens.back();
    tokens.pop_back();
  }
  if (tokens.size() > 2 || std::any_of(tokens.begin(), tokens.end(), [](auto token) { return token != "*"; })) {
    return std::nullopt;
  }
  const bool lone_star = tokens.size() == 1;
  const bool lone_star_is_active = lone_star && indentation(text) > header_indent;
  columns.enabled = tokens.size() == 2 || (lone_star && !lone_star_is_active);
  columns.active = tokens.size() == 2 || lone_star_is_active;
  return columns;
}

bool read_leading_columns(std::string_view text, std::size_t header_indent, SystemExtension& extension) {
  const auto columns = std::count(text.begin(), text.end(), '\t') == 3 ? tab_separated_columns(text)
                                                                        : space_separated_columns(text, header_indent);
  if (!columns || !is_dotted_name(columns->bundle_id) || !(columns->team_id.empty() || is_team_id(columns->team_id))) {
    return false;
  }
  extension.enabled = columns->enabled;
  extension.active = columns->active;
  extension.team_id = columns->team_id;
  extension.bundle_id = columns->bundle_id;
  return true;
}

// "2.4.0/2.4.0"; when the closing parenthesis was cut, only what the '/' ends is certain.
void read_versions(std::string_view text, bool complete, SystemExtension& extension) {
  const auto slash = text.find('/');
  if (slash == npos) {
    if (complete) extension.short_version = trim(text);
    return;
  }
  extension.short_version = trim(text.substr(0, slash));
  if (complete) extension.bundle_version = trim(text.substr(slash + 1));
}

// "activated enabled" -> "activated_enabled"
std::string state_name(std::string_view text) {
  std::string state;
  for (std::string_view word : split_fields(text)) {
    if (!state.empty()) state += '_';
    state += word;
  }
  return state;
}

// Found from its anchors, so that tabs collapsed to spaces do not matter: the first '(' opens the
// version, and the last '[' the state; the name lies between them.
bool read_row(std::string_view text, std::size_t header_indent, SystemExtension& extension) {
  const auto version_open = text.find('(');
  if (version_open == npos || !read_leading_columns(text.substr(0, version_open), header_indent, extension)) {
    return false;
  }
  std::string_view rest = text.substr(version_open + 1);
  const auto version_close = rest.find(')');
  read_versions(rest.substr(0, version_close), version_close != npos, extension);
  if (version_close == npos) return true;
  rest.remove_prefix(version_close + 1);
  const auto state_open = rest.rfind('[');
  if (state_open == npos) return true;  // the name may be cut
  const auto state_close = rest.find(']', state_open);
  if (state_close == npos) return true;
  extension.state = state_name(rest.substr(state_open + 1, state_close - state_open - 1));
  return true;
}

}  // namespace

SystemExtensionsList parse_system_extensions_list(std::string_view text) {
  SystemExtensionsList result;
  std::string_view category;
  std::size_t header_indent = 0;
  for (const Line& line : split_lines(text)) {
    const std::string_view content = trim(line.text);
    if (is_command_echo(content, {"systemextensionsctl"})) continue;
    const auto fields = split_fields(content);
    if (is_count_line(fields)) continue;
    if (const auto section = section_category(content)) {
      category = *section;
    } else if (is_column_header(fields)) {
      header_indent = indentation(line.text);
    } else {
      SystemExtension extension;
      extension.category = category;
      if (read_row(line.text, header_indent, extension)) {
        result.extensions.push_back(std::move(extension));
      } else {
        result.problems.push_back(line_problem(line.number, "not a system extension row: " + quoted_excerpt(content)));
      }
    }
  }
  return result;
}

}  // namespace nwaudit::capture
