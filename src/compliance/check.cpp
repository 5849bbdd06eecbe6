#include <coopecon/compliance/check.hpp>
#include <coopecon/compliance/condition_text.hpp>
#include <coopecon/compliance/due_dates.hpp>

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/parallel.hpp>
#include <coopecon/law/compliance_rule.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/law_calendar.hpp>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace coopecon::compliance {

namespace {

/// The whole message: the condition, since when, and what follows.
std::string message(const Finding& f, law::Rule r, const ConditionPeriod& p, Date as_of,
                    const law::LawCalendar& calendar, Lang lang) {
    const bool vi = lang == Lang::vi;
    std::string out = condition_text(r, p, as_of, lang);
    if (law::info(r).form == law::RuleForm::lapse) return out;
    out += (vi ? " từ " : " since ") + f.began.iso();
    if (calendar.law_changes_on(f.counted_from) && f.began < f.counted_from)
        out += vi ? " (tính từ " + f.counted_from.iso() + ", ngày luật mới có hiệu lực)"
                  : " (counted from " + f.counted_from.iso() + ", when a new law took effect)";
    const std::string consequence(label(f.consequence).in(lang));
    const std::string months = std::to_string(f.months);
    if (law::info(r).form == law::RuleForm::immediate) return out + ": " + consequence;
    if (f.severity == Severity::due)
        return out + (vi ? "; đủ " + months + " tháng vào ngày " + f.threshold.iso() + ": "
                         : "; " + months + " months reached on " + f.threshold.iso() + ": ") +
               consequence;
    return out + (vi ? "; sẽ đủ " + months + " tháng vào ngày " + f.threshold.iso() + " nếu không khắc phục"
                     : "; " + months + " months will be reached on " + f.threshold.iso() + " unless cured");
}

void check_options(const CheckOptions& o) {
    if (o.at_risk_months < 0 || o.at_risk_months > law::max_months)
        throw Error(ErrorCode::usage, "at_risk_months must be from 0 to " + std::to_string(law::max_months) + ", not " +
                                          std::to_string(o.at_risk_months));
    if (o.notice_months < 0 || o.notice_months > law::max_months)
        throw Error(ErrorCode::usage, "notice_months must be from 0 to " + std::to_string(law::max_months) + ", not " +
                                          std::to_string(o.notice_months));
    if (enum_name(o.minimum).empty() || enum_name(o.across_law_change).empty())
        throw Error(ErrorCode::usage, "minimum and across_law_change must be enumerators of their types");
}

/// The framework whose rules the check applies: the options', or else the registry's.
const law::Framework& law_of(const Registry& registry, const CheckOptions& o) {
    return o.law ? *o.law : registry.law();
}

/// The findings of one organisation, appended to `out` in rule order.
void check_one(const Registry& registry, OrgIndex i, Date as_of, const CheckOptions& o,
               const law::LawCalendar& calendar, std::vector<Finding>& out) {
    const auto& law = law_of(registry, o);
    ConditionScan scan(law, calendar, o.across_law_change, registry.organization(i), registry.members(i));
    scan.run(registry.log(i), as_of);
    const auto& state = scan.state();
    if (!state.registered || !is_live(state.status)) return;
    for (const auto& p : scan.periods()) {
        const auto& rule = law::info(p.rule);
        Finding f;
        Date basis_on = as_of;
        switch (rule.form) {
            case law::RuleForm::duration: {
                if (p.until) continue;
                const auto crossed = due_date(law, p.rule, p.began, p.counted_from, o.across_law_change);
                if (!crossed) continue;
                f.threshold = *crossed;
                if (*crossed <= as_of) {
                    f.severity = Severity::due;
                } else if (as_of >= crossed->plus_months(-o.at_risk_months)) {
                    f.severity = Severity::at_risk;
                    basis_on = *crossed;
                } else {
                    continue;
                }
                f.months = static_cast<std::int32_t>(law.value(*rule.months, *crossed).value_or(0));
                f.consequence = law.value(law::Param::authority_dissolution_allowed, basis_on).value_or(0) == 1
                                    ? Consequence::compulsory_dissolution
                                    : Consequence::revocation_ground;
                break;
            }
            case law::RuleForm::immediate:
                if (p.until) continue;
                f.severity = Severity::due;
                f.threshold = p.began;
                f.consequence = Consequence::termination_ground;
                break;
            case law::RuleForm::lapse:
                if (p.until && *p.until <= as_of.plus_months(-o.notice_months)) continue;
                f.severity = Severity::notice;
                f.threshold = p.began;
                f.consequence = Consequence::administrative_lapse;
                basis_on = p.began;
                break;
        }
        if (f.severity < o.minimum) continue;
        f.organization = registry.organization(i).id;
        f.rule = std::string(rule.id);
        f.began = p.began;
        f.counted_from = p.counted_from;
        f.observed = p.observed;
        f.limit = p.limit;
        f.legal_basis = law.basis(rule.id, basis_on);
        f.message = message(f, p.rule, p, as_of, calendar, Lang::en);
        f.message_vi = message(f, p.rule, p, as_of, calendar, Lang::vi);
        out.push_back(std::move(f));
    }
}

}  // namespace

std::vector<Finding> check(const Registry& registry, Date as_of, const CheckOptions& options) {
    check_options(options);
    const law::LawCalendar calendar(law_of(registry, options));
    const std::size_t n = registry.size();
    constexpr std::size_t min_part = 4096;  // fewer organisations than this are not worth a thread
    std::vector<std::vector<Finding>> found(part_count(n, options.threads, min_part));
    for_each_part(n, found.size(), [&](std::size_t k, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            check_one(registry, static_cast<OrgIndex>(i), as_of, options, calendar, found[k]);
    });
    std::vector<Finding> out = std::move(found.front());
    for (std::size_t k = 1; k < found.size(); ++k)
        out.insert(out.end(), std::make_move_iterator(found[k].begin()), std::make_move_iterator(found[k].end()));
    return out;
}

std::vector<Finding> check(const Registry& registry, std::string_view organization, Date as_of,
                           const CheckOptions& options) {
    check_options(options);
    const auto i = registry.index_of(organization);
    const law::LawCalendar calendar(law_of(registry, options));
    std::vector<Finding> out;
    check_one(registry, i, as_of, options, calendar, out);
    return out;
}

bool any_due(const std::vector<Finding>& findings) noexcept {
    return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::due; });
}

}  // namespace coopecon::compliance
