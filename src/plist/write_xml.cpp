#include "nwaudit/plist/write_xml.h"

#include <cmath>
#include <fmt/format.h>
#include <pugixml.hpp>
#include <sstream>

#include "base64.h"
#include "iso8601.h"

namespace nwaudit::plist {
namespace {

std::string real_text(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "+infinity" : "-infinity";
  return fmt::format("{}", value);  // shortest text that reads back as the same double
}

void append(pugi::xml_node parent, const Value& value) {
  switch (value.kind()) {
    case Kind::dictionary: {
      pugi::xml_node node = parent.append_child("dict");
      for (const auto& [key, member] : *value.dictionary()) {
        node.append_child("key").text().set(key.c_str());
        append(node, member);
      }
      return;
    }
    case Kind::array: {
      pugi::xml_node node = parent.append_child("array");
      for (const Value& member : *value.array()) append(node, member);
      return;
    }
    case Kind::string: parent.append_child("string").text().set(value.string()->c_str()); return;
    case Kind::integer: parent.append_child("integer").text().set(std::to_string(*value.integer()).c_str()); return;
    case Kind::real: parent.append_child("real").text().set(real_text(*value.real()).c_str()); return;
    case Kind::boolean: parent.append_child(*value.boolean() ? "true" : "false"); return;
    case Kind::date: parent.append_child("date").text().set(format_iso8601(*value.date()).c_str()); return;
    case Kind::data: parent.append_child("data").text().set(encode_base64(*value.data()).c_str()); return;
    case Kind::uid: {
      pugi::xml_node node = parent.append_child("dict");
      node.append_child("key").text().set("CF$UID");
      node.append_child("integer").text().set(std::to_string(value.uid()->index).c_str());
      return;
    }
  }
}

}  // namespace

std::string write_xml(const Value& value) {
  pugi::xml_document document;
  pugi::xml_node declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  pugi::xml_node doctype = document.append_child(pugi::node_doctype);
  doctype.set_value(R"(plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd")");
  pugi::xml_node plist = document.append_child("plist");
  plist.append_attribute("version") = "1.0";
  append(plist, value);
  std::ostringstream out;
  document.save(out, "\t", pugi::format_indent | pugi::format_no_declaration);
  return out.str();
}

}  // namespace nwaudit::plist
