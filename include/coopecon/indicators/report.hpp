#pragma once
// The standard report of a registry: it leads with the headline figures as provinces publish them
// (cooperatives by status with their members, the unions with their member cooperatives and workers, the
// cooperative groups with their members, members per cooperative, active and suspended rates), then the
// standard tables grouped as asked, then, when a period length is given, a series.
//
// The standard tables share one grouping, so all their indicators are accumulated together, straight from
// one replay of the registry to the period's end and to the day before its start.

#include <coopecon/export.hpp>
#include <coopecon/indicators/engine.hpp>
#include <coopecon/indicators/group_key.hpp>
#include <coopecon/indicators/period.hpp>
#include <coopecon/indicators/render.hpp>
#include <coopecon/indicators/table.hpp>
#include <coopecon/registry/registry.hpp>

#include <optional>
#include <string>
#include <vector>

namespace coopecon::indicators {

struct ReportOptions {
    std::optional<Date> as_of;         // default: the registry's info().as_of, else its latest event
    std::optional<Date> from;          // start of the period; default: 1 January of the as-of year
    std::vector<GroupKey> by{GroupKey::by(KeyKind::kind)};
    std::optional<PeriodLength> period;  // adds a series from `from` to `as_of`
    std::optional<Date> units_as_of;   // areas in the units valid then; default: as_of
    std::vector<SizeClass> size_classes = tt01_2020_size_classes();
    ScoringHooks scoring;
    unsigned threads = 0;  // threads to replay on (0: one per core); the report is the same on any number
    const CancellationToken* cancel = nullptr;  // once set, the report stops within milliseconds and throws Cancelled
};

struct Report {
    RegistryInfo info;
    Date as_of;
    Period period;
    Date units_as_of;
    Text area;                  // the province every organisation is seated in on the as-of date ("Bình Thuận
                                // province", "tỉnh Bình Thuận"); empty when they are in several, or in none
    Table headline;             // by kind
    std::vector<Table> tables;  // the standard tables, then the series if asked
};

/// The ids of the headline columns and of each standard table, in order.
struct StandardLayout {
    std::vector<std::string> headline{"organizations", "active", "suspended", "members", "member_cooperatives",
                                      "workers", "members_per_organization", "active_rate", "suspended_rate"};
    struct Section {
        std::string id;
        Text title;
        std::vector<std::string> columns;
    };
    std::vector<Section> sections{
        {"status", {"Organisations by legal status", "Tổ chức theo tình trạng pháp lý"},
         {"organizations", "active", "suspended", "revoked_tax_enforcement", "in_dissolution", "in_reorganization",
          "in_bankruptcy", "active_rate", "suspended_rate"}},
        {"members", {"Members and workers", "Thành viên và lao động"},
         {"members", "official_members", "capital_associates", "non_capital_associates", "individual_members",
          "household_members", "legal_entity_members", "member_cooperatives", "workers", "members_per_organization"}},
        {"change", {"Change in the period", "Biến động trong kỳ"},
         {"organizations_before", "new", "converted", "dissolved", "bankrupt", "merged", "organizations", "net_change",
          "growth"}},
        {"results", {"Business results, latest financial year", "Kết quả sản xuất kinh doanh, năm tài chính gần nhất"},
         {"with_results", "average_revenue", "average_pre_tax_profit", "average_worker_income",
          "internal_transaction_ratio"}},
        {"classification", {"Classification and NTM criterion 13.1 (provisional)", "Xếp loại và tiêu chí 13.1 nông thôn mới (tạm thời)"},
         {"rated", "class_good", "class_fair", "class_average", "class_weak", "effective_share", "ntm_13_1_communes"}},
        {"certification", {"Certification and OCOP products (provisional stars)", "Chứng nhận và sản phẩm OCOP (số sao tạm thời)"},
         {"vietgap_share", "globalgap_share", "organic_share", "ocop_products", "ocop_1_star", "ocop_2_stars",
          "ocop_3_stars", "ocop_4_stars", "ocop_5_stars"}},
    };
    std::vector<std::string> series{"organizations", "active", "suspended", "members", "new", "converted",
                                    "dissolved", "merged", "net_change", "growth"};
};

/// The report's period and the one query that computes its standard tables (and the headline, when grouped by
/// kind) from the snapshots at the period's end and the day before its start.
struct ReportQuery {
    Period period;
    Date units_as_of;
    bool by_kind = true;  // the headline is a selection of the standard tables' columns
    Query query;

    std::vector<Date> snapshot_dates() const { return {period.start.plus_days(-1), period.end}; }
};

COOPECON_EXPORT ReportQuery report_query(const Registry& reg, const ReportOptions& options = {},
                                         const StandardLayout& layout = {});

COOPECON_EXPORT Report standard_report(const Registry& reg, const ReportOptions& options = {},
                                       const StandardLayout& layout = {});

/// The report as text or Markdown (headline sentences, then the tables), CSV (one block per table: a title
/// record, the header and the rows, blocks separated by an empty line), JSON, or HTML (one page that loads
/// nothing: the headline as cards, charts drawn as inline SVG, then every table). The first line (in HTML, a
/// notice above the title) says when the data are synthetic.
COOPECON_EXPORT std::string render(const Report& r, Format format, Lang lang);

}  // namespace coopecon::indicators
