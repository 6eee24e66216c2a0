#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/base/expected.h"

namespace nwaudit {

// A parsed XML knowledge file (rules, vendors) that can say where its nodes are.
class XmlFile {
 public:
  // The file, or an Error at the line where the text stops being well-formed XML.
  static Expected<XmlFile> parse(std::string path, std::string text);
  XmlFile(XmlFile&&) = default;
  XmlFile& operator=(XmlFile&&) = default;

  const std::string& path() const { return path_; }
  pugi::xml_node root() const { return document_.document_element(); }

  // An Error at the node's line: "path: line N: reason".
  Error error_at(pugi::xml_node node, std::string reason) const;
  // The node's line, from 1.
  std::size_t line_of(pugi::xml_node node) const { return line_at(node.offset_debug()); }

 private:
  XmlFile(std::string path, std::string text);
  std::size_t line_at(std::ptrdiff_t offset) const;
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_ends_;  // the offset of every newline, in order
  pugi::xml_document document_;
};

}  // namespace nwaudit
