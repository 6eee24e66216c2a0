#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "nwaudit/macho/macho_imports.h"
#include "nwaudit/macho/network_kpis.h"
#include "nwaudit/base/limits.h"
#include "nwaudit/source/rooted_source.h"
#include "test_support.h"

using namespace nwaudit;
using namespace nwaudit::macho;
using nwaudit::test::fixture;
using Strings = std::vector<std::string>;

namespace {

// A file held in memory, counting the bytes read from it.
class MemoryFile final : public RandomAccessFile {
 public:
  explicit MemoryFile(std::string bytes, std::string path = "/memory/kext")
      : bytes_(std::move(bytes)), path_(std::move(path)) {}

  std::uint64_t size() const override { return bytes_.size(); }
  Expected<std::string> read_at(std::uint64_t offset, std::size_t length) const override {
    if (offset > bytes_.size() || length > bytes_.size() - offset) {
      return Error{ErrorKind::malformed, path_, "byte offset " + std::to_string(offset), "read past the end"};
    }
    bytes_read_ += length;
    return bytes_.substr(static_cast<std::size_t>(offset), length);
  }
  const std::string& path() const override { return path_; }

  std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  std::string bytes_;
  std::string path_;
  mutable std::uint64_t bytes_read_ = 0;
};

Expected<MachOImports> scan_fixture(const std::string& name) {
  auto source = RootedSource::open(nwaudit::test::fixture_path("macho"));
  REQUIRE(source);
  auto file = (*source)->open_file("/" + name);
  REQUIRE(file);
  return scan_imports(**file);
}

MachOImports imports_of(const std::string& name) {
  auto imports = scan_fixture(name);
  if (!imports) FAIL(imports.error().describe());
  return *std::move(imports);
}

Error error_of(const std::string& bytes) {
  auto imports = scan_imports(MemoryFile(bytes));
  REQUIRE_FALSE(imports);
  CHECK(imports.error().path == "/memory/kext");
  return imports.error();
}

Strings capabilities_of(const MachOImports& imports) {
  Strings named;
  for (const NetworkKpi& kpi : network_kpis_in(imports.imported_symbols)) {
    named.push_back(kpi.symbol + " " + to_string(kpi.capability));
  }
  return named;
}

void put(std::string& bytes, std::size_t at, std::uint64_t value, std::size_t size, bool big_endian) {
  for (std::size_t i = 0; i < size; ++i) {
    const std::size_t shift = 8 * (big_endian ? size - 1 - i : i);
    bytes[at + i] = static_cast<char>((value >> shift) & 0xFF);
  }
}

void append(std::string& bytes, std::uint64_t value, std::size_t size, bool big_endian) {
  bytes.resize(bytes.size() + size);
  put(bytes, bytes.size() - size, value, size, big_endian);
}

struct TestSymbol {
  std::string name;
  unsigned type;  // n_type
  std::uint64_t value = 0;
};

struct TestImage {
  bool wide = true;
  bool big_endian = false;
  std::uint32_t cputype = 0x01000007;
  std::uint32_t cpusubtype = 3;
  std::vector<TestSymbol> symbols;
};

// A Mach-O kext image with one load command, LC_SYMTAB, followed by its symbols and their names.
std::string build(const TestImage& image) {
  const bool big = image.big_endian;
  const std::uint64_t header_size = image.wide ? 32 : 28;
  const std::uint64_t entry_size = image.wide ? 16 : 12;
  const std::uint64_t symbols_at = header_size + 24;
  std::string strings(1, '\0');
  std::string bytes;
  append(bytes, image.wide ? 0xfeedfacf : 0xfeedface, 4, big);
  for (std::uint64_t field : {std::uint64_t{image.cputype}, std::uint64_t{image.cpusubtype}, std::uint64_t{0xb},
                              std::uint64_t{1}, std::uint64_t{24}, std::uint64_t{0}}) {
    append(bytes, field, 4, big);
  }
  if (image.wide) append(bytes, 0, 4, big);
  const std::uint64_t strings_at = symbols_at + image.symbols.size() * entry_size;
  std::uint64_t strings_size = 1;
  for (const TestSymbol& symbol : image.symbols) strings_size += symbol.name.size() + 1;
  for (std::uint64_t field : {std::uint64_t{2}, std::uint64_t{24}, symbols_at, std::uint64_t{image.symbols.size()},
                              strings_at, strings_size}) {
    append(bytes, field, 4, big);
  }
  for (const TestSymbol& symbol : image.symbols) {
    append(bytes, strings.size(), 4, big);
    append(bytes, symbol.type, 1, big);
    append(bytes, 0, 1, big);  // n_sect
    append(bytes, 0, 2, big);  // n_desc
    append(bytes, symbol.value, image.wide ? 8 : 4, big);
    strings += symbol.name + '\0';
  }
  return bytes + strings;
}

}  // namespace

TEST_CASE("mach-o: a universal socket filter with a kernel control") {
  const MachOImports imports = imports_of("socket-filter-universal");
  CHECK(imports.architectures == Strings{"x86_64", "arm64e"});
  CHECK(imports.imported_symbols == Strings{"ctl_register", "sflt_register"});
  CHECK(capabilities_of(imports) == Strings{"ctl_register kernel-control", "sflt_register socket-filter"});
}

TEST_CASE("mach-o: a thin x86_64 tunnel") {
  const MachOImports imports = imports_of("tun-x86_64");
  CHECK(imports.architectures == Strings{"x86_64"});
  CHECK(capabilities_of(imports) == Strings{"ctl_register kernel-control", "ifnet_allocate_extended creates-interface",
                                            "ifnet_attach creates-interface"});
}

TEST_CASE("mach-o: a thin 32-bit IP filter") {
  const MachOImports imports = imports_of("ipfilter-i386");
  CHECK(imports.architectures == Strings{"i386"});
  CHECK(imports.imported_symbols == Strings{"ipf_addv4"});
  CHECK(capabilities_of(imports) == Strings{"ipf_addv4 ip-filter"});
}

TEST_CASE("mach-o: a kext without network KPIs") {
  const MachOImports imports = imports_of("plain-arm64");
  CHECK(imports.architectures == Strings{"arm64"});
  CHECK(imports.imported_symbols == Strings{"OSMalloc", "OSMalloc_Tagalloc"});
  CHECK(network_kpis_in(imports.imported_symbols).empty());
}

TEST_CASE("mach-o: a universal file with 64-bit architecture entries") {
  const MachOImports imports = imports_of("plain-universal64");
  CHECK(imports.architectures == Strings{"x86_64", "arm64"});
  CHECK(imports.imported_symbols == Strings{"OSMalloc", "OSMalloc_Tagalloc"});
}

TEST_CASE("mach-o: only undefined external symbols are imports") {
  TestImage image;
  image.symbols = {
      {"_imported", 0x01},                  // N_UNDF | N_EXT
      {"_defined", 0x0f},                   // N_SECT | N_EXT
      {"_local_undefined", 0x00},           // N_UNDF without N_EXT
      {"_debugger_entry", 0x24},            // N_FUN, a stab
      {"_common", 0x01, 16},                // a common symbol: undefined with a size
      {"no_underscore", 0x01},
      {"_imported", 0x01},
      {"", 0x01},
  };
  for (bool wide : {true, false}) {
    CAPTURE(wide);
    image.wide = wide;
    auto imports = scan_imports(MemoryFile(build(image)));
    REQUIRE(imports);
    CHECK(imports->imported_symbols == Strings{"imported", "no_underscore"});
  }
}

TEST_CASE("mach-o: big-endian images, as PowerPC slices of old universal files") {
  TestImage image;
  image.wide = false;
  image.big_endian = true;
  image.cputype = 18;
  image.cpusubtype = 0;
  image.symbols = {{"_ipf_addv6", 0x01}};
  auto imports = scan_imports(MemoryFile(build(image)));
  REQUIRE(imports);
  CHECK(imports->architectures == Strings{"ppc"});
  CHECK(capabilities_of(*imports) == Strings{"ipf_addv6 ip-filter"});
}

TEST_CASE("mach-o: architecture names") {
  struct Case {
    bool wide;
    std::uint32_t cputype;
    std::uint32_t cpusubtype;
    std::string name;
  };
  const std::vector<Case> cases = {
      {true, 0x0100000c, 0x80000002, "arm64e"},  // with a feature flag in the subtype's high byte
      {true, 0x0100000c, 0, "arm64"},
      {true, 0x01000007, 8, "x86_64h"},
      {false, 12, 9, "armv7"},
      {true, 0x01000012, 0, "ppc64"},
      {true, 0x01000099, 0, "cpu-0x1000099"},
  };
  for (const Case& known : cases) {
    TestImage image;
    image.wide = known.wide;
    image.cputype = known.cputype;
    image.cpusubtype = known.cpusubtype;
    auto imports = scan_imports(MemoryFile(build(image)));
    REQUIRE(imports);
    CHECK(imports->architectures == Strings{known.name});
  }
}

TEST_CASE("mach-o: network KPIs and their names") {
  const auto kpis = network_kpis_in({"OSMalloc", "ctl_register", "iflt_attach", "ifnet_allocate",
                                     "ifnet_allocate_internal", "ipf_addv6", "sflt_register_internal"});
  REQUIRE(kpis.size() == 4);
  CHECK(kpis[0].symbol == "ctl_register");
  CHECK(kpis[0].capability == NetworkCapability::kernel_control);
  CHECK(kpis[1].capability == NetworkCapability::interface_filter);
  CHECK(kpis[2].capability == NetworkCapability::creates_interface);
  CHECK(kpis[3].capability == NetworkCapability::ip_filter);
  CHECK(std::string(to_string(NetworkCapability::socket_filter)) == "socket-filter");
  CHECK(std::string(to_string(NetworkCapability::ip_filter)) == "ip-filter");
  CHECK(std::string(to_string(NetworkCapability::interface_filter)) == "interface-filter");
  CHECK(std::string(to_string(NetworkCapability::creates_interface)) == "creates-interface");
  CHECK(std::string(to_string(NetworkCapability::kernel_control)) == "kernel-control");
}

TEST_CASE("mach-o: broken fixtures give errors naming the file and the byte") {
  struct Expectation {
    std::string name;
    ErrorKind kind;
    std::string location;
    std::string reason;
  };
  const std::vector<Expectation> expectations = {
      {"truncated-header", ErrorKind::malformed, "byte offset 0",
       "truncated: the Mach-O header needs 32 bytes, the file has 20"},
      {"cmdsize-zero", ErrorKind::malformed, "byte offset 268",
       "load command 1 has size 0, less than its own 8-byte header"},
      {"ncmds-huge", ErrorKind::too_large, "byte offset 16", "4294967295 load commands, over the limit of 4096"},
      {"symtab-past-end", ErrorKind::malformed, "byte offset 288",
       "LC_SYMTAB's 6 symbols (96 bytes at offset 696) run past the end of the 696-byte file"},
      {"string-offset-past-strsize", ErrorKind::malformed, "byte offset 560",
       "symbol 3's name starts at 104, past the end of the 88-byte string table"},
      {"string-unterminated", ErrorKind::malformed, "byte offset 620",
       "symbol 3's name is not terminated inside the string table"},
      {"fat-nfat-1000", ErrorKind::too_large, "byte offset 4",
       "the universal header lists 1000 architectures, over the limit of 16"},
      {"fat-slice-past-end", ErrorKind::malformed, "byte offset 36",
       "slice 1 (arm64e): 17080 bytes at offset 16384 run past the end of the 17080-byte file"},
      {"not-macho", ErrorKind::malformed, "byte offset 0", "not a Mach-O file (magic 0x23212f62)"},
  };
  for (const Expectation& expected : expectations) {
    CAPTURE(expected.name);
    auto imports = scan_fixture("broken/" + expected.name);
    REQUIRE_FALSE(imports);
    const Error& error = imports.error();
    CHECK(error.path == "/broken/" + expected.name);
    CHECK(error.kind == expected.kind);
    CHECK(error.location == expected.location);
    CHECK(error.reason == expected.reason);
  }
}

TEST_CASE("mach-o: counts and sizes are checked before anything is read") {
  TestImage image;
  image.symbols = {{"_sflt_register", 0x01}};
  const std::string good = build(image);

  std::string commands_too_many = good;
  put(commands_too_many, 16, 1000, 4, false);
  CHECK(error_of(commands_too_many).reason == "1000 load commands cannot fit in 24 bytes of load commands");

  std::string commands_past_end = good;
  put(commands_past_end, 20, 4096, 4, false);
  CHECK(error_of(commands_past_end).reason.find("run past the end of the") != std::string::npos);

  std::string symbols_too_many = good;
  put(symbols_too_many, 32 + 12, limits::kMaxSymbols + 1, 4, false);
  const Error too_many = error_of(symbols_too_many);
  CHECK(too_many.kind == ErrorKind::too_large);
  CHECK(too_many.location == "byte offset 44");

  std::string strings_past_end = good;
  put(strings_past_end, 32 + 20, 0xFFFFFFFF, 4, false);
  CHECK(error_of(strings_past_end).location == "byte offset 48");

  std::string symtab_cut_short = good;
  put(symtab_cut_short, 32 + 4, 16, 4, false);
  put(symtab_cut_short, 20, 16, 4, false);
  CHECK(error_of(symtab_cut_short).reason == "load command 0 (LC_SYMTAB) has size 16, less than 24");

  std::string universal_empty = fixture("macho/socket-filter-universal");
  put(universal_empty, 4, 0, 4, true);
  CHECK(error_of(universal_empty).reason == "the universal header lists no architectures");

  std::string slice_not_macho = fixture("macho/socket-filter-universal");
  put(slice_not_macho, 16384, 0xcafebabe, 4, true);
  CHECK(error_of(slice_not_macho).reason == "slice 1 (arm64e): not a Mach-O slice (magic 0xcafebabe)");

  CHECK(error_of("").reason == "truncated: 0 bytes is too short for a Mach-O file");
  CHECK(error_of("\xca\xfe\xba\xbe").location == "byte offset 0");
}

TEST_CASE("mach-o: every truncation of the universal fixture is an error, never a crash") {
  const std::string whole = fixture("macho/socket-filter-universal");
  const std::size_t arm64e_slice = 16384;
  for (std::size_t length = 0; length < whole.size(); length += (length < 4096 || length >= arm64e_slice) ? 1 : 61) {
    CAPTURE(length);
    auto imports = scan_imports(MemoryFile(whole.substr(0, length)));
    REQUIRE_FALSE(imports);  // the last slice ends at the end of the file, so every cut removes part of it
    CHECK(imports.error().location.find("byte offset ") == 0);
  }
}

TEST_CASE("mach-o: every single-byte corruption of the thin fixtures is handled") {
  for (const char* name : {"tun-x86_64", "ipfilter-i386"}) {
    const std::string whole = fixture(std::string("macho/") + name);
    for (std::size_t at = 0; at < whole.size(); ++at) {
      for (int replacement : {0x00, 0x01, 0x7F, 0x80, 0xFF}) {
        std::string damaged = whole;
        damaged[at] = static_cast<char>(replacement);
        auto imports = scan_imports(MemoryFile(damaged));  // a value or an error; sanitizers catch anything worse
        if (!imports) CHECK(imports.error().location.find("byte offset ") == 0);
      }
    }
  }
}

TEST_CASE("mach-o: scanning reads the headers and symbol tables, not the whole file") {
  const std::string padded = fixture("macho/socket-filter-universal") + std::string(8u << 20, '\0');
  const MemoryFile file(padded);
  auto imports = scan_imports(file);
  REQUIRE(imports);
  CHECK(imports->imported_symbols == Strings{"ctl_register", "sflt_register"});
  CHECK(file.bytes_read() < 16 * 1024);
}
