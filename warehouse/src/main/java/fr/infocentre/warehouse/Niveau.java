package fr.infocentre.warehouse;

import java.util.Arrays;
import java.util.Optional;

/** A territorial level of the rapports, from the widest to the finest. */
public enum Niveau {
    NATIONAL("national", "France"),
    REGION("region", "Région"),
    DEPARTEMENT("departement", "Département"),
    EPCI("epci", "EPCI"),
    COMMUNE("commune", "Commune");

    private final String cle;
    private final String libelle;

    Niveau(String cle, String libelle) {
        this.cle = cle;
        this.libelle = libelle;
    }

    /** The key used in URLs and JSON: national, region, departement, epci, commune. */
    public String cle() {
        return cle;
    }

    public String libelle() {
        return libelle;
    }

    public static Optional<Niveau> parCle(String cle) {
        return Arrays.stream(values()).filter(n -> n.cle.equals(cle)).findFirst();
    }
}
