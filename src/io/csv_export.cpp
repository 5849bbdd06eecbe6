#include <coopecon/io/csv_export.hpp>

#include "json/traits.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/io/csv_mapping.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace coopecon::io {

namespace {

/// A cell as the event-rows reader reads it: dates ISO, kinds by name, yes or no, lists separated by ";".
template <class T>
std::string cell_text(const T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
        return v;
    } else if constexpr (std::is_same_v<T, bool>) {
        return v ? "yes" : "no";
    } else if constexpr (std::is_enum_v<T>) {
        return std::string(enum_name(v));
    } else if constexpr (std::is_same_v<T, Date>) {
        return v.iso();
    } else if constexpr (json::is_optional<T>::value) {
        return v ? cell_text(*v) : std::string();
    } else if constexpr (json::is_vector<T>::value) {
        std::string out;
        for (const auto& item : v) out += (out.empty() ? "" : "; ") + cell_text(item);
        return out;
    } else {
        static_assert(std::is_integral_v<T>, "a new kind of cell needs its text");
        return std::to_string(v);
    }
}

/// The cell quoted when it holds the separator, a quote or a line break, or spaces the reader would trim.
void write_cell(std::ostream& out, std::string_view text) {
    const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) {
        out << text;
        return;
    }
    out << '"';
    for (const char c : text) out << (c == '"' ? "\"\"" : std::string_view(&c, 1));
    out << '"';
}

class RowWriter {
public:
    explicit RowWriter(std::ostream& out) : out_(out) {
        const auto* mapping = find_builtin_csv_mapping("events-en");
        std::map<std::string, std::string, std::less<>> header_of;  // field → its first header
        for (const auto& [header, field] : mapping->columns) header_of.emplace(field, header);
        const auto& fields = csv_fields(CsvRows::events);
        for (std::size_t k = 0; k < fields.size(); ++k) {
            column_[fields[k].name] = k;
            if (k) out_ << ',';
            write_cell(out_, header_of.at(fields[k].name));
        }
        out_ << "\r\n";
        cells_.resize(fields.size());
    }

    void set(std::string_view field, std::string text) { cells_[column_.find(field)->second] = std::move(text); }

    void end_row() {
        for (std::size_t k = 0; k < cells_.size(); ++k) {
            if (k) out_ << ',';
            write_cell(out_, cells_[k]);
            cells_[k].clear();
        }
        out_ << "\r\n";
    }

private:
    std::ostream& out_;
    std::map<std::string, std::size_t, std::less<>> column_;
    std::vector<std::string> cells_;
};

}  // namespace

void write_event_rows(const Registry& registry, std::ostream& out) {
    RowWriter rows(out);
    for (OrgIndex i = 0; i < registry.size(); ++i) {
        const auto& o = registry.organization(i);
        const auto members = registry.members(i);
        for (const auto& e : registry.events(i)) {
            rows.set("organization", o.id);
            rows.set("date", e.date.iso());
            rows.set("type", std::string(enum_name(e.type())));
            std::visit(
                [&](const auto& payload) {
                    boost::mp11::mp_for_each<json::described_members<std::remove_cvref_t<decltype(payload)>>>(
                        [&](auto m) { rows.set(m.name, cell_text(payload.*m.pointer)); });
                },
                e.data);
            if (e.type() == EventType::registered) {
                rows.set("registration_code", o.registration_code);
                rows.set("name", o.name);
                rows.set("organization_kind", cell_text(o.kind));
                rows.set("area", o.area);
                rows.set("sector", cell_text(o.sector));
            }
            if (const auto* joined = std::get_if<MemberJoined>(&e.data)) {
                const auto m = std::find_if(members.begin(), members.end(),
                                            [&](const Member& x) { return x.id == joined->member; });
                rows.set("member_name", m->name);
                rows.set("member_type", cell_text(m->type));
                rows.set("member_foreign_investor", cell_text(m->foreign_investor));
                rows.set("member_organization", cell_text(m->organization));
            }
            rows.end_row();
        }
    }
}

std::string write_event_rows(const Registry& registry) {
    std::ostringstream out;
    write_event_rows(registry, out);
    return out.str();
}

}  // namespace coopecon::io
