#include <sstream>

#include "xml_text.h"
#include "nwaudit/facts/facts.h"

namespace nwaudit {
namespace {

const char* coverage_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::not_found: return "missing";
    case ErrorKind::permission_denied: return "unreadable";
    default: return "broken";
  }
}

}  // namespace

Facts::Facts(std::string_view tool_version, std::string_view source_description) {
  root_ = document_.append_child("facts");
  root_.append_attribute("schema") = 1;
  root_.append_attribute("tool") = std::string("nwaudit ").append(tool_version).c_str();
  root_.append_attribute("source") = std::string(source_description).c_str();
  coverage_ = root_.append_child("coverage");
}

pugi::xml_node Facts::add(const char* element) { return root_.insert_child_before(element, coverage_); }

pugi::xml_node Facts::record_read(std::string_view collector, std::string_view path) {
  pugi::xml_node entry = coverage_.append_child("source");
  entry.append_attribute("collector") = std::string(collector).c_str();
  entry.append_attribute("path") = std::string(path).c_str();
  entry.append_attribute("status") = "read";
  return entry;
}

void Facts::record_problem(std::string_view collector, const Error& error) {
  pugi::xml_node entry = coverage_.append_child("source");
  entry.append_attribute("collector") = std::string(collector).c_str();
  entry.append_attribute("path") = error.path.c_str();
  entry.append_attribute("status") = coverage_status(error.kind);
  entry.append_attribute("problem") = to_string(error.kind);
  entry.append_attribute("reason") = (error.location.empty() ? error.reason : error.location + ": " + error.reason).c_str();
}

void Facts::make_valid() { make_valid_xml(root_); }

std::string Facts::to_xml() {
  make_valid();
  std::ostringstream out;
  document_.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

std::optional<Error> load_facts_document(std::string_view text, const std::string& path, pugi::xml_document& document) {
  const pugi::xml_parse_result parsed = document.load_buffer(text.data(), text.size());
  if (!parsed) return Error{ErrorKind::malformed, path, {}, std::string("not well-formed XML: ") + parsed.description()};
  const pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) != "facts" || std::string_view(root.attribute("schema").value()) != "1") {
    return Error{ErrorKind::malformed, path, {}, "not an nwaudit facts document (expected <facts schema=\"1\">)"};
  }
  return std::nullopt;
}

}  // namespace nwaudit
