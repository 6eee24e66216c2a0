#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "collector_registry.h"
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
  FactElement root = element(root_);
  root.set("schema", kFactsSchema);
  root.set("tool", std::string("nwaudit ").append(tool_version));
  root.set("source", source_description);
  FactElement coverage = root.add_child("coverage");
  root_declared_ = root.declaration();
  coverage_ = coverage.node();
  coverage_declared_ = coverage.declaration();
}

FactElement Facts::coverage() { return FactElement(coverage_, coverage_declared_, *this); }

FactElement Facts::add(std::string_view name) {
  return FactElement(root_, root_declared_, *this)
      .child_element(root_.insert_child_before(std::string(name).c_str(), coverage_));
}

FactElement Facts::element(pugi::xml_node node) {
  const std::string path = element_path(node);
  const DeclaredElement* declared = facts_contract().element(path);
  if (declared == nullptr) note_contract_breach(path + " is not declared");
  return FactElement(node, declared, *this);
}

FactElement Facts::record_read(std::string_view collector, std::string_view path) {
  FactElement entry = coverage().add_child("source");
  entry.set("collector", collector);
  entry.set("path", path);
  entry.set("status", "read");
  return entry;
}

void Facts::record_problem(std::string_view collector, const Error& error) {
  FactElement entry = coverage().add_child("source");
  entry.set("collector", collector);
  entry.set("path", error.path);
  entry.set("status", coverage_status(error.kind));
  entry.set("problem", to_string(error.kind));
  const std::string where = error.where();
  entry.set("reason", where.empty() ? error.reason : where + ": " + error.reason);
}

void Facts::note_contract_breach(std::string breach) {
#ifndef NDEBUG
  std::fprintf(stderr, "nwaudit: the facts contract does not allow this write: %s\n", breach.c_str());
  std::abort();
#endif
  contract_breaches_.push_back(std::move(breach));
}

std::string Facts::to_xml() {
  std::ostringstream out;
  document_.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

Expected<pugi::xml_document> load_facts_document(std::string_view text, const std::string& path) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(text.data(), text.size());
  if (!parsed) return Error{ErrorKind::malformed, path, {}, std::string("not well-formed XML: ") + parsed.description()};
  const pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) != "facts" || std::string_view(root.attribute("schema").value()) != "1") {
    return Error{ErrorKind::malformed, path, {}, "not an nwaudit facts document (expected <facts schema=\"1\">)"};
  }
  return document;
}

namespace collector {
namespace {

constexpr contract::Attribute kRoot[] = {
    {"schema", contract::Type::integer, "the document's version: 1; it changes only when a fact changes meaning"},
    {"tool", contract::Type::text, "the nwaudit that wrote it: \"nwaudit VERSION\""},
    {"source", contract::Type::text, "what was read: the root folder of a snapshot, or the live system"},
};
constexpr contract::Element kRootElements[] = {
    {"/facts", "the root: one child per thing found, then the coverage", "", kRoot},
};

constexpr std::string_view kStatuses[] = {"read", "missing", "unreadable", "broken"};
constexpr std::string_view kProblems[] = {"not-found", "permission-denied", "wrong-type", "too-large",
                                          "link-loop", "malformed", "io-error"};
constexpr contract::Attribute kSource[] = {
    {"collector", contract::Type::text, "the collector that tried to read it"},
    {"path", contract::Type::path, "the file or capture on the Mac"},
    {"status", contract::Type::enumeration, "whether it was read, and if not, why", kStatuses},
    {"problem", contract::Type::enumeration, "the kind of failure, when it was not read", kProblems},
    {"reason", contract::Type::text, "why it was not read, with the line or byte offset when known"},
};
constexpr contract::Attribute kProblem[] = {
    {"line", contract::Type::integer, "the line of a capture it is about, when there is one"},
    {"reason", contract::Type::text, "what could not be used, in words"},
};
constexpr contract::Element kCoverage[] = {
    {"/facts/coverage", "every source a collector tried to read, read or not", "", {}},
    {"/facts/coverage/source", "one source a collector tried", "", kSource},
    {"/facts/coverage/source/problem", "a part of a source that was read but could not be used", "", kProblem},
};

}  // namespace

const contract::Part document_contract{"document", kRootElements};
const contract::Part coverage_contract{"coverage", kCoverage};

}  // namespace collector
}  // namespace nwaudit
