package fr.infocentre.warehouse;

import fr.infocentre.warehouse.DefinitionRapport.ColonneDeclaree;
import fr.infocentre.warehouse.TableCalculee.Statistique;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The statistics over units that do not add up (a mean, a median): {@code <id>.stats.sql}
 * returns one row per unit (code_commune, [categorie,] valeur); they are aggregated by DuckDB
 * after the join to the territory, per category when the SQL returns one, and over all units
 * for the total line. The session variable {@code annee} must be set.
 */
final class Statistiques {

    private Statistiques() {
    }

    /** line key (or total) → statistic column key → value and number of units. */
    static Map<String, Map<String, Statistique>> calculer(Connection connexion, DefinitionRapport def,
                                                          Territoire territoire) throws SQLException {
        Map<String, Map<String, Statistique>> resultat = new HashMap<>();
        if (def.sqlStatistiques() == null) {
            return resultat;
        }
        String sql = MoteurRapports.sansPointVirgule(def.sqlStatistiques());
        boolean parCategorie = aUneCategorie(connexion, sql);
        String agregats = "count(r.valeur), avg(r.valeur), median(CAST(r.valeur AS DOUBLE))";
        String requete = "WITH r AS (\n" + sql + "\n)\nSELECT "
                + (parCategorie ? "r.categorie, grouping(r.categorie) <> 0, " : "NULL, true, ") + agregats
                + " FROM r" + Geographie.filtre(territoire.niveau())
                + (parCategorie ? " GROUP BY GROUPING SETS ((r.categorie), ())" : "");
        try (PreparedStatement ps = connexion.prepareStatement(requete)) {
            if (territoire.niveau() != Niveau.NATIONAL) {
                ps.setString(1, territoire.code());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean total = rs.getBoolean(2);
                    String cle = total ? TableCalculee.CLE_TOTAL : rs.getString(1);
                    long unites = rs.getLong(3);
                    Map<String, Statistique> ligne = new HashMap<>();
                    for (ColonneDeclaree c : def.colonnes()) {
                        if (c.estStatistique()) {
                            Object v = rs.getObject(c.statistique().equals("moyenne") ? 4 : 5);
                            ligne.put(c.cle(), new Statistique(v == null ? null : arrondi(((Number) v).doubleValue()),
                                    unites));
                        }
                    }
                    resultat.put(cle, ligne);
                }
            }
        }
        return resultat;
    }

    static boolean aUneCategorie(Connection connexion, String sql) throws SQLException {
        try (Statement st = connexion.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM (\n" + sql + "\n) LIMIT 0")) {
            ResultSetMetaData m = rs.getMetaData();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                if (m.getColumnName(i).equalsIgnoreCase("categorie")) {
                    return true;
                }
            }
            return false;
        }
    }

    static double arrondi(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
