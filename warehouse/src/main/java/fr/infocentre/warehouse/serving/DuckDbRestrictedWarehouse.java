package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.DoublonsEtBilans;
import fr.infocentre.warehouse.GuichetActivity;
import fr.infocentre.warehouse.Requetes;
import fr.infocentre.warehouse.RestrictedWarehouse;
import fr.infocentre.warehouse.catalogue.Catalogue;
import fr.infocentre.warehouse.requetes.DuckDbRequetes;
import fr.infocentre.warehouse.requetes.Limits;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The restricted space over one version, in DuckDB: rapport 06 holds a connection, which the requêtes share; the
 * doublons and bilans hold another one over the same version (the one rapport 06 opened, whatever a load has
 * switched since).
 */
public final class DuckDbRestrictedWarehouse implements RestrictedWarehouse {

    private final DuckDbGuichetActivity activity;
    private final DuckDbRequetes requetes;
    private final DuckDbDoublonsEtBilans doublonsEtBilans;

    private DuckDbRestrictedWarehouse(DuckDbGuichetActivity activity, DuckDbRequetes requetes,
                                      DuckDbDoublonsEtBilans doublonsEtBilans) {
        this.activity = activity;
        this.requetes = requetes;
        this.doublonsEtBilans = doublonsEtBilans;
    }

    public static DuckDbRestrictedWarehouse open(Path warehouseDir) {
        return open(warehouseDir, Limits.fromSystemProperties());
    }

    /** The same, the requêtes under these limits. */
    public static DuckDbRestrictedWarehouse open(Path warehouseDir, Limits limits) {
        Catalogue catalogue = Catalogue.load();
        DuckDbGuichetActivity activity = DuckDbGuichetActivity.open(warehouseDir, catalogue);
        try {
            DuckDbRequetes requetes = DuckDbRequetes.open(activity::connection, activity.servedVersion(), catalogue,
                    limits);
            return new DuckDbRestrictedWarehouse(activity, requetes,
                    DuckDbDoublonsEtBilans.open(activity.servedVersion(), activity));
        } catch (RuntimeException e) {
            activity.close();
            throw e;
        }
    }

    @Override
    public GuichetActivity activity() {
        return activity;
    }

    @Override
    public Requetes requetes() {
        return requetes;
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
