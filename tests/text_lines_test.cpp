#include <doctest/doctest.h>

#include "nwaudit/capture/text_lines.h"

using namespace nwaudit::capture;

TEST_CASE("captured text: line endings, BOM and pasted prompts") {
  auto lines = split_lines("\xEF\xBB\xBF% kextstat\r\nfirst\r\n\r\nsecond\rthird\nuser@mac ~ % ifconfig -v\nlast");
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].text == "first");
  CHECK(lines[0].number == 2);
  CHECK(lines[1].text == "second");
  CHECK(lines[1].number == 4);
  CHECK(lines[2].text == "third");
  CHECK(lines[3].text == "last");
  CHECK(lines[3].number == 7);
  CHECK(split_lines("").empty());
  CHECK(split_lines("# pfctl -s rules\n").empty());  // a root shell's prompt
  CHECK(split_lines("#notaprompt\n").size() == 1);
}

TEST_CASE("captured text: fields split on any run of blanks") {
  auto fields = split_fields("  150\t0 0xffffff7f8\t 0x5000  com.example.kext (1.0)  ");
  REQUIRE(fields.size() == 6);
  CHECK(fields[0] == "150");
  CHECK(fields[4] == "com.example.kext");
  CHECK(fields[5] == "(1.0)");
  CHECK(split_fields(" \t ").empty());
  CHECK(trim("\t x y \t") == "x y");
}
