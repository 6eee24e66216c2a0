#include <doctest/doctest.h>

#include "nwaudit/base/expected.h"

using nwaudit::Error;
using nwaudit::ErrorKind;
using nwaudit::Expected;

namespace {

Expected<void> checked(bool sound) {
  if (!sound) return Error{ErrorKind::malformed, "/etc/pf.conf", {}, "not sound"};
  return {};
}

}  // namespace

TEST_CASE("error: describe() names the path, then the line or location, then the reason") {
  CHECK(Error{ErrorKind::malformed, "/a.plist", {}, "bad", 12}.describe() == "/a.plist: line 12: bad");
  CHECK(Error{ErrorKind::malformed, "/a.plist", "byte offset 40", "bad"}.describe() == "/a.plist: byte offset 40: bad");
  CHECK(Error{ErrorKind::malformed, "/a.plist", "object 7", "bad", 3}.describe() == "/a.plist: line 3, object 7: bad");
  CHECK(Error{ErrorKind::io, "/a.plist", {}, "gone"}.describe() == "/a.plist: gone");
  CHECK(Error{ErrorKind::malformed, {}, {}, "not a row", 4}.describe() == "(unnamed input): line 4: not a row");
}

TEST_CASE("error: where() is the line, the location, both, or nothing") {
  CHECK(Error{ErrorKind::malformed, "/a", {}, "r", 5}.where() == "line 5");
  CHECK(Error{ErrorKind::malformed, "/a", "$top.root", "r"}.where() == "$top.root");
  CHECK(Error{ErrorKind::malformed, "/a", {}, "r"}.where().empty());
}

TEST_CASE("error: Expected<void> is success or the Error") {
  const Expected<void> sound = checked(true);
  CHECK(sound.has_value());
  CHECK(static_cast<bool>(sound));
  Expected<void> broken = checked(false);
  REQUIRE_FALSE(broken);
  CHECK(broken.error().reason == "not sound");
  const Error moved = std::move(broken).error();
  CHECK(moved.path == "/etc/pf.conf");
}
