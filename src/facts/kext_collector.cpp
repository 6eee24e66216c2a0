#include <array>
#include <atomic>
#include <optional>
#include <vector>
#include <map>
#include <string>

#include "nwaudit/capture/loaded_kexts.h"
#include "collector_registry.h"
#include "collector_support.h"
#include "loaded_kexts_plist.h"
#include "nwaudit/macho/macho_imports.h"
#include "nwaudit/macho/network_kpis.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/base/atomic_budget.h"
#include "nwaudit/base/limits.h"
#include "nwaudit/base/parallel_in_order.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "kexts";

// Where kext bundles are installed, and whether everything there is Apple's.
struct KextDirectory {
  const char* path;
  const char* location;
  bool apple;
};
constexpr std::array<KextDirectory, 4> kDirectories{{
    {"/Library/Extensions", "library", false},
    {"/Library/StagedExtensions", "staged", false},
    {"/Library/Apple/System/Library/Extensions", "apple-library", true},
    {"/System/Library/Extensions", "system", true},
}};

constexpr std::array<macho::NetworkCapability, 5> kCapabilities{
    macho::NetworkCapability::socket_filter, macho::NetworkCapability::ip_filter,
    macho::NetworkCapability::interface_filter, macho::NetworkCapability::creates_interface,
    macho::NetworkCapability::kernel_control};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool is_apple(const KextDirectory& directory, std::string_view identifier) {
  return directory.apple || identifier.rfind("com.apple.", 0) == 0;
}

// A bundle whose executable is scanned: a third-party kext with code.
bool scans_executable(const KextDirectory& directory, std::string_view identifier, std::string_view executable) {
  return !is_apple(directory, identifier) && !executable.empty();
}

std::string_view text_at(const plist::Value& dictionary, std::string_view key) {
  const plist::Value* value = dictionary.find(key);
  const std::string* text = value == nullptr ? nullptr : value->string();
  return text == nullptr ? std::string_view() : std::string_view(*text);
}

constexpr std::string_view kInfoKeys[] = {"CFBundleIdentifier", "CFBundleExecutable", "CFBundleVersion", "CFBundleName"};

// What reading a bundle from the source gives, before any of it goes into the facts; it is
// read on any thread, and recorded in the order of the folders' listings on the collector's.
struct BundleReading {
  std::string info_path;  // its Contents/Info.plist
  Expected<plist::Value> info;
  std::string executable_path;                           // its Contents/MacOS/EXECUTABLE, when scanned
  std::optional<Expected<macho::MachOImports>> imports;  // when its executable is scanned
  std::string plugins_path;                              // its Contents/PlugIns
  Expected<std::vector<DirectoryEntry>> plugins;
  // Its plug-in kexts' readings, in the order of `plugins`, when they were read with it.
  std::vector<BundleReading> plugin_readings;
};

// How many more bundles may be read ahead of the collector, shared by the threads reading.
using ReadAheadBudget = std::atomic<std::size_t>;

Expected<macho::MachOImports> scan_imports_of(const Source& source, const std::string& path) {
  auto file = source.open_file(path);
  if (!file) return std::move(file).error();
  return macho::scan_imports(**file);
}

// Reads a bundle as the collector records it: its Info.plist, then its executable, then its
// PlugIns folder, the last two only when the Info.plist could be read; with a budget, also its
// plug-ins' bundles while the budget lasts.
BundleReading read_bundle(const Source& source, const std::string& bundle, const KextDirectory& directory,
                          std::size_t plugin_depth, ReadAheadBudget* budget) {
  std::string info_path = bundle + "/Contents/Info.plist";
  auto info = collector::read_plist_value(source, info_path, kInfoKeys);
  BundleReading reading{std::move(info_path), std::move(info), {}, {}, {}, std::vector<DirectoryEntry>(), {}};
  if (!reading.info) return reading;
  const std::string_view executable = text_at(*reading.info, "CFBundleExecutable");
  if (scans_executable(directory, text_at(*reading.info, "CFBundleIdentifier"), executable)) {
    reading.executable_path = std::string(bundle).append("/Contents/MacOS/").append(executable);
    reading.imports = scan_imports_of(source, reading.executable_path);
  }
  reading.plugins_path = bundle + "/Contents/PlugIns";
  reading.plugins = source.list_directory(reading.plugins_path);
  if (budget == nullptr || !reading.plugins || plugin_depth == limits::kMaxPlugInDepth) return reading;
  for (const DirectoryEntry& entry : *reading.plugins) {
    if (!ends_with(entry.name, ".kext")) continue;
    if (!take_from(*budget, std::size_t{1})) {
      reading.plugin_readings.clear();
      break;
    }
    reading.plugin_readings.push_back(
        read_bundle(source, reading.plugins_path + "/" + entry.name, directory, plugin_depth + 1, budget));
  }
  return reading;
}

class KextCollector {
 public:
  KextCollector(const Source& source, Facts& facts, unsigned threads)
      : source_(source), facts_(facts), threads_(threads) {}

  // The folders are listed first, on this thread; then the bundles found are read on up to
  // `threads` threads and recorded here in that order, as one thread reading them would.
  void run() {
    for (const KextDirectory& directory : kDirectories) {
      const std::size_t depth = std::string_view(directory.location) == "staged" ? limits::kMaxStagedDepth : 1;
      find_bundles(directory.path, directory, depth, true);
    }
    ReadAheadBudget budget{limits::kMaxKexts};
    std::size_t step = 0;
    for_each_in_order<BundleReading>(
        bundles_.size(), threads_,
        [&](std::size_t index) {
          const FoundBundle& found = bundles_[index];
          return read_bundle(source_, found.path, *found.directory, 1, threads_ > 1 ? &budget : nullptr);
        },
        [&](std::size_t index, BundleReading& reading) {
          for (; steps_[step].bundle != index; ++step) record_problem(steps_[step]);
          ++step;
          add_bundle(bundles_[index].path, *bundles_[index].directory, 1, &reading);
        });
    for (; step < steps_.size(); ++step) record_problem(steps_[step]);
    mark_loaded();
  }

 private:
  struct FoundBundle {
    std::string path;
    const KextDirectory* directory;
  };
  // What the search of the folders came upon, in order: a bundle, or a problem to record.
  struct Step {
    std::size_t bundle = kNoBundle;  // its index in bundles_
    std::optional<Error> problem;
    bool too_deep = false;  // the problem is a folder not searched for its depth
  };
  static constexpr std::size_t kNoBundle = static_cast<std::size_t>(-1);

  // Looks for *.kext below `path`, `depth` levels down.
  void find_bundles(const std::string& path, const KextDirectory& directory, std::size_t depth, bool top_level) {
    auto entries = source_.list_directory(path);
    if (!entries) {
      if (top_level || entries.error().kind != ErrorKind::not_found) steps_.push_back({kNoBundle, entries.error()});
      return;
    }
    for (const DirectoryEntry& entry : *entries) {
      const std::string child = path + "/" + entry.name;
      if (ends_with(entry.name, ".kext")) {
        // Each is at least one bundle, so the rest would not be examined.
        if (bundles_.size() > limits::kMaxKexts) continue;
        steps_.push_back({bundles_.size(), {}});
        bundles_.push_back({child, &directory});
      } else if (entry.type != FileType::directory) {
        continue;
      } else if (depth > 1) {
        find_bundles(child, directory, depth - 1, false);
      } else if (!top_level) {
        steps_.push_back({kNoBundle,
                          too_deep_error(child, "folder levels below " + std::string(directory.path),
                                         limits::kMaxStagedDepth),
                          true});
      }
    }
  }

  void record_problem(const Step& step) {
    if (step.too_deep) {
      note_too_deep(*step.problem, noted_staged_depth_);
    } else {
      facts_.record_problem(kCollector, *step.problem);
    }
  }

  static Error too_deep_error(const std::string& path, const std::string& levels, std::size_t limit) {
    return Error{ErrorKind::too_large, path, {}, "not searched: more than " + std::to_string(limit) + " " + levels};
  }

  // The first folder that was not searched because it lies too deep; `noted` keeps it the first.
  void note_too_deep(const Error& error, bool& noted) {
    if (noted) return;
    noted = true;
    facts_.record_problem(kCollector, error);
  }

  // `plugin_depth` is 1 for a bundle in a kext folder, 2 for one in its Contents/PlugIns, ...
  // `reading` is the bundle's when it was read ahead.
  void add_bundle(const std::string& bundle, const KextDirectory& directory, std::size_t plugin_depth,
                  BundleReading* reading) {
    if (++bundles_seen_ > limits::kMaxKexts) {
      if (bundles_seen_ == limits::kMaxKexts + 1) {
        facts_.record_problem(kCollector, Error{ErrorKind::too_large, bundle, {},
                                                "more than " + std::to_string(limits::kMaxKexts) +
                                                    " kext bundles; the rest were not examined"});
      }
      return;
    }
    std::optional<BundleReading> read_now;
    if (reading == nullptr) reading = &read_now.emplace(read_bundle(source_, bundle, directory, plugin_depth, nullptr));
    auto info = collector::record_plist(facts_, kCollector, reading->info_path, std::move(reading->info));
    if (!info) return;
    const plist::Value* keys = &info->root;
    const std::string identifier = info->fields.text(keys, "CFBundleIdentifier");
    const std::string executable = info->fields.text(keys, "CFBundleExecutable");
    const bool apple = is_apple(directory, identifier);

    FactElement element = facts_.add("kext");
    element.set("id", identifier);
    // Second: every kext rule tests it first, and pugixml looks attributes up in order.
    element.set("apple", apple);
    element.set("version", info->fields.text(keys, "CFBundleVersion"));
    element.set("name", info->fields.text(keys, "CFBundleName"));
    element.set("path", bundle);
    element.set("executable", executable);
    element.set("location", directory.location);
    element.set("installed", true);
    element.set("source", reading->info_path);
    by_identifier_.emplace(identifier, element);
    if (reading->imports) record_imports(reading->executable_path, *reading->imports, element);
    add_plugins(reading->plugins_path, directory, plugin_depth, *reading);
  }

  void add_plugins(const std::string& plugins, const KextDirectory& directory, std::size_t plugin_depth,
                   BundleReading& reading) {
    if (!reading.plugins) return;  // most kexts have no PlugIns folder
    std::size_t plugin = 0;
    for (const DirectoryEntry& entry : *reading.plugins) {
      if (!ends_with(entry.name, ".kext")) continue;
      const std::string path = plugins + "/" + entry.name;
      if (plugin_depth == limits::kMaxPlugInDepth) {
        note_too_deep(too_deep_error(path, "levels of kexts in PlugIns folders", limits::kMaxPlugInDepth),
                      noted_plugin_depth_);
      } else {
        BundleReading* read_ahead = plugin < reading.plugin_readings.size() ? &reading.plugin_readings[plugin] : nullptr;
        add_bundle(path, directory, plugin_depth + 1, read_ahead);
      }
      ++plugin;
    }
  }

  // What the executable imports says what the kext can do to the network.
  void record_imports(const std::string& path, const Expected<macho::MachOImports>& imports, FactElement& element) {
    if (!imports) {
      facts_.record_problem(kCollector, imports.error());
      return;
    }
    facts_.record_read(kCollector, path);
    const std::vector<macho::NetworkKpi> kpis = macho::network_kpis_in(imports->imported_symbols);
    element.set("scanned", true);
    for (macho::NetworkCapability capability : kCapabilities) {
      bool used = false;
      for (const macho::NetworkKpi& kpi : kpis) used = used || kpi.capability == capability;
      element.set(macho::to_string(capability), used);
    }
    for (const std::string& architecture : imports->architectures) {
      element.add_child("architecture").set("name", architecture);
    }
    for (const macho::NetworkKpi& kpi : kpis) {
      FactElement import = element.add_child("import");
      import.set("symbol", kpi.symbol);
      import.set("capability", macho::to_string(kpi.capability));
    }
  }

  // The loaded list: the running kernel's, which nwaudit's live source writes, else the captured
  // kmutil showloaded (macOS 11+), else kextstat.
  void mark_loaded() {
    std::optional<capture::LoadedKexts> loaded;
    std::string from;
    bool captured = false;
    for (const char* name : {"loaded-kexts.plist", "kmutil-showloaded.txt", "kextstat.txt"}) {
      from = collector::capture_path(name);
      if (!source_.status(from)) continue;
      captured = true;
      loaded = read_loaded_list(from);
      break;
    }
    if (!loaded) {
      if (!captured) {
        facts_.record_problem(kCollector, Error{ErrorKind::not_found, collector::capture_path("kmutil-showloaded.txt"),
                                                {}, "no captured list of loaded kexts; load state unknown"});
      }
      for (auto& [identifier, element] : by_identifier_) element.set("loaded", "unknown");
      return;
    }
    std::map<std::string, const capture::LoadedKext*> loaded_by_identifier;
    for (const capture::LoadedKext& kext : loaded->kexts) loaded_by_identifier.emplace(kext.bundle_id, &kext);
    for (auto& [identifier, element] : by_identifier_) {
      element.set("loaded", loaded_by_identifier.count(identifier) != 0);
    }
    for (const auto& [identifier, kext] : loaded_by_identifier) {
      if (by_identifier_.count(identifier) != 0) continue;
      FactElement element = facts_.add("kext");
      element.set("id", identifier);
      element.set("apple", identifier.rfind("com.apple.", 0) == 0);
      element.set("version", kext->version);
      element.set("installed", false);
      element.set("loaded", true);
      // A row cut short in the capture may hold only the start of the bundle identifier.
      if (kext->truncated) element.set("truncated", true);
      element.set("source", from);
    }
  }

  std::optional<capture::LoadedKexts> read_loaded_list(const std::string& path) {
    if (!ends_with(path, ".plist")) {
      return collector::read_capture(source_, facts_, kCollector, path, capture::parse_loaded_kexts);
    }
    const plist::KeySelection versions({}, collector::kLoadedKextKeys);
    auto file = collector::read_plist(source_, facts_, kCollector, path, versions);
    if (!file) return std::nullopt;
    return collector::loaded_kexts_from_plist(file->root, file->fields);
  }

  const Source& source_;
  Facts& facts_;
  unsigned threads_;
  std::vector<FoundBundle> bundles_;
  std::vector<Step> steps_;
  std::size_t bundles_seen_ = 0;
  bool noted_staged_depth_ = false;
  bool noted_plugin_depth_ = false;
  std::multimap<std::string, FactElement> by_identifier_;
};

}  // namespace

void collect_kexts(const Source& source, Facts& facts, unsigned threads) {
  KextCollector(source, facts, threads).run();
}

namespace collector {
namespace {

constexpr std::string_view kLocations[] = {"library", "staged", "apple-library", "system"};
constexpr std::string_view kLoadStates[] = {"true", "false", "unknown"};
constexpr std::string_view kCapabilityNames[] = {"socket-filter", "ip-filter", "interface-filter",
                                                 "creates-interface", "kernel-control"};
constexpr contract::Attribute kKext[] = {
    {"id", contract::Type::text, "the bundle identifier (CFBundleIdentifier)"},
    {"version", contract::Type::version, "CFBundleVersion"},
    {"name", contract::Type::text, "CFBundleName"},
    {"path", contract::Type::path, "the bundle"},
    {"executable", contract::Type::text, "CFBundleExecutable; empty for a kext without code"},
    {"location", contract::Type::enumeration,
     "which folder: /Library/Extensions, /Library/StagedExtensions, /Library/Apple/System/Library/Extensions, "
     "/System/Library/Extensions",
     kLocations},
    {"apple", contract::Type::boolean, "whether it is Apple's"},
    {"installed", contract::Type::boolean, "whether its bundle is on disk; false for one only the loaded list shows"},
    {"loaded", contract::Type::enumeration, "whether it is loaded now; unknown without a captured list", kLoadStates},
    {"truncated", contract::Type::boolean, "true when the capture's row was cut short (its id may be incomplete)"},
    {"scanned", contract::Type::boolean, "true when its executable was read (third-party kexts only)"},
    {"socket-filter", contract::Type::boolean, "its imports register a socket filter (sflt_register)"},
    {"ip-filter", contract::Type::boolean, "its imports add an IP filter (ipf_addv4, ipf_addv6)"},
    {"interface-filter", contract::Type::boolean, "its imports attach an interface filter (iflt_attach)"},
    {"creates-interface", contract::Type::boolean,
     "its imports create an interface (ifnet_allocate, ifnet_allocate_extended, ifnet_attach)"},
    {"kernel-control", contract::Type::boolean, "its imports register a kernel control (ctl_register)"},
    {"source", contract::Type::path, "its Info.plist, or the loaded list"},
};
constexpr contract::Attribute kArchitecture[] = {
    {"name", contract::Type::text, "a Mach-O slice's architecture: x86_64, arm64e, ..."},
};
constexpr contract::Attribute kImport[] = {
    {"symbol", contract::Type::text, "a network KPI the executable imports"},
    {"capability", contract::Type::enumeration, "what that KPI lets it do", kCapabilityNames},
};
constexpr contract::Element kContract[] = {
    {"/facts/kext", "a kernel extension, installed or loaded",
     "the kext folders' Info.plist and executables; .nwaudit/loaded-kexts.plist, kmutil showloaded or kextstat",
     kKext},
    {"/facts/kext/architecture", "a slice of the executable", "the kext's executable", kArchitecture},
    {"/facts/kext/import", "a network KPI the executable imports", "the kext's executable", kImport},
};

}  // namespace

extern const Registration kexts_collector{{kCollector, kContract},
                                          [](const Input& input, Facts& facts) { collect_kexts(input.source, facts, input.threads); }};

}  // namespace collector
}  // namespace nwaudit
