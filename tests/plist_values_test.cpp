#include <doctest/doctest.h>

#include "nwaudit/plist/parse.h"
#include "nwaudit/plist/write_xml.h"
#include "plist/base64.h"
#include "plist/iso8601.h"
#include "test_support.h"

using namespace nwaudit::plist;

TEST_CASE("base64: white space is skipped, bad input refused") {
  CHECK(*decode_base64("AAEC\n\t AwQ=") == Data{0, 1, 2, 3, 4});
  CHECK(*decode_base64("") == Data{});
  CHECK(*decode_base64("YQ==") == Data{'a'});
  CHECK_FALSE(decode_base64("YQ=a"));
  CHECK_FALSE(decode_base64("Y"));
  CHECK_FALSE(decode_base64("a*b="));
  CHECK(encode_base64(Data{'a', 'b'}) == "YWI=");
  CHECK(encode_base64(Data{'a', 'b', 'c', 'd'}) == "YWJjZA==");
}

TEST_CASE("ISO 8601 dates as XML plists write them") {
  CHECK(parse_iso8601("1970-01-01T00:00:00Z")->unix_seconds == 0);
  CHECK(parse_iso8601("2001-01-01T00:00:00Z")->unix_seconds == kAppleEpochUnixSeconds);
  CHECK(parse_iso8601("2024-02-29")->unix_seconds == 1709164800);
  CHECK(parse_iso8601("2024-03-01T12:00:00.5Z")->unix_seconds == 1709294400.5);
  CHECK_FALSE(parse_iso8601("2024-13-01T00:00:00Z"));
  CHECK_FALSE(parse_iso8601("2024-03-01T12:00:00"));
  CHECK_FALSE(parse_iso8601("2024-03-01T12:00:00Z trailing"));
  CHECK(format_iso8601(Date{1709294400.9}) == "2024-03-01T12:00:00Z");
  CHECK(format_iso8601(Date{-1}) == "1969-12-31T23:59:59Z");
  CHECK(format_iso8601(Date{1e300}) == "9999-12-31T23:59:59Z");
}

TEST_CASE("values written as XML read back the same") {
  for (std::string name : {"plists/xml/all-kinds.plist", "plists/xml/real-world-forms.plist",
                           "plists/archive/every-kind.plist"}) {
    CAPTURE(name);
    auto original = parse(nwaudit::test::fixture(name), name);
    REQUIRE(original);
    auto again = parse(write_xml(*original), "written");
    REQUIRE(again);
    CHECK(*again == *original);
  }
}

TEST_CASE("value accessors say no to the wrong kind") {
  Value text("x");
  CHECK(text.kind() == Kind::string);
  CHECK_FALSE(text.integer());
  CHECK(text.dictionary() == nullptr);
  CHECK(text.find("x") == nullptr);
  CHECK(Value(std::int64_t{3}).real() == 3.0);
  CHECK(std::string(to_string(Kind::uid)) == "UID");
}
