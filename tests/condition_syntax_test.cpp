// The condition reader behind the cost bound: it must read every expression pugixml compiles,
// and read it as pugixml does (which operator binds tighter, where a step starts).
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "rules/condition_syntax.h"

using namespace nwaudit;

namespace {

bool pugixml_compiles(const char* condition) {
  try {
    pugi::xpath_query query(condition);
    return true;
  } catch (const pugi::xpath_exception&) {
    return false;
  }
}

}  // namespace

TEST_CASE("condition syntax: whatever pugixml compiles is read") {
  const char* conditions[] = {
      "/facts/kext[@apple='false'][@socket-filter='true'][@loaded='true']",
      "/facts/kernel[@netagent='false' or number(@socket-flows) > number(@nexus-flows)] | /facts/os[12 > number(@major)]",
      "/facts/system-extension[not(@id = /facts/ne-configuration/@provider)]",
      "//kext[count(//*) > 0]", "/", "//*", "//@*", ".", "..", "./kext", "../facts", "/facts/*/@id",
      "descendant-or-self::node()/child::kext", "ancestor::*[1]", "following-sibling::kext[last()]",
      "preceding::node()", "namespace::*", "attribute::id", "self::node()", "//text()", "//comment()",
      "//processing-instruction('x')", "//processing-instruction()", "//a:b", "//a:*", "//@a:b",
      "/facts/and", "/facts/or[div]", "/facts/mod/div", "//kext[1 * 2 = 2]", "//kext[@a * 2 = 2]",
      "//kext[* = 'x']", "//*[-1 < - - @a]", "//kext[.5 = 0.5][1. = 1]", "//kext[\"a'b\" = 'a\"b']",
      "(//kext)[1]", "(//kext | //interface)[@id][2]/@id", "(//kext)//@*", "id('x')", "id('x')/kext",
      "//kext[concat(@a, 'b', @c) = substring(@d, 1, 2)]", "//kext[translate(@id, 'abc', 'ABC') != '']",
      "//kext[string-length() > normalize-space()]", "//kext[lang('en')][sum(@*) >= floor(1.5)]",
      "//kext[contains(string(.), substring-before(@a, '.')) and starts-with(name(), local-name(..))]",
      "//kext[namespace-uri() = namespace-uri(/)][ceiling(round(position())) <= last()]",
      "//kext[boolean(true()) and not(false())]", "//kext [ @id ] / @ id", "\t//kext\n[@id]\r",
      "//kext[@id = 'a' or @id = 'b' and @id != @c | @d]", "//kext[@a = @b = @c]",
      "//\xc3\xa9l\xc3\xa9ment[@\xc3\xa9t\xc3\xa9]",
  };
  for (const char* condition : conditions) {
    INFO(condition);
    REQUIRE(pugixml_compiles(condition));
    CHECK(parse_condition(condition));
  }
}

TEST_CASE("condition syntax: what pugixml refuses with no variables bound is not read") {
  for (const char* condition : {"$x", "//kext[@id = $id]", "//kext[", "//kext[@id = 'x]", "//kext!", "a::b"}) {
    INFO(condition);
    CHECK_FALSE(pugixml_compiles(condition));
    CHECK_FALSE(parse_condition(condition));
  }
}

TEST_CASE("condition syntax: read as pugixml reads it") {
  // `or` binds loosest, `|` tightest; a condition stops at a NUL, as pugixml reads a C string.
  auto condition = parse_condition("//kext[@a = 'x' or @b | @c = 'y']");
  REQUIRE(condition);
  REQUIRE(condition->steps.size() == 2);
  CHECK(condition->start == Expression::PathStart::root);
  CHECK(condition->steps[0].axis == Axis::descendant_or_self);
  CHECK(condition->steps[1].name == "kext");
  const Expression& either = condition->steps[1].predicates.at(0);
  CHECK(either.text == "or");
  const Expression& right = either.operands.at(1);
  CHECK(right.text == "=");
  CHECK(right.operands.at(0).text == "|");
  CHECK(right.operands.at(0).type == ValueType::node_set);

  auto product = parse_condition("//kext[* * 2 = 4 div 2]");
  REQUIRE(product);
  const Expression& equality = product->steps[1].predicates.at(0);
  CHECK(equality.operands.at(0).text == "*");
  CHECK(equality.operands.at(0).operands.at(0).steps.at(0).test == NodeTest::any_name);
  CHECK(equality.operands.at(1).text == "div");

  auto filtered = parse_condition("(//kext)[1]/@id");
  REQUIRE(filtered);
  CHECK(filtered->start == Expression::PathStart::operand);
  CHECK(filtered->filters.size() == 1);
  CHECK(filtered->steps.at(0).axis == Axis::attribute);

  auto cut = parse_condition(std::string_view("//kext\0[", 8));
  REQUIRE(cut);
  CHECK(cut->steps.size() == 2);
}

TEST_CASE("condition syntax: nesting as deep as pugixml allows is read") {
  const std::string parentheses = std::string(1000, '(') + "//kext" + std::string(1000, ')');
  const std::string predicates = [] {
    std::string text = "//kext";
    for (int level = 0; level < 400; ++level) text += "[kext";
    return text + std::string(400, ']');
  }();
  for (const std::string& condition : {parentheses, predicates}) {
    REQUIRE(pugixml_compiles(condition.c_str()));
    CHECK(parse_condition(condition));
  }
}
