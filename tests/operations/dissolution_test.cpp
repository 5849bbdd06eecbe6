// Dissolution as registry operations: voluntary (resolution, termination on the dossier or after 6 months,
// cancellation restoring the previous status) and compulsory (revocation on an Art 103 ground, a court's or,
// under the 2012 Law, the People's Committee's decision). Refusals name the organisation, event, date, rule and
// legal basis and leave the registry as it was.

#include <coopecon/operations/bankruptcy.hpp>
#include <coopecon/operations/conversion.hpp>
#include <coopecon/operations/dissolution.hpp>
#include <coopecon/operations/reorganization.hpp>

#include <support/builders.hpp>
#include <support/registry_checks.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;
namespace op = coopecon::operations;

Registry dissolution_cooperative(std::vector<Event> more = {}) {
    auto reg = registry();
    Org o = cooperative("HTX");
    o.registered("2024-08-01"_d, 500'000'000).then(ev::members_joined("2024-08-01"_d, 7));
    for (auto& e : more) o.then(std::move(e));
    reg.add(o);
    return reg;
}

/// The one problem of a refused operation, which must leave the registry exactly as it was.
template <class F>
Problem dissolution_refused(Registry& reg, F&& operation, std::vector<Date> dates = {}) {
    const auto problems = refused_change(reg, dates, std::forward<F>(operation));
    EXPECT_EQ(problems.size(), 1u);
    return problems.empty() ? Problem{} : problems.front();
}

std::vector<std::string> appended_summary(const op::Changes& c) {
    std::vector<std::string> out;
    for (const auto& a : c.appended) out.push_back(a.organization + " " + a.event.date.iso() + " " + std::string(enum_name(a.event.type())));
    return out;
}

TEST(VoluntaryDissolution, Art98_ResolvedThenTerminatedOnTheDossier) {
    auto reg = dissolution_cooperative();
    const auto changes = op::dissolve_voluntarily(reg, {"HTX", "2025-01-10"_d, 70, "2025-03-01"_d, CompletionMode::dossier});
    EXPECT_EQ(appended_summary(changes), (std::vector<std::string>{"HTX 2025-01-10 dissolution_resolved", "HTX 2025-03-01 dissolution_completed"}));
    const auto during = reg.state_at("HTX", "2025-02-28"_d);
    EXPECT_EQ(during.status, LegalStatus::in_dissolution);
    EXPECT_EQ(during.dissolution, DissolutionTrack::voluntary);
    const auto after = reg.state_at("HTX", "2025-03-01"_d);
    EXPECT_EQ(after.status, LegalStatus::terminated);
    EXPECT_EQ(after.ended_by, Ending::dissolution);
    const auto s = reg.snapshot("2025-03-01"_d);
    EXPECT_EQ(s.status[0], LegalStatus::terminated);
    EXPECT_EQ(s.ended_by[0], Ending::dissolution);
    EXPECT_EQ(s.status_since[0], ("2025-03-01"_d).days_since_epoch());
}

TEST(VoluntaryDissolution, Art98_7b_TheReplayTerminatesTheDayAfterSixMonthsAndARecordBeforeIsRefused) {
    // Received on 2025-01-10: six months from 2025-01-11 end on 2025-07-10 (Civil Code Art 147.2, 148.3).
    auto reg = dissolution_cooperative();
    op::dissolve_voluntarily(reg, {"HTX", "2025-01-10"_d, 70, std::nullopt, CompletionMode::dossier});
    const auto early = dissolution_refused(reg, [&] { op::complete_dissolution(reg, "HTX", "2025-07-10"_d, CompletionMode::lapse); });
    EXPECT_EQ(refusal_of(early), (Refusal{.organization = "HTX", .event = "dissolution_completed", .date = "2025-07-10"_d,
                                          .rule = "T8", .legal_basis = "Law 17/2023/QH15 Art 98.7b; Decree 92/2024/NĐ-CP Art 50.5"}));
    EXPECT_EQ(early.message, "completion by lapse comes after 6 months (Law 17/2023/QH15 Art 98.7b, 99.3; Decree "
                             "92/2024/NĐ-CP Art 50.5, 51.3) counted from the day after the dissolution began on "
                             "2025-01-10 (Civil Code Art 147, 148), so not before 2025-07-11");
    EXPECT_EQ(reg.state_at("HTX", "2025-07-10"_d).status, LegalStatus::in_dissolution);
    EXPECT_EQ(reg.state_at("HTX", "2025-07-11"_d).status, LegalStatus::terminated);
    op::complete_dissolution(reg, "HTX", "2025-07-14"_d, CompletionMode::lapse);  // the office's record of it
    EXPECT_EQ(reg.state_at("HTX", "2025-07-14"_d).status_since, "2025-07-11"_d);
}

TEST(VoluntaryDissolution, Decree92_Art50_6_CancellationInsideSixMonthsRestoresThePreviousStatusAndOnTheDayIsRefused) {
    auto reg = dissolution_cooperative({ev::suspended("2025-01-01"_d, "2025-10-31"_d)});
    op::dissolve_voluntarily(reg, {"HTX", "2025-02-01"_d, 65, std::nullopt, CompletionMode::dossier});
    // After the six months the dissolution has lapsed: the cooperative is terminated, nothing can follow.
    const auto late = dissolution_refused(reg, [&] { op::cancel_dissolution(reg, "HTX", "2025-08-02"_d); });
    EXPECT_EQ(late.rule, "integrity.after_termination");
    op::cancel_dissolution(reg, "HTX", "2025-08-01"_d);  // the last day of the six months
    const auto restored = reg.state_at("HTX", "2025-08-01"_d);
    EXPECT_EQ(restored.status, LegalStatus::suspended);
    EXPECT_EQ(restored.suspended_until, "2025-10-31"_d);
    EXPECT_EQ(reg.state_at("HTX", "2025-11-01"_d).status, LegalStatus::active);
}

TEST(VoluntaryDissolution, Decree92_Art50_6_CancellingAnActiveCooperativesDissolutionMakesItActiveAgain) {
    auto reg = dissolution_cooperative();
    op::dissolve_voluntarily(reg, {"HTX", "2025-01-10"_d, 70, std::nullopt, CompletionMode::dossier});
    const auto changes = op::cancel_dissolution(reg, "HTX", "2025-07-09"_d);
    EXPECT_EQ(appended_summary(changes), (std::vector<std::string>{"HTX 2025-07-09 dissolution_cancelled"}));
    const auto restored = reg.state_at("HTX", "2025-07-09"_d);
    EXPECT_EQ(restored.status, LegalStatus::active);
    EXPECT_EQ(restored.dissolution, DissolutionTrack::none);
    EXPECT_EQ(reg.state_at("HTX", "2025-07-08"_d).status, LegalStatus::in_dissolution);
    // The lapse can no longer complete it.
    const auto p = dissolution_refused(reg, [&] { op::complete_dissolution(reg, "HTX", "2025-07-10"_d, CompletionMode::lapse); });
    EXPECT_EQ(p.rule, "T8");
    EXPECT_EQ(p.message, "dissolution_completed is not allowed while the cooperative is active");
}

TEST(VoluntaryDissolution, Art61_2d_64PercentIsRefusedAnd65PercentResolves) {
    auto reg = dissolution_cooperative();
    const auto p = dissolution_refused(reg, [&] {
        op::dissolve_voluntarily(reg, {"HTX", "2025-01-10"_d, 64, "2025-03-01"_d, CompletionMode::dossier});
    });
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "HTX", .event = "dissolution_resolved", .date = "2025-01-10"_d,
                                      .rule = "T6",
                                      .legal_basis = "Law 17/2023/QH15 Art 61.2d, 98; Decree 92/2024/NĐ-CP Art 50.1"}));
    EXPECT_EQ(p.message, "approved by 64 % of votes, below the 65 % required (Law 17/2023/QH15 Art 61)");
    op::dissolve_voluntarily(reg, {"HTX", "2025-01-10"_d, 65, std::nullopt, CompletionMode::dossier});
    EXPECT_EQ(reg.state_at("HTX", "2025-01-10"_d).status, LegalStatus::in_dissolution);
    // Under the 2012 Law three quarters were needed.
    auto old = registry();
    old.add(cooperative("HTX").registered("2015-01-01"_d));
    const auto p2012 = dissolution_refused(old, [&] {
        op::dissolve_voluntarily(old, {"HTX", "2020-01-10"_d, 74, std::nullopt, CompletionMode::dossier});
    });
    EXPECT_EQ(p2012.rule, "T6");
    EXPECT_EQ(p2012.message, "approved by 74 % of votes, below the 75 % required (Law 23/2012/QH13 Art 32 (dissolution, reorganisation), "
                             "UNCONFIRMED)");
    op::dissolve_voluntarily(old, {"HTX", "2020-01-10"_d, 75, std::nullopt, CompletionMode::dossier});
    EXPECT_EQ(old.state_at("HTX", "2020-01-10"_d).status, LegalStatus::in_dissolution);
}

TEST(VoluntaryDissolution, ACompletionBeforeTheResolutionIsRefusedAsInput) {
    auto reg = dissolution_cooperative();
    const auto p = dissolution_refused(reg, [&] {
        op::dissolve_voluntarily(reg, {"HTX", "2025-03-01"_d, 70, "2025-02-01"_d, CompletionMode::dossier});
    });
    EXPECT_EQ(p.code, ErrorCode::invalid_value);
    EXPECT_EQ(p.path, "completed_on");
    EXPECT_EQ(p.organization, "HTX");
    EXPECT_EQ(p.message, "the dissolution is completed on 2025-02-01, before it began on 2025-03-01");
}

TEST(VoluntaryDissolution, AnUnknownOrganisationIsNamed) {
    auto reg = dissolution_cooperative();
    const auto p = dissolution_refused(reg, [&] { op::cancel_dissolution(reg, "HTX-9", "2025-01-01"_d); });
    EXPECT_EQ(p.code, ErrorCode::unknown_name);
    EXPECT_EQ(p.organization, "HTX-9");
    EXPECT_EQ(p.message, "no organization with this id");
}

TEST(CompulsoryDissolution, Art99_3_RevocationOnAnArt103GroundLapsesSixMonthsLaterNotADayBefore) {
    auto reg = dissolution_cooperative();
    op::dissolve_compulsorily(reg, {"HTX", "2025-01-10"_d, op::CompulsoryBasis::revocation,
                                    RevocationGround::no_annual_assembly, std::nullopt, CompletionMode::dossier});
    const auto during = reg.state_at("HTX", "2025-01-10"_d);
    EXPECT_EQ(during.status, LegalStatus::in_dissolution);
    EXPECT_EQ(during.dissolution, DissolutionTrack::revocation);
    // A revoked organisation cannot cancel as if it had resolved to dissolve.
    const auto cancel = dissolution_refused(reg, [&] { op::cancel_dissolution(reg, "HTX", "2025-02-01"_d); });
    EXPECT_EQ(cancel.rule, "T9");
    EXPECT_EQ(cancel.message, "dissolution_cancelled is not allowed while the cooperative is in dissolution (compulsory)");
    const auto early = dissolution_refused(reg, [&] {
        op::complete_dissolution(reg, "HTX", "2025-07-10"_d, CompletionMode::lapse);
    });
    EXPECT_EQ(refusal_of(early), (Refusal{.organization = "HTX", .event = "dissolution_completed", .date = "2025-07-10"_d,
                                          .rule = "T12",
                                          .legal_basis = "Law 17/2023/QH15 Art 99.3; Decree 92/2024/NĐ-CP Art 51.2–3"}));
    const auto after = reg.state_at("HTX", "2025-07-11"_d);  // six months from 2025-01-11 end on 2025-07-10
    EXPECT_EQ(after.status, LegalStatus::terminated);
    EXPECT_EQ(after.ended_by, Ending::dissolution);
}

TEST(CompulsoryDissolution, Art97_1b_CourtDecisionThenDossier) {
    auto reg = dissolution_cooperative();
    const auto c = op::dissolve_compulsorily(reg, {"HTX", "2025-01-10"_d, op::CompulsoryBasis::court_decision, std::nullopt,
                                                   "2025-04-01"_d, CompletionMode::dossier});
    EXPECT_EQ(appended_summary(c), (std::vector<std::string>{"HTX 2025-01-10 dissolution_resolved", "HTX 2025-04-01 dissolution_completed"}));
    EXPECT_EQ(reg.state_at("HTX", "2025-03-31"_d).dissolution, DissolutionTrack::court_or_authority);
    EXPECT_EQ(reg.state_at("HTX", "2025-04-01"_d).status, LegalStatus::terminated);
}

TEST(CompulsoryDissolution, Art97_1b_Art54_2_ThePeoplesCommitteeOnlyUnderThe2012Law) {
    auto reg = dissolution_cooperative();
    const auto p = dissolution_refused(reg, [&] {
        op::dissolve_compulsorily(reg, {"HTX", "2025-01-10"_d, op::CompulsoryBasis::authority_decision, std::nullopt,
                                        std::nullopt, CompletionMode::dossier});
    });
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "HTX", .event = "dissolution_resolved", .date = "2025-01-10"_d,
                                      .rule = "T11", .legal_basis = "Law 17/2023/QH15 Art 97.1b, 99"}));
    EXPECT_EQ(p.message, "no administrative authority may order a dissolution under the law in force on 2025-01-10 (Law "
                         "17/2023/QH15 Art 97.1b); a court decision or a revoked registration is needed");
    auto old = registry();
    old.add(cooperative("HTX").registered("2015-01-01"_d));
    op::dissolve_compulsorily(old, {"HTX", "2020-01-10"_d, op::CompulsoryBasis::authority_decision, std::nullopt,
                                    "2020-05-01"_d, CompletionMode::dossier});
    EXPECT_EQ(old.state_at("HTX", "2020-05-01"_d).status, LegalStatus::terminated);
}

TEST(CompulsoryDissolution, Art103_1_GroundsAreChecked) {
    auto reg = dissolution_cooperative();
    const auto tax = dissolution_refused(reg, [&] {
        op::dissolve_compulsorily(reg, {"HTX", "2025-01-10"_d, op::CompulsoryBasis::revocation,
                                        RevocationGround::tax_enforcement, std::nullopt, CompletionMode::dossier});
    });
    EXPECT_EQ(refusal_of(tax), (Refusal{.organization = "HTX", .event = "registration_revoked", .date = "2025-01-10"_d,
                                        .rule = "T13", .legal_basis = "Decree 92/2024/NĐ-CP Art 27.2, 53.5",
                                        .path = "ground"}));
    EXPECT_EQ(tax.message, "a revocation at the tax authority's request does not dissolve the organization (its status "
                           "becomes revoked_tax_enforcement); a compulsory dissolution needs a ground of Art 103.1 or a "
                           "court decision");
    const auto missing = dissolution_refused(reg, [&] {
        op::dissolve_compulsorily(reg, {"HTX", "2025-01-10"_d, op::CompulsoryBasis::revocation, std::nullopt,
                                        std::nullopt, CompletionMode::dossier});
    });
    EXPECT_EQ(missing.code, ErrorCode::missing_field);
    EXPECT_EQ(missing.message, "a revocation needs its ground of Law 17/2023/QH15 Art 103.1");
    EXPECT_EQ(missing.legal_basis, "Law 17/2023/QH15 Art 99, 103; Decree 92/2024/NĐ-CP Art 51, 53");
    EXPECT_EQ(label(op::CompulsoryBasis::revocation).vi, "Bị thu hồi giấy chứng nhận đăng ký");
    EXPECT_EQ(label(op::CompulsoryBasis::court_decision).en, "Court decision");
    const auto extra = dissolution_refused(reg, [&] {
        op::dissolve_compulsorily(reg, {"HTX", "2025-01-10"_d, op::CompulsoryBasis::court_decision,
                                        RevocationGround::forged_dossier, std::nullopt, CompletionMode::dossier});
    });
    EXPECT_EQ(extra.message, "a ground is given only for a revocation, not for a court_decision");
}

TEST(CompulsoryDissolution, AfterTerminationNothingMore) {
    auto reg = dissolution_cooperative();
    op::dissolve_voluntarily(reg, {"HTX", "2025-01-10"_d, 70, "2025-03-01"_d, CompletionMode::dossier});
    const auto p = dissolution_refused(reg, [&] {
        op::dissolve_compulsorily(reg, {"HTX", "2025-04-01"_d, op::CompulsoryBasis::court_decision, std::nullopt,
                                        std::nullopt, CompletionMode::dossier});
    });
    EXPECT_EQ(p.rule, "integrity.after_termination");
    EXPECT_EQ(p.message, "the organization was terminated on 2025-03-01; no event may follow");
}

TEST(Bankruptcy, Art102_OpenedThenDeclared) {
    auto reg = dissolution_cooperative();
    op::open_bankruptcy(reg, {"HTX", "2025-02-01"_d, std::nullopt});
    EXPECT_EQ(reg.state_at("HTX", "2025-02-01"_d).status, LegalStatus::in_bankruptcy);
    op::declare_bankruptcy(reg, "HTX", "2025-09-01"_d);
    const auto after = reg.state_at("HTX", "2025-09-01"_d);
    EXPECT_EQ(after.status, LegalStatus::terminated);
    EXPECT_EQ(after.ended_by, Ending::bankruptcy);
    EXPECT_EQ(reg.snapshot("2025-09-01"_d).ended_by[0], Ending::bankruptcy);
}

TEST(Bankruptcy, Art102_RefusedForAGroupAndBeforeOpening) {
    auto reg = registry();
    reg.add(cooperative_group("THT").registered("2024-08-01"_d).then(ev::members_joined("2024-08-01"_d, 3)));
    const auto group = dissolution_refused(reg, [&] { op::open_bankruptcy(reg, {"THT", "2025-02-01"_d, "2025-03-01"_d}); });
    EXPECT_EQ(refusal_of(group), (Refusal{.organization = "THT", .event = "bankruptcy_opened", .date = "2025-02-01"_d,
                                          .rule = "transition_table"}));
    EXPECT_EQ(group.message, "no transition allows bankruptcy_opened for a cooperative group");
    auto coop = dissolution_cooperative();
    const auto early = dissolution_refused(coop, [&] { op::declare_bankruptcy(coop, "HTX", "2025-02-01"_d); });
    EXPECT_EQ(early.rule, "T17");
    EXPECT_EQ(early.message, "bankruptcy_declared is not allowed while the cooperative is active");
    const auto order = dissolution_refused(coop, [&] { op::open_bankruptcy(coop, {"HTX", "2025-02-01"_d, "2025-01-01"_d}); });
    EXPECT_EQ(order.path, "declared_on");
    EXPECT_EQ(order.message, "the bankruptcy is declared on 2025-01-01, before the proceedings opened on 2025-02-01");
}

}  // namespace
