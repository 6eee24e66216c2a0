#include "nwaudit/capture/skywalk_flows_capture.h"

#include <algorithm>
#include <cctype>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {
namespace {

// Where the fields of a table's rows are, from its header line.
struct TableColumns {
  std::optional<std::size_t> interface_field;  // index of NetIf among a row's fields
  std::optional<std::size_t> owner_column;     // where "Process" starts in the header's text
};

bool is_header(const std::vector<std::string_view>& fields) {
  if (fields.empty() || fields[0] != "Proto") return false;
  const auto has = [&](std::string_view prefix) {
    return std::any_of(fields.begin(), fields.end(), [&](std::string_view field) { return field.starts_with(prefix); });
  };
  return has("InBytes") && has("Process");
}

// "Local Address" and "Remote Address" are one column of a row each but two words of the header.
TableColumns columns_of(std::string_view header, const std::vector<std::string_view>& fields) {
  TableColumns columns;
  std::size_t extra_words = 0;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i] == "Address") ++extra_words;
    if (fields[i] == "NetIf") {
      columns.interface_field = i - extra_words;
      break;
    }
  }
  if (const auto at = header.find("Process"); at != std::string_view::npos) columns.owner_column = at;
  return columns;
}

// tcp4, udp6, quic: lower-case letters, then digits.
bool is_protocol(std::string_view word) {
  std::size_t letters = 0;
  while (letters < word.size() && std::islower(static_cast<unsigned char>(word[letters])) != 0) ++letters;
  if (letters == 0 || word.size() > 8) return false;
  return std::all_of(word.begin() + static_cast<std::ptrdiff_t>(letters), word.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// "name.pid" -> name and pid; the name may hold dots and spaces.
bool split_name_pid(std::string_view text, std::string& name, std::optional<std::int64_t>& pid) {
  const auto dot = text.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  pid = parse_integer(text.substr(dot + 1));
  if (!pid || *pid < 0) return false;
  name = trim(text.substr(0, dot));
  return !name.empty();
}

// The owner column: "nscurl.11868", or "kernel_task.0(claude.1867)".
bool read_owner(std::string_view text, SkywalkFlow& flow) {
  text = trim(text);
  std::string_view owner = text;
  if (const auto open = text.find('('); open != std::string_view::npos) {
    if (!text.ends_with(')')) return false;
    owner = text.substr(0, open);
    std::optional<std::int64_t> served_pid;
    if (!split_name_pid(text.substr(open + 1, text.size() - open - 2), flow.on_behalf_of, served_pid)) {
      flow.on_behalf_of = text.substr(open + 1, text.size() - open - 2);
    }
  }
  if (!split_name_pid(owner, flow.process, flow.pid)) return false;
  flow.kernel = flow.process == "kernel_task";
  return true;
}

// Where the owner column starts in a row: under the header's "Process" when the row has a blank
// just before it there (the columns line up), else its last field.
std::string_view owner_text(std::string_view row, const std::vector<std::string_view>& fields,
                            const TableColumns& columns) {
  if (columns.owner_column && *columns.owner_column > 0 && *columns.owner_column < row.size() &&
      (row[*columns.owner_column - 1] == ' ' || row[*columns.owner_column - 1] == '\t') &&
      row[*columns.owner_column] != ' ') {
    return row.substr(*columns.owner_column);
  }
  return fields.back();
}

}  // namespace

SkywalkFlows parse_skywalk_flows(std::string_view text) {
  SkywalkFlows result;
  bool in_table = false;
  TableColumns columns;
  for (const Line& line : split_lines(text)) {
    const auto fields = split_fields(line.text);
    if (is_header(fields)) {
      in_table = true;
      result.table_found = true;
      columns = columns_of(line.text, fields);
      continue;
    }
    if (!in_table) continue;
    if (fields.size() < 4 || !is_protocol(fields[0])) {
      in_table = false;  // the next command's output
      continue;
    }
    SkywalkFlow flow;
    flow.protocol = fields[0];
    flow.line = line.number;
    if (columns.interface_field && *columns.interface_field < fields.size()) {
      flow.interface = fields[*columns.interface_field];
    }
    if (!read_owner(owner_text(line.text, fields, columns), flow)) {
      result.problems.push_back(line_problem(line.number, "a flow row without its owner as NAME.PID at the end: " +
                                                              quoted_excerpt(trim(line.text))));
      continue;
    }
    result.flows.push_back(std::move(flow));
  }
  return result;
}

}  // namespace nwaudit::capture
