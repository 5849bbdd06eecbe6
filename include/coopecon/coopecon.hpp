#pragma once
// Umbrella header: the whole public API of coopecon, layer by layer, lowest first (docs/contributing.md).

#include <coopecon/core/binary.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/ids.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/core/labelled_enum.hpp>
#include <coopecon/core/money.hpp>
#include <coopecon/core/text_file.hpp>
#include <coopecon/core/timeline.hpp>


#include <coopecon/model/area.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <coopecon/law/compliance_rule.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/framework_check.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/law/law_calendar.hpp>
#include <coopecon/law/parameter.hpp>
#include <coopecon/law/reform.hpp>
#include <coopecon/law/reform_json.hpp>
#include <coopecon/law/transition_table.hpp>

#include <coopecon/history/compact_encoding.hpp>
#include <coopecon/history/event_log.hpp>
#include <coopecon/history/event_store.hpp>
#include <coopecon/history/replay.hpp>
#include <coopecon/history/replayable.hpp>

#include <coopecon/registry/registry.hpp>
#include <coopecon/registry/snapshot.hpp>

#include <coopecon/compliance/check.hpp>
#include <coopecon/compliance/condition_text.hpp>
#include <coopecon/compliance/conditions.hpp>
#include <coopecon/compliance/finding.hpp>

#include <coopecon/operations/asset_distribution.hpp>
#include <coopecon/operations/bankruptcy.hpp>
#include <coopecon/operations/conversion.hpp>
#include <coopecon/operations/dissolution.hpp>
#include <coopecon/operations/holdings.hpp>
#include <coopecon/operations/plan.hpp>
#include <coopecon/operations/reorganization.hpp>

#include <coopecon/indicators/building_blocks.hpp>
#include <coopecon/indicators/catalogue.hpp>
#include <coopecon/indicators/engine.hpp>
#include <coopecon/indicators/group_key.hpp>
#include <coopecon/indicators/indicator.hpp>
#include <coopecon/indicators/period.hpp>
#include <coopecon/indicators/render.hpp>
#include <coopecon/indicators/report.hpp>
#include <coopecon/indicators/scoring_hooks.hpp>
#include <coopecon/indicators/spec.hpp>
#include <coopecon/indicators/table.hpp>
#include <coopecon/indicators/text.hpp>

#include <coopecon/scoring/assessment_check.hpp>
#include <coopecon/scoring/classification.hpp>
#include <coopecon/scoring/indicator_hooks.hpp>
#include <coopecon/scoring/ntm.hpp>
#include <coopecon/scoring/ocop.hpp>
#include <coopecon/scoring/operating_time.hpp>
#include <coopecon/scoring/rules.hpp>

#include <coopecon/simulation/apportion.hpp>
#include <coopecon/simulation/names.hpp>
#include <coopecon/simulation/profile.hpp>
#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/random.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <coopecon/io/csv.hpp>
#include <coopecon/io/csv_events.hpp>
#include <coopecon/io/csv_import.hpp>
#include <coopecon/io/csv_mapping.hpp>
#include <coopecon/io/csv_organizations.hpp>
#include <coopecon/io/csv_reader.hpp>
#include <coopecon/io/csv_values.hpp>
#include <coopecon/io/registry_json.hpp>
