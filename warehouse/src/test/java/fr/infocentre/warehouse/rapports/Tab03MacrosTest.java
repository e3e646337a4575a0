package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.catalogue.Catalogue;
import fr.infocentre.warehouse.fixtures.Series03Reference;


import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The series-03 category macros generated from dimensions/*.yaml against the spec's definitions in plain Java
 * ({@link Series03Reference}), over every code of the extract's closed lists, empty values and
 * the numeric boundaries — cases the mini extract does not hold (it has no empty household
 * field, no DALO, no income below 900 €…).
 */
class Tab03MacrosTest {

    private static final List<String> YES_NO = Arrays.asList("0", "1", null);

    /**
     * The macros of the series-03 dimensions as the catalogue generates them from
     * dimensions/*.yaml, with the helpers they use (is_couple) and the mutation column, taken
     * from the catalogue's macros (the others read tables this test does not create).
     */
    private static List<String> series03Macros(String macros) {
        List<String> statements = new ArrayList<>();
        for (String name : List.of("is_couple", "categorie_taille_menage", "categorie_revenus_mensuels",
                "categorie_situation_familiale", "categorie_composition_familiale",
                "categorie_situation_professionnelle", "categorie_logement_actuel", "categorie_mutation",
                "mutation_column", "categorie_motif", "categorie_handicap", "categorie_dalo_prioritaire")) {
            int k = macros.indexOf("CREATE MACRO " + name + "(");
            assertTrue(k >= 0, "the macro " + name);
            statements.add(macros.substring(k, macros.indexOf(";\n", k) + 1));
        }
        return statements;
    }

    private static String sql(Connection c, String expression, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + expression)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Function<String, String> fields(String... valueNames) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < valueNames.length; i += 2) {
            m.put(valueNames[i], valueNames[i + 1]);
        }
        return m::get;
    }

    private static Boolean bool(String v) {
        return v == null ? null : v.equals("1");
    }

    private static Integer integer(String v) {
        return v == null ? null : Integer.valueOf(v);
    }

    @Test
    void macrosAgreeWithTheSpec() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = c.createStatement()) {
            for (String macro : series03Macros(Catalogue.load().macros())) {
                st.execute(macro);
            }

            List<String> numbers = new ArrayList<>(Arrays.asList(null, "0", "1", "2", "3", "4", "5", "6", "7", "12"));
            for (String t : numbers) {
                assertEquals(Series03Reference.tailleMenage(fields("taille_menage", t)),
                        sql(c, "categorie_taille_menage(CAST(? AS INTEGER))", integer(t)), "taille " + t);
            }
            for (String r : Arrays.asList(null, "0", "1", "499", "500", "999", "1000", "1499", "1500", "1999",
                    "2000", "2999", "3000", "12000")) {
                assertEquals(Series03Reference.revenusMensuels(fields("revenu_mensuel", r)),
                        sql(c, "categorie_revenus_mensuels(CAST(? AS INTEGER))", integer(r)), "revenu " + r);
            }
            List<String> situations = Arrays.asList("CELIBATAIRE", "MARIE", "PACSE", "CONCUBIN", "DIVORCE", "SEPARE",
                    "VEUF", null);
            for (String s : situations) {
                assertEquals(Series03Reference.situationFamiliale(fields("situation_familiale", s)),
                        sql(c, "categorie_situation_familiale(CAST(? AS VARCHAR))", s), "situation " + s);
                for (String co : YES_NO) {
                    for (String size : Arrays.asList(null, "1", "2", "3", "7")) {
                        for (String children : Arrays.asList(null, "0", "1", "3")) {
                            assertEquals(Series03Reference.compositionFamiliale(fields("taille_menage", size,
                                            "nb_enfants", children, "co_demandeur", co, "situation_familiale", s)),
                                    sql(c, "categorie_composition_familiale(CAST(? AS INTEGER), CAST(? AS INTEGER), "
                                                    + "CAST(? AS BOOLEAN), CAST(? AS VARCHAR))",
                                            integer(size), integer(children), bool(co), s),
                                    "composition " + size + "/" + children + "/" + co + "/" + s);
                        }
                    }
                }
            }
            for (String p : Arrays.asList("CDI", "FONCTIONNAIRE", "CDD", "INTERIM", "APPRENTI", "INDEPENDANT", "CHOMAGE",
                    "RETRAITE", "ETUDIANT", "SANS_EMPLOI", "AUTRE", null)) {
                assertEquals(Series03Reference.situationProfessionnelle(fields("situation_professionnelle", p)),
                        sql(c, "categorie_situation_professionnelle(CAST(? AS VARCHAR))", p), "situation pro " + p);
            }
            for (String l : Arrays.asList("LOCATAIRE_HLM", "LOCATAIRE_PRIVE", "PROPRIETAIRE", "CHEZ_PARENTS",
                    "CHEZ_PARTICULIER", "STRUCTURE_HEBERGEMENT", "CDEF_CENTRE_MATERNEL", "HOTEL",
                    "FOYER_RESIDENCE_SOCIALE", "RESIDENCE_ETUDIANT", "LOGEMENT_FONCTION", "HABITAT_MOBILE",
                    "OCCUPANT_SANS_TITRE", "SANS_ABRI", "AUTRE", null)) {
                assertEquals(Series03Reference.logementActuel(fields("logement_actuel", l)),
                        sql(c, "categorie_logement_actuel(CAST(? AS VARCHAR))", l), "logement " + l);
                assertEquals(Series03Reference.mutation(fields("logement_actuel", l)),
                        sql(c, "upper(mutation_column(CAST(? AS VARCHAR)))", l), "mutation " + l);
            }
            assertEquals(20, Series03Reference.MOTIF_FAMILIES.size(), "the extract's 20 motif codes");
            List<String> motifs = new ArrayList<>(Series03Reference.MOTIF_FAMILIES.keySet());
            motifs.add(null);
            for (String m : motifs) {
                assertEquals(Series03Reference.motif(fields("motif", m)),
                        sql(c, "categorie_motif(CAST(? AS VARCHAR))", m), "motif " + m);
            }
            for (String h : YES_NO) {
                assertEquals(Series03Reference.handicap(fields("handicap", h)),
                        sql(c, "categorie_handicap(CAST(? AS BOOLEAN))", bool(h)), "handicap " + h);
                for (String p : YES_NO) {
                    assertEquals(Series03Reference.daloPrioritaire(fields("dalo", h, "prioritaire", p)),
                            sql(c, "categorie_dalo_prioritaire(CAST(? AS BOOLEAN), CAST(? AS BOOLEAN))", bool(h), bool(p)),
                            "dalo " + h + " prioritaire " + p);
                }
            }
        }
    }
}
