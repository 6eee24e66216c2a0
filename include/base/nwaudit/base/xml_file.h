#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "nwaudit/base/error.h"

namespace nwaudit {

// A parsed XML knowledge file (rules, vendors) that can say where its nodes are.
class XmlFile {
 public:
  // Parses text; parse_error() is set when it is not well-formed.
  XmlFile(std::string path, std::string text);
  XmlFile(const XmlFile&) = delete;
  XmlFile& operator=(const XmlFile&) = delete;

  const std::string& path() const { return path_; }
  bool well_formed() const { return well_formed_; }
  const Error& parse_error() const { return parse_error_; }
  pugi::xml_node root() const { return document_.document_element(); }

  // An Error at the node's line: "path: line N: reason".
  Error error_at(pugi::xml_node node, std::string reason) const;
  // The node's line, from 1.
  std::size_t line_of(pugi::xml_node node) const { return line_at(node.offset_debug()); }

 private:
  std::size_t line_at(std::ptrdiff_t offset) const;
  std::string path_;
  std::string text_;
  pugi::xml_document document_;
  bool well_formed_ = false;
  Error parse_error_;
};

}  // namespace nwaudit
