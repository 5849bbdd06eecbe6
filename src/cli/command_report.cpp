// coopecon report [FILE]: the standard report of a registry (indicators/report.hpp), by default of the embedded
// Cà Mau dataset. It leads with the published headline figures, then the standard tables grouped as asked,
// then a series when a period length is given; the library computes and renders everything.

#include "commands.hpp"
#include "interrupt.hpp"
#include "registry_input.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/text_file.hpp>
#include <coopecon/indicators/report.hpp>
#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace coopecon::cli {

namespace {

void check_by(Arguments&, std::string_view v) {
    constexpr std::array<std::string_view, 8> keys{"province", "district", "commune", "region",
                                                   "kind",     "sector",   "status",  "size"};
    if (std::find(keys.begin(), keys.end(), v) == keys.end())
        throw UsageError(
            concat("--by must be province, district, commune, region, kind, sector, status or size, not '", v, "'"), {});
}
void check_period(Arguments&, std::string_view v) {
    if (v != "month" && v != "quarter" && v != "year")
        throw UsageError(concat("--period must be month, quarter or year, not '", v, "'"), {});
}
void check_date(std::string_view option, std::string_view v) {
    if (!Date::parse(v)) throw UsageError(concat("--", option, " needs a calendar date as YYYY-MM-DD, not '", v, "'"), {});
}
void check_from(Arguments&, std::string_view v) { check_date("from", v); }
void check_units(Arguments&, std::string_view v) { check_date("units-as-of", v); }

constexpr Option by_option{"by", "KEY",
                           "group the tables by province, district, commune, region, kind, sector, status or size "
                           "(default: kind)",
                           check_by};
constexpr Option period_option{"period", "month|quarter|year", "add a series of calendar periods from --from to the as-of date",
                               check_period};
constexpr Option from_option{"from", "DATE", "start of the period of the change table and the series (default: 1 January of the as-of year)",
                             check_from};
constexpr Option units_option{"units-as-of", "DATE",
                              "report areas in the units valid on this date, e.g. 2025-07-01 for the 34 provinces (default: the as-of date)",
                              check_units};
constexpr Option report_out_option{"out", "FILE", "write the report to this file (default: standard output)",
                                   check_out_file};
constexpr std::array<const Option*, 13> report_options{
    &option::as_of,    &by_option,           &period_option,         &from_option,       &units_option,
    &option::csv_rows, &option::csv_mapping, &option::csv_bad_rows, &option::csv_areas, &option::lang, &option::format,
    &report_out_option, &option::threads};

constexpr Syntax report_syntax{
    "[FILE]", 0,
    "The standard report of a registry file, or without FILE of the embedded Cà Mau dataset: the synthetic\n"
    "ca_mau_2023 profile, calibrated to the published figures of 2023-08-31. The first line says when the data\n"
    "are synthetic. The report leads with the headline figures (cooperatives by status with their members, the\n"
    "union with its member cooperatives and workers, the cooperative groups with their members, members per\n"
    "cooperative, active and suspended rates), then the standard tables: legal status, members and workers,\n"
    "change in the period, business results, classification and NTM criterion 13.1, certification and OCOP.\n"
    "Classification, NTM and OCOP figures follow provisional rules (docs/indicators.md).\n"
    "\n"
    "Stocks are counted at the end of the as-of date (default: the registry's own as-of date, else its latest\n"
    "event); flows within the period from --from to the as-of date; growth against the day before --from.\n"
    "Areas are mapped through the crosswalk to the units valid on --units-as-of: a 2023 registry reported with\n"
    "--units-as-of 2025-07-01 counts Bạc Liêu's organisations in the new Cà Mau. docs/indicators.md lists every\n"
    "indicator with its definition.\n"
    "\n"
    "--format html writes one page that loads nothing from outside: the headline figures, charts drawn as\n"
    "inline SVG (organisations by status, members, members per organisation, and the series over time when\n"
    "--period is given), then every table; open it in a browser or print it.\n"
    "\n"
    "Ctrl-C stops the computation: 'interrupted; nothing written', exit code 130, and no --out file.\n",
    report_options,
    1};

Date parsed(std::string_view v) { return *Date::parse(v); }

}  // namespace

int report(const Invocation& call) {
    const auto args = parse_arguments(call.command.name, report_syntax, call.args);
    if (args.help) {
        call.out << help_text(call.command.name, call.command.summary, report_syntax);
        return exit_code::ok;
    }
    std::optional<Registry> registry;
    if (args.operands.empty()) {
        registry = simulation::synthesize(simulation::ca_mau_2023());
    } else {
        auto loaded = load_registry(args.operands.front(), call.err, call.err, {}, CsvInput::from(args));
        if (!loaded.registry) return loaded.exit_code;
        registry = std::move(loaded.registry);
    }

    indicators::ReportOptions o;
    o.as_of = args.as_of;
    o.threads = threads_of(args);
    if (const auto v = args.value(by_option.name)) o.by = {indicators::GroupKey::parse(*v)};
    if (const auto v = args.value(period_option.name)) o.period = enum_from_name<indicators::PeriodLength>(*v);
    if (const auto v = args.value(from_option.name)) o.from = parsed(*v);
    if (const auto v = args.value(units_option.name)) o.units_as_of = parsed(*v);
    const auto as_of = o.as_of ? o.as_of : registry->info().as_of;
    if (o.from && as_of && *o.from > *as_of)
        throw UsageError(concat("--from ", o.from->iso(), " is after the as-of date ", as_of->iso()),
                         usage_line(call.command.name, report_syntax));

    std::optional<indicators::Report> report;
    {
        CancellationToken cancel;
        const InterruptGuard guard(cancel);
        o.cancel = &cancel;
        try {
            report = indicators::standard_report(*registry, o);
        } catch (const Cancelled&) {
            return interrupted(call.err, call.command.name);
        }
    }
    const auto rendered = indicators::render(*report, args.format, args.lang);
    if (const auto out = args.value(report_out_option.name))
        write_file_atomically(std::string(*out), [&](std::ostream& file) { file << rendered; });
    else
        call.out << rendered;
    return exit_code::ok;
}

}  // namespace coopecon::cli
