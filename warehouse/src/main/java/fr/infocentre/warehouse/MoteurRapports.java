package fr.infocentre.warehouse;

import fr.infocentre.warehouse.DefinitionRapport.Categorie;
import fr.infocentre.warehouse.DefinitionRapport.ColonneDeclaree;
import fr.infocentre.warehouse.TableCalculee.Effectif;
import fr.infocentre.warehouse.TableCalculee.Ligne;
import fr.infocentre.warehouse.TableCalculee.Part;
import fr.infocentre.warehouse.TableCalculee.Valeur;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report engine. Runs a rapport's SQL (counts at the commune grain for the year set as
 * the session variable {@code annee}), rolls them up to the territory through the
 * {@code communes} table, lays them out in the dimension's order (every category, even at
 * 0), adds sums, total and shares, and the notes on what is counted.
 */
final class MoteurRapports {

    static final String COLONNE_LIBELLE = "categorie";
    private static final String TOTAL = "Total";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final VersionServie version;

    MoteurRapports(VersionServie version) {
        this.version = version;
    }

    /**
     * @param connexion a connection of its own (variables are per session)
     */
    TableCalculee calculer(Connection connexion, DefinitionRapport def, Territoire territoire, int annee)
            throws SQLException {
        Map<String, Map<String, Long>> comptes = compter(connexion, def, territoire, annee);
        List<Ligne> lignes = new ArrayList<>();
        for (Categorie c : def.dimension().categories()) {
            lignes.add(new Ligne(c.cle(), c.libelle().replace("{annee}", String.valueOf(annee)),
                    effectifs(def, comptes.getOrDefault(c.cle(), Map.of()))));
        }
        Ligne total = new Ligne(TableCalculee.CLE_TOTAL, TOTAL, effectifs(def, sommes(def, lignes)));
        return new TableCalculee(def.rapport(), territoire, annee, colonnes(def),
                lignes.stream().map(l -> avecParts(def, l, total)).toList(), avecParts(def, total, total),
                def.total(), notes(def, annee));
    }

    /** categorie → colonne → n, for the territory. */
    private static Map<String, Map<String, Long>> compter(Connection connexion, DefinitionRapport def,
                                                          Territoire territoire, int annee) throws SQLException {
        try (Statement st = connexion.createStatement()) {
            st.execute("SET VARIABLE annee = " + annee);
        }
        String colonne = def.sqlAvecColonne() ? "r.colonne" : "'" + def.colonnesSql().get(0).cle() + "'";
        String requete = "WITH r AS (\n" + sansPointVirgule(def.sql()) + "\n)\nSELECT r.categorie, " + colonne
                + " AS colonne, sum(r.n) AS n FROM r" + Geographie.filtre(territoire.niveau()) + " GROUP BY ALL";
        Map<String, Map<String, Long>> comptes = new HashMap<>();
        try (PreparedStatement ps = connexion.prepareStatement(requete)) {
            if (territoire.niveau() != Niveau.NATIONAL) {
                ps.setString(1, territoire.code());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    comptes.computeIfAbsent(verifierCategorie(def, rs.getString(1)), k -> new HashMap<>())
                            .merge(verifierColonne(def, rs.getString(2)), rs.getLong(3), Long::sum);
                }
            }
        }
        return comptes;
    }

    private static String verifierCategorie(DefinitionRapport def, String categorie) {
        if (def.dimension().categories().stream().noneMatch(c -> c.cle().equals(categorie))) {
            throw new IllegalStateException(def.rapport().id() + ".sql returned category " + categorie
                    + ", not in its dimension");
        }
        return categorie;
    }

    private static String verifierColonne(DefinitionRapport def, String colonne) {
        if (def.colonnesSql().stream().noneMatch(c -> c.cle().equals(colonne))) {
            throw new IllegalStateException(def.rapport().id() + ".sql returned column " + colonne
                    + ", not declared in its yaml");
        }
        return colonne;
    }

    /** The count columns of one line: those fed by the SQL (0 when absent), then the sums. */
    private static Map<String, Valeur> effectifs(DefinitionRapport def, Map<String, Long> comptes) {
        Map<String, Long> n = new HashMap<>();
        for (ColonneDeclaree c : def.colonnesSql()) {
            n.put(c.cle(), comptes.getOrDefault(c.cle(), 0L));
        }
        for (ColonneDeclaree c : def.colonnes()) {
            if (c.estSomme()) {
                n.put(c.cle(), c.somme().stream().mapToLong(n::get).sum());
            }
        }
        Map<String, Valeur> valeurs = new LinkedHashMap<>();
        for (ColonneDeclaree c : def.colonnes()) {
            if (!c.estPart()) {
                valeurs.put(c.cle(), new Effectif(n.get(c.cle())));
            }
        }
        return valeurs;
    }

    private static Map<String, Long> sommes(DefinitionRapport def, List<Ligne> lignes) {
        Map<String, Long> sommes = new HashMap<>();
        for (ColonneDeclaree c : def.colonnesSql()) {
            sommes.put(c.cle(), lignes.stream().mapToLong(l -> ((Effectif) l.valeurs().get(c.cle())).n()).sum());
        }
        return sommes;
    }

    /** The line with every column in declared order, shares computed against the total line. */
    private static Ligne avecParts(DefinitionRapport def, Ligne ligne, Ligne total) {
        Map<String, Valeur> valeurs = new LinkedHashMap<>();
        for (ColonneDeclaree c : def.colonnes()) {
            if (c.estPart()) {
                long n = ((Effectif) ligne.valeurs().get(c.partDe())).n();
                long t = ((Effectif) total.valeurs().get(c.partDe())).n();
                valeurs.put(c.cle(), new Part(t == 0 ? null : pourcentage(n, t), c.partDe()));
            } else {
                valeurs.put(c.cle(), ligne.valeurs().get(c.cle()));
            }
        }
        return new Ligne(ligne.cle(), ligne.libelle(), valeurs);
    }

    /** n / total in %, one decimal, half up. */
    static double pourcentage(long n, long total) {
        return BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<Colonne> colonnes(DefinitionRapport def) {
        List<Colonne> colonnes = new ArrayList<>();
        colonnes.add(new Colonne(COLONNE_LIBELLE, def.dimension().entete(), Colonne.Type.LIBELLE));
        for (ColonneDeclaree c : def.colonnes()) {
            colonnes.add(new Colonne(c.cle(), c.libelle(), c.estPart() ? Colonne.Type.PART : Colonne.Type.EFFECTIF));
        }
        return List.copyOf(colonnes);
    }

    private List<String> notes(DefinitionRapport def, int annee) {
        List<String> notes = new ArrayList<>();
        notes.add(def.reference().replace("{annee}", String.valueOf(annee)));
        if (def.horsAssociations()) {
            notes.add("Hors associations : les demandes déposées par une personne morale ne sont pas comptées.");
        }
        notes.add("Source : SNE, extraction du " + version.dateExtraction().format(DATE) + ".");
        return notes;
    }

    private static String sansPointVirgule(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }
}
