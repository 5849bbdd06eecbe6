// docs/transition-table.md must describe law::transitions as it is: one table line per row, in the table's
// order, with its id, event, payload selector, kinds, from statuses, dissolution track, target, guard, and the
// legal bases in force on 2024-06-30 (2012 Law) and 2024-07-01 (2023 Law); and the tests it names for each row
// must exist in tests/law/transition_table_test.cpp.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/law/transition_table.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace coopecon;
namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
    return out;
}

/// Names of the values of E whose payload selects one of the row's selector bits, compactly: "any" for all
/// of them, "not x" when all but x, else the list.
template <class E, class Payload>
std::string selected(std::uint8_t selectors, Payload (*make)(E)) {
    std::vector<std::string> in, out;
    for (const E v : enum_values<E>())
        (selectors >> law::selector(make(v)) & 1u ? in : out).emplace_back(enum_name(v));
    if (out.empty()) return "any";
    if (out.size() < in.size()) return "not " + join(out, ", ");
    return join(in, ", ");
}

std::string payload(const law::Transition& t) {
    switch (t.event) {
        case EventType::dissolution_resolved:
            return "basis: " + selected<DissolutionBasis>(t.selectors, +[](DissolutionBasis b) {
                       return DissolutionResolved{b, {}};
                   });
        case EventType::dissolution_completed:
            return "by: " + selected<CompletionMode>(t.selectors, +[](CompletionMode m) {
                       return DissolutionCompleted{m};
                   });
        case EventType::registration_revoked:
            return "ground: " + selected<RevocationGround>(t.selectors, +[](RevocationGround g) {
                       return RegistrationRevoked{g};
                   });
        case EventType::reorganization_started:
            return "form: " + selected<ReorganizationForm>(t.selectors, +[](ReorganizationForm f) {
                       return ReorganizationStarted{f, {}, {}};
                   });
        case EventType::reorganization_completed:
            return "form: " + selected<ReorganizationForm>(t.selectors, +[](ReorganizationForm f) {
                       return ReorganizationCompleted{f, {}, {}};
                   });
        default: return "—";
    }
}

std::string kinds(law::KindMask mask) {
    if (mask == law::all_kinds) return "all";
    std::vector<std::string> names;
    for (const OrgKind k : enum_values<OrgKind>())
        if (mask & law::bit(k)) names.emplace_back(enum_name(k));
    return join(names, ", ");
}

std::string statuses(law::StatusMask mask) {
    if (mask == law::existing) return "any but terminated";
    std::vector<std::string> names;
    if (mask & law::unregistered) names.emplace_back("(not registered)");
    for (const LegalStatus s : enum_values<LegalStatus>())
        if (mask & law::bit(s)) names.emplace_back(enum_name(s));
    return join(names, ", ");
}

std::string track(law::TrackRule t) {
    switch (t) {
        case law::TrackRule::any: return "any";
        case law::TrackRule::voluntary: return "voluntary";
        case law::TrackRule::compulsory: return "compulsory";
        case law::TrackRule::revocation: return "revocation";
    }
    return "?";
}

std::string target(law::Target t) {
    switch (t) {
        case law::Target::same: return "same";
        case law::Target::active: return "active";
        case law::Target::suspended: return "suspended";
        case law::Target::revoked_tax_enforcement: return "revoked_tax_enforcement";
        case law::Target::in_dissolution: return "in_dissolution";
        case law::Target::in_reorganization: return "in_reorganization";
        case law::Target::in_bankruptcy: return "in_bankruptcy";
        case law::Target::terminated: return "terminated";
        case law::Target::restore: return "restore";
    }
    return "?";
}

std::string guard(law::Guard g) {
    namespace gs = law::detail;
    const std::pair<law::Guard, const char*> names[] = {
        {gs::suspension_period, "suspension_period"},
        {gs::special_resolution, "special_resolution"},
        {gs::group_termination_consent, "group_termination_consent"},
        {gs::cooperative_lapse, "cooperative_lapse"},
        {gs::group_lapse, "group_lapse"},
        {gs::cancel_window, "cancel_window"},
        {gs::dissolution_order, "dissolution_order"},
        {gs::completes_started_reorganization, "completes_started_reorganization"},
        {gs::flag_not_set, "flag_not_set"},
        {gs::flag_set, "flag_set"},
        {gs::conversion, "conversion"},
    };
    if (!g) return "—";
    for (const auto& [f, name] : names)
        if (f == g) return "`" + std::string(name) + "`";
    return "(a guard this test does not know: add it above)";
}

std::string basis(const law::Framework& law, std::string_view id, Date d) {
    const auto b = law.basis(id, d);
    return b.empty() ? "—" : b;
}

std::vector<std::string> split(std::string_view text, std::string_view separator) {
    std::vector<std::string> out;
    for (;;) {
        const auto at = text.find(separator);
        out.emplace_back(text.substr(0, at));
        if (at == std::string_view::npos) return out;
        text.remove_prefix(at + separator.size());
    }
}

std::vector<std::string> cells(std::string_view line) {
    std::vector<std::string> out;
    line.remove_prefix(1);  // the leading "|"
    for (std::size_t bar; (bar = line.find('|')) != std::string_view::npos; line.remove_prefix(bar + 1)) {
        auto cell = line.substr(0, bar);
        while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
        while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
        out.emplace_back(cell);
    }
    return out;
}

constexpr std::size_t columns = 12;

/// The table lines of the document (header and separator left out), as cells.
std::vector<std::vector<std::string>> table_rows(const std::string& doc) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(doc);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("| ", 0) != 0) continue;
        auto c = cells(line);
        if (c.size() != columns || c[0] == "Row" || c[0].rfind("---", 0) == 0) continue;
        rows.push_back(std::move(c));
    }
    return rows;
}

TEST(TransitionTableDoc, ListsEveryRowAsTheCodeDefinesIt) {
    const auto law = law::vietnam();
    const auto rows = table_rows(read_text(fs::path(COOPECON_SOURCE_DIR) / "docs" / "transition-table.md"));
    ASSERT_EQ(rows.size(), law::transitions.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& t = law::transitions[i];
        const auto& doc = rows[i];
        SCOPED_TRACE("row " + std::to_string(i) + " " + std::string(t.id) + " " + std::string(enum_name(t.event)));
        const std::vector<std::string> expected{std::string(t.id),
                                                "`" + std::string(enum_name(t.event)) + "`",
                                                payload(t),
                                                kinds(t.kinds),
                                                statuses(t.from),
                                                track(t.track),
                                                target(t.to),
                                                guard(t.guard),
                                                basis(*law, t.id, Date::from_ymd(2024, 6, 30).value()),
                                                basis(*law, t.id, Date::from_ymd(2024, 7, 1).value())};
        // The guard cell starts with the guard's name and goes on to say what it checks.
        std::vector<std::string> actual(doc.begin(), doc.begin() + expected.size());
        if (actual[7].rfind(expected[7], 0) == 0) actual[7] = expected[7];
        EXPECT_EQ(actual, expected) << "expected line: | " << join(expected, " | ") << " | … | … |";
    }
}

TEST(TransitionTableDoc, NamesExistingTestsThatAllowAndRefuseEachRow) {
    const auto doc = read_text(fs::path(COOPECON_SOURCE_DIR) / "docs" / "transition-table.md");
    const auto source = read_text(fs::path(COOPECON_SOURCE_DIR) / "tests" / "law" / "transition_table_test.cpp");
    for (const auto& row : table_rows(doc)) {
        for (std::size_t column : {columns - 2, columns - 1}) {
            SCOPED_TRACE(row[0] + " " + row[1] + (column == columns - 2 ? " allowed" : " refused"));
            for (const auto& name : split(row[column], "<br>")) {
                const auto dot = name.find('.');
                ASSERT_NE(dot, std::string::npos) << name << " is not Suite.Test";
                const auto declaration = "TEST_F(" + name.substr(0, dot) + ", " + name.substr(dot + 1) + ")";
                EXPECT_NE(source.find(declaration), std::string::npos) << declaration << " not found";
            }
        }
    }
}

}  // namespace
