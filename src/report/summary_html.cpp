#include <fmt/format.h>

#include <algorithm>

#include "display_text.h"
#include "nwaudit/base/utf8.h"
#include "summary_formats.h"
#include "summary_sections.h"

namespace nwaudit::report {
namespace {

constexpr int kWidth = 760;
constexpr int kLabelWidth = 300;  // the bars start right of the labels
constexpr int kBarSpace = 380;    // the longest bar
constexpr int kRowHeight = 24;
constexpr std::size_t kLabelCodePoints = 36;

// No resource may load (the page stands alone); style only inline.
constexpr const char* kHead = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nwaudit fleet summary</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #1d1d1f; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #d2d2d7; }
table { border-collapse: collapse; margin: 0.5em 0; } th, td { padding: 0.2em 0.8em; text-align: left; vertical-align: top; }
td.count { text-align: right; font-variant-numeric: tabular-nums; } tr:nth-child(even) { background: #f5f5f7; }
svg.chart { display: block; max-width: 100%; height: auto; } svg.chart text { font-size: 12px; fill: #1d1d1f; }
rect.bar { fill: #0071e3; } .note { color: #6e6e73; }
</style>
</head>
<body>
)";

// Text from reports, inert in HTML: displayable on one line, then escaped.
std::string html(std::string_view text) {
  std::string escaped;
  for (const char c : one_line(text)) {
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      case '\'': escaped += "&#39;"; break;
      default: escaped += c;
    }
  }
  return escaped;
}

// At most `most` code points of (displayable) text, with an ellipsis when cut.
std::string shortened(const std::string& text, std::size_t most) {
  const std::string shown = one_line(text);
  std::size_t at = 0;
  for (std::size_t count = 0; at < shown.size(); ++count) {
    if (count == most) return shown.substr(0, at) + "\u2026";
    auto point = decode_utf8(shown, at);
    at += point ? point->length : 1;
  }
  return shown;
}

std::string label_of(const CountTable::Row& row) { return row.detail.empty() ? row.key : row.key + " (" + row.detail + ")"; }

// A horizontal bar chart of the first kMaxBars rows: one <rect class="bar"> per row.
std::string chart(const Section& section, std::uint64_t macs) {
  const std::size_t bars = std::min(section.rows.size(), kMaxBars);
  std::uint64_t longest = 1;
  for (std::size_t i = 0; i < bars; ++i) longest = std::max(longest, section.rows[i].macs);
  const int height = static_cast<int>(bars) * kRowHeight + 8;
  std::string svg = fmt::format(
      "<svg class=\"chart\" data-chart=\"{}\" data-bars=\"{}\" width=\"{}\" "
      "height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}: a bar chart of the first {} rows of the "
      "table below\">\n",
      section.id, bars, kWidth, height, kWidth, height, html(section.title), bars);
  for (std::size_t i = 0; i < bars; ++i) {
    const CountTable::Row& row = section.rows[i];
    const int y = static_cast<int>(i) * kRowHeight + 4;
    const int length = static_cast<int>(static_cast<double>(kBarSpace) * static_cast<double>(row.macs) /
                                        static_cast<double>(longest));
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" "
        "height=\"{}\"><title>{}: {} Macs</title></rect><text x=\"{}\" y=\"{}\">{} ({})</text>\n",
        kLabelWidth - 8, y + 15, html(shortened(label_of(row), kLabelCodePoints)), kLabelWidth, y, length,
        kRowHeight - 6, html(label_of(row)), row.macs, kLabelWidth + length + 6, y + 15, row.macs,
        percent(row.macs, macs));
  }
  return svg + "</svg>\n";
}

std::string table(const Section& section, std::uint64_t macs) {
  std::string text = fmt::format("<table>\n<tr><th>{}</th><th>Macs</th><th>share</th><th></th></tr>\n", html(section.column));
  for (const auto& row : section.rows) {
    text += fmt::format("<tr><td>{}</td><td class=\"count\">{}</td><td class=\"count\">{}</td><td>{}</td></tr>\n",
                        html(row.key), row.macs, percent(row.macs, macs), html(row.detail));
  }
  text += "</table>\n";
  if (section.others != 0) text += fmt::format("<p class=\"note\">And {} more Macs under other keys.</p>\n", section.others);
  return text;
}

}  // namespace

std::string render_summary_html(const FleetSummary& summary) {
  std::string page = kHead;
  page += "<h1>nwaudit fleet summary</h1>\n<p>" + html(headline(summary)) + "</p>\n";
  for (const Section& section : sections_of(summary)) {
    if (section.rows.empty()) continue;
    page += fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n<p class=\"note\">{}</p>\n", section.id, html(section.title),
                        html(section.about));
    if (section.chart) page += chart(section, summary.macs);
    page += table(section, summary.macs) + "</section>\n";
  }
  if (!summary.incomplete_named.empty()) {
    page += fmt::format("<section id=\"incomplete_macs\">\n<h2>Macs not fully read</h2>\n<p class=\"note\">The first {} "
                        "of {}.</p>\n<table>\n<tr><th>Mac</th><th>first blind spot</th></tr>\n",
                        summary.incomplete_named.size(), summary.incomplete);
    for (const NamedMac& mac : summary.incomplete_named) {
      page += "<tr><td>" + html(mac.name) + "</td><td>" + html(mac.why) + "</td></tr>\n";
    }
    page += "</table>\n</section>\n";
  }
  if (!summary.skipped_named.empty()) {
    page += fmt::format("<section id=\"skipped_reports\">\n<h2>Reports skipped</h2>\n<p class=\"note\">The first {} of "
                        "{}.</p>\n<ul>\n", summary.skipped_named.size(), summary.skipped);
    for (const Error& error : summary.skipped_named) page += "<li>" + html(skipped_text(error)) + "</li>\n";
    page += "</ul>\n</section>\n";
  }
  return page + "</body>\n</html>\n";
}

}  // namespace nwaudit::report
