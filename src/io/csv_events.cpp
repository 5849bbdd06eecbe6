// Event rows of a CSV import (csv_events.hpp).

#include "io/csv_import.hpp"

#include <coopecon/core/article.hpp>
#include <coopecon/io/csv_events.hpp>
#include "json/traits.hpp"

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace coopecon::io {

namespace detail {
namespace {

constexpr std::string_view field(EventField f) noexcept { return enum_name(f); }

/// The identity cells of a row that has them.
struct Identity {
    std::optional<std::string> registration_code, name, area;
    std::optional<OrgKind> kind;
    std::optional<Sector> sector;
    bool operator==(const Identity&) const = default;
};

struct ParsedRow {
    int line = 0;
    std::string organization;
    std::optional<EventType> type;
    std::optional<Event> event;  // when the row has no problem
    EventOrigin origin;
    Identity identity;
    std::map<std::string, Origin> identity_at;  // field of Organization → cell
    std::optional<Member> member;               // the member a member_joined row describes
    Origin member_at;
    Problems problems;
};

/// Reads the payload of type P from the row's cells; `fields` collects the keys it reads.
template <class P>
P read_payload(RowReader& r, std::string_view type, std::vector<std::string_view>& fields) {
    P payload{};
    const std::string why = "for a " + std::string(type) + " event";
    boost::mp11::mp_for_each<json::described_members<P>>([&](auto m) {
        using T = std::remove_cvref_t<decltype(payload.*m.pointer)>;
        fields.push_back(m.name);
        auto& out = payload.*m.pointer;
        if constexpr (json::is_optional<T>::value) out = r.get<typename T::value_type>(m.name);
        else if constexpr (json::is_vector<T>::value) out = r.get<T>(m.name).value_or(T{});
        else if (auto v = r.require<T>(m.name, why)) out = std::move(*v);
    });
    return payload;
}

ParsedRow parse_row(const Row& row, const Source& source, const CsvOptions& options) {
    RowReader r(row, source);
    ParsedRow out;
    out.line = row.line;
    out.organization = r.require<std::string>(field(EventField::organization)).value_or("");
    const auto date = r.require<Date>(field(EventField::date));
    const auto type = r.require<EventType>(field(EventField::type));
    out.type = type;
    out.origin.date = r.origin(field(EventField::date));
    out.origin.value = r.origin(field(EventField::type));
    if (date && options.as_of && *date > *options.as_of)
        r.problem(field(EventField::date), ErrorCode::invalid_value,
                  date->iso() + " is after the export date " + options.as_of->iso());

    // Identity cells are read on every row: the registered row gives them, the others must agree with it.
    out.identity.registration_code = r.get<std::string>(field(EventField::registration_code));
    out.identity.name = r.get<std::string>(field(EventField::name));
    out.identity.kind = r.get<OrgKind>(field(EventField::organization_kind));
    out.identity.area = r.get<std::string>(field(EventField::area));
    out.identity.sector = r.get<Sector>(field(EventField::sector));
    out.identity_at = {{"id", r.origin(field(EventField::organization))},
                       {"registration_code", r.origin(field(EventField::registration_code))},
                       {"name", r.origin(field(EventField::name))},
                       {"kind", r.origin(field(EventField::organization_kind))},
                       {"area", r.origin(field(EventField::area))},
                       {"sector", r.origin(field(EventField::sector))}};

    std::vector<std::string_view> fields;  // the payload keys of this row's type
    std::optional<EventData> data;
    if (type) {
        const std::string_view type_name = enum_name(*type);
        boost::mp11::mp_with_index<std::variant_size_v<EventData>>(static_cast<std::size_t>(*type), [&](auto I) {
            using Payload = std::variant_alternative_t<decltype(I)::value, EventData>;
            data = read_payload<Payload>(r, type_name, fields);
        });
        if (*type == EventType::registered) {
            r.require<std::string>(field(EventField::name), "on a registered row");
            r.require<OrgKind>(field(EventField::organization_kind), "on a registered row");
            r.require<std::string>(field(EventField::area), "on a registered row");
            r.require<Sector>(field(EventField::sector), "on a registered row");
        }
        if (*type == EventType::member_joined) {
            Member m;
            m.id = std::get<MemberJoined>(*data).member;
            m.name = r.require<std::string>(field(EventField::member_name), "to describe the member").value_or("");
            m.type = r.require<MemberType>("member_type", "to describe the member").value_or(MemberType::individual);
            m.foreign_investor = r.get<bool>(field(EventField::member_foreign_investor)).value_or(false);
            m.organization = r.get<std::string>(field(EventField::member_organization));
            out.member = std::move(m);
            out.member_at = r.origin("member");
            for (const EventField f : {EventField::member_name, EventField::member_foreign_investor,
                                       EventField::member_organization})
                fields.push_back(field(f));
            fields.push_back("member_type");
        }
        // Every other filled cell belongs to another type: most likely a row shifted or mislabelled.
        for (const auto& f : csv_fields(CsvRows::events)) {
            const auto known = enum_from_name<EventField>(f.name);
            const bool identity_or_common = known && *known != EventField::member_name &&
                                            *known != EventField::member_foreign_investor &&
                                            *known != EventField::member_organization;
            if (identity_or_common || !r.has(f.name) ||
                std::find(fields.begin(), fields.end(), f.name) != fields.end())
                continue;
            r.problem(f.name, ErrorCode::unknown_field,
                      with_article(type_name) + " event has no " + f.name + ": leave the cell blank");
        }
    }
    if (type && r.has_column("predecessors") && r.has("predecessors")) out.origin.reference = r.origin("predecessors");
    if (type && r.has_column("counterparts") && r.has("counterparts")) out.origin.reference = r.origin("counterparts");
    if (date && data && r.ok()) out.event = Event{*date, std::move(*data)};
    out.problems = r.take_problems();
    for (auto& p : out.problems) p.organization = out.organization;
    return out;
}

/// A row whose cells are not read (misread_row); it still belongs to its organisation, whose other rows
/// are skipped with it.
ParsedRow misread(const Row& row, const Source& source) {
    auto c = misread_row(row, source, field(EventField::organization));
    ParsedRow out;
    out.line = row.line;
    out.organization = std::move(c.record.organization.id);
    out.problems = std::move(c.problems);
    return out;
}

/// One organisation's rows (in file order) as a candidate: identity from its registered row, members from the
/// rows that admit them, one event per row.
Candidate assemble(std::vector<ParsedRow>& rows, const Source& source) {
    Candidate c;
    const std::string id = rows.front().organization;
    c.record.organization.id = id;
    auto group_problem = [&](const Origin& where, ErrorCode code, std::string message) {
        auto p = problem_at(code, std::move(message), source.file, where.line, where.column, where.path);
        p.organization = id;
        c.problems.push_back(std::move(p));
    };
    const auto registered = std::find_if(rows.begin(), rows.end(), [](const ParsedRow& r) {
        return r.type == EventType::registered;
    });
    // A row whose type could not be read may be the registered one: its own problem says enough.
    const bool types_known = std::all_of(rows.begin(), rows.end(), [](const ParsedRow& r) { return r.type; });
    if (registered == rows.end() && types_known)
        group_problem(rows.front().origin.value, ErrorCode::missing_field,
                      "the organization has no registered row: its history starts with one, which gives its name, "
                      "kind, area and sector");
    if (registered != rows.end()) {
        auto& o = c.record.organization;
        const auto& given = registered->identity;
        o.registration_code = given.registration_code.value_or("");
        o.name = given.name.value_or("");
        o.kind = given.kind.value_or(OrgKind::cooperative);
        o.area = given.area.value_or("");
        o.sector = given.sector.value_or(Sector::other);
        c.identity = registered->identity_at;
        for (const auto& row : rows) {
            if (&row == &*registered) continue;
            auto differs = [&](const auto& value, const auto& on_registered, const char* key) {
                if (value && value != on_registered)
                    group_problem(row.identity_at.at(key), ErrorCode::invalid_value,
                                  "this differs from the registered row at line " + std::to_string(registered->line) +
                                      ": give the organization's identity there, and leave it blank or the same on "
                                      "its other rows");
            };
            differs(row.identity.registration_code, given.registration_code, "registration_code");
            differs(row.identity.name, given.name, "name");
            differs(row.identity.kind, given.kind, "kind");
            differs(row.identity.area, given.area, "area");
            differs(row.identity.sector, given.sector, "sector");
        }
    } else {
        c.identity = rows.front().identity_at;
    }

    std::map<std::string, std::size_t> member_index;  // member id → position in record.members
    for (auto& row : rows) {
        c.lines.push_back(row.line);
        for (auto& p : row.problems) c.problems.push_back(std::move(p));
        if (row.member) {
            const auto [it, added] = member_index.emplace(row.member->id, c.record.members.size());
            if (added) {
                c.record.members.push_back(*row.member);
                c.members.push_back(row.member_at);
            } else if (!(c.record.members[it->second].name == row.member->name &&
                         c.record.members[it->second].type == row.member->type &&
                         c.record.members[it->second].foreign_investor == row.member->foreign_investor &&
                         c.record.members[it->second].organization == row.member->organization)) {
                group_problem(row.member_at, ErrorCode::invalid_value,
                              "member " + row.member->id + " is described differently at line " +
                                  std::to_string(c.members[it->second].line) + ": describe a member the same way "
                                  "each time they join");
            }
        }
        if (row.event) {
            c.record.events.push_back(std::move(*row.event));
            c.events.push_back(row.origin);
        }
    }
    return c;
}

}  // namespace
}  // namespace detail

namespace detail {

CsvImport read_event_rows(std::string_view text, std::string_view file, const CsvOptions& options,
                          const GivenBack& given_back) {
    auto source = open(text, file, CsvRows::events, options);
    // An organisation's rows usually follow each other (exports are sorted by organisation): each run of them is
    // one candidate, given to the builder when the next organisation's row comes. An organisation whose rows
    // come apart is found when they come again, after its first run was given: the file is then read again, and
    // the rows of each such organisation are held from its first row to its last.
    struct Apart {
        int last_line = 0;
        bool known = false;  // before this reading: its rows are held
    };
    std::map<std::string, Apart, std::less<>> apart;
    return build(source, options, given_back, [&](Builder& builder) {
        bool complete = true;
        std::string current;  // the organisation of `run`
        std::vector<ParsedRow> run;
        std::map<std::string, std::vector<ParsedRow>, std::less<>> held;
        auto end_run = [&] {
            if (!run.empty()) builder.add(assemble(run, source));
            run.clear();
        };
        Row row;
        while (source.reader.next(row)) {
            auto parsed = row.problems.empty() ? parse_row(row, source, options) : misread(row, source);
            const std::string& id = parsed.organization;
            if (id.empty()) {  // a row that names no organisation is a candidate of its own
                Candidate alone;
                alone.lines = {parsed.line};
                alone.identity = parsed.identity_at;
                alone.problems = std::move(parsed.problems);
                builder.add(std::move(alone));
                continue;
            }
            if (const auto it = apart.find(id); it != apart.end()) {
                auto& a = it->second;
                if (!a.known) {  // found apart in this reading: its rows wait for the next
                    a.last_line = parsed.line;
                    continue;
                }
                auto& rows = held[id];
                rows.push_back(std::move(parsed));
                if (rows.back().line == a.last_line) {
                    builder.add(assemble(rows, source));
                    held.erase(id);
                }
                continue;
            }
            if (id != current) {
                end_run();
                if (builder.given(id)) {
                    apart.emplace(id, Apart{parsed.line, false});
                    complete = false;
                    continue;
                }
                current = id;
            }
            run.push_back(std::move(parsed));
        }
        end_run();
        for (auto& [id, a] : apart) a.known = true;
        return complete;
    });
}

}  // namespace detail

CsvImport read_event_rows(std::string_view text, std::string_view file, const CsvOptions& options) {
    return detail::read_event_rows(text, file, options, {});
}

}  // namespace coopecon::io
