// Uses the installed library through its umbrella header: replays a registry built in code under the embedded
// law and prints a state; exits non-zero when something is wrong.
#include <coopecon/coopecon.hpp>

#include <cstdio>
#include <string>

std::string second_unit_date();

int main() {
    using namespace coopecon;
    const auto date = Date::parse("2024-07-01");
    if (!date || date->iso() != "2024-07-01" || second_unit_date() != "2025-07-01") {
        std::fputs("coopecon::Date::parse failed\n", stderr);
        return 1;
    }
    Registry registry;
    registry.add(OrganizationRecord{
        Organization{"thtx-1", "TH-0001", "Tổ hợp tác Rau sạch", OrgKind::cooperative_group, "P96", Sector::agriculture,
                     std::nullopt, std::nullopt},
        {},
        {Event{*date, Registered{}}, Event{*date, MembersJoined{MemberKind::official, MemberType::individual, 3}}}});
    const OrgState state = registry.state_at("thtx-1", *Date::parse("2024-12-31"));
    std::printf("thtx-1 on 2024-12-31: %s, %d official members\n", std::string(enum_name(state.status)).c_str(),
                state.members.official());
    return state.status == LegalStatus::active && state.members.official() == 3 ? 0 : 1;
}
