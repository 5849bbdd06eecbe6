// The registry file format end to end: the example registry loads and round-trips byte for byte, every
// malformed file in tests/io/malformed/ is refused with exactly the expected messages (file:line:column, path,
// organisation, rule), a refused file leaves nothing behind, and areas beyond the embedded catalogue travel
// with the file.

#include <coopecon/io/registry_json.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include "json/json.hpp"

#include "io/registry_codec.hpp"

#include <boost/mp11/algorithm.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::io;
namespace fs = std::filesystem;

const fs::path source_dir = COOPECON_SOURCE_DIR;
const fs::path example_path = source_dir / "examples" / "registry.json";
const fs::path malformed_dir = source_dir / "tests" / "io" / "malformed";

Date d(std::string_view iso) { return *Date::parse(iso); }

/// The lines of the Error that reading `text` throws; empty when it loads.
std::vector<std::string> refusal(const std::string& text, const std::string& name) {
    std::vector<std::string> lines;
    try {
        io::read_registry(text, name);
    } catch (const Error& e) {
        for (const auto& p : e.problems()) lines.push_back(p.to_string());
    }
    return lines;
}

TEST(RegistryJson, ExampleLoadsWithTheStatesItDescribes) {
    const Registry reg = io::read_registry_file(example_path);
    EXPECT_EQ(reg.size(), 10u);
    EXPECT_EQ(reg.info().title, "Cà Mau cooperatives: a small sample registry");
    EXPECT_TRUE(reg.info().synthetic);
    EXPECT_EQ(reg.info().as_of, d("2025-06-30"));

    // Shrimp cooperative: suspended under the 2023 Law, resumed early, one named member left in 2025.
    EXPECT_EQ(reg.state_at("CM-HTX-0001", d("2024-09-15")).status, LegalStatus::suspended);
    EXPECT_EQ(reg.state_at("CM-HTX-0001", d("2024-11-01")).status, LegalStatus::active);
    EXPECT_EQ(reg.state_at("CM-HTX-0001", d("2025-04-30")).members.total(), 13);
    EXPECT_EQ(reg.state_at("CM-HTX-0001", d("2025-06-30")).members.total(), 12);
    EXPECT_EQ(reg.state_at("CM-HTX-0001", d("2025-06-30")).charter_capital, 1'100'000'000);
    // Voluntary dissolution: in dissolution from the resolution, terminated on completion.
    EXPECT_EQ(reg.state_at("CM-HTX-0002", d("2024-12-31")).status, LegalStatus::in_dissolution);
    EXPECT_EQ(reg.state_at("CM-HTX-0002", d("2025-01-15")).status, LegalStatus::terminated);
    // Compulsory dissolution after the registration was revoked.
    EXPECT_EQ(reg.state_at("CM-HTX-0003", d("2025-01-01")).status, LegalStatus::in_dissolution);
    EXPECT_EQ(reg.state_at("CM-HTX-0003", d("2025-06-30")).status, LegalStatus::terminated);
    // The union's official members are three cooperatives; a company is a capital-contributing associate.
    const auto union_state = reg.state_at("CM-LH-0001", d("2025-06-30"));
    EXPECT_EQ(union_state.members.of(MemberType::cooperative), 3);
    EXPECT_EQ(union_state.members.of(MemberKind::capital_associate), 1);
    // The honey group became a cooperative after the 2023 Law took effect.
    EXPECT_EQ(reg.state_at("CM-THT-0001", d("2024-09-14")).kind, OrgKind::cooperative_group);
    EXPECT_EQ(reg.state_at("CM-THT-0001", d("2024-09-15")).kind, OrgKind::cooperative);
    // The fishing group was suspended, resumed, then terminated by its members.
    EXPECT_EQ(reg.state_at("CM-THT-0002", d("2024-09-01")).status, LegalStatus::suspended);
    EXPECT_EQ(reg.state_at("CM-THT-0002", d("2025-03-01")).status, LegalStatus::terminated);
    // Not at its registered address for two months.
    EXPECT_TRUE(reg.state_at("CM-HTX-0010", d("2025-03-01")).not_at_address);
    EXPECT_FALSE(reg.state_at("CM-HTX-0010", d("2025-04-07")).not_at_address);
}

TEST(RegistryJson, WriteReadWriteIsByteIdentical) {
    const std::string original = read_text_file(example_path);
    const Registry first = io::read_registry(original, "registry.json");
    const std::string written = io::write_registry(first);
    const Registry second = read_registry(written, "written.json");
    EXPECT_EQ(write_registry(second), written);
    EXPECT_EQ(second.event_count(), first.event_count());
    EXPECT_EQ(written, original) << "examples/registry.json is not in the writer's canonical form";

    std::ostringstream streamed;
    write_registry(second, streamed);
    EXPECT_EQ(streamed.str(), written);
}

// clang-format off
const std::map<std::string, std::vector<std::string>> expected_refusals{
    {"back_dated_registration.json",
     {"back_dated_registration.json:32:9: organizations[0].events[2]: organization HTX-1, event registered on 2018-06-01: a second registration: the organization is registered on 2019-03-01 (organizations[0].events[0]), and a history has one registered event [rule integrity.single_registration]"}},
    {"conversion_below_founding_minimum.json",
     {"conversion_below_founding_minimum.json:32:9: organizations[0].events[2]: organization THT-1, event converted_to_cooperative on 2025-07-11: the group has 4 official members on 2025-07-11; the cooperative it becomes must be founded with at least 5 official members (Law 17/2023/QH15 Art 4.7) [rule C1; Law 17/2023/QH15 Art 108; Decree 92/2024/NĐ-CP Art 61]"}},
    {"dangling_counterpart.json",
     {"dangling_counterpart.json:37:13: organizations[0].events[2].counterparts[0]: organization HTX-1, event reorganization_started on 2024-09-02: no organization with id HTX-9"}},
    {"date_april_31.json",
     {"date_april_31.json:24:19: organizations[0].events[1].date: \"2023-04-31\" is not a calendar date: month 4 of 2023 has 30 days"}},
    {"member_joined_with_cohort_keys.json",
     {"member_joined_with_cohort_keys.json:25:11: organizations[0].events[1].type: \"member_joined\" does not take the keys given, members_joined takes them all; did you mean members_joined?"}},
    {"misspelt_event_type.json",
     {"misspelt_event_type.json:34:19: organizations[0].events[2].type: \"member_join\" is not one of: registered, suspended, resumed, member_joined, member_left, members_joined, members_left, assembly_held, report_filed, financial_year_closed, capital_changed, business_line_suspended, reorganization_started, reorganization_completed, converted_to_cooperative, dissolution_resolved, dissolution_cancelled, dissolution_completed, registration_revoked, revocation_withdrawn, bankruptcy_opened, bankruptcy_declared, address_flag_set, address_flag_cleared, assessed, certified, ocop_rated, sanctioned; did you mean member_joined?"}},
    {"seat_in_ended_area.json",
     {"seat_in_ended_area.json:15:15: organizations[0].area: organization HTX-1: area D964 (Cà Mau) ended on 2025-06-30, before the organization was registered on 2025-09-01; its territory was then in P96-2025 (Cà Mau) [rule integrity.area_valid_on_registration]"}},
    {"count_overflow.json",
     {"count_overflow.json:28:20: organizations[0].events[1].count: 3000000000 is out of range: expected a whole number from -2147483648 to 2147483647"}},
    {"count_wrong_type.json",
     {"count_wrong_type.json:28:20: organizations[0].events[1].count: expected a whole number, got a string"}},
    {"date_without_padding.json",
     {"date_without_padding.json:24:19: organizations[0].events[1].date: \"2023-2-3\" is not a date written YYYY-MM-DD"}},
    {"date_year_zero.json",
     {"date_year_zero.json:19:19: organizations[0].events[0].date: \"0000-01-01\" is not a calendar date: there is no year 0"}},
    {"duplicate_key.json",
     {"duplicate_key.json:14:7: organizations[0].name: duplicate key \"name\" (first given at line 13, column 7)"}},
    {"duplicate_organization_id.json",
     {"duplicate_organization_id.json:35:13: organizations[1].id: organization HTX-1: organization id HTX-1 is already used"}},
    {"empty.json",
     {"empty.json:1:1: the file is empty: it holds no JSON value"}},
    {"event_after_termination.json",
     {"event_after_termination.json:43:9: organizations[0].events[4]: organization HTX-1, event assembly_held on 2025-03-20: the organization was terminated on 2025-01-15; no event may follow [rule integrity.after_termination; Decree 92/2024/NĐ-CP Art 27.1 (terminated is final)]"}},
    {"event_before_registration.json",
     {"event_before_registration.json:23:9: organizations[0].events[1]: organization HTX-1, event members_joined on 2019-02-15: the organization is not registered on this date: its history must start with a registered event, and no event may be dated before it [rule integrity.registered_first]"}},
    {"integer_overflow.json",
     {"integer_overflow.json:21:30: organizations[0].events[0].charter_capital: 9223372036854775808 is out of range: expected a whole number from -9223372036854775808 to 9223372036854775807"}},
    {"invalid_date.json",
     {"invalid_date.json:24:19: organizations[0].events[1].date: \"2023-02-30\" is not a calendar date: month 2 of 2023 has 28 days"}},
    {"invalid_utf8.json",
     {"invalid_utf8.json:13:29: invalid UTF-8: byte 0xE1 starts a UTF-8 character that is cut short; the file must be UTF-8 encoded"}},
    {"member_leaves_twice.json",
     {"member_leaves_twice.json:53:9: organizations[0].events[4]: organization HTX-1, event member_left on 2023-05-01: member M1 is not a member at this date [rule integrity.member_not_current]"}},
    {"missing_comma.json",
     {"missing_comma.json:15:7: expected ',' or '}' after a member, found '\"' (is a comma missing?)"}},
    {"missing_date.json",
     {"missing_date.json:23:9: organizations[0].events[1].date: missing required key \"date\""}},
    {"money_exponent.json",
     {"money_exponent.json:21:30: organizations[0].events[0].charter_capital: 1e+30 is out of range: expected a whole number from -9223372036854775808 to 9223372036854775807"}},
    {"money_fraction.json",
     {"money_fraction.json:21:30: organizations[0].events[0].charter_capital: expected a whole number, got 1.5"}},
    {"several_problems.json",
     {"several_problems.json:23:9: organizations[0].events[1]: organization HTX-1, event members_joined on 2019-03-01: count must be at least 1, not -2",
      "several_problems.json:56:9: organizations[1].events[2]: organization HTX-2, event resumed on 2024-09-01: resumed is not allowed while the cooperative is active [rule T4; Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47]",
      "several_problems.json:71:19: organizations[2].events[0].date: \"2020-1-5\" is not a date written YYYY-MM-DD",
      "several_problems.json:91:15: organizations[3].area: organization HTX-4: unknown area code D000"}},
    {"string_for_object.json",
     {"string_for_object.json:4:11: info: expected an object, got a string"}},
    {"suspension_too_long.json",
     {"suspension_too_long.json:32:9: organizations[0].events[2]: organization HTX-1, event suspended on 2024-09-01: the notice runs from 2024-09-01 to 2025-10-31, longer than the 12 months one notice may cover (Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47.1); the latest end allowed is 2025-08-31 [rule T2; Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47]"}},
    {"too_deep.json",
     {"too_deep.json:6:77: objects and arrays are nested more than 64 levels deep"}},
    {"trailing_comma.json",
     {"trailing_comma.json:21:39: trailing comma: a ',' must be followed by another member; remove it before '}'"}},
    {"truncated.json",
     {"truncated.json:27:21: the file is truncated: it ends inside the string that starts at line 27, column 11 (is a closing '\"' missing?)"}},
    {"unknown_area.json",
     {"unknown_area.json:15:15: organizations[0].area: organization HTX-1: unknown area code D999"}},
    {"unknown_event_key.json",
     {"unknown_event_key.json:22:11: organizations[0].events[0].notes: unknown key \"notes\"; allowed keys: date, type, charter_capital, formed_by, predecessors, indivisible_fund"}},
    {"unknown_event_type.json",
     {"unknown_event_type.json:25:19: organizations[0].events[1].type: \"members_admitted\" is not one of: registered, suspended, resumed, member_joined, member_left, members_joined, members_left, assembly_held, report_filed, financial_year_closed, capital_changed, business_line_suspended, reorganization_started, reorganization_completed, converted_to_cooperative, dissolution_resolved, dissolution_cancelled, dissolution_completed, registration_revoked, revocation_withdrawn, bankruptcy_opened, bankruptcy_declared, address_flag_set, address_flag_cleared, assessed, certified, ocop_rated, sanctioned"}},
    {"unknown_kind.json",
     {"unknown_kind.json:14:15: organizations[0].kind: \"cooperative_union\" is not one of: cooperative_group, cooperative, union_of_cooperatives"}},
    {"unknown_top_level_key.json",
     {"unknown_top_level_key.json:9:3: organisations: unknown key \"organisations\"; allowed keys: format, version, info, areas, crosswalk, organizations; did you mean organizations?"}},
    {"unquoted_key.json",
     {"unquoted_key.json:16:7: the key sector must be in double quotes: \"sector\""}},
    {"unsupported_version.json",
     {"unsupported_version.json:3:14: version: unsupported version 2: this library reads coopecon-registry version 1"}},
    {"wrong_format.json",
     {"wrong_format.json:2:13: format: expected \"coopecon-registry\", got \"coopecon-law\": this is not a coopecon-registry file"}},
};
// clang-format on

TEST(RegistryJson, MalformedFilesAreRefusedWithExactMessages) {
    std::set<std::string> on_disk;
    for (const auto& entry : fs::directory_iterator(malformed_dir))
        if (entry.path().extension() == ".json") on_disk.insert(entry.path().filename().string());
    EXPECT_GE(on_disk.size(), 20u);
    for (const auto& name : on_disk) {
        const auto expected = expected_refusals.find(name);
        if (expected == expected_refusals.end()) {
            ADD_FAILURE() << name << " has no expected messages";
            continue;
        }
        EXPECT_EQ(refusal(read_text_file(malformed_dir / name), name), expected->second) << name;
    }
    for (const auto& [name, lines] : expected_refusals) EXPECT_TRUE(on_disk.count(name)) << name << " is missing";
}

TEST(RegistryJson, ARefusedFileLeavesNothingBehind) {
    std::optional<Registry> loaded;
    EXPECT_THROW(loaded.emplace(io::read_registry_file(malformed_dir / "several_problems.json")), Error);
    EXPECT_FALSE(loaded.has_value());

    // The same text without its problems loads: the refusal was about the problems, not the rest.
    try {
        io::read_registry_file(malformed_dir / "several_problems.json");
    } catch (const Error& e) {
        EXPECT_EQ(e.problems().size(), 4u);
        for (const auto& p : e.problems()) {
            EXPECT_EQ(fs::path(p.file).filename(), "several_problems.json") << "a problem without its file";
            EXPECT_GT(p.line, 0) << p.to_string();
        }
    }
}

TEST(RegistryJson, FilesThatCannotBeReadOrWrittenAreReportedAndLeaveOldFilesAlone) {
    try {
        io::read_registry_file(source_dir / "no-such-registry.json");
        ADD_FAILURE() << "a missing file was read";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::io);
        EXPECT_NE(e.problems()[0].file.find("no-such-registry.json"), std::string::npos);
    }

    const fs::path dir = fs::temp_directory_path() / "coopecon_registry_json_test";
    fs::create_directories(dir);
    const fs::path target = dir / "registry.json";
    const Registry reg = io::read_registry_file(example_path);
    io::write_registry_file(reg, target);
    EXPECT_EQ(read_text_file(target), read_text_file(example_path));

    // A registry whose text cannot be written (a name that is not UTF-8) fails before replacing the file.
    Registry broken(law::vietnam(), vietnam_areas());
    OrganizationRecord r;
    r.organization = {"X-1", "0000000001", "Hợp tác xã \xC3", OrgKind::cooperative, "D964", Sector::other, {}, {}};
    r.events.push_back(Event{d("2024-08-01"), Registered{}});
    broken.add(std::move(r));
    EXPECT_THROW(write_registry_file(broken, target), Error);
    EXPECT_EQ(read_text_file(target), read_text_file(example_path));
    // Nothing but the file: no temporary file (.registry.json.*.tmp) is left behind.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
    fs::remove_all(dir);
}

const std::string extra_areas_file = R"({
  "format": "coopecon-registry",
  "version": 1,
  "info": {
    "title": "Communes",
    "source": "coopecon tests",
    "synthetic": true
  },
  "areas": [
    {
      "code": "X-C1",
      "official_code": "90001",
      "name": "Thử Nghiệm",
      "full_name": "Xã Thử Nghiệm",
      "level": "commune",
      "kind": "commune",
      "parent": "D964",
      "valid_from": "2004-01-01",
      "valid_to": "2025-06-30"
    },
    {
      "code": "X-C2",
      "official_code": "90002",
      "name": "Thử Nghiệm Mới",
      "full_name": "Xã Thử Nghiệm Mới",
      "level": "commune",
      "kind": "commune",
      "parent": "P96-2025",
      "valid_from": "2025-07-01"
    }
  ],
  "crosswalk": [
    {
      "from": "X-C1",
      "to": "X-C2",
      "on": "2025-07-01"
    }
  ],
  "organizations": [
    {
      "id": "HTX-C1",
      "registration_code": "2001999999",
      "name": "Hợp tác xã Xã Thử Nghiệm",
      "kind": "cooperative",
      "area": "X-C1",
      "sector": "agriculture",
      "events": [
        {
          "date": "2020-01-06",
          "type": "registered",
          "charter_capital": 0
        }
      ]
    }
  ]
}
)";

TEST(RegistryJson, AreasBeyondTheEmbeddedCatalogueTravelWithTheFile) {
    const Registry reg = io::read_registry(extra_areas_file, "communes.json");
    const auto c1 = reg.areas().find("X-C1");
    ASSERT_TRUE(c1.has_value());
    EXPECT_EQ(reg.areas().at_level(*c1, AreaLevel::province), *reg.areas().find("P96"));
    EXPECT_EQ(reg.areas().on(*c1, d("2025-08-01")), *reg.areas().find("X-C2"));
    EXPECT_EQ(reg.areas().size(), vietnam_areas()->size() + 2);
    EXPECT_EQ(io::write_registry(reg), extra_areas_file);
}

TEST(RegistryJson, AreaProblemsPointAtTheFilesOwnEntries) {
    std::string text = extra_areas_file;
    text.replace(text.find("\"code\": \"X-C2\""), 14, "\"code\": \"D964\"");  // a code the catalogue already has
    text.replace(text.find("\"to\": \"X-C2\""), 12, "\"to\": \"X-C9\"");
    EXPECT_EQ(refusal(text, "communes.json"),
              (std::vector<std::string>{
                  "communes.json:22:15: areas[1].code: area code D964 appears twice",
                  "communes.json:35:13: crosswalk[0].to: unknown area X-C9",
              }));
}

TEST(RegistryJson, OrganisationsLeftOutForJsonProblemsDoNotCauseFollowOnProblems) {
    // HTX-A cannot be read (a count that is text); HTX-B was split off from it. Only the count is reported,
    // not "no organization with id HTX-A".
    const std::string text = R"({"format": "coopecon-registry", "version": 1,
 "info": {"title": "t", "source": "s", "synthetic": true},
 "organizations": [
  {"id": "HTX-A", "registration_code": "1", "name": "A", "kind": "cooperative", "area": "D964", "sector": "other",
   "events": [{"date": "2020-01-01", "type": "registered", "charter_capital": "many"}]},
  {"id": "HTX-B", "registration_code": "2", "name": "B", "kind": "cooperative", "area": "D964", "sector": "other",
   "events": [{"date": "2025-01-01", "type": "registered", "charter_capital": 0, "formed_by": "split_off",
               "predecessors": ["HTX-A"]},
              {"date": "2025-02-01", "type": "resumed"}]}]})";
    EXPECT_EQ(refusal(text, "t.json"),
              (std::vector<std::string>{
                  "t.json:5:79: organizations[0].events[0].charter_capital: expected a whole number, got a string",
                  "t.json:9:15: organizations[1].events[1]: organization HTX-B, event resumed on 2025-02-01: resumed is "
                  "not allowed while the cooperative is active [rule T4; Law 17/2023/QH15 Art 96.1; Decree "
                  "92/2024/NĐ-CP Art 47]",
              }));
}

TEST(RegistryJson, TheLegalFrameworkIsAParameter) {
    // With a 24-month cap on one suspension notice, the suspension refused under the 2023 Law is accepted.
    const auto& vn = *law::vietnam();
    auto params = vn.params();
    params[static_cast<std::size_t>(law::Param::suspension_max_months)] = Timeline<std::int64_t>::make(
        {Dated<std::int64_t>{d("2024-07-01"), std::nullopt, 24, "a reform under study", false}});
    const auto reform = std::make_shared<const law::Framework>("reform", vn.regimes(), params, vn.rules());
    const std::string text = read_text_file(malformed_dir / "suspension_too_long.json");
    EXPECT_THROW(io::read_registry(text, "s.json"), Error);
    const Registry reg = io::read_registry(text, "s.json", reform);
    EXPECT_EQ(reg.state_at("HTX-1", d("2025-10-31")).status, LegalStatus::suspended);
}

TEST(RegistryJson, RecordsAndEventsHaveTheirOwnJson) {
    const Registry reg = io::read_registry_file(example_path);
    const auto index = *reg.find("CM-HTX-0001");
    OrganizationRecord record{reg.organization(index), {reg.members(index).begin(), reg.members(index).end()},
                              reg.events(index)};
    const std::string text = json::write_json(record);
    const auto back = json::read_json<OrganizationRecord>(text, "record.json");
    EXPECT_EQ(json::write_json(back), text);
    EXPECT_EQ(back.events.size(), reg.log(index).size());
    EXPECT_EQ(json::write_json(back.events.at(1)), R"({
  "date": "2019-03-15",
  "type": "member_joined",
  "member": "M01",
  "kind": "official",
  "capital": 100000000
}
)");
}

TEST(RegistryJson, DamagedFilesAreRefusedNeverCrash) {
    // Cut the example short at many places and change random bytes: each result either loads or is refused
    // with located problems; nothing else may escape and nothing may crash.
    const std::string original = read_text_file(example_path);
    auto check = [](const std::string& text, const std::string& what) {
        try {
            io::read_registry(text, "damaged.json");
        } catch (const Error& e) {
            for (const auto& p : e.problems()) EXPECT_EQ(p.file, "damaged.json") << what;
        } catch (const std::exception& e) {
            ADD_FAILURE() << what << ": " << e.what();
        }
    };
    for (std::size_t cut = 0; cut < original.size(); cut += 97) check(original.substr(0, cut), "cut at " + std::to_string(cut));
    std::mt19937 random(20240701);
    const std::string replacements = "{}[],:\"\\0123456789-.eE truefalsnul\xC3\xA1\xFF\n";
    for (int trial = 0; trial < 400; ++trial) {
        std::string text = original;
        for (int k = 0; k < 3; ++k)
            text[random() % text.size()] = replacements[random() % replacements.size()];
        check(text, "trial " + std::to_string(trial));
    }
}

/// The text of docs/registry-format.md.
std::string format_doc() { return read_text_file(source_dir / "docs" / "registry-format.md"); }

TEST(RegistryJson, TheDocumentedExampleLoads) {
    const std::string doc = format_doc();
    const auto start = doc.find("```json\n");
    ASSERT_NE(start, std::string::npos);
    const auto end = doc.find("```", start + 8);
    const Registry reg = io::read_registry(doc.substr(start + 8, end - start - 8), "docs/registry-format.md");
    EXPECT_EQ(reg.size(), 1u);
    EXPECT_EQ(reg.info().as_of, d("2023-08-31"));
}

TEST(RegistryJson, TheDocumentationDescribesEveryEventAndKey) {
    const std::string doc = format_doc();
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<std::variant_size_v<EventData>>>([&](auto I) {
        using Payload = std::variant_alternative_t<decltype(I)::value, EventData>;
        const auto type = static_cast<EventType>(decltype(I)::value);
        const std::string heading = "### `" + std::string(enum_name(type)) + "` — " + std::string(label(type).en) +
                                    " — " + std::string(label(type).vi) + "\n";
        const auto at = doc.find(heading);
        if (at == std::string::npos) {
            ADD_FAILURE() << "no section " << heading;
            return;
        }
        const std::string section = doc.substr(at, doc.find("\n### ", at + 1) - at);
        const auto keys = json::member_names<Payload>();
        for (const auto key : keys)
            EXPECT_NE(section.find("| `" + std::string(key) + "` |"), std::string::npos)
                << enum_name(type) << " does not document " << key;
        if (keys.empty()) {
            EXPECT_NE(section.find("This type has no keys."), std::string::npos) << enum_name(type);
        }
    });
}

}  // namespace
