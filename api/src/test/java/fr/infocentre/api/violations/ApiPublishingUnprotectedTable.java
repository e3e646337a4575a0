package fr.infocentre.api.violations;

import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.engine.ComputedTable;


import java.util.List;
import java.util.Map;

/** Breaks "only the protection step builds a RapportTable" and "computed tables stay inside" (test only). */
final class ApiPublishingUnprotectedTable {

    RapportTable publish(ComputedTable computed) {
        return new RapportTable(computed.rapport(), computed.territoire(), computed.millesime(), computed.columns(),
                List.of(), Map.of(), List.of(), List.of());
    }
}
