#pragma once
// The report as an HTML page (indicators/report.hpp, Format::html): kept apart from the text renderings because
// it adds the headline cards and the charts.

#include <coopecon/core/date_text.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/indicators/report.hpp>

#include <string>
#include <vector>

namespace coopecon::indicators::detail {

/// The registry's source in the report's language: in Vietnamese its source_vi where the info has one.
inline const std::string& source_in(const RegistryInfo& info, Lang lang) {
    return lang == Lang::vi && info.source_vi ? *info.source_vi : info.source;
}

/// The page: the headline sentences (the first says when the data are synthetic) as the title, the notice and
/// the summary, cards of the headline figures, charts of the standard tables and the series, then every table.
std::string report_html(const Report& r, const std::vector<std::string>& sentences, Lang lang);

}  // namespace coopecon::indicators::detail
