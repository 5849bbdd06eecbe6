#include <coopecon/indicators/html.hpp>

#include <coopecon/indicators/render.hpp>

namespace coopecon::indicators {

namespace {

// One stylesheet for every page: system fonts with Vietnamese coverage (no web fonts, nothing to download),
// tabular digits in tables and figures, a single column on narrow screens, and print rules that keep figures
// and table rows whole and repeat table headers on each page.
constexpr std::string_view stylesheet = R"css(
:root { --ink: #1d2630; --muted: #56626e; --rule: #d7dde3; --band: #f3f5f7; --accent: #1f6f8b; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); font: 15px/1.5 "Segoe UI", "Noto Sans", "DejaVu Sans",
       Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .375rem; }
h2 { font-size: 1.25rem; margin: 2.25rem 0 1rem; padding-bottom: .25rem; border-bottom: 2px solid var(--accent); }
p { margin: 0 0 .75rem; }
.meta { color: var(--muted); }
.source { color: var(--muted); font-size: .875rem; max-width: 90ch; }
.notice { display: inline-block; margin: 0 0 1rem; padding: .25rem .75rem; border: 1px solid #e8b26a;
          border-radius: 4px; background: #fff5e6; color: #6b4300; font-size: .875rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; margin: 0 0 1.25rem;
           padding: 0; list-style: none; }
.figure { padding: .75rem 1rem; border: 1px solid var(--rule); border-left: 4px solid var(--accent); border-radius: 4px; }
.figure .label { display: block; color: var(--muted); font-size: .875rem; }
.figure .value { display: block; font-size: 1.75rem; font-weight: 600; line-height: 1.3;
                 font-variant-numeric: tabular-nums; }
.figure .detail { display: block; font-size: .875rem; }
.summary { max-width: 72ch; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 32px 40px; }
figure { margin: 0; }
figcaption { margin: 0 0 .5rem; font-weight: 600; }
svg { display: block; max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; margin: 0 0 2rem; }
table { border-collapse: collapse; font-size: .875rem; }
caption { padding: 0 0 .5rem; text-align: left; font-size: 1rem; font-weight: 600; }
th, td { padding: .375rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: bottom; }
thead th { background: var(--band); border-bottom: 2px solid #a9b4bf; font-size: .8125rem; font-weight: 600;
           text-align: left; max-width: 11em; hyphens: auto; }
tbody th, tbody td { vertical-align: top; }
tbody th { font-weight: normal; text-align: left; min-width: 7em; }
tbody th:first-child { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td.missing { color: var(--muted); }
tr.total th, tr.total td { border-top: 2px solid #a9b4bf; font-weight: 600; }
footer { margin-top: 3rem; padding-top: .75rem; border-top: 1px solid var(--rule); color: var(--muted);
         font-size: .8125rem; }
@media (max-width: 640px) {
  main { padding: 16px 12px 32px; }
  h1 { font-size: 1.375rem; }
  .charts { grid-template-columns: 1fr; }
}
@media print {
  @page { margin: 14mm; }
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .figure, tr { break-inside: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

}  // namespace

std::string html_escape(std::string_view s) {
    const std::string text = printable(s);
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string html_document(std::string_view title, Lang lang, std::string_view body) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"";
    out += lang == Lang::vi ? "vi" : "en";
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
           "<meta name=\"generator\" content=\"coopecon\">\n<title>";
    out += html_escape(title);
    out += "</title>\n<style>";
    out += stylesheet;
    out += "</style>\n</head>\n<body>\n";
    out += body;
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace coopecon::indicators
