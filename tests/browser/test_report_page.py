"""The HTML report as a browser shows it: headless Chromium opens the page that `coopecon report --format html`
wrote, takes a screenshot, and a probe reports what was rendered: the title and language, the headline figures,
every chart with a non-zero size, every table's caption, no horizontal scrolling of the page, and no error
(script error, console error, or anything the page's content security policy refused to load).

The probe is a small script added to a copy of the page, allowed by its hash in the page's own policy, which
otherwise stays as written: the page still loads nothing from outside. Screenshots are kept in
$COOPECON_SCREENSHOT_DIR (default: a temporary directory) for people to look at.
"""

import base64
import hashlib
import json
import os
import pathlib
import re
import shutil
import struct
import subprocess

import pytest

CLI = os.environ.get("COOPECON_CLI", "coopecon")

PROBE = """
window.__problems = [];
window.addEventListener("error", e => window.__problems.push("error: " + e.message));
document.addEventListener("securitypolicyviolation",
  e => window.__problems.push("refused: " + e.violatedDirective + " " + e.blockedURI));
const consoleError = console.error;
console.error = (...args) => { window.__problems.push("console: " + args.join(" ")); consoleError(...args); };
window.addEventListener("load", () => {
  const size = e => { const r = e.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; };
  const texts = selector => [...document.querySelectorAll(selector)].map(e => e.textContent);
  const result = {
    problems: window.__problems,
    title: document.title,
    lang: document.documentElement.lang,
    h1: texts("h1"),
    figures: texts(".figure .value"),
    charts: [...document.querySelectorAll("figure svg")].map(s => ({
      title: s.querySelector("title").textContent, size: size(s), marks: s.querySelectorAll("rect, path, circle").length})),
    captions: texts("table > caption"),
    page_width: document.documentElement.scrollWidth,
    window_width: window.innerWidth,
  };
  const out = document.createElement("pre");
  out.id = "render-check";
  out.hidden = true;
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
});
"""


def chromium() -> str:
    path = shutil.which("chromium")
    assert path, "chromium is not installed: scripts/setup installs it (Debian package chromium)"
    return path


def png_size(path: pathlib.Path):
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> pathlib.Path:
    chosen = os.environ.get("COOPECON_SCREENSHOT_DIR")
    folder = pathlib.Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_report(folder: pathlib.Path, name: str, *args: str) -> pathlib.Path:
    page = folder / name
    run = subprocess.run([CLI, "report", "--format", "html", "--out", str(page), *args],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""
    return page


def with_probe(page: pathlib.Path, folder: pathlib.Path) -> pathlib.Path:
    html = page.read_text(encoding="utf-8")
    policy = "content=\"default-src 'none'; style-src 'unsafe-inline'\""
    assert policy in html, "the page must forbid loading anything"
    digest = base64.b64encode(hashlib.sha256(PROBE.encode()).digest()).decode()
    html = html.replace(policy, policy[:-1] + f"; script-src 'sha256-{digest}'\"", 1)
    html = html.replace("</head>", f"<script>{PROBE}</script>\n</head>", 1)
    probed = folder / (page.stem + ".probe.html")
    probed.write_text(html, encoding="utf-8")
    return probed


def render(page: pathlib.Path, screenshot: pathlib.Path, width: int, height: int, profile: pathlib.Path) -> dict:
    run = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
         "--no-first-run", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
         f"--window-size={width},{height}", f"--screenshot={screenshot}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    assert png_size(screenshot) == (width, height)
    found = re.search(r'<pre id="render-check" hidden="">(.*?)</pre>', run.stdout, re.S)
    assert found, "the page did not finish loading: " + run.stdout[-500:]
    result = json.loads(found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    # What the browser itself logged from the page, script errors and refusals included.
    result["console"] = [line for line in run.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
    return result


def check_page(result: dict, lang: str, figures: list, chart_titles: list, tables: int):
    assert result["problems"] == []
    assert result["console"] == []
    assert result["lang"] == lang
    assert result["title"] == result["h1"][0]
    assert "Cà Mau" in result["title"]
    for figure in figures:
        assert figure in result["figures"]
    assert [c["title"] for c in result["charts"]] == chart_titles
    for chart in result["charts"]:
        width, height = chart["size"]
        assert width > 200 and height > 100, chart
        assert chart["marks"] > 0, chart
    assert len(result["captions"]) == tables and all(result["captions"])
    assert result["page_width"] <= result["window_width"], "the page scrolls sideways"


def test_english_report_by_kind_with_a_series(shots, tmp_path):
    page = write_report(shots, "report-en.html", "--period", "quarter")
    result = render(with_probe(page, tmp_path), shots / "report-en.png", 1280, 2000, tmp_path / "profile")
    check_page(result, "en", ["281", "4,292", "87.9 %", "987"],
               ["Organisations by legal status", "Members", "Members per organisation", "Organisations over time"], 8)
    assert result["title"] == "Cà Mau province: cooperatives, union and cooperative groups, as of 2023-08-31 (synthetic)"


def test_vietnamese_report_by_district(shots, tmp_path):
    page = write_report(shots, "report-vi.html", "--lang", "vi", "--by", "district", "--period", "month")
    result = render(with_probe(page, tmp_path), shots / "report-vi.png", 1280, 2000, tmp_path / "profile")
    check_page(result, "vi", ["281", "4.292", "87,9 %", "987"],
               ["Tổ chức theo tình trạng pháp lý", "Thành viên", "Thành viên bình quân một tổ chức",
                "Số tổ chức qua các kỳ"], 8)
    assert "Số liệu chính" in result["captions"]
    assert "Tổ chức theo tình trạng pháp lý" in result["captions"]


def test_narrow_screen_has_no_sideways_scrolling(shots, tmp_path):
    page = write_report(shots, "report-narrow.html")
    result = render(with_probe(page, tmp_path), shots / "report-narrow.png", 400, 1600, tmp_path / "profile")
    assert result["problems"] == [] and result["console"] == []
    assert result["window_width"] < 640  # Chromium keeps a window at least 500 pixels wide
    assert result["page_width"] <= result["window_width"]
    assert all(0 < c["size"][0] <= result["window_width"] for c in result["charts"])


def test_the_probe_sees_what_the_page_refuses(tmp_path):
    # The checks above would fail on a page that tried to load or run anything: its policy refuses both.
    page = write_report(tmp_path, "report-refusing.html")
    html = page.read_text(encoding="utf-8").replace(
        "<main>", '<main><img src="http://127.0.0.1:9/logo.png" alt=""><script>document.title = "changed";</script>', 1)
    page.write_text(html, encoding="utf-8")
    result = render(with_probe(page, tmp_path), tmp_path / "refusing.png", 800, 600, tmp_path / "profile")
    # Each refusal reaches the probe's events or the browser's log (the event may come after the load).
    seen = " ".join(result["problems"] + result["console"])
    assert ("refused: img-src http://127.0.0.1:9/logo.png" in seen
            or "Loading the image 'http://127.0.0.1:9/logo.png'" in seen)
    assert "refused: script-src-elem inline" in seen or "to enable inline execution" in seen
    assert result["title"] != "changed"
