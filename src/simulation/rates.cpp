#include <coopecon/simulation/rates.hpp>

namespace coopecon::simulation {

// Monthly rates of a provincial cooperative economy, of the order the published figures imply (docs/simulation.md):
// Cà Mau 2018–2025 registered 20–40 cooperatives a year and dissolved 4–10; about one in eight was suspended at a
// time; assemblies were missed by a few per cent.
Rates default_rates() {
    Rates r;
    r.set(Hazard::founding, 0);
    r.set(Hazard::suspension, 0.004);
    r.set(Hazard::resumption, 0.04);
    r.set(Hazard::extension, 0.5);
    r.set(Hazard::member_joining, 0.03);
    r.set(Hazard::member_leaving, 0.02);
    r.set(Hazard::voluntary_dissolution, 0.0015);
    r.set(Hazard::merger, 0.0002);
    r.set(Hazard::conversion, 0);
    r.set(Hazard::conversion, OrgKind::cooperative_group, 0.0005);
    r.set(Hazard::assembly_missed, 0.05);
    r.set(Hazard::report_missed, 0.1);
    r.set(Hazard::dossier, 0.5);
    r.set(Hazard::office_action, 0.5);
    r.set(Hazard::class_up, 0.15);
    r.set(Hazard::class_down, 0.12);
    return r;
}

}  // namespace coopecon::simulation
