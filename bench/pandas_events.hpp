#pragma once
// The registry's event table for bench/pandas_replay.py: one row per event in registry order (organisations in
// row order, each one's events in date order), the columns `organization` (row index), `date` (days since
// 1970-01-01), `type` (EventType code) and one column per payload key of every event type, as the CSV event rows
// have them (io/csv_events.hpp), each a raw little-endian array. A row of a type without that key holds the
// column's blank: the least value of a signed column, 255 in a one-byte code column; an absent optional key is
// blank too. Keys whose values are names or lists (member, product, predecessors, counterparts, points) have no
// column, so a replay needing them cannot run from this table. Also the organisations' fixed attributes: the kind
// they were registered as, their area and sector.
//
// Layout: events/<column>.bin, organizations/<column>.bin; `write_event_table` returns the manifest's entries.

#include "raw_arrays.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/registry/registry.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace coopecon::bench {

namespace events_detail {

/// How a payload key is held in the table: whether it has a column, its blank, and its value.
template <class T>
struct Cell {
    static constexpr bool column = false;
};
template <class T>
    requires std::is_enum_v<T>
struct Cell<T> {
    static_assert(sizeof(T) == 1, "enumerations are one-byte codes");
    static constexpr bool column = true;
    static constexpr std::uint8_t blank = 255;
    static std::uint8_t value(T v) { return static_cast<std::uint8_t>(v); }
};
template <>
struct Cell<std::int32_t> {
    static constexpr bool column = true;
    static constexpr std::int32_t blank = std::numeric_limits<std::int32_t>::min();
    static std::int32_t value(std::int32_t v) { return v; }
};
template <>
struct Cell<Dong> {
    static constexpr bool column = true;
    static constexpr Dong blank = std::numeric_limits<Dong>::min();
    static Dong value(Dong v) { return v; }
};
template <>
struct Cell<Date> : Cell<std::int32_t> {
    static std::int32_t value(Date d) { return d.days_since_epoch(); }
};
template <class T>
struct Cell<std::optional<T>> : Cell<T> {
    static auto value(const std::optional<T>& v) { return v ? Cell<T>::value(*v) : Cell<T>::blank; }
};

struct Column {
    std::string name;
    std::string dtype;
    std::size_t width = 0;
    std::size_t offset = 0;  // in a row of every column's bytes
};

/// Every column's bytes, appended a row at a time and written out a megabyte at a time.
class ColumnFiles {
public:
    ColumnFiles(const std::filesystem::path& folder, const std::vector<Column>& columns) : columns_(columns) {
        std::filesystem::create_directories(folder);
        for (const auto& c : columns_) files_.emplace_back(folder / (c.name + ".bin"), std::ios::binary);
        buffers_.resize(columns_.size());
    }
    void add(const std::vector<std::byte>& row) {
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            auto& b = buffers_[c];
            b.insert(b.end(), row.begin() + static_cast<std::ptrdiff_t>(columns_[c].offset),
                     row.begin() + static_cast<std::ptrdiff_t>(columns_[c].offset + columns_[c].width));
            if (b.size() >= (1u << 20)) flush(c);
        }
    }
    void close() {
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            flush(c);
            files_[c].close();
            if (!files_[c]) throw Error(ErrorCode::io, "cannot write the event column " + columns_[c].name);
        }
    }

private:
    void flush(std::size_t c) {
        files_[c].write(reinterpret_cast<const char*>(buffers_[c].data()),
                        static_cast<std::streamsize>(buffers_[c].size()));
        buffers_[c].clear();
    }
    const std::vector<Column>& columns_;
    std::vector<std::ofstream> files_;
    std::vector<std::vector<std::byte>> buffers_;
};

/// The table's columns, and for each event type the column of each of its payload keys that has one.
struct Schema {
    std::vector<Column> columns;
    std::vector<std::byte> blank_row;
    std::array<std::vector<std::size_t>, std::variant_size_v<EventData>> of_type;

    template <class Blank>
    std::size_t add(const std::string& name, Blank blank) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (columns[c].name != name) continue;
            if (columns[c].dtype != dtype<Blank>())
                throw Error(ErrorCode::invalid_value, "payload key " + name + " has two types");
            return c;
        }
        columns.push_back({name, dtype<Blank>(), sizeof(blank), blank_row.size()});
        blank_row.resize(blank_row.size() + sizeof(blank));
        std::memcpy(blank_row.data() + columns.back().offset, &blank, sizeof(blank));
        return columns.size() - 1;
    }

    Schema() {
        add("organization", std::uint32_t{0});
        add("date", std::int32_t{0});
        add("type", std::uint8_t{0});
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<std::variant_size_v<EventData>>>([&](auto t) {
            using Payload = std::variant_alternative_t<t, EventData>;
            boost::mp11::mp_for_each<boost::describe::describe_members<Payload, boost::describe::mod_public>>(
                [&](auto m) {
                    using Key = std::decay_t<decltype(std::declval<Payload>().*m.pointer)>;
                    if constexpr (Cell<Key>::column) of_type[t].push_back(add(m.name, Cell<Key>::blank));
                });
        });
    }
};
template <class T>
void put(std::vector<std::byte>& row, const Column& c, T value) {
    std::memcpy(row.data() + c.offset, &value, sizeof(value));
}

}  // namespace events_detail

/// Writes the event table and the organisations' attributes into `folder`; returns the manifest's
/// "event_columns", "organization_columns" and "event_types" entries.
inline std::string write_event_table(const Registry& reg, const std::filesystem::path& folder) {
    using namespace events_detail;
    const Schema schema;
    ColumnFiles files(folder / "events", schema.columns);
    std::vector<std::byte> row;
    for (OrgIndex i = 0; i < reg.size(); ++i) {
        for (const auto& e : reg.events(i)) {
            row = schema.blank_row;
            put(row, schema.columns[0], static_cast<std::uint32_t>(i));
            put(row, schema.columns[1], e.date.days_since_epoch());
            put(row, schema.columns[2], static_cast<std::uint8_t>(e.type()));
            std::visit(
                [&](const auto& payload) {
                    using Payload = std::decay_t<decltype(payload)>;
                    const auto& columns = schema.of_type[e.data.index()];
                    std::size_t k = 0;
                    boost::mp11::mp_for_each<boost::describe::describe_members<Payload, boost::describe::mod_public>>(
                        [&](auto m) {
                            using Key = std::decay_t<decltype(payload.*m.pointer)>;
                            if constexpr (Cell<Key>::column)
                                put(row, schema.columns[columns[k++]], Cell<Key>::value(payload.*m.pointer));
                        });
                },
                e.data);
            files.add(row);
        }
    }
    files.close();

    std::vector<std::uint8_t> kinds(reg.size()), sectors(reg.size());
    std::vector<std::uint32_t> areas(reg.size());
    for (OrgIndex i = 0; i < reg.size(); ++i) {
        kinds[i] = static_cast<std::uint8_t>(reg.organization(i).kind);
        sectors[i] = static_cast<std::uint8_t>(reg.organization(i).sector);
        areas[i] = static_cast<std::uint32_t>(reg.area(i));
    }
    std::filesystem::create_directories(folder / "organizations");
    write_array(folder / "organizations" / "kind.bin", kinds);
    write_array(folder / "organizations" / "sector.bin", sectors);
    write_array(folder / "organizations" / "area.bin", areas);

    std::string out = "\"event_columns\": {";
    for (std::size_t c = 0; c < schema.columns.size(); ++c)
        out += (c ? ", \"" : "\"") + schema.columns[c].name + "\": \"" + schema.columns[c].dtype + "\"";
    out += "}, \"organization_columns\": {\"kind\": \"<u1\", \"sector\": \"<u1\", \"area\": \"<u4\"}, ";
    out += "\"event_types\": [";
    for (std::size_t t = 0; t < std::variant_size_v<EventData>; ++t)
        out += (t ? ", \"" : "\"") + std::string(enum_name(static_cast<EventType>(t))) + "\"";
    return out + "]";
}

}  // namespace coopecon::bench
