#pragma once
// The reader of indicator specs (spec.hpp), shared with the catalogue (catalogue.cpp), whose data file
// (data/indicators/catalogue.json) writes its expressions in the same form.

#include <coopecon/indicators/building_blocks.hpp>
#include <coopecon/indicators/indicator.hpp>

#include <string_view>
#include <vector>

namespace coopecon::indicators::detail {

/// Stand-ins for the scoring hooks in the catalogue's expressions (its filter keys "effective" and
/// "ntm_13_1_qualifying"), replaced by the hooks' values when the catalogue is handed out. No spec yields
/// them otherwise: a class set is never empty, and "registered" takes no set.
inline const Condition effective_stand_in{Test::classified, 0};
inline const Condition ntm_13_1_stand_in{Test::registered, 1};

/// The catalogue's indicators, read from the text of its data file (`file` names it in problems), with the
/// stand-ins in place of the hooks. Throws Error listing every problem with file:line:column.
std::vector<Indicator> read_catalogue(std::string_view text, std::string_view file);

}  // namespace coopecon::indicators::detail
