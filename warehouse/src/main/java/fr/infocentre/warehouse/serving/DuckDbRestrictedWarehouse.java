package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.GuichetActivity;
import fr.infocentre.warehouse.RestrictedWarehouse;

import java.nio.file.Path;
import java.time.LocalDate;

/** The restricted space over one version, in DuckDB (rapport 06 holds the connection). */
public final class DuckDbRestrictedWarehouse implements RestrictedWarehouse {

    private final DuckDbGuichetActivity activity;

    private DuckDbRestrictedWarehouse(DuckDbGuichetActivity activity) {
        this.activity = activity;
    }

    public static DuckDbRestrictedWarehouse open(Path warehouseDir) {
        return new DuckDbRestrictedWarehouse(DuckDbGuichetActivity.open(warehouseDir));
    }

    @Override
    public GuichetActivity activity() {
        return activity;
    }

    @Override
    public LocalDate dataDate() {
        return activity.dataDate();
    }

    @Override
    public String version() {
        return activity.version();
    }

    @Override
    public void close() {
        activity.close();
    }
}
