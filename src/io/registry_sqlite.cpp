// The SQLite store (registry_sqlite.hpp). Rows of described types (info, areas, crosswalk, organisations,
// members) have one column per member, named as the JSON file's keys; a row is read by turning it into the JSON
// object the file would hold and reading that with the file's own reader, so a value edited by hand is checked
// exactly as in a file. An event's payload is its JSON object in one column, which SQLite's JSON functions query.

#include <coopecon/io/registry_sqlite.hpp>

#include "json/source.hpp"

#include <coopecon/core/text_file.hpp>
#include <coopecon/io/registry_file.hpp>

#include <cstring>

namespace coopecon::io {

bool is_sqlite_database(std::span<const std::byte> first_bytes) noexcept {
    static constexpr char magic[] = "SQLite format 3";  // with its final zero byte: 16 bytes
    return first_bytes.size() >= sizeof magic && std::memcmp(first_bytes.data(), magic, sizeof magic) == 0;
}

void append_registry_sqlite(const std::filesystem::path& path, const std::filesystem::path& additions,
                            std::shared_ptr<const law::Framework> law) {
    auto batch = read_registry_additions_file(additions, law);
    try {
        append_registry_sqlite(path, std::move(batch), std::move(law));
    } catch (const Error& e) {
        // Problems without a file are the additions' (those of the database name it): located in their file.
        Problems problems, of_additions;
        for (const auto& p : e.problems()) (p.file.empty() ? of_additions : problems).push_back(p);
        if (registry_form_of_file(additions) == RegistryForm::json)
            json::locate_problems(of_additions, read_text_file(additions), additions.string());
        for (auto& p : of_additions) {
            if (p.file.empty()) p.file = additions.string();
            problems.push_back(std::move(p));
        }
        throw Error(std::move(problems));
    }
}

}  // namespace coopecon::io

#if COOPECON_HAVE_SQLITE

#include "io/extra_areas.hpp"
#include "io/registry_assembly.hpp"
#include "io/registry_codec.hpp"
#include "json/json.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/text_file.hpp>
#include <coopecon/model/area_catalog_json.hpp>

#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include <sqlite3.h>

#include <map>
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace coopecon::io {

namespace {

/// An error of SQLite itself (cannot open, disk full, locked …), naming the file.
[[noreturn]] void sqlite_failed(const std::filesystem::path& path, sqlite3* db, const std::string& doing) {
    throw Error(file_problem(path, doing + ": " + (db ? sqlite3_errmsg(db) : "out of memory")));
}

class Database {
public:
    Database(const std::filesystem::path& path, int flags) : path_(path) {
        if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw Error(file_problem(path, "cannot open the database: " + why));
        }
        sqlite3_busy_timeout(db_, 10000);  // another writer's transaction: wait for it rather than fail at once
    }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database() { sqlite3_close(db_); }

    sqlite3* get() const noexcept { return db_; }
    const std::filesystem::path& path() const noexcept { return path_; }

    void exec(const std::string& sql) {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            const std::string why = message ? message : sqlite3_errmsg(db_);
            sqlite3_free(message);
            throw Error(file_problem(path_, "database error: " + why));
        }
    }

private:
    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
};

class Statement {
public:
    Statement(Database& db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
            sqlite_failed(db.path(), db.get(), "the database does not hold a coopecon registry (" + sql.substr(0, 40) + "…)");
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() { sqlite3_finalize(stmt_); }

    sqlite3_stmt* get() const noexcept { return stmt_; }

    /// Steps once: true while there is a row.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) sqlite_failed(db_.path(), db_.get(), "database error");
        return false;
    }
    /// Runs an insert with the values bound, then makes the statement ready for the next.
    void run() {
        step();
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

private:
    Database& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

template <class T>
using members_of = boost::describe::describe_members<T, boost::describe::mod_public>;

std::string quoted(std::string_view name) {
    std::string out(1, '"');  // appended, not "\"" + …: GCC 12 warns falsely (-Wrestrict) on that
    out.append(name).push_back('"');
    return out;
}

/// The SQL type of a member: TEXT for strings, dates and kinds, INTEGER for numbers and booleans; NOT NULL unless
/// optional.
template <class T>
std::string column_type() {
    if constexpr (json::is_optional<T>::value) {
        auto type = column_type<typename T::value_type>();
        return type.substr(0, type.find(' '));
    } else if constexpr (std::is_same_v<T, bool> || std::is_integral_v<T>) {
        return "INTEGER NOT NULL";
    } else {
        return "TEXT NOT NULL";
    }
}

/// "code TEXT NOT NULL, …": the columns of a described type.
template <class T>
std::string columns_of() {
    std::string out;
    boost::mp11::mp_for_each<members_of<T>>([&](auto m) {
        using M = std::remove_cvref_t<decltype(std::declval<T&>().*m.pointer)>;
        out += (out.empty() ? "" : ", ") + quoted(m.name) + " " + column_type<M>();
    });
    return out;
}

template <class T>
std::string names_of(std::string_view prefix = {}) {
    std::string out(prefix);
    boost::mp11::mp_for_each<members_of<T>>([&](auto m) { out += (out.empty() ? "" : ", ") + quoted(m.name); });
    return out;
}

template <class T>
std::size_t member_count() {
    return boost::mp11::mp_size<members_of<T>>::value;
}

std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t k = 0; k < n; ++k) out += k ? ", ?" : "?";
    return out;
}

void bind_text(sqlite3_stmt* s, int at, std::string_view text) {
    sqlite3_bind_text(s, at, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

template <class T>
void bind(sqlite3_stmt* s, int at, const T& v) {
    if constexpr (json::is_optional<T>::value) {
        if (v) bind(s, at, *v);
        else sqlite3_bind_null(s, at);
    } else if constexpr (std::is_same_v<T, std::string>) {
        bind_text(s, at, v);
    } else if constexpr (std::is_same_v<T, Date>) {
        bind_text(s, at, v.iso());
    } else if constexpr (std::is_enum_v<T>) {
        bind_text(s, at, enum_name(v));
    } else {
        static_assert(std::is_integral_v<T>, "a new kind of column needs its binding");
        sqlite3_bind_int64(s, at, static_cast<sqlite3_int64>(v));
    }
}

/// Binds the members of `v` from parameter `first` on; returns the next parameter.
template <class T>
int bind_members(sqlite3_stmt* s, int first, const T& v) {
    boost::mp11::mp_for_each<members_of<T>>([&](auto m) { bind(s, first++, v.*m.pointer); });
    return first;
}

/// Column `at` of the current row as the JSON value the file would hold; a boolean member takes 0 and 1.
template <class M>
boost::json::value column_json(sqlite3_stmt* s, int at) {
    switch (sqlite3_column_type(s, at)) {
    case SQLITE_NULL: return nullptr;
    case SQLITE_INTEGER: {
        const auto n = sqlite3_column_int64(s, at);
        if constexpr (std::is_same_v<M, bool> || std::is_same_v<M, std::optional<bool>>)
            if (n == 0 || n == 1) return n == 1;
        return n;
    }
    case SQLITE_FLOAT: return sqlite3_column_double(s, at);
    default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, at));
        return boost::json::string(text, static_cast<std::size_t>(sqlite3_column_bytes(s, at)));
    }
    }
}

/// Reads a row's columns from `first` on into `out`, checked as the file's reader checks a JSON object.
template <class T>
void read_members(sqlite3_stmt* s, int first, json::Reader& r, T& out) {
    boost::json::object o;
    boost::mp11::mp_for_each<members_of<T>>([&](auto m) {
        using M = std::remove_cvref_t<decltype(out.*m.pointer)>;
        o[m.name] = column_json<M>(s, first++);
    });
    r.members(o, out);
}

/// The JSON object of an event's payload, in one line: {"kind":"annual"}, {} for a type without keys.
std::string payload_json(const Event& e) {
    std::string pretty;
    json::Writer w(pretty);
    w.begin_object();
    std::visit([&](const auto& payload) { w.members(payload); }, e.data);
    w.end_object();
    w.finish();
    return boost::json::serialize(boost::json::parse(pretty));
}

void create_schema(Database& db) {
    db.exec("CREATE TABLE info (format TEXT NOT NULL, version INTEGER NOT NULL, " + columns_of<RegistryInfo>() +
            ");\n"
            "CREATE TABLE areas (position INTEGER PRIMARY KEY, " + columns_of<Area>() + ");\n"
            "CREATE TABLE crosswalk (position INTEGER PRIMARY KEY, " + columns_of<AreaSuccession>() + ");\n"
            "CREATE TABLE organizations (position INTEGER PRIMARY KEY, " + columns_of<Organization>() +
            ", UNIQUE (id));\n"
            "CREATE TABLE members (member_of TEXT NOT NULL REFERENCES organizations (id), position INTEGER NOT NULL, " +
            columns_of<Member>() + ", PRIMARY KEY (member_of, id));\n"
            "CREATE TABLE events (sequence INTEGER PRIMARY KEY, organization TEXT NOT NULL REFERENCES organizations "
            "(id), date TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL);\n"
            "CREATE INDEX events_of_organization ON events (organization, date);\n");
}

/// Inserts rows, with statements prepared once.
class Inserter {
public:
    explicit Inserter(Database& db)
        : organizations_(db, "INSERT INTO organizations (" + names_of<Organization>("position") + ") VALUES (" +
                                 placeholders(1 + member_count<Organization>()) + ")"),
          members_(db, "INSERT INTO members (" + names_of<Member>("member_of, position") + ") VALUES (" +
                           placeholders(2 + member_count<Member>()) + ")"),
          events_(db, "INSERT INTO events (organization, date, type, data) VALUES (?, ?, ?, ?)") {}

    void organization(std::int64_t position, const Organization& o) {
        sqlite3_bind_int64(organizations_.get(), 1, position);
        bind_members(organizations_.get(), 2, o);
        organizations_.run();
    }
    void member(std::string_view of, std::int64_t position, const Member& m) {
        bind_text(members_.get(), 1, of);
        sqlite3_bind_int64(members_.get(), 2, position);
        bind_members(members_.get(), 3, m);
        members_.run();
    }
    void event(std::string_view of, const Event& e) {
        bind_text(events_.get(), 1, of);
        bind(events_.get(), 2, e.date);
        bind(events_.get(), 3, e.type());
        bind_text(events_.get(), 4, payload_json(e));
        events_.run();
    }

private:
    Statement organizations_, members_, events_;
};

/// Writes the info row, the areas and crosswalk beyond the embedded catalogue, and every organisation.
void insert_registry(Database& db, const Registry& registry) {
    {
        Statement info(db, "INSERT INTO info (" + names_of<RegistryInfo>("format, version") + ") VALUES (" +
                               placeholders(2 + member_count<RegistryInfo>()) + ")");
        bind_text(info.get(), 1, registry_sqlite_format);
        sqlite3_bind_int64(info.get(), 2, registry_sqlite_version);
        bind_members(info.get(), 3, registry.info());
        info.run();
    }
    const auto [areas, crosswalk] = detail::extra_areas(registry.areas());
    Statement area(db, "INSERT INTO areas (" + names_of<Area>("position") + ") VALUES (" +
                           placeholders(1 + member_count<Area>()) + ")");
    for (std::size_t k = 0; k < areas.size(); ++k) {
        sqlite3_bind_int64(area.get(), 1, static_cast<sqlite3_int64>(k));
        bind_members(area.get(), 2, areas[k]);
        area.run();
    }
    Statement succession(db, "INSERT INTO crosswalk (" + names_of<AreaSuccession>("position") + ") VALUES (" +
                                 placeholders(1 + member_count<AreaSuccession>()) + ")");
    for (std::size_t k = 0; k < crosswalk.size(); ++k) {
        sqlite3_bind_int64(succession.get(), 1, static_cast<sqlite3_int64>(k));
        bind_members(succession.get(), 2, crosswalk[k]);
        succession.run();
    }
    Inserter insert(db);
    for (OrgIndex i = 0; i < registry.size(); ++i) {
        const auto& o = registry.organization(i);
        insert.organization(static_cast<std::int64_t>(i), o);
        const auto members = registry.members(i);
        for (std::size_t k = 0; k < members.size(); ++k) insert.member(o.id, static_cast<std::int64_t>(k), members[k]);
        for (const auto& e : registry.events(i)) insert.event(o.id, e);
    }
}

/// Every row of `table` read into T; problems have the path table[position].
template <class T>
std::vector<T> read_table(Database& db, const std::string& table, json::Reader& r) {
    Statement select(db, "SELECT position, " + names_of<T>() + " FROM " + table + " ORDER BY position");
    std::vector<T> out;
    auto scope = r.key(table);
    while (select.step()) {
        auto at = r.index(static_cast<std::size_t>(sqlite3_column_int64(select.get(), 0)));
        read_members(select.get(), 1, r, out.emplace_back());
    }
    return out;
}

/// The info row as version 1 held it, before the title and source in Vietnamese: still read, so a store kept
/// over years opens in a newer build.
struct RegistryInfoV1 {
    std::string title;
    std::string source;
    bool synthetic = false;
    std::optional<Date> as_of;
    std::optional<Date> history_from;
};
BOOST_DESCRIBE_STRUCT(RegistryInfoV1, (), (title, source, synthetic, as_of, history_from))

/// The registry the database holds, read on an open connection (inside a transaction when appending).
Registry read_registry(Database& db, std::shared_ptr<const law::Framework> law) {
    Problems problems;
    json::Reader r(problems);
    RegistryInfo info;
    {
        Statement select(db, "SELECT format, version FROM info");
        if (!select.step()) throw Error(file_problem(db.path(), "the database has no info row"));
        const std::string format(reinterpret_cast<const char*>(sqlite3_column_text(select.get(), 0)));
        const auto version = sqlite3_column_int64(select.get(), 1);
        if (format != registry_sqlite_format || version < 1 || version > registry_sqlite_version)
            throw Error(file_problem(db.path(), "not a coopecon registry of versions 1 to " +
                                                    std::to_string(registry_sqlite_version) + ": format " + format +
                                                    ", version " + std::to_string(version)));
        auto scope = r.key("info");
        if (version >= 2) {
            Statement row(db, "SELECT " + names_of<RegistryInfo>() + " FROM info");
            row.step();
            read_members(row.get(), 0, r, info);
        } else {
            Statement row(db, "SELECT " + names_of<RegistryInfoV1>() + " FROM info");
            row.step();
            RegistryInfoV1 old;
            read_members(row.get(), 0, r, old);
            info = {std::move(old.title), std::move(old.source), old.synthetic, old.as_of, old.history_from,
                    std::nullopt, std::nullopt};
        }
    }
    auto areas = read_table<Area>(db, "areas", r);
    auto crosswalk = read_table<AreaSuccession>(db, "crosswalk", r);
    std::vector<OrganizationRecord> records;
    std::map<std::string, std::size_t, std::less<>> record_of;
    {
        Statement select(db, "SELECT position, " + names_of<Organization>() + " FROM organizations ORDER BY position");
        auto scope = r.key("organizations");
        while (select.step()) {
            auto at = r.index(static_cast<std::size_t>(sqlite3_column_int64(select.get(), 0)));
            auto& record = records.emplace_back();
            read_members(select.get(), 1, r, record.organization);
            record_of.emplace(record.organization.id, records.size() - 1);
        }
    }
    auto record_for = [&](std::string_view id) -> OrganizationRecord* {
        const auto it = record_of.find(id);
        if (it != record_of.end()) return &records[it->second];
        r.problem(ErrorCode::unknown_name, "no organization with id " + std::string(id));
        return nullptr;
    };
    {
        Statement select(db, "SELECT rowid, member_of, " + names_of<Member>() +
                                 " FROM members ORDER BY member_of, position");
        auto scope = r.key("members");
        while (select.step()) {
            auto at = r.index(static_cast<std::size_t>(sqlite3_column_int64(select.get(), 0)));
            Member m;
            read_members(select.get(), 2, r, m);
            if (auto* record = record_for(reinterpret_cast<const char*>(sqlite3_column_text(select.get(), 1))))
                record->members.push_back(std::move(m));
        }
    }
    {
        Statement select(db, "SELECT sequence, organization, date, type, data FROM events ORDER BY sequence");
        auto scope = r.key("events");
        while (select.step()) {
            auto at = r.index(static_cast<std::size_t>(sqlite3_column_int64(select.get(), 0)));
            const std::string data(reinterpret_cast<const char*>(sqlite3_column_text(select.get(), 4)));
            boost::system::error_code ec;
            auto payload = boost::json::parse(data, ec);
            if (ec || !payload.is_object()) {
                r.problem(ErrorCode::syntax, "the data column is not a JSON object: " + data);
                continue;
            }
            auto& o = payload.as_object();
            o["date"] = column_json<Date>(select.get(), 2);
            o["type"] = column_json<std::string>(select.get(), 3);
            Event e;
            auto* record = record_for(reinterpret_cast<const char*>(sqlite3_column_text(select.get(), 1)));
            if (r.read(payload, e) && record) record->events.push_back(std::move(e));
        }
    }
    for (auto& p : problems) p.file = db.path().string();
    throw_if_any(std::move(problems));

    return detail::assemble_registry(std::move(law), std::move(info), std::move(areas), std::move(crosswalk),
                                     std::move(records), db.path().string());
}

/// The problems of `e` with `list` before each path that is an index ("[3]…"); an empty path becomes
/// `list[single]`, the one entry the problem is about.
/// The problems Registry::record gives for an append, with the paths of the additions: organizations[i]…,
/// members[k] for listed[k], events[k]… for [k]. A lone member or event has no path of its own there: a problem
/// naming an event or a date is the event's, another the member's.
Problems additions_paths(Problems problems, std::size_t members, std::size_t events) {
    for (auto& p : problems) {
        if (p.path.starts_with("listed[")) {
            p.path = "members" + p.path.substr(6);
        } else if (!p.path.empty() && p.path.front() == '[') {
            p.path.insert(0, "events");
        } else if (p.path.empty()) {
            const bool event = events == 1 && (members == 0 || !p.event.empty() || p.date.has_value());
            if (event) p.path = "events[0]";
            else if (members == 1) p.path = "members[0]";
        }
    }
    return problems;
}

}  // namespace

Registry read_registry_sqlite(const std::filesystem::path& path, std::shared_ptr<const law::Framework> law) {
    Database db(path, SQLITE_OPEN_READONLY);
    db.exec("BEGIN");  // one consistent view, even while another process appends
    return read_registry(db, std::move(law));
}

void write_registry_sqlite(const Registry& registry, const std::filesystem::path& path) {
    Database db(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.exec("BEGIN");
    create_schema(db);
    insert_registry(db, registry);
    db.exec("COMMIT");
    sqlite3_int64 size = 0;
    unsigned char* image = sqlite3_serialize(db.get(), "main", &size, 0);
    if (!image) sqlite_failed(path, db.get(), "cannot build the database");
    // The file format's read and write versions 2 mark a database in WAL mode (sqlite.org/fileformat.html, 1.3.3).
    image[18] = image[19] = 2;
    try {
        write_file_atomically(path, [&](std::ostream& out) {
            out.write(reinterpret_cast<const char*>(image), static_cast<std::streamsize>(size));
        });
    } catch (...) {
        sqlite3_free(image);
        throw;
    }
    sqlite3_free(image);
}

void create_registry_sqlite(const std::filesystem::path& path, const RegistryInfo& info) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        throw Error(file_problem(path, "the file already exists: a registry database is created only once"));
    Registry empty;
    empty.info() = info;
    write_registry_sqlite(empty, path);
}

void append_registry_sqlite(const std::filesystem::path& path, RegistryAdditions additions,
                            std::shared_ptr<const law::Framework> law) {
    Database db(path, SQLITE_OPEN_READWRITE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("BEGIN IMMEDIATE");  // the write lock first, so no other append comes between reading and writing
    // An error anywhere below leaves the transaction open; closing the connection rolls it back.
    auto registry = read_registry(db, std::move(law));
    const auto first_new = registry.size();
    // One change, judged as a whole: a reorganisation registers its successors and completes in its predecessors
    // on one day, each side judged against the other.
    std::vector<Listing> listed;
    listed.reserve(additions.members.size());
    std::map<std::string, std::size_t> members_before;  // where each listed member goes in its list
    for (const auto& [id, member] : additions.members) {
        listed.push_back({id, member});
        if (const auto i = registry.find(id)) members_before.emplace(id, registry.members(*i).size());
    }
    try {
        registry.record(std::move(additions.organizations), std::move(listed), additions.events);
    } catch (const Error& e) {
        throw Error(additions_paths(e.problems(), additions.members.size(), additions.events.size()));
    }

    Inserter insert(db);
    for (OrgIndex i = static_cast<OrgIndex>(first_new); i < registry.size(); ++i) {
        const auto& o = registry.organization(i);
        insert.organization(static_cast<std::int64_t>(i), o);
        const auto members = registry.members(i);
        for (std::size_t k = 0; k < members.size(); ++k) insert.member(o.id, static_cast<std::int64_t>(k), members[k]);
        for (const auto& e : registry.events(i)) insert.event(o.id, e);
    }
    // Listed members and appended events belong to organisations registered before (record refuses others).
    for (auto& [id, member] : additions.members) insert.member(id, static_cast<std::int64_t>(members_before[id]++), member);
    for (const auto& a : additions.events) insert.event(a.organization, a.event);
    db.exec("COMMIT");
}

}  // namespace coopecon::io

#else  // without SQLite

namespace coopecon::io {

namespace {
[[noreturn]] void no_sqlite(const std::filesystem::path& path) {
    throw Error(file_problem(path, "this build of coopecon has no SQLite support (configure with "
                                   "-DCOOPECON_WITH_SQLITE=ON and libsqlite3-dev installed)"));
}
}  // namespace

Registry read_registry_sqlite(const std::filesystem::path& path, std::shared_ptr<const law::Framework>) {
    no_sqlite(path);
}
void write_registry_sqlite(const Registry&, const std::filesystem::path& path) { no_sqlite(path); }
void create_registry_sqlite(const std::filesystem::path& path, const RegistryInfo&) { no_sqlite(path); }
void append_registry_sqlite(const std::filesystem::path& path, RegistryAdditions, std::shared_ptr<const law::Framework>) {
    no_sqlite(path);
}

}  // namespace coopecon::io

#endif
