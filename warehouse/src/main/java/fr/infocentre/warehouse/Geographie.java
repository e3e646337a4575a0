package fr.infocentre.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The territories the data covers, by level: the communes of the départements in the
 * extract's perimeter and the EPCI, départements and régions they belong to (current COG).
 * Arrondissements are not territories: they roll up to their commune.
 */
final class Geographie {

    private static final String REQUETE = """
            SELECT c.code_commune, c.nom, c.code_departement, d.nom, c.code_region, r.nom, c.siren_epci, e.nom
            FROM communes c
            JOIN departements d USING (code_departement)
            JOIN regions r ON r.code_region = c.code_region
            LEFT JOIN epci e USING (siren_epci)
            WHERE c.type = 'COMMUNE'
            """;

    private final Map<Niveau, Map<String, Territoire>> parNiveau = new EnumMap<>(Niveau.class);
    private final Map<String, Appartenance> appartenances = new TreeMap<>();

    /** The territories a commune belongs to above it; {@code epci} is null for a commune outside any EPCI. */
    record Appartenance(String epci, String departement, String region) {

        /** The code of the commune's territory at that level (null: none at that level). */
        String code(Niveau niveau, String commune) {
            return switch (niveau) {
                case NATIONAL -> Territoire.FRANCE.code();
                case REGION -> region;
                case DEPARTEMENT -> departement;
                case EPCI -> epci;
                case COMMUNE -> commune;
            };
        }
    }

    private Geographie() {
        for (Niveau n : Niveau.values()) {
            parNiveau.put(n, new TreeMap<>());
        }
        parNiveau.get(Niveau.NATIONAL).put(Territoire.FRANCE.code(), Territoire.FRANCE);
    }

    static Geographie charger(Connection connexion, VersionServie version) throws SQLException {
        Geographie g = new Geographie();
        try (Statement st = connexion.createStatement(); ResultSet rs = st.executeQuery(REQUETE)) {
            while (rs.next()) {
                if (version.couvre(rs.getString(3))) {
                    g.ajouter(Niveau.COMMUNE, rs.getString(1), rs.getString(2));
                    g.ajouter(Niveau.DEPARTEMENT, rs.getString(3), rs.getString(4));
                    g.ajouter(Niveau.REGION, rs.getString(5), rs.getString(6));
                    if (rs.getString(7) != null) {
                        g.ajouter(Niveau.EPCI, rs.getString(7), rs.getString(8));
                    }
                    g.appartenances.put(rs.getString(1), new Appartenance(rs.getString(7), rs.getString(3),
                            rs.getString(5)));
                }
            }
        }
        return g;
    }

    private void ajouter(Niveau niveau, String code, String nom) {
        parNiveau.get(niveau).computeIfAbsent(code, c -> new Territoire(niveau, c, nom));
    }

    List<Territoire> territoires(Niveau niveau) {
        return List.copyOf(parNiveau.get(niveau).values());
    }

    /** Commune code → the territories it belongs to, for every commune covered, sorted by code. */
    Map<String, Appartenance> appartenances() {
        return Collections.unmodifiableMap(appartenances);
    }

    Optional<Territoire> territoire(Niveau niveau, String code) {
        return Optional.ofNullable(parNiveau.get(niveau).get(code));
    }

    /**
     * The join and filter that keep, among rows at the commune grain ({@code r.code_commune}),
     * those of the territory; its code is the single parameter (none for national).
     */
    static String filtre(Niveau niveau) {
        String jointure = " JOIN communes c ON c.code_commune = r.code_commune WHERE ";
        return switch (niveau) {
            case NATIONAL -> "";
            case REGION -> jointure + "c.code_region = ?";
            case DEPARTEMENT -> jointure + "c.code_departement = ?";
            case EPCI -> jointure + "c.siren_epci = ?";
            case COMMUNE -> jointure + "coalesce(c.commune_parent, c.code_commune) = ?";
        };
    }
}
