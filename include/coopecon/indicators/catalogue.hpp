#pragma once
// The catalogue of standard indicators, as the statistics office (GSO), the Ministry of Planning and Investment
// and provincial collective-economy plans report them, with the ILO guidelines' categories kept apart
// (members, work) and the Law's definitions where it has one (domain reference §8).
//
// Stocks count organisations that exist at the end of the period (registered, not terminated: "hiện có");
// flows count events within the period; growth compares with the end of the previous period. Member figures
// add up every kind of membership of the organisations in the group: group the table by kind to keep
// cooperatives, unions (whose members are cooperatives) and cooperative groups apart, or use the
// kind-specific indicators.

#include <coopecon/core/error.hpp>
#include <coopecon/indicators/building_blocks.hpp>
#include <coopecon/indicators/indicator.hpp>
#include <coopecon/indicators/scoring_hooks.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace coopecon::indicators {

/// The standard indicators; those on classification, NTM and OCOP follow `hooks` (provisional).
inline std::vector<Indicator> catalogue(const ScoringHooks& hooks = {}) {
    using K = OrgKind;
    using S = LegalStatus;
    const Filter live = existing();
    const Filter results = live & with_results();
    const Filter rated_ = live & rated();
    const auto gso = Practice::statistics_office, mpi = Practice::ministry, ilo = Practice::ilo_guidelines,
               law = Practice::law, scoring = Practice::scoring;
    const std::string white_book = "GSO, Sách trắng Hợp tác xã Việt Nam (2020, 2023)";
    const std::string plans = "MPI and provincial collective-economy plans (e.g. KH 2949/KH-UBND Bình Thuận)";
    const std::string statuses = "Decree 92/2024/NĐ-CP Art 27 (legal statuses)";
    const std::string ilo_ref = "ILO Guidelines concerning statistics of cooperatives, 20th ICLS (2018)";
    const std::string tt01 = "Thông tư 01/2020/TT-BKHĐT (classes: good 80–100, fair 65–<80, average 50–<65, weak <50)";
    const std::string ocop = "QĐ 148/QĐ-TTg (2023); star bands of QĐ 1048/QĐ-TTg (2019), UNCONFIRMED as unchanged";

    std::vector<Indicator> c;
    auto add = [&](std::string id, Text label, Unit unit, std::string definition, Practice practice,
                   std::string reference, int decimals, Expression e, bool provisional = false) {
        c.push_back({std::move(id), std::move(label), unit, std::move(definition), practice, std::move(reference),
                     decimals, provisional, std::move(e)});
    };
    auto status_count = [&](S s, std::string id) {
        add(std::move(id), label(s), Unit::organizations,
            "organisations in the legal status " + std::string(enum_name(s)), law, statuses, 0,
            count(live & with_status(s)));
    };

    // ---- organisations by kind and legal status ------------------------------------------------------------
    add("organizations", {"Organisations", "Tổ chức kinh tế tập thể"}, Unit::organizations,
        "organisations registered on or before the date and not terminated (hiện có)", gso, white_book, 0, count(live));
    add("cooperatives", {"Cooperatives", "Hợp tác xã"}, Unit::organizations, "existing organisations of kind cooperative",
        gso, white_book, 0, count(live & of_kind(K::cooperative)));
    add("unions", {"Unions of cooperatives", "Liên hiệp hợp tác xã"}, Unit::organizations,
        "existing organisations of kind union_of_cooperatives", mpi, plans, 0, count(live & of_kind(K::union_of_cooperatives)));
    add("cooperative_groups", {"Cooperative groups", "Tổ hợp tác"}, Unit::organizations,
        "existing organisations of kind cooperative_group", mpi, plans, 0, count(live & of_kind(K::cooperative_group)));
    status_count(S::active, "active");
    status_count(S::suspended, "suspended");
    status_count(S::revoked_tax_enforcement, "revoked_tax_enforcement");
    status_count(S::in_dissolution, "in_dissolution");
    status_count(S::in_reorganization, "in_reorganization");
    status_count(S::in_bankruptcy, "in_bankruptcy");
    add("not_at_address", not_at_address_label, Unit::organizations,
        "existing organisations flagged by the tax authority as not operating at the registered address", law,
        "Decree 92/2024/NĐ-CP Art 27.6", 0, count(live & not_at_address()));
    add("active_rate", {"Active rate", "Tỷ lệ đang hoạt động"}, Unit::percent, "active / organisations × 100", mpi,
        plans, 1, ratio(count(live & with_status(S::active)), count(live), 100));
    add("suspended_rate", {"Suspended rate", "Tỷ lệ tạm ngừng kinh doanh"}, Unit::percent,
        "suspended / organisations × 100", mpi, plans, 1, ratio(count(live & with_status(S::suspended)), count(live), 100));

    // ---- change in the period ------------------------------------------------------------------------------
    add("organizations_before", {"Organisations at the end of the previous period", "Số tổ chức cuối kỳ trước"},
        Unit::organizations, "organisations existing on the day before the period starts", mpi, plans, 0,
        previous(count(live)));
    add("new", {"New registrations", "Thành lập mới"}, Unit::organizations,
        "organisations registered within the period (successors of a division, split-off or consolidation included)",
        mpi, plans, 0, count(new_in_period()));
    add("dissolved", {"Dissolved", "Giải thể"}, Unit::organizations,
        "organisations whose dissolution (groups: termination) was completed within the period", mpi, plans, 0,
        count(terminated_in_period() & ended_by({Ending::dissolution})));
    add("bankrupt", {"Declared bankrupt", "Phá sản"}, Unit::organizations,
        "organisations declared bankrupt within the period", mpi, plans, 0,
        count(terminated_in_period() & ended_by({Ending::bankruptcy})));
    add("merged", {"Ended by division, consolidation or merger", "Chấm dứt do chia, hợp nhất, sáp nhập"},
        Unit::organizations, "organisations that ceased within the period by a reorganisation (Law 17/2023/QH15 Art 92–95)",
        mpi, plans, 0, count(terminated_in_period() & ended_by({Ending::reorganization})));
    add("converted", {"Converted from cooperative groups", "Chuyển đổi từ tổ hợp tác"}, Unit::organizations,
        "cooperative groups that became cooperatives within the period (counted under their kind at the period's end)",
        law, "Law 17/2023/QH15 Art 108", 0, count(converted_in_period()));
    add("net_change", {"Net change", "Tăng (giảm) thuần"}, Unit::organizations,
        "organisations at the end of the period − at the end of the previous period (= new − dissolved − bankrupt − "
        "merged ± conversions between kinds)",
        mpi, plans, 0, difference(count(live), previous(count(live))));
    add("growth", {"Growth against the previous period", "Tốc độ tăng so với kỳ trước"}, Unit::percent,
        "net change / organisations at the end of the previous period × 100", gso, white_book, 1, growth(count(live)));

    // ---- members and workers -------------------------------------------------------------------------------
    add("members", {"Members", "Thành viên"}, Unit::members,
        "official members + capital-contributing associates + non-capital associates of existing organisations", gso,
        white_book, 0, sum(Field::members, live));
    for (auto f : {Field::official_members, Field::capital_associates, Field::non_capital_associates,
                   Field::individual_members, Field::household_members, Field::legal_entity_members}) {
        add(std::string(enum_name(f)), label(f), Unit::members,
            "members of existing organisations: " + std::string(enum_name(f)), f <= Field::non_capital_associates ? law : ilo,
            f <= Field::non_capital_associates ? "Law 17/2023/QH15 Art 4.16–4.19, Art 30" : ilo_ref, 0, sum(f, live));
    }
    add("member_cooperatives", label(Field::cooperative_members), Unit::members,
        "members that are cooperatives (the official members of a union)", law, "Law 17/2023/QH15 Art 34", 0,
        sum(Field::cooperative_members, live));
    add("members_of_cooperatives", {"Members of cooperatives", "Thành viên hợp tác xã"}, Unit::members,
        "members of existing cooperatives", gso, white_book, 0, sum(Field::members, live & of_kind(K::cooperative)));
    add("union_member_cooperatives", {"Member cooperatives of unions", "Hợp tác xã thành viên liên hiệp hợp tác xã"},
        Unit::members, "cooperatives that are members of existing unions", mpi, plans, 0,
        sum(Field::cooperative_members, live & of_kind(K::union_of_cooperatives)));
    add("members_of_groups", {"Members of cooperative groups", "Thành viên tổ hợp tác"}, Unit::members,
        "members of existing cooperative groups", mpi, plans, 0, sum(Field::members, live & of_kind(K::cooperative_group)));
    add("workers", {"Workers", "Lao động"}, Unit::workers,
        "regular workers of existing organisations in their latest financial year (work in cooperatives, kept apart "
        "from membership)",
        ilo, ilo_ref, 0, sum(Field::workers, live));
    add("members_per_organization", {"Members per organisation", "Thành viên bình quân một tổ chức"},
        Unit::members_per_organization, "members / organisations", gso, white_book, 1,
        ratio(sum(Field::members, live), count(live)));
    add("members_per_cooperative", {"Members per cooperative", "Thành viên bình quân một hợp tác xã"},
        Unit::members_per_organization, "members of cooperatives / cooperatives", gso, white_book, 1,
        ratio(sum(Field::members, live & of_kind(K::cooperative)), count(live & of_kind(K::cooperative))));
    add("members_per_group", {"Members per cooperative group", "Thành viên bình quân một tổ hợp tác"},
        Unit::members_per_organization, "members of cooperative groups / cooperative groups", mpi, plans, 1,
        ratio(sum(Field::members, live & of_kind(K::cooperative_group)), count(live & of_kind(K::cooperative_group))));

    // ---- business results ----------------------------------------------------------------------------------
    add("with_results", {"Organisations with results", "Tổ chức có kết quả sản xuất kinh doanh"}, Unit::organizations,
        "existing organisations whose latest closed financial year is the year before the date's year or later", gso,
        white_book, 0, count(results));
    add("average_revenue", {"Average revenue", "Doanh thu bình quân"}, Unit::million_dong,
        "revenue / organisations with results", mpi, plans, 1, mean(Field::revenue, results, 1e-6));
    add("average_pre_tax_profit", {"Average pre-tax profit", "Lợi nhuận trước thuế bình quân"}, Unit::million_dong,
        "pre-tax profit / organisations with results", mpi, plans, 1, mean(Field::pre_tax_profit, results, 1e-6));
    add("average_worker_income", {"Average income per worker", "Thu nhập bình quân của người lao động"},
        Unit::million_dong_per_worker, "labour income / workers, over organisations with results", mpi, plans, 1,
        ratio(sum(Field::wages, results), sum(Field::workers, results), 1e-6));
    add("internal_transaction_ratio", {"Internal-transaction ratio", "Tỷ lệ giao dịch nội bộ"}, Unit::percent,
        "revenue from transactions with members / revenue × 100, over organisations with results", law,
        "Law 17/2023/QH15 Art 4.22", 1, ratio(sum(Field::internal_revenue, results), sum(Field::revenue, results), 100));

    // ---- classification, certification, OCOP, NTM (provisional) ---------------------------------------------
    add("rated", {"Classified organisations", "Tổ chức được đánh giá, xếp loại"}, Unit::organizations,
        "existing organisations assessed for the year before the date's year or later", scoring, tt01, 0, count(rated_),
        true);
    for (auto k : {ClassificationClass::good, ClassificationClass::fair, ClassificationClass::average,
                   ClassificationClass::weak}) {
        add("class_" + std::string(enum_name(k)), label(k), Unit::organizations,
            "classified organisations in class " + std::string(enum_name(k)) + " of their latest assessment", scoring,
            tt01, 0, count(live & classified({k})), true);
    }
    add("effective_share", {"Effective share", "Tỷ lệ hoạt động hiệu quả"}, Unit::percent,
        "classified organisations in an effective class (default good or fair) / classified organisations × 100",
        scoring, tt01 + "; QĐ 167/QĐ-TTg (2021)", 1, share(classified(hooks.effective), rated_), true);
    auto cert_share = [&](std::string id, Text text, std::initializer_list<Certification> any_of) {
        add(std::move(id), std::move(text), Unit::percent,
            "existing organisations holding a valid certification (" + detail::set_names<Certification>(bits(any_of)) +
                ") / existing organisations × 100",
            mpi, "provincial reports (e.g. Hòa Bình: share of cooperatives with VietGAP, GlobalGAP or organic)", 1,
            share(certified(any_of), live));
    };
    cert_share("vietgap_share", {"VietGAP certified", "Đạt chứng nhận VietGAP"}, {Certification::vietgap});
    cert_share("globalgap_share", {"GlobalGAP certified", "Đạt chứng nhận GlobalGAP"}, {Certification::globalgap});
    cert_share("organic_share", {"Organic certified", "Đạt chứng nhận hữu cơ"}, {Certification::organic});
    cert_share("certified_share", {"VietGAP, GlobalGAP or organic certified", "Đạt chứng nhận VietGAP, GlobalGAP hoặc hữu cơ"},
               {Certification::vietgap, Certification::globalgap, Certification::organic});
    add("ocop_products", label(Field::ocop_products), Unit::products,
        "OCOP products of existing organisations, each at its latest rating", scoring, ocop, 0,
        sum(Field::ocop_products, live), true);
    for (auto f : {Field::ocop_1_star, Field::ocop_2_stars, Field::ocop_3_stars, Field::ocop_4_stars, Field::ocop_5_stars})
        add(std::string(enum_name(f)), label(f), Unit::products,
            "OCOP products of existing organisations at this many stars (score bands 90/70/50/30)", scoring, ocop, 0,
            sum(f, live), true);
    add("ntm_13_1_communes", {"Communes meeting NTM criterion 13.1", "Xã đạt tiêu chí 13.1 nông thôn mới"},
        Unit::communes,
        "distinct communes (seat areas at commune level) with an existing organisation that qualifies (default: an "
        "active cooperative classed good or fair)",
        scoring, "QĐ 318/QĐ-TTg (2022) criterion 13.1; definition of an effective cooperative UNCONFIRMED", 0,
        distinct_communes(live & hooks.ntm_13_1_qualifying), true);
    return c;
}

namespace detail {

inline Indicator find_indicator(const std::vector<Indicator>& all, std::string_view id) {
    std::string known;
    for (const auto& i : all) {
        if (i.id == id) return i;
        known += (known.empty() ? "" : ", ") + i.id;
    }
    throw Error(ErrorCode::unknown_name, "unknown indicator '" + std::string(id) + "'; known: " + known);
}

}  // namespace detail

/// The catalogue's indicator with this id; an Error listing the known ids otherwise.
inline Indicator catalogue_indicator(std::string_view id, const ScoringHooks& hooks = {}) {
    return detail::find_indicator(catalogue(hooks), id);
}

/// The catalogue's indicators with these ids, in this order (the catalogue is built once).
inline std::vector<Indicator> catalogue_indicators(const std::vector<std::string>& ids, const ScoringHooks& hooks = {}) {
    const auto all = catalogue(hooks);
    std::vector<Indicator> out;
    for (const auto& id : ids) out.push_back(detail::find_indicator(all, id));
    return out;
}

}  // namespace coopecon::indicators
