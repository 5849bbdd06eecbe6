#include "registry_input.hpp"

#include "arguments.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/io/csv.hpp>
#include <coopecon/io/registry_file.hpp>
#include <coopecon/io/registry_json.hpp>
#include <coopecon/law/framework_check.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/law/period.hpp>
#include <coopecon/law/reform_json.hpp>
#include <coopecon/model/area_catalog_json.hpp>

#include <algorithm>
#include <filesystem>
#include <ios>
#include <map>
#include <new>
#include <set>
#include <string>
#include <vector>
#include <system_error>

namespace coopecon::cli {

void option::check_file_name(Arguments&, std::string_view v) {
    if (v.empty()) throw UsageError("the file name is empty", {});
}

void option::check_across_law_change(Arguments&, std::string_view v) {
    if (!enum_from_name<law::AcrossLawChange>(v))
        throw UsageError(concat("--across-law-change must be by_rule, restart or keep_start, not '", v, "'"), {});
}

LoadedLaw load_law(std::optional<std::string_view> law_file, std::optional<std::string_view> reform_file,
                   std::ostream& err) {
    const std::string* current = nullptr;
    const std::string law_name(law_file.value_or(""));
    const std::string reform_name(reform_file.value_or(""));
    try {
        auto law = law::vietnam();
        std::error_code ec;
        for (const auto* name : {&law_name, &reform_name})
            if (!name->empty() && std::filesystem::is_directory(*name, ec)) {
                err << *name << ": is a directory, not a file\n";
                return {nullptr, exit_code::unreadable};
            }
        if (law_file) {
            current = &law_name;
            law = std::make_shared<const law::Framework>(law::read_framework_file(law_name));
        }
        if (reform_file) {
            current = &reform_name;
            law = std::make_shared<const law::Framework>(law::apply_reform_file(*law, reform_name));
        }
        return {std::move(law), exit_code::ok};
    } catch (const Error& e) {
        const auto& problems = e.problems();
        if (e.code() == ErrorCode::io) {
            err << problems.front().to_string() << '\n';
            return {nullptr, exit_code::unreadable};
        }
        for (const auto& p : problems) err << p.to_string() << '\n';
        err << count_of(problems.size(), "problem", "problems") << " in " << (current ? *current : "") << '\n';
        return {nullptr, exit_code::problems};
    }
}

std::string count_of(std::size_t n, std::string_view singular, std::string_view plural) {
    return concat(std::to_string(n), " ", n == 1 ? singular : plural);
}

void set_csv_rows(Arguments&, std::string_view v) {
    if (!enum_from_name<io::CsvRows>(v)) throw UsageError(concat("--rows must be organizations or events, not '", v, "'"), {});
}
void set_csv_mapping(Arguments&, std::string_view v) {
    if (v.empty()) throw UsageError("the file name is empty", {});
}
void set_csv_areas(Arguments&, std::string_view v) {
    if (v.empty()) throw UsageError("the file name is empty", {});
}
void set_csv_bad_rows(Arguments&, std::string_view v) {
    if (v != "refuse" && v != "skip") throw UsageError(concat("--bad-rows must be refuse or skip, not '", v, "'"), {});
}

CsvInput CsvInput::from(const Arguments& args) {
    CsvInput in;
    if (const auto v = args.value(option::csv_rows.name)) in.rows = std::string(*v);
    if (const auto v = args.value(option::csv_mapping.name)) in.mapping = std::string(*v);
    in.skip_bad_rows = args.value(option::csv_bad_rows.name) == "skip";
    if (const auto v = args.value(option::csv_areas.name)) in.areas = std::string(*v);
    return in;
}

namespace {

/// Reads a CSV export; the rows skipped for their problems are listed on `err`.
Registry read_csv_registry(const std::string& file, const CsvInput& in, std::shared_ptr<const law::Framework> law,
                           std::ostream& err) {
    io::CsvOptions options;
    options.limits = io::CsvLimits::from_environment();
    options.law = std::move(law);
    options.skip_bad_rows = in.skip_bad_rows;
    if (in.mapping) options.mapping = io::read_csv_mapping_file(*in.mapping);
    if (in.areas)
        options.areas = std::make_shared<const AreaCatalog>(extend_area_catalog_file(*vietnam_areas(), *in.areas));
    auto imported = in.rows ? io::read_csv_file(file, *enum_from_name<io::CsvRows>(*in.rows), options)
                            : read_csv_file(file, options);
    // Organisations skipped only for an area code the catalogue lacks are reported once per code: an export in
    // other units would otherwise list the same code for thousands of organisations.
    constexpr std::string_view unknown_area = "unknown area code ";
    struct UnknownArea {
        const Problem* first = nullptr;
        std::vector<int> lines;
        std::set<std::string> organizations;
    };
    std::map<std::string, UnknownArea> unknown_areas;
    for (const auto& s : imported.skipped) {
        if (s.problems.size() != 1 || s.organization.empty() || s.problems[0].code != ErrorCode::unknown_name ||
            !s.problems[0].message.starts_with(unknown_area))
            continue;
        auto& u = unknown_areas[s.problems[0].message.substr(unknown_area.size())];
        if (!u.first) u.first = &s.problems[0];
        u.lines.push_back(s.line);
        u.organizations.insert(s.organization);
    }
    std::set<std::string> reported;
    constexpr std::size_t lines_shown = 10;
    for (const auto& [code, u] : unknown_areas) {
        reported.insert(u.organizations.begin(), u.organizations.end());
        std::string listed;
        for (std::size_t k = 0; k < std::min(lines_shown, u.lines.size()); ++k)
            listed += (k ? ", " : "") + std::to_string(u.lines[k]);
        if (u.lines.size() > lines_shown) listed += ", …";
        err << u.first->to_string() << '\n'
            << file << ": skipped " << count_of(u.lines.size(), "row", "rows") << " (line"
            << (u.lines.size() == 1 ? " " : "s ") << listed << ") of "
            << count_of(u.organizations.size(), "organization", "organizations") << " seated in " << code
            << ", which the catalogue lacks: give it in an areas file (--areas FILE, docs/areas.md)\n";
    }
    // Other rows are skipped by organisation: its problems once, then the lines of all its rows.
    for (const auto& first : imported.skipped) {
        if (!reported.insert(first.organization).second && !first.organization.empty()) continue;
        std::vector<int> lines;
        for (const auto& s : imported.skipped)
            if (s.organization == first.organization && (!s.organization.empty() || &s == &first))
                lines.push_back(s.line);
        std::string listed;
        for (const int line : lines) listed += (listed.empty() ? "" : ", ") + std::to_string(line);
        for (const auto& p : first.problems) err << p.to_string() << '\n';
        err << file << ": skipped " << count_of(lines.size(), "row", "rows") << " (line"
            << (lines.size() == 1 ? " " : "s ") << listed << ")"
            << (first.organization.empty() ? std::string() : concat(" of organization ", first.organization)) << '\n';
    }
    return std::move(imported.registry);
}

}  // namespace

LoadedRegistry load_registry(const std::string& file, std::ostream& problems_out, std::ostream& err,
                             std::shared_ptr<const law::Framework> law, const CsvInput& csv) {
    auto unreadable = [&](const std::string& why) {
        err << file << ": " << why << '\n';
        return LoadedRegistry{std::nullopt, exit_code::unreadable};
    };
    // A directory opens as a stream on Linux; reading it then throws std::ios_base::failure (caught below too).
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) return unreadable("is a directory, not a registry file");
    try {
        // The form by the file's first bytes: the binary form and SQLite by their magic numbers, else CSV by name.
        if (io::registry_form_of_file(file) == io::RegistryForm::csv)
            return LoadedRegistry{read_csv_registry(file, csv, std::move(law), err), exit_code::ok};
        return LoadedRegistry{io::load_registry_file(file, law ? std::move(law) : law::vietnam()), exit_code::ok};
    } catch (const Error& e) {
        const auto& problems = e.problems();
        const auto io = std::find_if(problems.begin(), problems.end(),
                                     [](const Problem& p) { return p.code == ErrorCode::io; });
        if (io != problems.end()) {
            err << io->to_string() << '\n';
            return LoadedRegistry{std::nullopt, exit_code::unreadable};
        }
        for (const auto& p : problems) problems_out << p.to_string() << '\n';
        // The problems may all be in another file the command read (an areas or mapping file).
        const bool elsewhere = std::all_of(problems.begin(), problems.end(), [&](const Problem& p) {
            return !p.file.empty() && p.file != file && p.file == problems.front().file;
        });
        problems_out << count_of(problems.size(), "problem", "problems") << " in "
                     << (elsewhere ? problems.front().file : file) << '\n';
        return LoadedRegistry{std::nullopt, exit_code::problems};
    } catch (const std::bad_alloc&) {
        return unreadable("not enough memory to read the file");
    } catch (const std::ios_base::failure& e) {
        return unreadable(std::string("cannot read the file: ") + e.what());
    }
}

}  // namespace coopecon::cli
