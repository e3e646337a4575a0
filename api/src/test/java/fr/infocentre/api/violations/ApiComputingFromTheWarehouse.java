package fr.infocentre.api.violations;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Warehouse;

/** Breaks "api reads releases only" (test only). */
final class ApiComputingFromTheWarehouse {

    RapportTable national(Warehouse warehouse, String rapport, int millesime) {
        return warehouse.compute(rapport, Level.NATIONAL, "FR", millesime);
    }
}
