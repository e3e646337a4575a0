package fr.infocentre.warehouse.format;

import java.nio.file.Path;

/**
 * The tables of a warehouse version, in the order of docs/warehouse-format.md. Each is a folder
 * of Parquet files named by {@link #tableName()} inside the version's folder.
 */
public enum Table {

    DEMANDES("demandes"),
    DEMANDES_VERSIONS("demandes_versions"),
    EVENEMENTS("evenements"),
    PERIODES("periodes"),
    ATTRIBUTIONS("attributions"),
    GUICHETS("guichets"),
    COMMUNES("communes"),
    EPCI("epci"),
    DEPARTEMENTS("departements"),
    REGIONS("regions"),
    QUARANTAINE("quarantaine"),
    PLAFONDS("plafonds"),
    ZONES_PLAFONDS("zones_plafonds");

    private final String tableName;

    Table(String tableName) {
        this.tableName = tableName;
    }

    /** The table's name, which is also its folder's name, e.g. {@code demandes_versions}. */
    public String tableName() {
        return tableName;
    }

    /** The table's folder inside a version's folder: {@code <versionDir>/<tableName>}. */
    public Path in(Path versionDir) {
        return versionDir.resolve(tableName);
    }

    /** The table of a name, e.g. {@code "epci"} → {@link #EPCI}. */
    public static Table named(String tableName) {
        for (Table t : values()) {
            if (t.tableName.equals(tableName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no warehouse table named '" + tableName + "'");
    }
}
