// What the two CSV importers share (src/io/csv_import.hpp).

#include "io/csv_import.hpp"

#include "json/source.hpp"
#include <coopecon/law/framework_json.hpp>
#include <coopecon/model/area_catalog_json.hpp>

#include <algorithm>
#include <cstddef>
#include <limits>
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
    CsvReader reader(text, file, options.mapping ? options.mapping->delimiter : ',', options.limits);
    try {
        CsvMapping mapping = options.mapping ? *options.mapping : choose_builtin_csv_mapping(reader.header(), rows);
        BoundHeader bound = bind_header(reader.header(), mapping, file);
        return Source{std::string(file), std::move(mapping), std::move(reader), std::move(bound)};
    } catch (const Error&) {
        reader.check_rest();  // a file that cannot be read is refused for that first, as when read whole
        throw;
    }
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

namespace {

/// Whether the record names other organisations: predecessors, counterparts or member organisations, which the
/// registry checks once every organisation is added.
bool names_others(const OrganizationRecord& r) {
    const bool events = std::any_of(r.events.begin(), r.events.end(), [](const Event& e) {
        const auto* registered = e.get<Registered>();
        return (registered && !registered->predecessors.empty()) || e.get<ReorganizationStarted>() ||
               e.get<ReorganizationCompleted>();
    });
    return events || std::any_of(r.members.begin(), r.members.end(),
                                 [](const Member& m) { return m.organization.has_value(); });
}

/// The organisations an event names, and the key that names them.
std::pair<const std::vector<std::string>*, const char*> named_by(const Event& e) {
    if (const auto* r = e.get<Registered>()) return {&r->predecessors, "predecessors"};
    if (const auto* s = e.get<ReorganizationStarted>()) return {&s->counterparts, "counterparts"};
    if (const auto* c = e.get<ReorganizationCompleted>()) return {&c->counterparts, "counterparts"};
    return {nullptr, nullptr};
}

constexpr int no_line = std::numeric_limits<int>::max();

}  // namespace

Builder::Builder(const Source& source, const CsvOptions& options, const SetAside& set_aside,
                 const GivenBack& given_back)
    : source_(source),
      options_(options),
      set_aside_(set_aside),
      given_back_(given_back),
      registry_(options.law ? options.law : law::vietnam(), options.areas ? options.areas : vietnam_areas()) {
    registry_.info().title = "CSV import of " + source.file;
    // Names only (the file, the mapping): a report in either language shows it as it is.
    registry_.info().source = source.file + " (" + source.mapping.name + ")";
    registry_.info().as_of = options.as_of;
    part_.reserve(part_size);
}

void Builder::add(Candidate c) {
    ++given_;
    const auto& id = c.record.organization.id;
    if (c.problems.empty() && !id.empty())
        if (const auto it = set_aside_.find(id); it != set_aside_.end()) c.problems = it->second;
    if (!c.problems.empty()) return refuse(std::move(c));
    part_ids_.emplace(id, static_cast<int>(part_.size()));
    part_.push_back(std::move(c));
    if (part_.size() == part_size) add_part();
}

std::optional<int> Builder::line_of(std::string_view id) const {
    if (const auto i = registry_.find(id)) return lines_[*i];
    if (const auto it = part_ids_.find(id); it != part_ids_.end())
        return part_[static_cast<std::size_t>(it->second)].lines.front();
    if (const auto it = refused_ids_.find(id); it != refused_ids_.end() && it->second != no_line) return it->second;
    return std::nullopt;
}

bool Builder::given(std::string_view id) const {
    return registry_.find(id) || part_ids_.count(id) != 0 || refused_ids_.count(id) != 0;
}

void Builder::refuse(Candidate c) {
    auto& id = c.record.organization.id;
    if (!id.empty()) {
        auto& line = refused_ids_.try_emplace(id, no_line).first->second;
        if (c.identity.count("id")) line = std::min(line, c.lines.front());
    }
    sort_by_position(c.problems);
    refused_.push_back(Refused{std::move(c.lines), std::move(id), std::move(c.problems)});
}

void Builder::add_part() {
    if (part_.empty()) return;
    std::vector<OrganizationRecord> records;
    std::vector<std::size_t> input_index;
    records.reserve(part_.size());
    input_index.reserve(part_.size());
    for (std::size_t k = 0; k < part_.size(); ++k) {
        auto& record = part_[k].record;
        // The records that name others are kept with their candidates, for what is checked at the end; of the
        // others, the id, which names the candidate if it is refused.
        if (names_others(record)) {
            records.push_back(record);
        } else {
            records.push_back(std::move(record));
            record.organization.id = records.back().organization.id;
        }
        input_index.push_back(added_before_ + k);
    }
    Problems problems;
    registry_.add_part(std::move(records), input_index, parts_, problems);
    std::map<std::size_t, Problems> refused;  // by position in the part
    for (auto& p : problems) {
        const auto split = split_path(p.path);
        if (!split || split->first < added_before_ || split->first - added_before_ >= part_.size()) {
            p.file = source_.file;
            unplaced_.push_back(std::move(p));
            continue;
        }
        const std::size_t k = split->first - added_before_;
        place(p, part_[k], split->second, source_.file);
        refused[k].push_back(std::move(p));
    }
    for (std::size_t k = 0; k < part_.size(); ++k) {
        auto& c = part_[k];
        if (const auto it = refused.find(k); it != refused.end()) {
            c.problems = std::move(it->second);
            refuse(std::move(c));
            continue;
        }
        lines_.push_back(c.lines.front());
        if (names_others(c.record)) naming_.emplace(added_before_ + k, std::move(c));
    }
    added_before_ += part_.size();
    part_.clear();
    part_ids_.clear();
    if (given_back_) given_back_(source_.reader.offset());
}

Problems Builder::unknown_references(std::size_t input_index, const Candidate& c) const {
    Problems out;
    std::set<std::string_view> reported;
    const auto& events = c.record.events;
    for (std::size_t j = 0; j < events.size(); ++j) {
        const auto [ids, key] = named_by(events[j]);
        if (!ids) continue;
        for (std::size_t k = 0; k < ids->size(); ++k) {
            const auto& id = (*ids)[k];
            if (registry_.find(id) || !reported.insert(id).second) continue;
            std::string path = "organizations[";
            path += std::to_string(input_index);
            path += "].events[";
            path += std::to_string(j);
            path += "].";
            path += key;
            path += '[';
            path += std::to_string(k);
            path += ']';
            auto p = Problem::at(ErrorCode::unknown_name, std::string(unknown_reference) + id, path);
            p.organization = c.record.organization.id;
            p.event = std::string(enum_name(events[j].type()));
            p.date = events[j].date;
            if (refused_ids_.count(id)) p.message += " (its rows are skipped)";
            place(p, c, std::string_view(path).substr(path.find(']') + 1), source_.file);
            out.push_back(std::move(p));
        }
    }
    return out;
}

std::optional<CsvImport> Builder::finish(SetAside& set_aside) {
    add_part();
    if (given_ == 0) throw Error(problem_at(ErrorCode::missing_field, "the file has a header but no rows", source_.file, 1, 1));

    // What waited for the end: references to organisations of later parts, and the rules across organisations.
    // A reference to an organisation refused for its own problems is not a problem of its own, unless rows are
    // skipped: then the organisation that names it is set aside too.
    for (const auto& [id, line] : refused_ids_) parts_.refused.insert(id);
    Problems late;
    registry_.finish_parts(parts_, late);
    std::map<std::size_t, Problems> late_by_candidate;
    if (options_.skip_bad_rows)
        for (const auto& [k, c] : naming_)
            if (auto unknown = unknown_references(k, c); !unknown.empty()) late_by_candidate[k] = std::move(unknown);
    for (auto& p : late) {
        const auto split = split_path(p.path);
        const auto it = split ? naming_.find(split->first) : naming_.end();
        if (it == naming_.end()) {
            p.file = source_.file;
            unplaced_.push_back(std::move(p));
            continue;
        }
        // With skipped rows, unknown_references has reported every unknown reference, in the order named.
        if (options_.skip_bad_rows && p.message.starts_with(unknown_reference) && p.rule.empty()) continue;
        place(p, it->second, split->second, source_.file);
        late_by_candidate[split->first].push_back(std::move(p));
    }

    if (options_.skip_bad_rows && unplaced_.empty() && !late_by_candidate.empty()) {
        for (auto& [k, problems] : late_by_candidate) {
            sort_by_position(problems);
            set_aside.emplace(naming_.at(k).record.organization.id, std::move(problems));
        }
        return std::nullopt;
    }
    if (!options_.skip_bad_rows || !unplaced_.empty()) {
        Problems problems = std::move(unplaced_);
        for (auto& [k, ps] : late_by_candidate)
            for (auto& p : ps) problems.push_back(std::move(p));
        for (auto& r : refused_)
            for (auto& p : r.problems) problems.push_back(std::move(p));
        sort_by_position(problems);
        collapse_unknown_areas(problems, registry_.areas());
        throw_if_any(std::move(problems));
    }

    CsvImport out{std::move(registry_), {}, source_.mapping.name};
    for (auto& r : refused_)
        for (const int line : r.lines) out.skipped.push_back(CsvSkippedRow{line, r.id, r.problems});
    std::sort(out.skipped.begin(), out.skipped.end(),
              [](const CsvSkippedRow& a, const CsvSkippedRow& b) { return a.line < b.line; });
    out.registry.info().history_from = options_.history_from;
    // A row is the state on the export date, rebuilt into the smallest history that gives it: how long anything
    // held before that date is not recorded.
    if (source_.mapping.rows == CsvRows::organizations && !options_.history_from)
        out.registry.info().history_from = options_.as_of.value_or(out.registry.data_as_of());
    return out;
}

CsvImport build(Source& source, const CsvOptions& options, const GivenBack& given_back,
                const std::function<bool(Builder&)>& read) {
    SetAside set_aside;
    for (bool again = false;; again = true) {
        if (again) source.reader.rewind();
        Builder builder(source, options, set_aside, given_back);
        if (!read(builder)) continue;
        if (auto done = builder.finish(set_aside)) return std::move(*done);
    }
}

}  // namespace coopecon::io::detail
