// What the two CSV importers share (src/io/csv_import.hpp).

#include "io/csv_import.hpp"

#include "json/source.hpp"
#include <coopecon/law/framework_json.hpp>
#include <coopecon/model/area_catalog_json.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace coopecon::io::detail {

namespace {

/// The index in `path` after "organizations[" and the rest of the path, or nullopt.
std::optional<std::pair<std::size_t, std::string_view>> split_path(std::string_view path) {
    constexpr std::string_view list = "organizations[";
    if (!path.starts_with(list)) return std::nullopt;
    const auto close = path.find(']');
    std::size_t index = 0;
    for (std::size_t k = list.size(); k < close; ++k) {
        if (path[k] < '0' || path[k] > '9') return std::nullopt;
        index = index * 10 + static_cast<std::size_t>(path[k] - '0');
    }
    return std::pair(index, path.substr(close + 1));
}

/// The index after `prefix` at the start of `rest` (".events[3]…" with prefix ".events["), or nullopt.
std::optional<std::size_t> index_after(std::string_view rest, std::string_view prefix) {
    if (!rest.starts_with(prefix)) return std::nullopt;
    std::size_t index = 0, k = prefix.size();
    for (; k < rest.size() && rest[k] >= '0' && rest[k] <= '9'; ++k)
        index = index * 10 + static_cast<std::size_t>(rest[k] - '0');
    if (k == prefix.size() || k >= rest.size() || rest[k] != ']') return std::nullopt;
    return index;
}

/// A registry rule about when an event may happen (before registration, after termination) is placed on the
/// cell of its date; every other refusal on the cell of the value that decided the event.
bool about_timing(const Problem& p) {
    return p.rule == "integrity.registered_first" || p.rule == "integrity.after_termination";
}

constexpr std::string_view unknown_reference = "no organization with id ";

/// Places a problem of Registry::add about `c` on the cell it came from.
void place(Problem& p, const Candidate& c, std::string_view rest, std::string_view file) {
    Origin where = c.identity.count("id") ? c.identity.at("id") : Origin{c.lines.front(), 1, {}};
    if (const auto j = index_after(rest, ".events["); j && *j < c.events.size()) {
        where = about_timing(p) ? c.events[*j].date : c.events[*j].value;
    } else if (const auto m = index_after(rest, ".members["); m && *m < c.members.size()) {
        where = c.members[*m];
    } else if (rest.starts_with('.')) {
        const auto field = rest.substr(1);
        if (const auto it = c.identity.find(std::string(field)); it != c.identity.end()) where = it->second;
    } else if (p.message.starts_with(unknown_reference)) {
        const auto id = std::string_view(p.message).substr(unknown_reference.size());
        for (std::size_t j = 0; j < c.events.size(); ++j) {
            bool refers = false;
            std::visit(
                [&](const auto& payload) {
                    using P = std::decay_t<decltype(payload)>;
                    if constexpr (std::is_same_v<P, Registered>)
                        refers = std::find(payload.predecessors.begin(), payload.predecessors.end(), id) !=
                                 payload.predecessors.end();
                    else if constexpr (std::is_same_v<P, ReorganizationStarted> ||
                                       std::is_same_v<P, ReorganizationCompleted>)
                        refers = std::find(payload.counterparts.begin(), payload.counterparts.end(), id) !=
                                 payload.counterparts.end();
                },
                c.record.events[j].data);
            if (refers && c.events[j].reference.line > 0) {
                where = c.events[j].reference;
                break;
            }
        }
    }
    p.file = std::string(file);
    p.line = where.line;
    p.column = where.column;
    p.path = where.path;
}

constexpr std::string_view unknown_area = "unknown area code ";

/// Where to look for a code the catalogue lacks: the records with the same official code (the code written
/// without its letter, or the unit on the other side of 2025-07-01), else an areas file.
std::string area_hint(std::string_view code, const AreaCatalog& areas) {
    auto digits = code;
    if (!digits.empty() && (digits[0] == 'P' || digits[0] == 'D' || digits[0] == 'C')) digits.remove_prefix(1);
    if (digits.ends_with("-2025")) digits.remove_suffix(5);
    std::string near;
    for (const auto& a : areas.areas()) {
        if (a.official_code != digits || a.code == code) continue;
        near += std::string(near.empty() ? "" : " or ") + a.code + " (" + a.full_name + ", " +
                (a.valid_to ? "to " + a.valid_to->iso() : "from " + a.valid_from.iso()) + ")";
    }
    if (!near.empty()) return "did you mean " + near + "?";
    return "the catalogue holds the units valid on 2025-06-30 and from 2025-07-01 (docs/areas.md); give units that "
           "ended earlier, or any other, in an areas file (format coopecon-areas)";
}

/// One problem per unknown area code, at its first row, counting the rows and organisations that use it: an
/// export in units the catalogue lacks would otherwise repeat each code on thousands of lines.
void collapse_unknown_areas(Problems& problems, const AreaCatalog& areas) {
    struct Use {
        std::size_t first = 0;  // in `kept`
        std::vector<int> lines;
        std::set<std::string> organizations;
    };
    std::map<std::string, Use> uses;
    Problems kept;
    for (auto& p : problems) {
        if (p.code != ErrorCode::unknown_name || !p.message.starts_with(unknown_area)) {
            kept.push_back(std::move(p));
            continue;
        }
        auto [it, fresh] = uses.try_emplace(p.message.substr(unknown_area.size()));
        it->second.lines.push_back(p.line);
        it->second.organizations.insert(p.organization);
        if (!fresh) continue;
        it->second.first = kept.size();
        kept.push_back(std::move(p));
    }
    constexpr std::size_t lines_shown = 5;
    for (const auto& [code, use] : uses) {
        auto& message = kept[use.first].message;
        if (use.lines.size() > 1) {
            message += " (" + std::to_string(use.lines.size()) + " rows of " +
                       std::to_string(use.organizations.size()) + " organizations: lines";
            for (std::size_t k = 0; k < std::min(lines_shown, use.lines.size()); ++k)
                message += (k ? ", " : " ") + std::to_string(use.lines[k]);
            message += use.lines.size() > lines_shown ? ", …)" : ")";
        }
        message += "; " + area_hint(code, areas);
    }
    problems = std::move(kept);
}

void sort_by_position(Problems& problems) {
    std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
}

}  // namespace

Source open(std::string_view text, std::string_view file, CsvRows rows, const CsvOptions& options) {
    if (options.mapping && options.mapping->rows != rows)
        throw Error(ErrorCode::usage, "the mapping " + json::in_quotes(options.mapping->name) + " is for " +
                                          std::string(enum_name(options.mapping->rows)) + " rows, not " +
                                          std::string(enum_name(rows)) + " rows");
    Source s;
    s.file = std::string(file);
    s.table = parse(text, file, options.mapping ? options.mapping->delimiter : ',', options.limits);
    s.mapping = options.mapping ? *options.mapping : choose_builtin_csv_mapping(s.table.header, rows);
    s.bound = bind_header(s.table.header, s.mapping, file);
    if (s.table.rows.empty())
        throw Error(problem_at(ErrorCode::missing_field, "the file has a header but no rows", file, 1, 1));
    return s;
}

Candidate misread_row(const Row& row, const Source& source, std::string_view id_field) {
    Candidate c;
    c.lines = {row.line};
    c.problems = row.problems;
    const auto k = source.bound.column(id_field);
    if (k && static_cast<int>(*k + 1) < row.problems.front().column && *k < row.fields.size())
        c.record.organization.id = std::string(trim(row.fields[*k]));
    for (auto& p : c.problems) p.organization = c.record.organization.id;
    return c;
}

CsvImport finish(std::vector<Candidate> candidates, const Source& source, const CsvOptions& options) {
    CsvImport out{Registry(options.law ? options.law : law::vietnam(), options.areas ? options.areas : vietnam_areas()),
                  {},
                  source.mapping.name};
    out.registry.info().title = "CSV import of " + source.file;
    // Names only (the file, the mapping): a report in either language shows it as it is.
    out.registry.info().source = source.file + " (" + source.mapping.name + ")";
    out.registry.info().as_of = options.as_of;

    Problems problems;       // when every problem refuses the file
    std::set<std::string> refused_ids;  // organisations with a problem of their own rows
    std::vector<Candidate> bad;
    std::vector<Candidate> good;
    for (auto& c : candidates) {
        if (c.problems.empty()) {
            good.push_back(std::move(c));
            continue;
        }
        refused_ids.insert(c.record.organization.id);
        bad.push_back(std::move(c));
    }

    // Registry::add checks every history together and adds all or none; a refused organisation is set aside and
    // the rest tried again (an organisation may depend on one set aside, through its references).
    while (!good.empty()) {
        std::vector<OrganizationRecord> records;
        records.reserve(good.size());
        for (const auto& c : good) records.push_back(c.record);
        try {
            out.registry.add(std::move(records));
            break;
        } catch (const Error& e) {
            std::map<std::size_t, Problems> refused;
            for (auto p : e.problems()) {
                const auto split = split_path(p.path);
                if (!split || split->first >= good.size()) {
                    p.file = source.file;
                    problems.push_back(std::move(p));
                    continue;
                }
                const auto& c = good[split->first];
                if (p.message.starts_with(unknown_reference)) {
                    // A reference to an organisation refused for its own rows is not a problem of its own.
                    const std::string id = p.message.substr(unknown_reference.size());
                    if (!options.skip_bad_rows && refused_ids.count(id)) continue;
                    if (refused_ids.count(id)) p.message += " (its rows are skipped)";
                }
                place(p, c, split->second, source.file);
                refused[split->first].push_back(std::move(p));
            }
            if (!options.skip_bad_rows) {
                for (auto& [k, ps] : refused)
                    for (auto& p : ps) problems.push_back(std::move(p));
                break;
            }
            if (refused.empty()) break;  // nothing to set aside: the problems above stand
            std::vector<Candidate> kept;
            for (std::size_t k = 0; k < good.size(); ++k) {
                if (const auto it = refused.find(k); it != refused.end()) {
                    good[k].problems = std::move(it->second);
                    refused_ids.insert(good[k].record.organization.id);
                    bad.push_back(std::move(good[k]));
                } else {
                    kept.push_back(std::move(good[k]));
                }
            }
            good = std::move(kept);
        }
    }

    if (!options.skip_bad_rows || !problems.empty()) {
        for (auto& c : bad)
            for (auto& p : c.problems) problems.push_back(std::move(p));
        sort_by_position(problems);
        collapse_unknown_areas(problems, out.registry.areas());
        throw_if_any(std::move(problems));
    }
    for (auto& c : bad) {
        sort_by_position(c.problems);
        for (const int line : c.lines) out.skipped.push_back(CsvSkippedRow{line, c.record.organization.id, c.problems});
    }
    std::sort(out.skipped.begin(), out.skipped.end(),
              [](const CsvSkippedRow& a, const CsvSkippedRow& b) { return a.line < b.line; });
    out.registry.info().history_from = options.history_from;
    // A row is the state on the export date, rebuilt into the smallest history that gives it: how long anything
    // held before that date is not recorded.
    if (source.mapping.rows == CsvRows::organizations && !options.history_from)
        out.registry.info().history_from = options.as_of.value_or(out.registry.data_as_of());
    return out;
}


}  // namespace coopecon::io::detail
