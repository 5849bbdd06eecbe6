// Organisation rows of a CSV import (csv_organizations.hpp).

#include "io/csv_import.hpp"

#include <coopecon/io/csv_organizations.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coopecon::io {

namespace detail {
namespace {

constexpr std::string_view field(OrgField f) noexcept { return enum_name(f); }

/// The member-type columns, in MemberType order.
constexpr std::array<OrgField, 4> type_fields{OrgField::individual_members, OrgField::household_members,
                                                     OrgField::legal_entity_members, OrgField::cooperative_members};
/// The member-kind columns, in MemberKind order.
constexpr std::array<OrgField, 3> kind_fields{OrgField::official_members, OrgField::capital_associates,
                                                     OrgField::non_capital_associates};

struct Cohort {
    MemberKind kind;
    MemberType type;
    std::int32_t count;
};

/// Member cohorts with the row's totals by kind and, when given, by type. Which kind goes with which type is not
/// in the row: types are handed out to kinds in order (for a union, cooperatives first, as its official
/// members must be cooperatives), which keeps both totals.
std::vector<Cohort> cohorts(OrgKind org, const std::array<std::int32_t, 3>& by_kind,
                                   const std::optional<std::array<std::int32_t, 4>>& by_type) {
    std::vector<Cohort> out;
    const bool union_kind = org == OrgKind::union_of_cooperatives;
    if (!by_type) {
        for (std::size_t k = 0; k < by_kind.size(); ++k) {
            if (by_kind[k] == 0) continue;
            const auto kind = static_cast<MemberKind>(k);
            const MemberType type = !union_kind ? MemberType::individual
                                    : kind == MemberKind::official ? MemberType::cooperative
                                                                   : MemberType::legal_entity;
            out.push_back({kind, type, by_kind[k]});
        }
        return out;
    }
    const std::array<MemberType, 4> order =
        union_kind ? std::array{MemberType::cooperative, MemberType::legal_entity, MemberType::household,
                                MemberType::individual}
                   : std::array{MemberType::individual, MemberType::household, MemberType::legal_entity,
                                MemberType::cooperative};
    auto left = *by_type;
    std::size_t t = 0;
    for (std::size_t k = 0; k < by_kind.size(); ++k) {
        for (std::int32_t need = by_kind[k]; need > 0;) {
            while (left[static_cast<std::size_t>(order[t])] == 0) ++t;  // the totals are equal, so t stays in range
            auto& have = left[static_cast<std::size_t>(order[t])];
            const std::int32_t n = std::min(need, have);
            out.push_back({static_cast<MemberKind>(k), order[t], n});
            need -= n;
            have -= n;
        }
    }
    return out;
}

// Payloads with the keys a row gives; every other key keeps its default.
Registered registered(Dong charter_capital) {
    Registered p{};
    p.charter_capital = charter_capital;
    return p;
}
MembersJoined joined(const Cohort& c) {
    MembersJoined p{};
    p.kind = c.kind;
    p.member_type = c.type;
    p.count = c.count;
    return p;
}
AssemblyHeld annual_assembly() {
    AssemblyHeld p{};
    p.kind = AssemblyKind::annual;
    return p;
}
Suspended suspended(Date until) {
    Suspended p{};
    p.until = until;
    return p;
}
RegistrationRevoked revoked_for_tax() {
    RegistrationRevoked p{};
    p.ground = RevocationGround::tax_enforcement;
    return p;
}
DissolutionResolved resolved(DissolutionBasis basis) {
    DissolutionResolved p{};
    p.basis = basis;
    return p;
}
DissolutionCompleted completed_on_dossier() {
    DissolutionCompleted p{};
    p.by = CompletionMode::dossier;
    return p;
}
ReorganizationStarted reorganization_started(ReorganizationForm form) {
    ReorganizationStarted p{};
    p.form = form;
    return p;
}
ReorganizationCompleted reorganization_completed(ReorganizationForm form) {
    ReorganizationCompleted p{};
    p.form = form;
    return p;
}

class RowConverter {
public:
    RowConverter(const Row& row, const Source& source, const CsvOptions& options)
        : r_(row, source), options_(options) {}

    Candidate convert() {
        c_.lines = {r_.line()};
        identity();
        const auto registered_on = r_.require<Date>(field(OrgField::registered_on));
        const auto charter = r_.get<Dong>(field(OrgField::charter_capital));
        if (registered_on) {
            add(*registered_on, registered(charter.value_or(0)), OrgField::registered_on,
                given_or(OrgField::charter_capital, OrgField::registered_on));
            members(*registered_on);
        }
        status();  // before the figures: the termination date bounds the financial year's close
        if (const auto assembly = r_.get<Date>(field(OrgField::last_annual_assembly)))
            add(*assembly, annual_assembly(), OrgField::last_annual_assembly, OrgField::last_annual_assembly);
        // The annual update reports on the year it is filed in (Thông tư 09/2024/TT-BKHĐT Art 6: by 15 December,
        // for the year to 14 December).
        if (const auto report = r_.get<Date>(field(OrgField::last_report)))
            add(*report, ReportFiled{report->year()}, OrgField::last_report, OrgField::last_report);
        figures();
        after_export_date();
        c_.problems = r_.take_problems();
        for (auto& p : c_.problems) p.organization = c_.record.organization.id;
        return std::move(c_);
    }

private:
    Origin at(OrgField f) const { return r_.origin(field(f)); }
    /// `f` when its cell has a value, else `otherwise`: where a problem about a defaulted value is shown.
    OrgField given_or(OrgField f, OrgField otherwise) const { return r_.has(field(f)) ? f : otherwise; }

    /// Adds an event dated from the cell of `date_field` and decided by the cell of `value_field`.
    template <class Payload>
    void add(Date d, Payload payload, OrgField date_field, OrgField value_field) {
        c_.record.events.push_back(Event{d, std::move(payload)});
        c_.events.push_back(EventOrigin{at(date_field), at(value_field), {}});
        dated_.emplace_back(d, date_field);
    }

    void identity() {
        auto& o = c_.record.organization;
        o.id = r_.require<std::string>(field(OrgField::id)).value_or("");
        o.registration_code = r_.get<std::string>(field(OrgField::registration_code)).value_or("");
        o.name = r_.require<std::string>(field(OrgField::name)).value_or("");
        if (const auto kind = r_.require<OrgKind>(field(OrgField::kind))) o.kind = *kind;
        o.area = r_.require<std::string>(field(OrgField::area)).value_or("");
        if (const auto sector = r_.require<Sector>(field(OrgField::sector))) o.sector = *sector;
        for (const OrgField f : {OrgField::id, OrgField::registration_code, OrgField::name, OrgField::kind,
                                 OrgField::area, OrgField::sector})
            c_.identity[std::string(field(f))] = at(f);
    }

    /// A whole number of members from the cell (blank: 0); a problem when negative.
    std::int32_t count(OrgField f) {
        const auto n = r_.get<std::int32_t>(field(f));
        if (n && *n < 0) {
            r_.problem(field(f), ErrorCode::invalid_value,
                       std::to_string(*n) + " is negative: a number of members is 0 or more");
            return 0;
        }
        return n.value_or(0);
    }

    void members(Date registered_on) {
        std::array<std::int32_t, 3> by_kind{};
        for (std::size_t k = 0; k < kind_fields.size(); ++k) by_kind[k] = count(kind_fields[k]);
        std::optional<std::array<std::int32_t, 4>> by_type;
        for (const OrgField f : type_fields)
            if (r_.has(field(f))) by_type.emplace();
        if (by_type)
            for (std::size_t t = 0; t < type_fields.size(); ++t) (*by_type)[t] = count(type_fields[t]);
        if (!r_.ok()) return;
        std::int64_t total_kinds = 0, total_types = 0;
        for (const auto n : by_kind) total_kinds += n;
        if (by_type)
            for (const auto n : *by_type) total_types += n;
        if (by_type && total_kinds != total_types) {
            OrgField first = type_fields.front();
            for (const OrgField f : type_fields)
                if (r_.has(field(f))) {
                    first = f;
                    break;
                }
            r_.problem(field(first), ErrorCode::invalid_value,
                       "the members by type add up to " + std::to_string(total_types) +
                           ", the members by kind (official and associates) to " + std::to_string(total_kinds) +
                           ": both count the same members");
            return;
        }
        for (const auto& cohort : cohorts(c_.record.organization.kind, by_kind, by_type))
            add(registered_on, joined(cohort), OrgField::registered_on,
                kind_fields[static_cast<std::size_t>(cohort.kind)]);
    }

    /// A cell that only some statuses use must be blank for the others, so that nothing given is ignored.
    void only_for(OrgField f, bool used, std::string_view for_what, LegalStatus status) {
        if (!used && r_.has(field(f)))
            r_.problem(field(f), ErrorCode::invalid_value,
                       "this is only for " + std::string(for_what) + ", and the status is " +
                           std::string(enum_name(status)) + ": leave the cell blank");
    }

    void status() {
        const auto given = r_.require<LegalStatus>(field(OrgField::status));
        if (!given) return;
        const auto s = *given;
        const bool terminated = s == LegalStatus::terminated;
        // Plain values rather than optionals from here on: the switch below reads them only when the row is ok.
        Ending ended = Ending::none;
        if (terminated) {
            if (const auto e = r_.require<Ending>(field(OrgField::ended_by), "for a terminated organization")) {
                ended = *e;
                if (ended == Ending::none)
                    r_.problem(field(OrgField::ended_by), ErrorCode::invalid_value,
                               "a terminated organization ended by dissolution, bankruptcy or reorganization");
            }
        }
        const bool dissolving = s == LegalStatus::in_dissolution || ended == Ending::dissolution;
        const bool reorganizing = s == LegalStatus::in_reorganization || ended == Ending::reorganization;

        if (s == LegalStatus::active)
            only_for(OrgField::status_since, false, "statuses other than active", s);
        only_for(OrgField::suspended_until, s == LegalStatus::suspended, "the status suspended", s);
        only_for(OrgField::ended_by, terminated, "the status terminated", s);
        only_for(OrgField::procedure_started, terminated, "the status terminated", s);
        only_for(OrgField::dissolution_basis, dissolving,
                 "in_dissolution, or terminated with ended_by dissolution", s);
        only_for(OrgField::reorganization_form, reorganizing,
                 "in_reorganization, or terminated with ended_by reorganization", s);
        if (s == LegalStatus::active) return;

        const auto since = r_.require<Date>(field(OrgField::status_since), "for a status other than active");
        const auto until = s == LegalStatus::suspended
                               ? r_.require<Date>(field(OrgField::suspended_until), "for a suspended organization")
                               : std::nullopt;
        const auto basis = r_.get<DissolutionBasis>(field(OrgField::dissolution_basis));
        const auto started = r_.get<Date>(field(OrgField::procedure_started));
        ReorganizationForm form = ReorganizationForm::division;
        if (reorganizing) {
            if (const auto f = r_.require<ReorganizationForm>(field(OrgField::reorganization_form),
                                                              "for a reorganization that ends the organization")) {
                form = *f;
                if (!ends_organization(form))
                    r_.problem(field(OrgField::reorganization_form), ErrorCode::invalid_value,
                               std::string(enum_name(form)) +
                                   " does not end the organization: write division, consolidation or merger_into");
            }
        }
        if (since && started && *started > *since)
            r_.problem(field(OrgField::procedure_started), ErrorCode::invalid_value,
                       "the procedure started on " + started->iso() + ", after the organization was terminated on " +
                           since->iso());
        if (!since || !r_.ok()) return;

        const Date start = started.value_or(*since);
        const OrgField start_field = started ? OrgField::procedure_started : OrgField::status_since;
        const OrgField basis_field = given_or(OrgField::dissolution_basis, OrgField::status);
        const auto resolution = resolved(basis.value_or(DissolutionBasis::members_resolution));
        using F = OrgField;
        switch (s) {
            case LegalStatus::active: break;
            case LegalStatus::suspended: add(*since, suspended(*until), F::status_since, F::suspended_until); break;
            case LegalStatus::revoked_tax_enforcement: add(*since, revoked_for_tax(), F::status_since, F::status); break;
            case LegalStatus::in_dissolution: add(*since, resolution, F::status_since, basis_field); break;
            case LegalStatus::in_reorganization:
                add(*since, reorganization_started(form), F::status_since, F::reorganization_form);
                break;
            case LegalStatus::in_bankruptcy: add(*since, BankruptcyOpened{}, F::status_since, F::status); break;
            case LegalStatus::terminated:
                terminated_on_ = *since;
                switch (ended) {
                    case Ending::none: break;
                    case Ending::dissolution:
                        add(start, resolution, start_field, basis_field);
                        add(*since, completed_on_dossier(), F::status_since, F::ended_by);
                        break;
                    case Ending::bankruptcy:
                        add(start, BankruptcyOpened{}, start_field, F::ended_by);
                        add(*since, BankruptcyDeclared{}, F::status_since, F::ended_by);
                        break;
                    case Ending::reorganization:
                        add(start, reorganization_started(form), start_field, F::reorganization_form);
                        add(*since, reorganization_completed(form), F::status_since, F::reorganization_form);
                        break;
                }
                break;
        }
    }

    /// The latest financial year, closed on 31 December, or on the termination date when it comes first.
    void figures() {
        static constexpr std::array<OrgField, 7> amounts{OrgField::revenue,          OrgField::costs,
                                                         OrgField::pre_tax_profit,   OrgField::internal_revenue,
                                                         OrgField::workers,          OrgField::wages,
                                                         OrgField::indivisible_fund};
        const auto year = r_.get<std::int32_t>(field(OrgField::financial_year));
        if (!r_.has(field(OrgField::financial_year))) {
            for (const OrgField f : amounts)
                if (r_.has(field(f)))
                    r_.problem(field(f), ErrorCode::missing_field,
                               "the figures are those of a financial year: give financial_year too");
            return;
        }
        if (!year) return;
        if (*year < 1900 || *year > 9999) {
            r_.problem(field(OrgField::financial_year), ErrorCode::invalid_value,
                       std::to_string(*year) + " is not a year from 1900 to 9999");
            return;
        }
        FinancialYearClosed fy;
        fy.year = *year;
        fy.revenue = r_.get<Dong>(field(OrgField::revenue)).value_or(0);
        fy.costs = r_.get<Dong>(field(OrgField::costs)).value_or(0);
        fy.pre_tax_profit = r_.get<Dong>(field(OrgField::pre_tax_profit)).value_or(0);
        fy.internal_revenue = r_.get<Dong>(field(OrgField::internal_revenue)).value_or(0);
        fy.workers = r_.get<std::int32_t>(field(OrgField::workers)).value_or(0);
        fy.wages = r_.get<Dong>(field(OrgField::wages)).value_or(0);
        fy.indivisible_fund = r_.get<Dong>(field(OrgField::indivisible_fund)).value_or(0);
        Date closed = *Date::from_ymd(*year, 12, 31);
        if (terminated_on_ && terminated_on_->year() == *year) closed = std::min(closed, *terminated_on_);
        add(closed, fy, OrgField::financial_year, OrgField::financial_year);
    }

    /// Nothing in the row may be after the export date, and a suspension must still run on it.
    void after_export_date() {
        if (!options_.as_of || !r_.ok()) return;
        const Date as_of = *options_.as_of;
        std::vector<OrgField> reported;
        for (const auto& [d, f] : dated_) {
            if (d <= as_of || std::find(reported.begin(), reported.end(), f) != reported.end()) continue;
            reported.push_back(f);
            const std::string what = f == OrgField::financial_year
                                         ? "the financial year closes on " + d.iso()
                                         : d.iso() + " is";
            r_.problem(field(f), ErrorCode::invalid_value,
                       what + (f == OrgField::financial_year ? "," : "") + " after the export date " + as_of.iso());
        }
        const auto until = r_.get<Date>(field(OrgField::suspended_until));
        if (until && *until < as_of)
            r_.problem(field(OrgField::suspended_until), ErrorCode::invalid_value,
                       "the suspension ended on " + until->iso() + ", before the export date " + as_of.iso() +
                           ": on that date the organization was active again");
    }

    RowReader r_;
    const CsvOptions& options_;
    Candidate c_;
    std::optional<Date> terminated_on_;
    std::vector<std::pair<Date, OrgField>> dated_;  // every event's date and the field it was given in
};

}  // namespace
}  // namespace detail

namespace detail {

CsvImport read_organization_rows(std::string_view text, std::string_view file, const CsvOptions& options,
                                 const GivenBack& given_back) {
    auto source = open(text, file, CsvRows::organizations, options);
    return build(source, options, given_back, [&](Builder& builder) {
        Row row;
        while (source.reader.next(row)) {
            auto c = row.problems.empty() ? RowConverter(row, source, options).convert()
                                          : misread_row(row, source, enum_name(OrgField::id));
            const auto& id = c.record.organization.id;
            if (!id.empty() && c.identity.count("id"))
                if (const auto first = builder.line_of(id)) {
                    const auto& where = c.identity.at("id");
                    auto p = problem_at(ErrorCode::duplicate,
                                        "organization id " + id + " is already used by the row at line " +
                                            std::to_string(*first),
                                        file, where.line, where.column, where.path);
                    p.organization = id;
                    c.problems.insert(c.problems.begin(), std::move(p));
                }
            builder.add(std::move(c));
        }
        return true;
    });
}

}  // namespace detail

CsvImport read_organization_rows(std::string_view text, std::string_view file, const CsvOptions& options) {
    return detail::read_organization_rows(text, file, options, {});
}

}  // namespace coopecon::io
