package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.DoublonsEtBilans;
import fr.infocentre.warehouse.GuichetActivity;
import fr.infocentre.warehouse.RestrictedWarehouse;
import fr.infocentre.warehouse.format.ServedVersion;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The restricted space over one version, in DuckDB (rapport 06 holds a connection, the doublons and bilans
 * another one, over the same version).
 */
public final class DuckDbRestrictedWarehouse implements RestrictedWarehouse {

    /** How many times the opening is tried again when a load switches {@code CURRENT} meanwhile. */
    private static final int ATTEMPTS = 3;

    private final DuckDbGuichetActivity activity;
    private final DuckDbDoublonsEtBilans doublonsEtBilans;

    private DuckDbRestrictedWarehouse(DuckDbGuichetActivity activity, DuckDbDoublonsEtBilans doublonsEtBilans) {
        this.activity = activity;
        this.doublonsEtBilans = doublonsEtBilans;
    }

    public static DuckDbRestrictedWarehouse open(Path warehouseDir) {
        for (int attempt = 1; ; attempt++) {
            DuckDbGuichetActivity activity = DuckDbGuichetActivity.open(warehouseDir);
            try {
                ServedVersion version = ServedVersion.read(warehouseDir);
                if (version.name().equals(activity.version())) {
                    return new DuckDbRestrictedWarehouse(activity, DuckDbDoublonsEtBilans.open(version, activity));
                }
            } catch (RuntimeException e) {
                activity.close();
                throw e;
            }
            activity.close();
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("The warehouse " + warehouseDir + " switched versions " + ATTEMPTS
                        + " times while opening it");
            }
        }
    }

    @Override
    public GuichetActivity activity() {
        return activity;
    }

    @Override
    public DoublonsEtBilans doublonsEtBilans() {
        return doublonsEtBilans;
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
        try {
            doublonsEtBilans.close();
        } finally {
            activity.close();
        }
    }
}
