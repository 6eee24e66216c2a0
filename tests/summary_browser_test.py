#!/usr/bin/env python3
"""CTest "summary_browser": the HTML of `nwaudit summarize` in a real browser (Debian's chromium),
headless, driven through the DevTools protocol on a pipe, with the page's JavaScript off. It
renders the page, takes a screenshot (a PNG of the window's size, not blank), checks that the
page logs no console error (nor a refused load), and counts the bars of each chart in the
rendered DOM against the same summary in JSON. A control page that tries to load an image
proves the console check can fail. Exits 77 (skipped) when chromium is not installed.

    tests/summary_browser_test.py NWAUDIT SOURCE_DIR
"""
import atexit
import base64
import html.parser
import json
import os
import select
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

CHARTS = ["verdicts", "remediations", "cause_kinds", "cause_vendors", "os_majors", "blind_spots"]
MAX_BARS = 15
MACS = ["sonoma", "sonoma-managed", "ventura-vpn-off-kext-loaded", "sonoma-log-history", "ventura-vpn",
        "sequoia-live", "bigsur", "monterey-kexts", "ventura-managed-unread"]
WINDOW = (1000, 2000)


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    print("SKIPPED: chromium is not installed (Debian: apt-get install chromium; .ci/install-deps installs it); "
          "the HTML summary was not checked in a browser")
    sys.exit(77)


class Browser:
    """Chromium, headless, driven through the DevTools protocol on a pipe (--remote-debugging-pipe:
    messages of JSON ending in a NUL byte, on descriptors 3 and 4), with the page's JavaScript off."""

    def __init__(self, chromium, profile):
        to_browser, self.to_browser = os.pipe()
        self.from_browser, from_browser = os.pipe()

        def descriptors():
            os.dup2(to_browser, 3)
            os.dup2(from_browser, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--disable-background-networking", "--remote-debugging-pipe", f"--user-data-dir={profile}",
             "about:blank"], pass_fds=(3, 4), preexec_fn=descriptors, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        atexit.register(self.process.kill)  # also when a check fails on the way
        os.close(to_browser)
        os.close(from_browser)
        self.pending, self.last_id, self.events = b"", 0, []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)
        self.call("Emulation.setScriptExecutionDisabled", {"value": True}, session=True)
        self.call("Emulation.setDeviceMetricsOverride", {"width": WINDOW[0], "height": WINDOW[1],
                                                         "deviceScaleFactor": 1, "mobile": False}, session=True)

    def receive(self):
        while b"\0" not in self.pending:
            ready, _, _ = select.select([self.from_browser], [], [], 60)
            chunk = os.read(self.from_browser, 1 << 20) if ready else b""
            if not chunk:
                fail("chromium stopped answering")
            self.pending += chunk
        message, self.pending = self.pending.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, parameters=None, session=False):
        self.last_id += 1
        message = {"id": self.last_id, "method": method, "params": parameters or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self.receive()
            if answer.get("id") == self.last_id:
                if "error" in answer:
                    fail(f"chromium: {method}: {answer['error']}")
                return answer["result"]
            self.events.append(answer)

    def render(self, page):
        """The rendered DOM, a screenshot (PNG bytes) and the console errors of `page`."""
        self.events = []
        self.call("Page.navigate", {"url": page.as_uri()}, session=True)
        while not any(event.get("method") == "Page.loadEventFired" for event in self.events):
            self.events.append(self.receive())
        shot = base64.b64decode(self.call("Page.captureScreenshot", {"format": "png"}, session=True)["data"])
        document = self.call("DOM.getDocument", {"depth": 0}, session=True)["root"]["nodeId"]
        dom = self.call("DOM.getOuterHTML", {"nodeId": document}, session=True)["outerHTML"]
        errors = [json.dumps(event["params"]) for event in self.events
                  if event.get("method") == "Runtime.exceptionThrown"
                  or (event.get("method") == "Log.entryAdded" and event["params"]["entry"]["level"] == "error")
                  or (event.get("method") == "Runtime.consoleAPICalled" and event["params"]["type"] == "error")]
        return dom, shot, errors

    def close(self):
        self.call("Browser.close")
        self.process.wait(30)


class Bars(html.parser.HTMLParser):
    """Counts <rect class="bar"> in each <svg data-chart>."""

    def __init__(self):
        super().__init__()
        self.charts, self.current = {}, None

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "svg" and "data-chart" in attributes:
            self.current = attributes["data-chart"]
            self.charts[self.current] = 0
        elif tag == "rect" and attributes.get("class") == "bar" and self.current:
            self.charts[self.current] += 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self.current = None


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("the screenshot is not a PNG")
    return struct.unpack(">II", data[16:24])


def main():
    nwaudit, top = sys.argv[1], Path(sys.argv[2])
    chromium = find_chromium()
    with tempfile.TemporaryDirectory(prefix="nwaudit-browser-") as name:
        work = Path(name)
        lines = []
        for mac in MACS:
            audit = subprocess.run([nwaudit, "--root", str(top / "fixtures/macs" / mac), "--format", "ndjson"],
                                   capture_output=True, text=True)
            if not audit.stdout.endswith("\n"):
                fail(f"no ndjson line for {mac}: {audit.stderr}")
            lines.append(audit.stdout)
        lines.append("{not a report\n")
        (work / "fleet.ndjson").write_text("".join(lines))
        page, summary = work / "summary.html", work / "summary.json"
        for path, form in ((page, "html"), (summary, "json")):
            status = subprocess.run([nwaudit, "summarize", str(work / "fleet.ndjson"), "--format", form, "-o", str(path)],
                                    capture_output=True, text=True).returncode
            if status != 2:  # one line skipped
                fail(f"summarize --format {form} exited with {status}, not 2")
        counts = json.loads(summary.read_text())
        if counts["macs"] != len(MACS) or counts["skipped"] != 1:
            fail(f"the summary counts {counts['macs']} Macs and {counts['skipped']} skipped")

        browser = Browser(chromium, work / "profile")
        dom, shot, errors = browser.render(page)
        (work / "summary.png").write_bytes(shot)
        width, height = png_size(shot)
        if (width, height) != WINDOW or len(shot) < 20_000:
            fail(f"the screenshot is {width}x{height}, {len(shot)} bytes: not the page")
        if errors:
            fail("the page logs console errors:\n" + "\n".join(errors))
        parser = Bars()
        parser.feed(dom)
        tables = counts["tables"]
        expected = {chart: min(len(tables[chart]["rows"]), MAX_BARS) for chart in CHARTS if tables[chart]["rows"]}
        if parser.charts != expected:
            fail(f"bars in the rendered page {parser.charts}, expected {expected}")
        if expected["verdicts"] != 4 or sum(expected.values()) <= 4:
            fail(f"the fixture fleet should fill several charts: {expected}")

        control = work / "control.html"
        control.write_text(page.read_text().replace("</body>", '<img src="http://127.0.0.1:9/x.png" alt=""></body>'))
        _, _, control_errors = browser.render(control)
        browser.close()
        if not control_errors:
            fail("a page that loads an image logged no console error: the check sees nothing")
        print(f"chromium rendered the summary of {len(MACS)} Macs: a {width}x{height} screenshot, no console error, "
              f"bars per chart {parser.charts}")


if __name__ == "__main__":
    main()
