#pragma once

#include <pugixml.hpp>

#include "pseudonyms.h"

namespace nwaudit::redact {

// The facts document with its personal values replaced, in place: the attributes that hold
// names someone gave, proxies and VPN agents' names by what they are, versions kept, and the
// patterns over every other attribute and text.
void redact_facts(pugi::xml_document& facts, Pseudonyms& names);

}  // namespace nwaudit::redact
