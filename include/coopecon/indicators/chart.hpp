#pragma once
// Charts as inline SVG, drawn by the library so that an HTML page needs nothing from outside: horizontal bar
// charts (one bar per category; several series are stacked) and line charts over ordered x positions, with
// bands between a low and a high series underneath (a fan chart's intervals). Every chart is accessible on its
// own (role="img", <title> and <desc>), scales to the width of its container, and writes its numbers as
// people read them in the chosen language. Every text is escaped (html.hpp), so labels may come from files.

#include <coopecon/core/label.hpp>
#include <coopecon/export.hpp>

#include <string>
#include <vector>

namespace coopecon::indicators {

/// What a chart says about itself and how it writes numbers.
struct ChartText {
    std::string id;           // unique in the page; the ids of the <title> and <desc> elements derive from it
    std::string title;        // the accessible name (<title>)
    std::string description;  // <desc>: what is shown, for people who cannot see the chart
    Lang lang = Lang::en;     // decimal mark and thousands separator of the axis and the value labels
    int decimals = 0;         // of the value labels; axis ticks use what their step needs
};

/// One named series: a value per category (bar chart) or per x position (line chart). NaN leaves a gap.
struct ChartSeries {
    std::string name;
    std::vector<double> values;
    std::string colour;  // a CSS colour; empty: the next colour of the chart's palette
};

/// The area between two series, e.g. the 5th and 95th percentiles of a projection.
struct ChartBand {
    std::string name;
    std::vector<double> low;
    std::vector<double> high;
    std::string colour;  // drawn translucent; empty: the next colour of the palette
};

struct BarChart {
    ChartText text;
    std::vector<std::string> categories;  // one bar per category, top to bottom
    std::vector<ChartSeries> series;      // more than one: stacked, in this order, with a legend
    bool value_labels = true;             // the bar's value (a stack's total) after its end
};

struct LineChart {
    ChartText text;
    std::vector<std::string> x;       // the labels of the x positions, left to right (periods, dates)
    std::vector<ChartSeries> lines;   // drawn over the bands, with a legend
    std::vector<ChartBand> bands;     // drawn in this order, so give the widest first
    bool zero_based = true;           // the y axis starts at 0 unless values are negative
};

/// An <svg> element with a viewBox of the given width; bar charts are as tall as their categories need.
COOPECON_EXPORT std::string svg(const BarChart& chart, int width = 720);
COOPECON_EXPORT std::string svg(const LineChart& chart, int width = 720, int height = 320);

}  // namespace coopecon::indicators
