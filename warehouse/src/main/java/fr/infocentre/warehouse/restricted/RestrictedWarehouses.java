package fr.infocentre.warehouse.restricted;

import fr.infocentre.warehouse.GuichetActivity;
import fr.infocentre.warehouse.serving.DuckDbGuichetActivity;

import java.nio.file.Path;

/**
 * Opens the restricted entry point, {@link GuichetActivity} (series 06, for gestionnaires
 * territoriaux and State services), over the current weekly warehouse. A package of its own: the
 * api may open the restricted space from here while it never uses {@code serving} (whose
 * {@code Warehouses.open} computes the public rapports, which the api reads from releases only).
 */
public final class RestrictedWarehouses {

    private RestrictedWarehouses() {
    }

    /**
     * Opens the version named by {@code <warehouseDir>/CURRENT} in an in-memory DuckDB database;
     * the returned entry point serves that version until it is closed (open a new one to serve a
     * newer load).
     *
     * @throws IllegalStateException when the folder holds no readable version
     * @throws fr.infocentre.warehouse.catalogue.InvalidCatalogue when the rapport's SQL does not match its declaration
     */
    public static GuichetActivity open(Path warehouseDir) {
        return DuckDbGuichetActivity.open(warehouseDir);
    }
}
