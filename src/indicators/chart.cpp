#include <coopecon/indicators/chart.hpp>

#include <coopecon/indicators/html.hpp>
#include <coopecon/indicators/render.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <string_view>

namespace coopecon::indicators {

namespace {

// Distinguishable for the common colour-vision deficiencies and in greyscale print, in this order.
constexpr std::string_view palette[] = {"#1f6f8b", "#e07b39", "#7a9e3d", "#8e6bb0",
                                        "#c9485b", "#3d9a9b", "#b8860b", "#5d6d7e"};
constexpr std::string_view axis_ink = "#56626e", grid_ink = "#e3e7eb", zero_ink = "#a9b4bf";
constexpr double font_px = 12;
constexpr double char_px = 7.2;  // the advance of an average character at 12 px in the fallback fonts

/// Coordinates with one decimal: enough for any screen, short enough to keep the page small.
std::string px(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s == "-0" ? "0" : s;
}

double text_px(std::string_view s) { return static_cast<double>(display_width(s)) * char_px; }

/// The text cut to at most `columns` terminal cells, an ellipsis marking the cut.
std::string fit(const std::string& s, std::size_t columns) {
    if (display_width(s) <= columns) return s;
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        const std::string next = out + s.substr(i, n);
        if (display_width(next) + 1 > columns) break;
        out = next;
        i += n;
    }
    return out + "…";
}

/// A round step that divides `span` into about `count` intervals: 1, 2, 2.5 or 5 times a power of ten.
double nice_step(double span, int count) {
    const double raw = span / count;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / magnitude;
    const double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
    return step;
}

/// The axis from `lo` to `hi` widened to whole steps, and the decimals its labels need.
struct Axis {
    double lo = 0, hi = 1, step = 1;
    int decimals = 0;

    Axis(double min, double max, bool integral_steps) {
        if (!(max > min)) {
            max = min + 1;
            if (min > 0) min = std::max(0.0, min - 1);
        }
        step = nice_step(max - min, 5);
        if (integral_steps) step = std::max(step, 1.0);
        lo = std::floor(min / step + 1e-9) * step;
        hi = std::ceil(max / step - 1e-9) * step;
        for (double s = step; decimals < 6 && std::abs(s - std::round(s)) > 1e-9; s *= 10) ++decimals;
    }
    std::vector<double> ticks() const {
        std::vector<double> out;
        for (double v = lo; v <= hi + step / 2; v += step) out.push_back(std::abs(v) < step / 1e6 ? 0 : v);
        return out;
    }
    /// The position of `v` between `from` (at lo) and `to` (at hi).
    double at(double v, double from, double to) const { return from + (v - lo) / (hi - lo) * (to - from); }
};

std::string colour_of(const std::string& chosen, std::size_t& next) {
    if (!chosen.empty()) return html_escape(chosen);
    return std::string(palette[next++ % std::size(palette)]);
}

std::string open_svg(const ChartText& t, double width, double height) {
    const std::string id = html_escape(t.id);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + px(width) + " " + px(height) + "\" width=\"" +
           px(width) + "\" height=\"" + px(height) + "\" role=\"img\" aria-labelledby=\"" + id +
           "-title\" aria-describedby=\"" + id + "-desc\" font-size=\"" + px(font_px) + "\">\n<title id=\"" + id +
           "-title\">" + html_escape(t.title) + "</title>\n<desc id=\"" + id + "-desc\">" + html_escape(t.description) +
           "</desc>\n";
}

std::string text(double x, double y, std::string_view anchor, std::string_view content, std::string_view fill = axis_ink) {
    return "<text x=\"" + px(x) + "\" y=\"" + px(y) + "\" text-anchor=\"" + std::string(anchor) + "\" fill=\"" +
           std::string(fill) + "\">" + html_escape(content) + "</text>\n";
}

std::string line(double x1, double y1, double x2, double y2, std::string_view stroke) {
    return "<line x1=\"" + px(x1) + "\" y1=\"" + px(y1) + "\" x2=\"" + px(x2) + "\" y2=\"" + px(y2) +
           "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"1\"/>\n";
}

struct LegendEntry {
    std::string name;
    std::string colour;
    bool band = false;
};

/// A row of swatches and names from the left edge of the plot, wrapping to the width.
std::string legend(const std::vector<LegendEntry>& entries, double left, double right, double top, double& bottom) {
    std::string out = "<g>\n";
    double x = left, y = top + font_px;
    for (const auto& e : entries) {
        const double w = 18 + text_px(e.name) + 16;
        if (x > left && x + w > right) {
            x = left;
            y += 18;
        }
        if (e.band)
            out += "<rect x=\"" + px(x) + "\" y=\"" + px(y - 9) + "\" width=\"12\" height=\"10\" fill=\"" + e.colour +
                   "\" fill-opacity=\"0.25\"/>\n";
        else
            out += "<rect x=\"" + px(x) + "\" y=\"" + px(y - 9) + "\" width=\"12\" height=\"10\" fill=\"" + e.colour +
                   "\"/>\n";
        out += text(x + 17, y, "start", e.name, "#1d2630");
        x += w;
    }
    bottom = y + 8;
    return out + "</g>\n";
}

std::string number(double v, int decimals, Lang lang) {
    return !std::isfinite(v) ? std::string("–") : format_number(v, decimals, lang);
}

}  // namespace

std::string svg(const BarChart& chart, int width) {
    const double W = width;
    const auto n = chart.categories.size();
    const auto& t = chart.text;

    // Each category's stack: positive values go right from zero, negative ones left.
    std::vector<double> totals(n, 0.0), highs(n, 0.0), lows(n, 0.0);
    std::vector<bool> any(n, false);
    for (const auto& s : chart.series)
        for (std::size_t i = 0; i < n && i < s.values.size(); ++i) {
            const double v = s.values[i];
            if (!std::isfinite(v)) continue;
            any[i] = true;
            totals[i] += v;
            (v >= 0 ? highs[i] : lows[i]) += v;
        }
    double lo = 0, hi = 0;
    for (std::size_t i = 0; i < n; ++i) {
        lo = std::min(lo, lows[i]);
        hi = std::max(hi, highs[i]);
    }
    const Axis axis(lo, hi, t.decimals == 0);

    std::vector<std::string> value_texts(n);
    double value_width = 0;
    for (std::size_t i = 0; i < n; ++i) {
        value_texts[i] = any[i] ? number(totals[i], t.decimals, t.lang) : "–";
        if (chart.value_labels) value_width = std::max(value_width, text_px(value_texts[i]) + 8);
    }
    double label_width = 0;
    for (const auto& c : chart.categories) label_width = std::max(label_width, text_px(c));
    const double label_room = std::min(label_width, W * 0.36);
    const double left = label_room + 12, right = W - std::max(value_width, text_px(number(axis.hi, axis.decimals, t.lang)) / 2) - 8;

    std::vector<LegendEntry> entries;
    std::size_t next = 0;
    std::vector<std::string> colours;
    for (const auto& s : chart.series) {
        colours.push_back(colour_of(s.colour, next));
        entries.push_back({s.name, colours.back()});
    }
    std::string body;
    double top = 4;
    if (chart.series.size() > 1) body += legend(entries, left, right, 0, top);
    const double row = 28, bar = 18;
    const double plot_top = top + 4, plot_bottom = plot_top + std::max<double>(n, 1) * row;
    const double height = plot_bottom + 24;

    for (const double v : axis.ticks()) {
        const double x = axis.at(v, left, right);
        body += line(x, plot_top, x, plot_bottom, v == 0 ? zero_ink : grid_ink);
        body += text(x, plot_bottom + 16, "middle", number(v, axis.decimals, t.lang));
    }
    const auto columns = static_cast<std::size_t>(std::max(1.0, label_room / char_px));
    for (std::size_t i = 0; i < n; ++i) {
        const double y = plot_top + static_cast<double>(i) * row + (row - bar) / 2;
        body += text(left - 8, y + bar / 2 + 4, "end", fit(chart.categories[i], columns), "#1d2630");
        double up = 0, down = 0;
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            const auto& values = chart.series[s].values;
            if (i >= values.size() || !std::isfinite(values[i]) || values[i] == 0) continue;
            const double v = values[i];
            const double from = v >= 0 ? up : down + v, to = v >= 0 ? up + v : down;
            (v >= 0 ? up : down) += v;
            const double x0 = axis.at(from, left, right), x1 = axis.at(to, left, right);
            body += "<rect x=\"" + px(x0) + "\" y=\"" + px(y) + "\" width=\"" + px(x1 - x0) + "\" height=\"" + px(bar) +
                    "\" fill=\"" + colours[s] + "\"><title>" + html_escape(chart.categories[i]) +
                    (chart.series[s].name.empty() ? "" : " — " + html_escape(chart.series[s].name)) + ": " +
                    number(v, t.decimals, t.lang) + "</title></rect>\n";
        }
        if (chart.value_labels)
            body += text(axis.at(up, left, right) + 6, y + bar / 2 + 4, "start", value_texts[i], "#1d2630");
    }
    if (n == 0) body += text((left + right) / 2, plot_top + row / 2 + 4, "middle", "–");
    return open_svg(t, W, height) + body + "</svg>\n";
}

std::string svg(const LineChart& chart, int width, int height) {
    const double W = width, H = height;
    const auto& t = chart.text;
    const auto n = chart.x.size();

    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    auto extend = [&](const std::vector<double>& values) {
        for (std::size_t i = 0; i < n && i < values.size(); ++i)
            if (std::isfinite(values[i])) {
                lo = std::min(lo, values[i]);
                hi = std::max(hi, values[i]);
            }
    };
    for (const auto& l : chart.lines) extend(l.values);
    for (const auto& b : chart.bands) {
        extend(b.low);
        extend(b.high);
    }
    if (!std::isfinite(lo)) lo = hi = 0;
    if (chart.zero_based && lo > 0) lo = 0;
    const Axis axis(lo, hi, t.decimals == 0);

    double tick_width = 0;
    for (const double v : axis.ticks()) tick_width = std::max(tick_width, text_px(number(v, axis.decimals, t.lang)));
    const double left = tick_width + 12, right = W - 12;

    std::vector<LegendEntry> entries;
    std::size_t next = 0;
    std::vector<std::string> band_colours, line_colours;
    for (const auto& b : chart.bands) {
        band_colours.push_back(colour_of(b.colour, next));
        entries.push_back({b.name, band_colours.back(), true});
    }
    next = 0;  // a band and the line inside it share a colour unless told otherwise
    for (const auto& l : chart.lines) {
        line_colours.push_back(colour_of(l.colour, next));
        entries.push_back({l.name, line_colours.back()});
    }
    std::string body;
    double top = 8;
    if (entries.size() > 1 || !chart.bands.empty()) body += legend(entries, left, right, 0, top);
    const double plot_top = top + 6, plot_bottom = H - 28;
    double x_label_width = 0;
    for (const auto& x : chart.x) x_label_width = std::max(x_label_width, text_px(x) + 12);
    const double inner = n > 1 ? std::max(10.0, x_label_width / 2 - 12) : 0;  // keeps the end labels inside
    auto x_at = [&](std::size_t i) {
        return n > 1 ? left + inner + static_cast<double>(i) * (right - left - 2 * inner) / static_cast<double>(n - 1)
                     : (left + right) / 2;
    };
    auto y_at = [&](double v) { return axis.at(v, plot_bottom, plot_top); };

    for (const double v : axis.ticks()) {
        const double y = y_at(v);
        body += line(left, y, right, y, v == 0 ? zero_ink : grid_ink);
        body += text(left - 6, y + 4, "end", number(v, axis.decimals, t.lang));
    }
    const double slot = n > 1 ? (right - left - 2 * inner) / static_cast<double>(n - 1) : right - left;
    const auto every = static_cast<std::size_t>(std::max(1.0, std::ceil(x_label_width / std::max(slot, 1.0))));
    for (std::size_t i = 0; i < n; i += every) body += text(x_at(i), plot_bottom + 18, "middle", chart.x[i]);

    // Bands and lines break where a value is missing.
    for (std::size_t b = 0; b < chart.bands.size(); ++b) {
        const auto& band = chart.bands[b];
        auto ok = [&](std::size_t i) {
            return i < band.low.size() && i < band.high.size() && std::isfinite(band.low[i]) && std::isfinite(band.high[i]);
        };
        for (std::size_t i = 0; i < n;) {
            if (!ok(i)) {
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < n && ok(end)) ++end;
            std::string points;
            for (std::size_t k = i; k < end; ++k) points += px(x_at(k)) + "," + px(y_at(band.high[k])) + " ";
            for (std::size_t k = end; k-- > i;) points += px(x_at(k)) + "," + px(y_at(band.low[k])) + " ";
            points.pop_back();
            body += "<polygon points=\"" + points + "\" fill=\"" + band_colours[b] + "\" fill-opacity=\"0.2\"><title>" +
                    html_escape(band.name) + "</title></polygon>\n";
            i = end;
        }
    }
    for (std::size_t l = 0; l < chart.lines.size(); ++l) {
        const auto& values = chart.lines[l].values;
        std::string path;
        bool pen_down = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (i >= values.size() || !std::isfinite(values[i])) {
                pen_down = false;
                continue;
            }
            path += pen_down ? 'L' : 'M';
            path += px(x_at(i)) + "," + px(y_at(values[i]));
            pen_down = true;
        }
        if (!path.empty())
            body += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + line_colours[l] +
                    "\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\n";
        if (n <= 40)
            for (std::size_t i = 0; i < n && i < values.size(); ++i)
                if (std::isfinite(values[i]))
                    body += "<circle cx=\"" + px(x_at(i)) + "\" cy=\"" + px(y_at(values[i])) + "\" r=\"3\" fill=\"" +
                            line_colours[l] + "\"><title>" + html_escape(chart.x[i]) +
                            (chart.lines[l].name.empty() ? "" : " — " + html_escape(chart.lines[l].name)) + ": " +
                            number(values[i], t.decimals, t.lang) + "</title></circle>\n";
    }
    return open_svg(t, W, H) + body + "</svg>\n";
}

}  // namespace coopecon::indicators
