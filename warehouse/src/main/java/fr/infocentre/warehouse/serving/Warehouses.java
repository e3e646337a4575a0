package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.Warehouse;


import java.nio.file.Path;

/** Opens the warehouse: the entry point of this module. */
public final class Warehouses {

    private Warehouses() {
    }

    /**
     * Opens the version named by {@code <warehouseDir>/CURRENT} in an in-memory DuckDB
     * database (views over its Parquet tables). The returned warehouse serves that version
     * until it is closed; open a new one to serve a newer load.
     *
     * @throws IllegalStateException when the folder holds no readable version
     */
    public static Warehouse open(Path warehouseDir) {
        return DuckDbWarehouse.open(warehouseDir);
    }
}
