package fr.infocentre.warehouse;

import fr.infocentre.warehouse.DefinitionRapport.Categorie;
import fr.infocentre.warehouse.DefinitionRapport.ColonneDeclaree;
import fr.infocentre.warehouse.TableCalculee.Effectif;
import fr.infocentre.warehouse.TableCalculee.Ligne;
import fr.infocentre.warehouse.TableCalculee.NonDisponible;
import fr.infocentre.warehouse.TableCalculee.Statistique;
import fr.infocentre.warehouse.TableCalculee.Valeur;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The report engine. Runs a rapport's SQL (counts at the commune grain for the year set as
 * the session variable {@code annee}), rolls them up to the territory through the
 * {@code communes} table, lays them out in the dimension's order (every category, even at
 * 0), adds sums and total, then the derived figures and statistics ({@link Derivees},
 * {@link Statistiques}), and the notes on what is counted. A line about a year the data does
 * not cover (a category with a {@code decalage}) is left empty, with a note.
 */
final class MoteurRapports {

    static final String COLONNE_LIBELLE = "categorie";
    private static final String TOTAL = "Total";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The macros of macros.sql through which a rapport reads the attributes of a demande as they stood at a date. */
    private static final List<String> LECTURES_DE_VERSIONS = List.of("demandes_au(", "demandes_actives_le(",
            "version_valide_le(", "versions_hors_associations(");

    private final VersionServie version;
    private final List<Integer> annees;
    private final LocalDate premiereVersion;

    /**
     * @param annees          the millésimes the data covers
     * @param premiereVersion the date of the oldest version of a demande's attributes the warehouse holds
     */
    MoteurRapports(VersionServie version, List<Integer> annees, LocalDate premiereVersion) {
        this.version = version;
        this.annees = List.copyOf(annees);
        this.premiereVersion = premiereVersion;
    }

    /** The engine of the version the connection's views show. */
    static MoteurRapports ouvrir(Connection connexion, VersionServie version, List<Integer> annees) throws SQLException {
        try (Statement st = connexion.createStatement();
             ResultSet rs = st.executeQuery("SELECT min(valide_du) FROM demandes_versions")) {
            rs.next();
            java.sql.Date d = rs.getDate(1);
            return new MoteurRapports(version, annees, d == null ? version.dateExtraction() : d.toLocalDate());
        }
    }

    /**
     * @param connexion a connection of its own (variables are per session)
     */
    TableCalculee calculer(Connection connexion, DefinitionRapport def, Territoire territoire, int annee)
            throws SQLException {
        Map<String, Map<String, Long>> comptes = compter(connexion, def, territoire, annee);
        Map<String, Map<String, Statistique>> statistiques = Statistiques.calculer(connexion, def, territoire);
        return assembler(def, territoire, annee, comptes, statistiques);
    }

    /**
     * Lays out counts and statistics already computed for the territory (by {@link #calculer} or,
     * for every territory of a level at once, by {@link CalculParNiveau}).
     *
     * @param comptes      categorie → colonne → n (the SQL's count columns)
     * @param statistiques line key (or total) → statistic column key → statistic
     */
    TableCalculee assembler(DefinitionRapport def, Territoire territoire, int annee,
                            Map<String, Map<String, Long>> comptes,
                            Map<String, Map<String, Statistique>> statistiques) {
        List<Ligne> lignes = new ArrayList<>();
        SortedSet<Integer> nonCouvertes = new TreeSet<>();
        for (Categorie c : def.dimension().categories()) {
            int anneeLigne = c.annee(annee);
            String libelle = c.libelle().replace("{annee}", String.valueOf(anneeLigne));
            if (annees.contains(anneeLigne)) {
                lignes.add(new Ligne(c.cle(), libelle, effectifs(def, comptes.getOrDefault(c.cle(), Map.of()))));
            } else {
                nonCouvertes.add(anneeLigne);
                lignes.add(new Ligne(c.cle(), libelle, nonDisponibles(def)));
            }
        }
        Ligne total = new Ligne(TableCalculee.CLE_TOTAL, TOTAL, effectifs(def, sommes(def, lignes)));
        List<Ligne> completes = Derivees.completer(def, lignes, total, statistiques);
        return new TableCalculee(def.rapport(), territoire, annee, colonnes(def),
                completes.subList(0, lignes.size()), completes.get(lignes.size()),
                def.total(), notes(def, annee, nonCouvertes));
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

    static String verifierCategorie(DefinitionRapport def, String categorie) {
        if (def.dimension().categories().stream().noneMatch(c -> c.cle().equals(categorie))) {
            throw new IllegalStateException(def.rapport().id() + ".sql returned category " + categorie
                    + ", not in its dimension");
        }
        return categorie;
    }

    static String verifierColonne(DefinitionRapport def, String colonne) {
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
            if (c.estEffectif()) {
                valeurs.put(c.cle(), new Effectif(n.get(c.cle())));
            }
        }
        return valeurs;
    }

    private static Map<String, Valeur> nonDisponibles(DefinitionRapport def) {
        Map<String, Valeur> valeurs = new LinkedHashMap<>();
        for (ColonneDeclaree c : def.colonnes()) {
            if (c.estEffectif()) {
                valeurs.put(c.cle(), new NonDisponible());
            }
        }
        return valeurs;
    }

    private static Map<String, Long> sommes(DefinitionRapport def, List<Ligne> lignes) {
        Map<String, Long> sommes = new HashMap<>();
        for (ColonneDeclaree c : def.colonnesSql()) {
            sommes.put(c.cle(), lignes.stream().map(l -> l.valeurs().get(c.cle()))
                    .mapToLong(v -> v instanceof Effectif e ? e.n() : 0L).sum());
        }
        return sommes;
    }

    /** n / total in %, one decimal, half up. */
    static double pourcentage(long n, long total) {
        return BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<Colonne> colonnes(DefinitionRapport def) {
        List<Colonne> colonnes = new ArrayList<>();
        colonnes.add(new Colonne(COLONNE_LIBELLE, def.dimension().entete(), Colonne.Type.LIBELLE));
        for (ColonneDeclaree c : def.colonnes()) {
            colonnes.add(new Colonne(c.cle(), c.libelle(), c.type()));
        }
        return List.copyOf(colonnes);
    }

    private List<String> notes(DefinitionRapport def, int annee, SortedSet<Integer> nonCouvertes) {
        List<String> notes = new ArrayList<>();
        notes.add(def.reference().replace("{annee}", String.valueOf(annee)));
        if (!nonCouvertes.isEmpty()) {
            notes.add((nonCouvertes.size() == 1 ? "L'année " + nonCouvertes.first() + " n'est pas couverte"
                    : "Les années " + nonCouvertes.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " ne sont pas couvertes") + " par les données (historique complet à partir de "
                    + annees.get(0) + ") : les cellules correspondantes sont laissées vides.");
        }
        if (premiereVersion.isAfter(LocalDate.of(annee, 12, 31))
                && LECTURES_DE_VERSIONS.stream().anyMatch(def.sql()::contains)) {
            notes.add("Caractéristiques des demandes : les plus anciennes que conserve l'infocentre sont celles de"
                    + " l'extraction du " + premiereVersion.format(DATE) + ", postérieure à l'année " + annee
                    + " ; elles tiennent lieu de celles de la date de référence.");
        }
        if (def.horsAssociations()) {
            notes.add("Hors associations : les demandes déposées par une personne morale ne sont pas comptées.");
        }
        notes.add("Source : SNE, extraction du " + version.dateExtraction().format(DATE) + ".");
        return notes;
    }

    static String sansPointVirgule(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }
}
