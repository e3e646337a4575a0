package fr.infocentre.warehouse.restricted;

import fr.infocentre.warehouse.RestrictedWarehouse;
import fr.infocentre.warehouse.serving.DuckDbRestrictedWarehouse;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the restricted space ({@link RestrictedWarehouse}: series 06 and what gestionnaires
 * territoriaux and State services use) over the weekly warehouse. A package of its own: the api may
 * open the restricted space from here while it never uses {@code serving} (whose
 * {@code Warehouses.open} computes the public rapports, which the api reads from releases only).
 */
public final class RestrictedWarehouses {

    private RestrictedWarehouses() {
    }

    /**
     * Opens the version named by {@code <warehouseDir>/CURRENT} in an in-memory DuckDB database;
     * it serves that version until it is closed.
     *
     * @throws IllegalStateException when the folder holds no readable version
     * @throws fr.infocentre.warehouse.catalogue.InvalidCatalogue when a restricted rapport's SQL does not match its declaration
     */
    public static RestrictedWarehouse open(Path warehouseDir) {
        return DuckDbRestrictedWarehouse.open(warehouseDir);
    }

    /** The latest load, always: the version {@code CURRENT} names, reopened after each weekly load. */
    public static CurrentWarehouse follow(Path warehouseDir) {
        return new CurrentWarehouse(warehouseDir, RestrictedWarehouses::open, Clock.systemUTC());
    }
}
