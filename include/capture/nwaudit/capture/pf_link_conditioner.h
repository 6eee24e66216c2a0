#pragma once

#include <string_view>

namespace nwaudit::capture {

// Whether a resolved anchor path belongs to Network Link Conditioner, the traffic shaper of
// Xcode's Additional Tools: "com.apple.nlc" and the anchors below it ("com.apple.nlc/base"), where
// its daemon puts its dummynet rules on current macOS (xnu bsd/net/pf_ruleset.c names the anchor),
// and "com.apple/300.NetworkLinkConditioner" and below, which the /etc/pf.anchors/com.apple of
// OS X 10.7 and 10.8 called. Neither is on the kernel's allow-list (is_apple_anchor()).
bool is_link_conditioner_anchor(std::string_view path);

}  // namespace nwaudit::capture
