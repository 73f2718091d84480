package mlpkit.app.report

/**
 * The report's stylesheet, inlined in every page (a report is one file that opens anywhere, offline,
 * and makes no request). System fonts only, for the same reason.
 */
internal const val REPORT_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #222; margin: 0; background: #f6f7f9; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 1.7em; margin: 0.2em 0 0.3em; }
h2 { font-size: 1.25em; margin: 1.8em 0 0.6em; padding-bottom: 0.25em; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
p.meta { color: #555; margin: 0.2em 0; }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
code.notation { background: #f1f3f6; padding: 2px 6px; border-radius: 3px; }
pre { background: #f6f8fa; border: 1px solid #e3e6ea; border-radius: 4px; padding: 10px 12px; overflow-x: auto; line-height: 1.35; }
table { border-collapse: collapse; margin: 0.4em 0 0.8em; }
th, td { border: 1px solid #d9dde2; padding: 5px 12px; text-align: left; }
th { background: #f1f3f6; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.pass { color: #1a7f37; font-weight: 600; }
td.fail { color: #c62828; font-weight: 700; }
p.verdict { font-weight: 600; }
p.verdict.pass { color: #1a7f37; }
p.verdict.fail { color: #c62828; }
.pictures { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 22px; }
figure { margin: 0; }
figure.wide { grid-column: 1 / -1; }
figure img { max-width: 100%; height: auto; border: 1px solid #e3e6ea; }
.pictures figure img { width: 100%; }
div.scroll { overflow-x: auto; }
td.notation { white-space: nowrap; font-size: 0.85em; }
figcaption { font-size: 0.9em; color: #444; margin-top: 4px; }
figcaption b { color: #222; }
ul.notes { color: #8a5a00; }
footer { margin-top: 2.5em; color: #777; font-size: 0.85em; }
@media print { body { background: #fff; } main { padding: 0; } figure, table, pre { break-inside: avoid; } h2, h3 { break-after: avoid; } }
"""
