#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/base/expected.h"
#include "nwaudit/facts/fact_element.h"

namespace nwaudit {

// The facts document under construction: one XML element per thing found, and a
// coverage entry for every source a collector tried to read. See nwaudit-facts(5).
class Facts {
 public:
  Facts(std::string_view tool_version, std::string_view source_description);
  // The nodes kept below point into the document, so a Facts stays where it was made.
  Facts(const Facts&) = delete;
  Facts& operator=(const Facts&) = delete;

  // A new child of <facts>; collectors add their elements here, before <coverage>.
  FactElement add(std::string_view element);
  // An element already in the document, to write more to it.
  FactElement element(pugi::xml_node node);

  // Coverage: what a collector read, and what it could not, with why. The entry of a
  // source that was read can take <problem line="" reason=""/> children for parts that
  // could not be understood.
  FactElement record_read(std::string_view collector, std::string_view path);
  void record_problem(std::string_view collector, const Error& error);

  // What was written that the facts contract does not allow (FactElement); tests expect none.
  void note_contract_breach(std::string breach);
  const std::vector<std::string>& contract_breaches() const { return contract_breaches_; }

  const pugi::xml_document& document() const { return document_; }
  pugi::xml_node root() { return root_; }
  // The document as text.
  std::string to_xml();

 private:
  FactElement coverage();

  pugi::xml_document document_;
  pugi::xml_node root_;
  pugi::xml_node coverage_;
  // Their declarations, looked up once.
  const DeclaredElement* root_declared_;
  const DeclaredElement* coverage_declared_;
  std::vector<std::string> contract_breaches_;
};

// Reads a facts document that `nwaudit facts` saved; the Error (naming `path`) when the text
// is not well-formed XML or not <facts schema="1">.
Expected<pugi::xml_document> load_facts_document(std::string_view text, const std::string& path);

}  // namespace nwaudit
