package fr.infocentre.warehouse.storage;

import fr.infocentre.warehouse.format.ServedVersion;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Territoire;


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
public final class Territoires {

    private static final String REQUEST = """
            SELECT c.code_commune, c.nom, c.code_departement, d.nom, c.code_region, r.nom, c.siren_epci, e.nom
            FROM communes c
            JOIN departements d USING (code_departement)
            JOIN regions r ON r.code_region = c.code_region
            LEFT JOIN epci e USING (siren_epci)
            WHERE c.type = 'COMMUNE'
            """;

    private final Map<Level, Map<String, Territoire>> byLevel = new EnumMap<>(Level.class);
    private final Map<String, Membership> memberships = new TreeMap<>();

    /** The territories a commune belongs to above it; {@code epci} is null for a commune outside any EPCI. */
    public record Membership(String epci, String departement, String region) {

        /** The code of the commune's territory at that level (null: none at that level). */
        public String code(Level level, String commune) {
            return switch (level) {
                case NATIONAL -> Territoire.FRANCE.code();
                case REGION -> region;
                case DEPARTEMENT -> departement;
                case EPCI -> epci;
                case COMMUNE -> commune;
            };
        }
    }

    private Territoires() {
        for (Level n : Level.values()) {
            byLevel.put(n, new TreeMap<>());
        }
        byLevel.get(Level.NATIONAL).put(Territoire.FRANCE.code(), Territoire.FRANCE);
    }

    public static Territoires load(Connection connection, ServedVersion version) throws SQLException {
        Territoires g = new Territoires();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(REQUEST)) {
            while (rs.next()) {
                if (version.load().covers(rs.getString(3))) {
                    g.add(Level.COMMUNE, rs.getString(1), rs.getString(2));
                    g.add(Level.DEPARTEMENT, rs.getString(3), rs.getString(4));
                    g.add(Level.REGION, rs.getString(5), rs.getString(6));
                    if (rs.getString(7) != null) {
                        g.add(Level.EPCI, rs.getString(7), rs.getString(8));
                    }
                    g.memberships.put(rs.getString(1), new Membership(rs.getString(7), rs.getString(3),
                            rs.getString(5)));
                }
            }
        }
        return g;
    }

    private void add(Level level, String code, String name) {
        byLevel.get(level).computeIfAbsent(code, c -> new Territoire(level, c, name));
    }

    public List<Territoire> territoires(Level level) {
        return List.copyOf(byLevel.get(level).values());
    }

    /** Commune code → the territories it belongs to, for every commune covered, sorted by code. */
    public Map<String, Membership> memberships() {
        return Collections.unmodifiableMap(memberships);
    }

    public Optional<Territoire> territoire(Level level, String code) {
        return Optional.ofNullable(byLevel.get(level).get(code));
    }
}
