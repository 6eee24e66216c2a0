#include "facts_redaction.h"

#include <string>
#include <string_view>

#include "capture_redaction.h"
#include "personal_keys.h"
#include "text_scan.h"

namespace nwaudit::redact {
namespace {

bool is_version(std::string_view attribute) {
  return attribute.find("version") != std::string_view::npos || attribute == "build" || attribute == "major" ||
         attribute == "minor" || attribute == "patch";
}

// A name someone may have given: a service's, a bridge's, an interface's, a profile payload's setting.
bool is_label(std::string_view element, std::string_view attribute) {
  return (element == "service" && attribute == "name") || attribute == "display-name" || attribute == "setting-name";
}

std::string redacted_attribute(const pugi::xml_node& node, std::string_view attribute, std::string_view value,
                               Pseudonyms& names) {
  const std::string_view element = node.name();
  if (is_version(attribute)) {
    names.keep(value);
    return std::string(value);
  }
  if (attribute == "id") return std::string(value);
  if (is_label(element, attribute)) return redact_value(Kind::name, value, names);
  if (element == std::string_view("ne-configuration") && attribute == "name") {
    if (value == node.attribute("application-name").value()) {
      names.keep(value);
      return std::string(value);
    }
    return redact_value(Kind::name, value, names);
  }
  if ((element == std::string_view("proxy") || element == std::string_view("effective-proxy")) && attribute == "host") {
    return redact_server(value, names);
  }
  if (element == std::string_view("rule") && attribute == "text") return redact_pf_text(value, names);
  if (element == std::string_view("agent") && attribute == "description") {
    return redact_text(redact_agent_description(value, names), names);
  }
  return redact_text(value, names);
}

void redact_node(pugi::xml_node node, Pseudonyms& names) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    const std::string value = redacted_attribute(node, attribute.name(), attribute.value(), names);
    if (value != attribute.value()) attribute.set_value(value.c_str());
  }
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element) {
      redact_node(child, names);
    } else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      const std::string value = redact_text(child.value(), names);
      if (value != child.value()) child.set_value(value.c_str());
    }
  }
}

}  // namespace

void redact_facts(pugi::xml_document& facts, Pseudonyms& names) {
  for (pugi::xml_node child : facts.children()) {
    if (child.type() == pugi::node_element) redact_node(child, names);
  }
}

}  // namespace nwaudit::redact
