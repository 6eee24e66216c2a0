#pragma once

#include <string>
#include <string_view>

namespace nwaudit::capture {

// The anchor a pasted pfctl capture was made in, from the command line pasted above its output
// ("$ sudo pfctl -a com.apple -s rules", "% pfctl -sr -a 'com.apple'"): the hooks it lists name
// sub-anchors relative to that anchor. For a wildcard (`-a 'com.apple/*'`, which lists each child's
// rules in braces) it is the anchor the wildcard is in. Empty when the capture shows no such
// command line, which is the main ruleset for a capture nwaudit made itself.
std::string pfctl_command_anchor(std::string_view text);

// Whether a hook name is one of the sub-anchors Apple's /etc/pf.anchors/com.apple has called
// ("200.AirDrop/*", "250.ApplicationFirewall/*", "100.InternetSharing/*",
// "300.NetworkLinkConditioner/*", "400.AdaptiveFirewall/*"): in a listing without a command
// line, hooks like these mean it was made inside com.apple.
bool is_com_apple_sub_anchor_hook(std::string_view name);

}  // namespace nwaudit::capture
