package fr.infocentre.warehouse;

import java.util.Arrays;
import java.util.Optional;

/** A territorial level of the rapports, from the widest to the finest. */
public enum Level {
    NATIONAL("national", "France"),
    REGION("region", "Région"),
    DEPARTEMENT("departement", "Département"),
    EPCI("epci", "EPCI"),
    COMMUNE("commune", "Commune");

    private final String key;
    private final String label;

    Level(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The key used in URLs and JSON: national, region, departement, epci, commune. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<Level> byKey(String key) {
        return Arrays.stream(values()).filter(n -> n.key.equals(key)).findFirst();
    }
}
