class Nwaudit < Formula
  desc "Explains when Network.framework falls back to one socket per connection"
  homepage "https://github.com/nwaudit/nwaudit"
  # The release tarball GitHub makes for the tag. Before publishing, set its checksum:
  #   curl -sL https://github.com/nwaudit/nwaudit/archive/refs/tags/v0.1.0.tar.gz | shasum -a 256
  url "https://github.com/nwaudit/nwaudit/archive/refs/tags/v0.1.0.tar.gz"
  sha256 "0000000000000000000000000000000000000000000000000000000000000000"
  # The repository has no licence file yet; add `license "<SPDX id>"` here once it has one.
  head "https://github.com/nwaudit/nwaudit.git", branch: "main"

  depends_on "cli11" => :build
  depends_on "cmake" => :build
  depends_on "nlohmann-json" => :build
  depends_on "pkgconf" => :build
  depends_on "fmt"
  depends_on "libarchive"
  depends_on "libplist"
  depends_on "pugixml"

  def install
    system "cmake", "-S", ".", "-B", "build", "-DNWAUDIT_TESTS=OFF", *std_cmake_args
    system "cmake", "--build", "build"
    system "cmake", "--install", "build"
  end

  test do
    # A Mac of its own: macOS 14 with the Application Firewall on, which sends every
    # Network.framework connection through a socket.
    (testpath/"mac/System/Library/CoreServices/SystemVersion.plist").write <<~XML
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
      <plist version="1.0">
      <dict>
        <key>ProductBuildVersion</key>
        <string>23E224</string>
        <key>ProductName</key>
        <string>macOS</string>
        <key>ProductVersion</key>
        <string>14.4.1</string>
      </dict>
      </plist>
    XML
    (testpath/"mac/Library/Preferences/com.apple.alf.plist").write <<~XML
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
      <plist version="1.0">
      <dict>
        <key>globalstate</key>
        <integer>1</integer>
      </dict>
      </plist>
    XML

    # Exit status 2: the tree holds no captured command output (sysctl, kmutil, ifconfig,
    # pfctl), so nwaudit reports the audit as incomplete; the verdict is still decided.
    report = JSON.parse(shell_output("#{bin}/nwaudit --root #{testpath}/mac --format json", 2))
    assert_equal "sockets", report["verdict"]["path"]
    assert_equal ["NWA-FIREWALL-ENABLED"], report["verdict"]["causes"]
    assert_equal "14.4.1", report["host"]["version"]

    # The rules this keg installed are the ones it reads, and they load without a problem.
    version_output = shell_output("#{bin}/nwaudit --version")
    assert_match version.to_s, version_output
    assert_match "rules: #{pkgshare}/rules", version_output
    system bin/"nwaudit", "rules", "lint"
  end
end
