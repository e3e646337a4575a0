package fr.infocentre.warehouse.storage;

import fr.infocentre.warehouse.Guichet;
import fr.infocentre.warehouse.format.ServedVersion;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The guichets of the served version whose commune lies in a département of the extract's perimeter,
 * with that département and région (macro guichets_geo()): the rows of the series-06 rapports.
 */
public final class Guichets {

    private static final String REQUEST = """
            SELECT code_guichet, libelle, type_guichet, code_commune, code_departement, code_region,
                   date_ouverture, date_fermeture
            FROM guichets_geo() WHERE code_departement IS NOT NULL ORDER BY code_guichet
            """;

    private final Map<String, Guichet> byCode = new TreeMap<>();

    private Guichets() {
    }

    /** On a connection whose views and macros are in place. */
    public static Guichets load(Connection connection, ServedVersion version) throws SQLException {
        Guichets g = new Guichets();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(REQUEST)) {
            while (rs.next()) {
                if (version.load().covers(rs.getString(5))) {
                    g.byCode.put(rs.getString(1), new Guichet(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), date(rs.getDate(7)), date(rs.getDate(8))));
                }
            }
        }
        return g;
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    /** Every guichet, by code. */
    public List<Guichet> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Guichet> guichet(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** code_guichet → guichet, sorted by code. */
    public Map<String, Guichet> byCode() {
        return Collections.unmodifiableMap(byCode);
    }
}
