#!/usr/bin/env bash
# Checks that a run's report.html renders in headless Chromium, as a person would open it.
#
# Usage: scripts/check-report.sh RUN_DIR [--out DIR]
#
#   RUN_DIR    a run (or sweep) directory written by `mlp run` / `mlp verify` (without --no-report).
#   --out DIR  where the rendering goes (default: RUN_DIR/report-check/):
#                report-screenshot.png   the top of the page, 1280 px wide (look at it)
#                report.pdf              the whole page, printed (every picture, every table)
#                report-dom.html         the DOM after rendering (Chromium's --dump-dom)
#
# Chromium runs with networking pointed nowhere, so a page that needed anything from outside would
# show it. The checks, each printed as "ok ..." or "FAIL ...":
#   - the screenshot and the PDF were written and are not trivially small (a blank page is ~10 KB);
#   - the rendered DOM has, for a run, the expectation table (class="expectations") and the metrics
#     section, for a sweep, its variations table; every <img> is an inline data:image/png URI and the
#     DOM names no http(s) address;
#   - the PDF has as many embedded images as the page has <img> elements (when pdfimages is installed);
#   - no JavaScript error, no asset that failed to load (an <img>, a stylesheet, a script: missing file or
#     blocked address) and no picture that failed to decode: a copy of the page with a listener injected at
#     the top of <head> (a <base> keeps its relative addresses pointing into RUN_DIR) is rendered, and the
#     listener writes what it heard into that copy's DOM (report-probe.html, report-probe-dom.html);
#   - the page's expected sections (its <h2> titles: Final metrics, Pictures, Network, Experiment for a run).
#
# Needs Debian's chromium (apt-get install -y chromium). Not part of `mvn verify`: the Maven tests
# check the report's content without a browser.
# Exit status: 0 all checks passed, 1 a check failed, 2 usage error or no Chromium.
set -euo pipefail

usage() { echo "usage: scripts/check-report.sh RUN_DIR [--out DIR]" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
run_dir="$1"; shift
out_dir=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) [[ $# -ge 2 ]] || usage; out_dir="$2"; shift 2 ;;
    *) usage ;;
  esac
done

report="$run_dir/report.html"
if [[ ! -f "$report" ]]; then
  echo "check-report: $report does not exist (expected the report of a run): run 'mlp run FILE' without --no-report, then pass its run directory" >&2
  exit 2
fi
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "check-report: no headless Chromium on the PATH (expected the command 'chromium'): install it with 'apt-get install -y chromium'" >&2
  exit 2
fi

out_dir="${out_dir:-$run_dir/report-check}"
mkdir -p "$out_dir"
url="file://$(cd "$(dirname "$report")" && pwd)/report.html"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# --no-sandbox: Chromium refuses to run as root otherwise (containers, CI). The host rules and the
# dead proxy make every network request fail at once, so a report that needed one renders without it.
chrome() {
  "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --hide-scrollbars \
    --user-data-dir="$profile" --host-resolver-rules="MAP * ~NOTFOUND" --proxy-server="127.0.0.1:9" \
    --run-all-compositor-stages-before-draw --virtual-time-budget=5000 "$@" 2>>"$out_dir/chromium.log"
}

chrome --window-size=1280,2200 --screenshot="$out_dir/report-screenshot.png" "$url" >/dev/null
chrome --no-pdf-header-footer --print-to-pdf="$out_dir/report.pdf" "$url" >/dev/null
chrome --dump-dom "$url" >"$out_dir/report-dom.html"

# The probe: a copy of the page with a listener first in <head>. Errors of scripts and of loading elements
# (capture phase: an <img> or <link> that fails fires "error" on itself, which does not bubble) are counted;
# after "load", every <img> must have decoded to a picture. The result goes into the DOM as #mlp-probe.
probe="$out_dir/report-probe.html" # kept: a JavaScript error's line number is this copy's
{
  printf '<base href="file://%s/">\n' "$(cd "$run_dir" && pwd)"
  cat <<'PROBE'
<script>(function () {
  var problems = [];
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) problems.push("asset failed to load: <" + t.tagName.toLowerCase() + "> " + String(t.src || t.href).slice(0, 120));
    else problems.push("javascript error: " + e.message + " at " + e.filename + ":" + e.lineno + ":" + e.colno);
  }, true);
  window.addEventListener("unhandledrejection", function (e) { problems.push("javascript error: unhandled rejection: " + e.reason); });
  window.addEventListener("load", function () {
    var images = document.images;
    for (var i = 0; i < images.length; i++) {
      if (!images[i].complete || images[i].naturalWidth === 0) problems.push("picture did not decode: <img alt=\"" + images[i].alt + "\">");
    }
    var out = document.createElement("pre");
    out.id = "mlp-probe";
    out.textContent = problems.length === 0 ? "probe: no problems" : problems.join("\n");
    document.body.appendChild(out);
  });
})();</script>
PROBE
} >"$profile/probe.part"
# The probe goes right after the line that opens <head> (printf: its text is copied, never interpreted).
awk 'NR == FNR { probe = probe $0 "\n"; next } done == 0 && /<head[^>]*>/ { print; printf "%s", probe; done = 1; next } { print } END { if (done == 0) exit 1 }' \
  "$profile/probe.part" "$report" >"$probe" \
  || { echo "check-report: $report has no <head> element (expected an HTML page with a head): is it a report written by mlp?" >&2; exit 1; }
chrome --dump-dom "file://$probe" >"$out_dir/report-probe-dom.html"

failed=0
check() { # check DESCRIPTION CONDITION...
  local what="$1"; shift
  if "$@"; then echo "ok    $what"; else echo "FAIL  $what"; failed=1; fi
}
size_of() { if [[ -f "$1" ]]; then stat -c %s "$1"; else echo 0; fi; }
larger_than() { [[ "$(size_of "$1")" -gt "$2" ]]; }
contains() { grep -q -- "$2" "$1"; }
lacks() { ! grep -qiE -- "$2" "$1"; }

dom="$out_dir/report-dom.html"
images=$(grep -o '<img ' "$dom" | wc -l)
inline_images=$(grep -o '<img [^>]*src="data:image/png;base64,' "$dom" | wc -l)

check "screenshot written, $(size_of "$out_dir/report-screenshot.png") bytes (> 30000)" larger_than "$out_dir/report-screenshot.png" 30000
check "PDF written, $(size_of "$out_dir/report.pdf") bytes (> 30000)" larger_than "$out_dir/report.pdf" 30000
if contains "$dom" 'id="sweep-curve"'; then
  check "the rendered DOM has the sweep's variations table" contains "$dom" 'id="variations"'
else
  check "the rendered DOM has the expectation table" contains "$dom" 'class="expectations"'
  check "the rendered DOM has the final metrics" contains "$dom" 'id="metrics"'
fi
check "every picture ($images) is an inline PNG ($inline_images)" test "$images" -eq "$inline_images"
check "the page names no http(s) address" lacks "$dom" 'https?://'
probe_dom="$out_dir/report-probe-dom.html"
check "the page ran to its load event (the probe reported)" contains "$probe_dom" 'id="mlp-probe"'
probe_problems="$(sed -n '/<pre id="mlp-probe"/,/<\/pre>/p' "$probe_dom" | sed -E 's/<[^>]*>//g' | grep -v '^probe: no problems$' | grep -v '^[[:space:]]*$' || true)"
if [[ -n "$probe_problems" ]]; then
  printf '%s\n' "$probe_problems" | sed -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' -e 's/^/      /'
fi
check "no JavaScript error, no asset that failed to load, every picture decoded" test -z "$probe_problems"
if ! contains "$dom" 'id="sweep-curve"' && contains "$dom" '<h1>'; then
  for section in "Final metrics" "Pictures" "Network" "Experiment (as run)"; do
    check "the page has its section \"$section\"" contains "$dom" "<h2>$section</h2>"
  done
fi
if command -v pdfimages >/dev/null 2>&1; then
  pdf_images=$(pdfimages -list "$out_dir/report.pdf" 2>/dev/null | tail -n +3 | awk '$3 == "image"' | wc -l)
  check "the PDF holds every picture ($pdf_images images for $images <img>)" test "$pdf_images" -ge "$images"
fi

echo "rendering in $out_dir (report-screenshot.png, report.pdf, report-dom.html, report-probe.html, report-probe-dom.html)"
exit "$failed"
