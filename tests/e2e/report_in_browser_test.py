#!/usr/bin/env python3
"""End-to-end test of `outagesim report` in a real browser.

Renders the HK 2022 report, opens it in headless Chromium and drives the browser over the DevTools
protocol (--remote-debugging-pipe, so no port and no extra Python package): checks the DOM for the
expected timeline lanes, temperature curves and milestone ticks, takes a screenshot, and fails on any
console error, uncaught exception or request for anything but the page itself. Before that it proves
the checks can fail: a page that fetches an image and a page whose fetch the report's policy blocks
must both be caught.

Usage: report_in_browser_test.py OUTAGESIM SCENARIO WORK_DIR
Exit 0: passed; 1: failed; 77: skipped because no Chromium is installed.
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import pathlib

SKIP = 77
TIMEOUT_S = 60

# What the HK report must show (scenarios/hk-2022-zone-c.yaml).
EXPECTED_LANES = ["OKX/trading", "OKX/withdrawals", "macau-public-site/service", "gate-io/deposits-withdrawals",
                  "plant-c", "oss-c", "rds-c-single"]
EXPECTED_ROOMS = ["room-c1", "room-c2", "room-c3", "room-c4", "room-c5", "room-c6", "room-c7", "room-b1",
                  "room-d1"]
EXPECTED_MILESTONE = "first chiller back"


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """Headless Chromium spoken to over --remote-debugging-pipe: JSON messages ended by NUL, commands on
    the child's fd 3, replies and events on its fd 4."""

    def __init__(self, exe, profile_dir):
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire_fds():  # in the child, before exec: the pipe ends become fds 3 and 4
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [exe, "--headless", "--disable-gpu", "--no-sandbox", "--remote-debugging-pipe",
                "--user-data-dir=" + profile_dir, "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--window-size=1220,1000", "about:blank"]
        self.proc = subprocess.Popen(args, preexec_fn=wire_fds, close_fds=False,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next_id = 0
        self.events = []
        self.session = None

    def close(self):
        try:
            self.send("Browser.close", browser_level=True, wait=False)
        except OSError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_child)
        os.close(self._from_child)

    def _read_message(self, deadline):
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("no answer from Chromium within %d s" % TIMEOUT_S)
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe (exit %s)" % self.proc.poll())
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, browser_level=False, wait=True):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if not browser_level:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        if not wait:
            return None
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError("%s failed: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method):
        deadline = time.monotonic() + TIMEOUT_S
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._read_message(deadline)
            self.events.append(event)
            if event.get("method") == method:
                return event

    def open_page(self):
        target = self.send("Target.createTarget", {"url": "about:blank"}, browser_level=True)
        attached = self.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True},
                             browser_level=True)
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(domain + ".enable")

    def load(self, url):
        """Navigates to `url`, waits for its load event and a moment more; returns what went wrong."""
        self.events = []
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")
        self.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r, 200)))", await_promise=True)
        return problems(self.events, url)

    def evaluate(self, expression, await_promise=False):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": await_promise})
        if "exceptionDetails" in result:
            raise RuntimeError("evaluating %s: %s" % (expression, result["exceptionDetails"]))
        return result["result"].get("value")


def problems(events, page_url):
    """Console errors, uncaught exceptions and requests for anything but the page itself."""
    found = []
    for e in events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if url != page_url:
                found.append("request for " + url)
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
            texts = [str(a.get("value", a.get("description", ""))) for a in params.get("args", [])]
            found.append("console %s: %s" % (params.get("type"), " ".join(texts)))
        elif method == "Runtime.exceptionThrown":
            found.append("exception: " + json.dumps(params.get("exceptionDetails", {}))[:300])
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
            entry = params["entry"]
            found.append("log %s (%s): %s" % (entry.get("level"), entry.get("source"), entry.get("text")))
    return found


DOM_QUERY = """(() => {
  const all = (sel) => Array.from(document.querySelectorAll(sel));
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
  return {
    lanes: all('.lane').map(e => e.dataset.lane),
    downSpans: all('.lane .span.down').length,
    curves: all('.temp-curve').map(e => e.dataset.room),
    curvePoints: all('.temp-curve').map(e => e.points.numberOfItems),
    thresholds: all('.threshold').map(e => e.dataset.threshold),
    publicTicks: all('.milestone-tick.public').map(e => e.dataset.milestone),
    simulatedTicks: all('.milestone-tick.simulated').map(e => e.dataset.milestone),
    faults: all('.event.fault').length,
    downtimeBars: all('.downtime-bar').length,
    variantBars: all('.variant-bar').length,
    timelineBox: box(document.querySelector('svg.timeline')),
    hover: (document.querySelector('.lane[data-lane="OKX/trading"] .span.down title') || {}).textContent || '',
    scripts: all('script').length,
  };
})()"""


def check_report(dom):
    failures = []
    for lane in EXPECTED_LANES:
        if lane not in dom["lanes"]:
            failures.append("no timeline lane for %s (lanes: %s)" % (lane, dom["lanes"]))
    if dom["downSpans"] == 0:
        failures.append("no down span in any lane")
    if sorted(dom["curves"]) != sorted(EXPECTED_ROOMS):
        failures.append("temperature curves %s, expected %s" % (dom["curves"], EXPECTED_ROOMS))
    if any(n < 10 for n in dom["curvePoints"]):
        failures.append("a temperature curve has fewer than 10 points: %s" % dom["curvePoints"])
    for kind in ("alarm", "sprinkler", "setpoint"):
        if kind not in dom["thresholds"]:
            failures.append("no %s threshold line" % kind)
    if not any(t.startswith("shutdown") for t in dom["thresholds"]):
        failures.append("no shutdown threshold line")
    if EXPECTED_MILESTONE not in dom["publicTicks"] or EXPECTED_MILESTONE not in dom["simulatedTicks"]:
        failures.append("milestone '%s' lacks its public or simulated tick" % EXPECTED_MILESTONE)
    if len(dom["publicTicks"]) < 5 or len(dom["simulatedTicks"]) < 5:
        failures.append("too few milestone ticks: %d public, %d simulated" % (len(dom["publicTicks"]),
                                                                             len(dom["simulatedTicks"])))
    if dom["faults"] < 1:
        failures.append("no injected fault marked")
    if dom["downtimeBars"] == 0:
        failures.append("no downtime bars")
    if dom["variantBars"] == 0:
        failures.append("no strategy-variant bars")
    if dom["timelineBox"][0] < 600 or dom["timelineBox"][1] < 200:
        failures.append("the timeline renders at %s px" % dom["timelineBox"])
    if "loop_airlock" not in dom["hover"]:
        failures.append("OKX/trading's hover text does not lead to the fault: %r" % dom["hover"][:200])
    if dom["scripts"] != 0:
        failures.append("the page holds %d scripts" % dom["scripts"])
    return failures


def self_check(browser, work):
    """The checks must be able to fail: a fetched image, and one the report's policy blocks."""
    fetching = work / "fetches.html"
    fetching.write_text('<!DOCTYPE html><title>t</title><img src="http://127.0.0.1:9/x.png">')
    blocked = work / "blocked.html"
    blocked.write_text('<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src '
                       '\'none\'"><title>t</title><img src="http://127.0.0.1:9/x.png">')
    failures = []
    for page in (fetching, blocked):
        if not browser.load(page.as_uri()):
            failures.append("self-check: nothing caught on %s, so the checks cannot fail" % page.name)
    return failures


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    outagesim, scenario, work = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
    chromium = find_chromium()
    if chromium is None:
        print("SKIP: no Chromium installed (looked for chromium, chromium-browser, google-chrome); "
              "install the Debian package 'chromium' to run this test (.ci/install-deps does)")
        return SKIP
    work.mkdir(parents=True, exist_ok=True)
    report = work / "hk-report.html"
    run = subprocess.run([outagesim, "report", scenario, "-o", str(report)], capture_output=True, text=True)
    if run.returncode != 0:
        print("FAIL: outagesim report exited %d: %s" % (run.returncode, run.stderr))
        return 1

    failures = []
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(chromium, profile)
        try:
            browser.open_page()
            failures += self_check(browser, work)
            url = report.as_uri()
            failures += ["report page: " + p for p in browser.load(url)]
            dom = browser.evaluate(DOM_QUERY)
            failures += check_report(dom)
            shot = base64.b64decode(browser.send("Page.captureScreenshot", {"format": "png"})["data"])
            (work / "hk-report.png").write_bytes(shot)
            if not shot.startswith(b"\x89PNG") or len(shot) < 20000:
                failures.append("the screenshot is not a PNG of a drawn page (%d bytes)" % len(shot))
        finally:
            browser.close()
    if failures:
        for f in failures:
            print("FAIL: " + f)
        return 1
    print("ok: %d lanes, %d temperature curves, %d milestone ticks, no console error, no request; screenshot %s"
          % (len(dom["lanes"]), len(dom["curves"]), len(dom["publicTicks"]) + len(dom["simulatedTicks"]),
             work / "hk-report.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
