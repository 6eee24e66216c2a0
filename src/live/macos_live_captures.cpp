// macOS only: every capture a live audit makes, in the order of nwaudit-facts(5).
#include "macos_captures.h"

namespace nwaudit {

std::vector<LiveCapture> macos_live_captures() {
  std::vector<LiveCapture> captures{live::sysctl_capture(), live::api_stats_capture(), live::loaded_kexts_capture()};
  for (LiveCapture& capture : live::command_captures()) captures.push_back(std::move(capture));
  return captures;
}

}  // namespace nwaudit
