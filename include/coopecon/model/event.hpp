#pragma once
// The closed set of dated events that make up an organisation's history. Every state of the registry is
// derived from these; the transition table (law/transition_table.hpp) decides which are allowed when.
//
// Each payload is a described struct: its members are the event's JSON keys besides "date" and "type",
// and its name in EventType is the JSON "type". The variant order and EventType order are the same.

#include <coopecon/core/date.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/core/labelled_enum.hpp>
#include <coopecon/core/money.hpp>
#include <coopecon/model/member.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace coopecon {

/// How a reorganisation concerns this organisation (Law 17/2023/QH15 Art 92–95).
enum class ReorganizationForm : std::uint8_t {
    division,          // chia: this organisation ends, two or more new ones are formed
    split_off,         // tách: this organisation continues, one or more new ones are formed from it
    consolidation,     // hợp nhất: this and others end, one new organisation of the same kind is formed
    merger_into,       // sáp nhập (bị sáp nhập): this organisation ends, absorbed by another
    merger_receiving,  // sáp nhập (nhận sáp nhập): this organisation absorbs others and continues
};
BOOST_DESCRIBE_ENUM(ReorganizationForm, division, split_off, consolidation, merger_into, merger_receiving)

/// Forms after which this organisation ceases to exist.
constexpr bool ends_organization(ReorganizationForm f) noexcept {
    return f == ReorganizationForm::division || f == ReorganizationForm::consolidation ||
           f == ReorganizationForm::merger_into;
}

enum class AssemblyKind : std::uint8_t {
    annual,         // đại hội thành viên thường niên
    extraordinary,  // đại hội thành viên bất thường
};
BOOST_DESCRIBE_ENUM(AssemblyKind, annual, extraordinary)

/// Who decided a dissolution.
enum class DissolutionBasis : std::uint8_t {
    members_resolution,  // nghị quyết đại hội thành viên: voluntary (2023 Law Art 97.1a; groups: members' agreement)
    court_decision,      // quyết định của Tòa án: compulsory (2023 Law Art 97.1b)
    authority_decision,  // People's Committee decision: compulsory under 2012 Law Art 54.2 only
};
BOOST_DESCRIBE_ENUM(DissolutionBasis, members_resolution, court_decision, authority_decision)

enum class CompletionMode : std::uint8_t {
    dossier,  // hồ sơ giải thể: filed after debts and taxes are settled
    lapse,    // no dossier and no objection within the legal period
};
BOOST_DESCRIBE_ENUM(CompletionMode, dossier, lapse)

/// Grounds for revoking a registration certificate: 2023 Law Art 103.1 (a–g) and tax enforcement
/// (Decree 92/2024/NĐ-CP Art 27.2, 53.5). Only tax enforcement leaves the organisation outside dissolution.
enum class RevocationGround : std::uint8_t {
    forged_dossier,                   // a: hồ sơ giả mạo
    stopped_operating_without_notice, // b: ngừng hoạt động quá 12 tháng không thông báo
    compliance_report_not_sent,       // c: không gửi báo cáo theo yêu cầu
    below_minimum_members,            // d: dưới số lượng thành viên tối thiểu 12 tháng liên tục
    foreign_member_limit,             // d: vượt tỷ lệ thành viên là nhà đầu tư nước ngoài 6 tháng liên tục
    capital_contribution_cap,         // đ: vi phạm mức vốn góp tối đa 12 tháng liên tục
    no_annual_assembly,               // e: không tổ chức đại hội thành viên thường niên 18 tháng liên tục
    court_or_authority,               // g: quyết định của Tòa án hoặc đề nghị của cơ quan có thẩm quyền
    tax_enforcement,                  // cưỡng chế về quản lý thuế
};
BOOST_DESCRIBE_ENUM(RevocationGround, forged_dossier, stopped_operating_without_notice, compliance_report_not_sent,
                    below_minimum_members, foreign_member_limit, capital_contribution_cap, no_annual_assembly,
                    court_or_authority, tax_enforcement)

/// Classification schemes (đánh giá, xếp loại hợp tác xã).
enum class ClassificationScheme : std::uint8_t {
    tt01_2020,  // Thông tư 01/2020/TT-BKHĐT: all sectors, 15 criteria, 100 points
    tt09_2017,  // Thông tư 09/2017/TT-BNNPTNT: agricultural cooperatives, 6 criteria
};
BOOST_DESCRIBE_ENUM(ClassificationScheme, tt01_2020, tt09_2017)

/// How many criteria a scheme has: Thông tư 01/2020/TT-BKHĐT Phụ lục (15), Thông tư 09/2017/TT-BNNPTNT Phụ lục 1 (6).
constexpr std::size_t criteria_count(ClassificationScheme s) noexcept {
    return s == ClassificationScheme::tt01_2020 ? 15 : 6;
}
/// The points of either scheme add up to 100 (the same Phụ lục), so no criterion gives more.
inline constexpr std::int32_t scheme_total_points = 100;

/// Production and quality certifications that provinces report shares of.
enum class Certification : std::uint8_t { vietgap, globalgap, organic, food_safety, other };
BOOST_DESCRIBE_ENUM(Certification, vietgap, globalgap, organic, food_safety, other)

/// Who ordered a business line suspended (2023 Law Art 96.2; Decree 92/2024/NĐ-CP Art 48).
enum class ImposedBy : std::uint8_t { registration_office, tax_authority, environment_authority, court, other_authority };
BOOST_DESCRIBE_ENUM(ImposedBy, registration_office, tax_authority, environment_authority, court, other_authority)

// ---- payloads -------------------------------------------------------------------------------------------

/// Registration certificate issued (or, for an unregistered cooperative group, its contract signed).
struct Registered {
    Dong charter_capital = 0;                      // vốn điều lệ
    std::optional<ReorganizationForm> formed_by;   // set for successors of a division, split-off or consolidation
    std::vector<std::string> predecessors;         // organisation ids it was formed from
    std::optional<Dong> indivisible_fund;          // a successor's share of its predecessors' quỹ chung không chia
};
BOOST_DESCRIBE_STRUCT(Registered, (), (charter_capital, formed_by, predecessors, indivisible_fund))

/// Suspension from `date` to `until` inclusive; a new notice while suspended extends it.
struct Suspended {
    Date until;
    std::optional<Date> notified_on;  // when the registration office received the notice
};
BOOST_DESCRIBE_STRUCT(Suspended, (), (until, notified_on))

struct Resumed {};
BOOST_DESCRIBE_STRUCT(Resumed, (), ())

/// A named member is admitted with the given kind of membership.
struct MemberJoined {
    std::string member;  // id in the organisation's member list
    MemberKind kind = MemberKind::official;
    Dong capital = 0;    // capital contributed (vốn góp)
};
BOOST_DESCRIBE_STRUCT(MemberJoined, (), (member, kind, capital))

struct MemberLeft {
    std::string member;
    MembershipEnd reason = MembershipEnd::voluntary;
};
BOOST_DESCRIBE_STRUCT(MemberLeft, (), (member, reason))

/// A counted cohort, for registries that only know totals.
struct MembersJoined {
    MemberKind kind = MemberKind::official;
    MemberType member_type = MemberType::individual;
    std::int32_t count = 0;
    std::int32_t foreign_investors = 0;  // of `count`
    Dong capital = 0;                    // total contributed by the cohort
};
BOOST_DESCRIBE_STRUCT(MembersJoined, (), (kind, member_type, count, foreign_investors, capital))

struct MembersLeft {
    MemberKind kind = MemberKind::official;
    MemberType member_type = MemberType::individual;
    std::int32_t count = 0;
    std::int32_t foreign_investors = 0;
    Dong capital = 0;  // total capital withdrawn
};
BOOST_DESCRIBE_STRUCT(MembersLeft, (), (kind, member_type, count, foreign_investors, capital))

struct AssemblyHeld {
    AssemblyKind kind = AssemblyKind::annual;
};
BOOST_DESCRIBE_STRUCT(AssemblyHeld, (), (kind))

/// Annual update of the National Cooperative Information System (Thông tư 09/2024/TT-BKHĐT Art 6).
struct ReportFiled {
    std::int32_t year = 0;
};
BOOST_DESCRIBE_STRUCT(ReportFiled, (), (year))

/// Results of a financial year, dated at its close.
struct FinancialYearClosed {
    std::int32_t year = 0;
    Dong revenue = 0;           // doanh thu
    Dong costs = 0;             // chi phí
    Dong pre_tax_profit = 0;    // lợi nhuận trước thuế
    Dong internal_revenue = 0;  // doanh thu giao dịch nội bộ (with members; Art 4.22)
    std::int32_t workers = 0;   // người lao động thường xuyên
    Dong wages = 0;             // total labour income paid to the workers
    Dong indivisible_fund = 0;  // quỹ chung không chia at year end (Art 84); passes to successors, never to members
    bool operator==(const FinancialYearClosed&) const = default;
};
BOOST_DESCRIBE_STRUCT(FinancialYearClosed, (), (year, revenue, costs, pre_tax_profit, internal_revenue, workers, wages,
                                                indivisible_fund))

struct CapitalChanged {
    Dong charter_capital = 0;  // new charter capital
};
BOOST_DESCRIBE_STRUCT(CapitalChanged, (), (charter_capital))

struct BusinessLineSuspended {
    ImposedBy by = ImposedBy::registration_office;
};
BOOST_DESCRIBE_STRUCT(BusinessLineSuspended, (), (by))

struct ReorganizationStarted {
    ReorganizationForm form = ReorganizationForm::division;
    std::vector<std::string> counterparts;  // the other organisations concerned
    std::optional<std::int32_t> approval_percent;  // share of votes of those present in favour
};
BOOST_DESCRIBE_STRUCT(ReorganizationStarted, (), (form, counterparts, approval_percent))

/// The indivisible fund passes to the successors (Law 17/2023/QH15 Art 92–95): `indivisible_fund` is the amount
/// carried out to the counterparts, or for merger_receiving the amount received from them.
struct ReorganizationCompleted {
    ReorganizationForm form = ReorganizationForm::division;
    std::vector<std::string> counterparts;
    std::optional<Dong> indivisible_fund;
};
BOOST_DESCRIBE_STRUCT(ReorganizationCompleted, (), (form, counterparts, indivisible_fund))

/// A cooperative group becomes a cooperative and keeps its code (2023 Law Art 108).
struct ConvertedToCooperative {
    std::optional<std::int32_t> consenting_members;  // members who agreed; the law requires all of them
};
BOOST_DESCRIBE_STRUCT(ConvertedToCooperative, (), (consenting_members))

struct DissolutionResolved {
    DissolutionBasis basis = DissolutionBasis::members_resolution;
    std::optional<std::int32_t> approval_percent;  // for a members' resolution: share of votes in favour
};
BOOST_DESCRIBE_STRUCT(DissolutionResolved, (), (basis, approval_percent))

struct DissolutionCancelled {};
BOOST_DESCRIBE_STRUCT(DissolutionCancelled, (), ())

struct DissolutionCompleted {
    CompletionMode by = CompletionMode::dossier;
};
BOOST_DESCRIBE_STRUCT(DissolutionCompleted, (), (by))

struct RegistrationRevoked {
    RevocationGround ground = RevocationGround::court_or_authority;
};
BOOST_DESCRIBE_STRUCT(RegistrationRevoked, (), (ground))

/// The registration office finds it was not a case for revocation, or the tax authority asks to restore.
struct RevocationWithdrawn {};
BOOST_DESCRIBE_STRUCT(RevocationWithdrawn, (), ())

struct BankruptcyOpened {};
BOOST_DESCRIBE_STRUCT(BankruptcyOpened, (), ())

struct BankruptcyDeclared {};
BOOST_DESCRIBE_STRUCT(BankruptcyDeclared, (), ())

struct AddressFlagSet {};
BOOST_DESCRIBE_STRUCT(AddressFlagSet, (), ())

struct AddressFlagCleared {};
BOOST_DESCRIBE_STRUCT(AddressFlagCleared, (), ())

/// A classification self-assessment for a year: points per criterion, in the scheme's criterion order.
struct Assessed {
    std::int32_t year = 0;
    ClassificationScheme scheme = ClassificationScheme::tt01_2020;
    std::vector<std::int32_t> points;
};
BOOST_DESCRIBE_STRUCT(Assessed, (), (year, scheme, points))

/// A certification obtained (VietGAP, GlobalGAP, organic …), valid until the given date if known.
struct Certified {
    Certification certification = Certification::vietgap;
    std::optional<Date> valid_until;
};
BOOST_DESCRIBE_STRUCT(Certified, (), (certification, valid_until))

/// An OCOP product rated (Quyết định 148/QĐ-TTg): by its total score, from which the stars follow, or by stars.
struct OcopRated {
    std::string product;
    std::optional<std::int32_t> score;  // 0–100
    std::optional<std::int32_t> stars;  // 1–5, when only the stars are known
};
BOOST_DESCRIBE_STRUCT(OcopRated, (), (product, score, stars))

/// Stars for an OCOP total score: 5 from 90, 4 from 70, 3 from 50, 2 from 30, else 1. These are the bands of
/// QĐ 1048/QĐ-TTg (2019), assumed unchanged by QĐ 148/QĐ-TTg (UNCONFIRMED); provisional until the scoring
/// module owns OCOP rules.
constexpr std::int32_t ocop_stars_for_score(std::int32_t score) noexcept {
    return score >= 90 ? 5 : score >= 70 ? 4 : score >= 50 ? 3 : score >= 30 ? 2 : 1;
}

/// An administrative sanction (xử phạt vi phạm hành chính): an agricultural cooperative sanctioned in a year
/// is classed weak that year (Thông tư 09/2017/TT-BNNPTNT).
struct Sanctioned {};
BOOST_DESCRIBE_STRUCT(Sanctioned, (), ())

// ---- the event ------------------------------------------------------------------------------------------

COOPECON_LABELLED_ENUM(EventType, std::uint8_t,
    (registered, "Registered", "Đăng ký thành lập"),
    (suspended, "Suspended", "Tạm ngừng kinh doanh"),
    (resumed, "Resumed", "Tiếp tục kinh doanh"),
    (member_joined, "Member joined", "Kết nạp thành viên"),
    (member_left, "Member left", "Chấm dứt tư cách thành viên"),
    (members_joined, "Members joined", "Kết nạp thành viên (theo nhóm)"),
    (members_left, "Members left", "Chấm dứt tư cách thành viên (theo nhóm)"),
    (assembly_held, "General assembly held", "Đại hội thành viên"),
    (report_filed, "Report filed", "Cập nhật báo cáo"),
    (financial_year_closed, "Financial year closed", "Khóa sổ năm tài chính"),
    (capital_changed, "Charter capital changed", "Thay đổi vốn điều lệ"),
    (business_line_suspended, "Business line suspended", "Tạm ngừng ngành, nghề kinh doanh"),
    (reorganization_started, "Reorganisation started", "Tổ chức lại"),
    (reorganization_completed, "Reorganisation completed", "Hoàn tất tổ chức lại"),
    (converted_to_cooperative, "Converted into a cooperative", "Chuyển đổi thành hợp tác xã"),
    (dissolution_resolved, "Dissolution resolved", "Quyết định giải thể"),
    (dissolution_cancelled, "Dissolution cancelled", "Hủy bỏ quyết định giải thể"),
    (dissolution_completed, "Dissolution completed", "Hoàn tất giải thể"),
    (registration_revoked, "Registration revoked", "Thu hồi giấy chứng nhận đăng ký"),
    (revocation_withdrawn, "Revocation withdrawn", "Khôi phục tình trạng pháp lý"),
    (bankruptcy_opened, "Bankruptcy opened", "Mở thủ tục phá sản"),
    (bankruptcy_declared, "Declared bankrupt", "Tuyên bố phá sản"),
    (address_flag_set, "Not at registered address", "Không hoạt động tại địa chỉ đã đăng ký"),
    (address_flag_cleared, "Back at registered address", "Chấm dứt tình trạng không hoạt động tại địa chỉ"),
    (assessed, "Classification assessed", "Đánh giá, xếp loại"),
    (certified, "Certified", "Được chứng nhận"),
    (ocop_rated, "OCOP product rated", "Sản phẩm OCOP được xếp hạng"),
    (sanctioned, "Administrative sanction", "Bị xử phạt vi phạm hành chính"))

using EventData =
    std::variant<Registered, Suspended, Resumed, MemberJoined, MemberLeft, MembersJoined, MembersLeft, AssemblyHeld,
                 ReportFiled, FinancialYearClosed, CapitalChanged, BusinessLineSuspended, ReorganizationStarted,
                 ReorganizationCompleted, ConvertedToCooperative, DissolutionResolved, DissolutionCancelled,
                 DissolutionCompleted, RegistrationRevoked, RevocationWithdrawn, BankruptcyOpened,
                 BankruptcyDeclared, AddressFlagSet, AddressFlagCleared, Assessed, Certified, OcopRated,
                 Sanctioned>;

static_assert(std::variant_size_v<EventData> == 28, "EventType and EventData must list the same events in order");

struct Event {
    Date date;
    EventData data;

    EventType type() const noexcept { return static_cast<EventType>(data.index()); }
    template <class T>
    const T* get() const noexcept {
        return std::get_if<T>(&data);
    }
};

/// The payload type of an EventType, for code that dispatches on the type name.
template <EventType E>
using event_payload_t = std::variant_alternative_t<static_cast<std::size_t>(E), EventData>;


}  // namespace coopecon
