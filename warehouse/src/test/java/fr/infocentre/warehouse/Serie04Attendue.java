package fr.infocentre.warehouse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Expected figures of the series-04 rapports by a route that shares nothing with the engine: the
 * extract's CSV files read with Commons CSV, the geography read from the COG reference CSV, and
 * the definitions of ../shared/spec/rapports.md applied in plain Java (no SQL, no Parquet, no
 * dimension file). Attributions of year {@link #annee}: date_bail in the year, the demande not a
 * personne morale, located by the dwelling's commune (arrondissements rolled up).
 */
final class Serie04Attendue {

    static final Path COMMUNES = Path.of("..", "etl", "src", "main", "resources", "ref", "communes.csv");

    /** One attribution of the year with its demande (raw CSV values, "" = empty) and its commune. */
    record Attribution(Map<String, String> bail, Map<String, String> demande, String commune) {

        String a(String champ) {
            return bail.getOrDefault(champ, "");
        }

        String d(String champ) {
            return demande.getOrDefault(champ, "");
        }

        boolean mutation() {
            return "LOCATAIRE_HLM".equals(d("logement_actuel"));
        }
    }

    /** Counts of one category: effectif, mutation, hors mutation. */
    record Compte(long effectif, long mutation, long horsMutation) {
    }

    private final int annee;
    private final List<Attribution> attributions = new ArrayList<>();
    /** commune (COG, not an arrondissement) → {département, région, EPCI}. */
    private final Map<String, String[]> geographie = new HashMap<>();

    Serie04Attendue(Path extrait, int annee) {
        this.annee = annee;
        Map<String, String> parent = new HashMap<>();
        for (CSVRecord r : lire(COMMUNES, ',')) {
            String code = r.get("code_commune");
            if (!r.get("commune_parent").isEmpty()) {
                parent.put(code, r.get("commune_parent"));
            } else {
                geographie.put(code, new String[] {r.get("code_departement"), r.get("code_region"),
                        r.get("siren_epci")});
            }
        }
        Map<String, Map<String, String>> demandes = new HashMap<>();
        for (CSVRecord r : lire(extrait.resolve("demandes.csv"), ';')) {
            demandes.put(r.get("numero_unique"), r.toMap());
        }
        for (CSVRecord r : lire(extrait.resolve("attributions.csv"), ';')) {
            Map<String, String> demande = demandes.get(r.get("numero_unique"));
            if (LocalDate.parse(r.get("date_bail")).getYear() == annee && demande != null
                    && "0".equals(demande.get("personne_morale"))) {
                String commune = r.get("commune_logement");
                attributions.add(new Attribution(r.toMap(), demande, parent.getOrDefault(commune, commune)));
            }
        }
    }

    private static List<CSVRecord> lire(Path fichier, char separateur) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separateur).setHeader()
                .setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(fichier, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, format)) {
            return p.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int annee() {
        return annee;
    }

    List<Attribution> attributions() {
        return attributions;
    }

    /** The attributions of the year located in the territory. */
    List<Attribution> dans(Niveau niveau, String code) {
        return attributions.stream().filter(a -> switch (niveau) {
            case NATIONAL -> true;
            case DEPARTEMENT -> geographie.get(a.commune())[0].equals(code);
            case REGION -> geographie.get(a.commune())[1].equals(code);
            case EPCI -> geographie.get(a.commune())[2].equals(code);
            case COMMUNE -> a.commune().equals(code);
        }).toList();
    }

    /** Category → counts, every category of {@code cles} present (0 when none), in that order. */
    Map<String, Compte> compter(Niveau niveau, String code, List<String> cles, Function<Attribution, String> categorie) {
        Map<String, long[]> n = new LinkedHashMap<>();
        cles.forEach(c -> n.put(c, new long[2]));
        for (Attribution a : dans(niveau, code)) {
            long[] c = n.get(categorie.apply(a));
            if (c == null) {
                throw new AssertionError("category " + categorie.apply(a) + " not in " + cles + " for " + a);
            }
            c[a.mutation() ? 0 : 1]++;
        }
        Map<String, Compte> comptes = new LinkedHashMap<>();
        n.forEach((c, v) -> comptes.put(c, new Compte(v[0] + v[1], v[0], v[1])));
        return comptes;
    }

    /** n / total in %, one decimal, half up; null when the total is 0. */
    static Double part(long n, long total) {
        return total == 0 ? null
                : BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP).doubleValue();
    }

    // ---- the spec's definitions, one function per dimension ----

    private static boolean vide(String s) {
        return s == null || s.isEmpty();
    }

    /** Age = year − annee_naissance. */
    String trancheAge(Attribution a) {
        if (vide(a.d("annee_naissance"))) {
            return "NON_RENSEIGNE";
        }
        int age = annee - Integer.parseInt(a.d("annee_naissance"));
        return age < 25 ? "MOINS_25" : age < 30 ? "25_29" : age < 40 ? "30_39" : age < 50 ? "40_49"
                : age < 65 ? "50_64" : age < 75 ? "65_74" : "75_PLUS";
    }

    static String nationalite(Attribution a) {
        return vide(a.d("nationalite")) ? "NON_RENSEIGNE" : a.d("nationalite");
    }

    static String tailleMenage(Attribution a) {
        if (vide(a.d("taille_menage"))) {
            return "NON_RENSEIGNE";
        }
        int t = Integer.parseInt(a.d("taille_menage"));
        return t >= 6 ? "6_PLUS" : String.valueOf(t);
    }

    /**
     * Personne seule (1 person); couple = co_demandeur, or situation MARIE / PACSE / CONCUBIN, with
     * 2 persons or more: with or without children (nb_enfants); not a couple: famille monoparentale
     * with children, autre without. Non renseigné when the size, the couple or the children are unknown.
     */
    static String compositionFamiliale(Attribution a) {
        if (vide(a.d("taille_menage"))) {
            return "NON_RENSEIGNE";
        }
        int taille = Integer.parseInt(a.d("taille_menage"));
        if (taille == 1) {
            return "PERSONNE_SEULE";
        }
        boolean situationCouple = List.of("MARIE", "PACSE", "CONCUBIN").contains(a.d("situation_familiale"));
        Boolean couple = "1".equals(a.d("co_demandeur")) || situationCouple ? Boolean.TRUE
                : vide(a.d("co_demandeur")) || vide(a.d("situation_familiale")) ? null : Boolean.FALSE;
        if (couple == null || vide(a.d("nb_enfants"))) {
            return "NON_RENSEIGNE";
        }
        boolean enfants = Integer.parseInt(a.d("nb_enfants")) > 0;
        if (couple) {
            return enfants ? "COUPLE_AVEC_ENFANTS" : "COUPLE_SANS_ENFANT";
        }
        return enfants ? "FAMILLE_MONOPARENTALE" : "AUTRE";
    }

    static String situationProfessionnelle(Attribution a) {
        return switch (a.d("situation_professionnelle")) {
            case "" -> "NON_RENSEIGNE";
            case "CDI", "FONCTIONNAIRE" -> "CDI_FONCTIONNAIRE";
            case "CDD", "INTERIM", "APPRENTI" -> "CDD_INTERIM_APPRENTI";
            case "SANS_EMPLOI", "AUTRE" -> "SANS_EMPLOI_AUTRE";
            default -> a.d("situation_professionnelle");
        };
    }

    static String revenusMensuels(Attribution a) {
        if (vide(a.d("revenu_mensuel"))) {
            return "NON_RENSEIGNE";
        }
        int r = Integer.parseInt(a.d("revenu_mensuel"));
        return r == 0 ? "AUCUN" : r < 500 ? "MOINS_500" : r < 1000 ? "500_999" : r < 1500 ? "1000_1499"
                : r < 2000 ? "1500_1999" : r < 3000 ? "2000_2999" : "3000_PLUS";
    }

    static String logementAvant(Attribution a) {
        return switch (a.d("logement_actuel")) {
            case "" -> "NON_RENSEIGNE";
            case "STRUCTURE_HEBERGEMENT", "CDEF_CENTRE_MATERNEL", "HOTEL" -> "STRUCTURE_HEBERGEMENT";
            case "FOYER_RESIDENCE_SOCIALE", "RESIDENCE_ETUDIANT" -> "FOYER_RESIDENCE";
            case "SANS_ABRI", "HABITAT_MOBILE", "OCCUPANT_SANS_TITRE" -> "SANS_ABRI_MOBILE_SANS_TITRE";
            case "LOGEMENT_FONCTION", "AUTRE" -> "AUTRE";
            default -> a.d("logement_actuel");
        };
    }

    static String mutation(Attribution a) {
        return a.mutation() ? "MUTATION" : "HORS_MUTATION";
    }

    /**
     * DALO when the attribution or the demande says dalo = 1; unknown when neither says 1 and both are
     * empty; otherwise the demande's prioritaire: 1 prioritaire hors DALO, 0 neither, empty unknown.
     */
    static String daloPrioritaire(Attribution a) {
        if ("1".equals(a.a("dalo")) || "1".equals(a.d("dalo"))) {
            return "DALO";
        }
        if (vide(a.a("dalo")) && vide(a.d("dalo"))) {
            return "NON_RENSEIGNE";
        }
        return switch (a.d("prioritaire")) {
            case "1" -> "PRIORITAIRE_HORS_DALO";
            case "0" -> "NON_PRIORITAIRE";
            default -> "NON_RENSEIGNE";
        };
    }

    static String typologie(Attribution a) {
        return vide(a.a("typologie")) ? "NON_RENSEIGNE" : a.a("typologie");
    }

    static String qpv(Attribution a) {
        return vide(a.a("qpv")) ? "NON_RENSEIGNE" : a.a("qpv").equals("1") ? "QPV" : "HORS_QPV";
    }

    /** The categories of each rapport, in the spec's order, and how an attribution is classed. */
    record Definition(List<String> cles, boolean mutationSplit, Function<Attribution, String> categorie) {
    }

    Definition definition(String rapport) {
        List<String> ages = List.of("MOINS_25", "25_29", "30_39", "40_49", "50_64", "65_74", "75_PLUS", "NON_RENSEIGNE");
        return switch (rapport) {
            case "TAB04-02" -> new Definition(ages, true, this::trancheAge);
            case "TAB04-03" -> new Definition(List.of("FR", "UE", "HORS_UE", "NON_RENSEIGNE"), true,
                    Serie04Attendue::nationalite);
            case "TAB04-04" -> new Definition(List.of("1", "2", "3", "4", "5", "6_PLUS", "NON_RENSEIGNE"), true,
                    Serie04Attendue::tailleMenage);
            case "TAB04-05" -> new Definition(List.of("PERSONNE_SEULE", "COUPLE_SANS_ENFANT", "COUPLE_AVEC_ENFANTS",
                    "FAMILLE_MONOPARENTALE", "AUTRE", "NON_RENSEIGNE"), true, Serie04Attendue::compositionFamiliale);
            case "TAB04-06" -> new Definition(List.of("CDI_FONCTIONNAIRE", "CDD_INTERIM_APPRENTI", "INDEPENDANT",
                    "CHOMAGE", "RETRAITE", "ETUDIANT", "SANS_EMPLOI_AUTRE", "NON_RENSEIGNE"), true,
                    Serie04Attendue::situationProfessionnelle);
            case "TAB04-07" -> new Definition(List.of("AUCUN", "MOINS_500", "500_999", "1000_1499", "1500_1999",
                    "2000_2999", "3000_PLUS", "NON_RENSEIGNE"), true, Serie04Attendue::revenusMensuels);
            case "TAB04-09" -> new Definition(List.of("LOCATAIRE_HLM", "LOCATAIRE_PRIVE", "PROPRIETAIRE",
                    "CHEZ_PARENTS", "CHEZ_PARTICULIER", "STRUCTURE_HEBERGEMENT", "FOYER_RESIDENCE",
                    "SANS_ABRI_MOBILE_SANS_TITRE", "AUTRE", "NON_RENSEIGNE"), false, Serie04Attendue::logementAvant);
            case "TAB04-11" -> new Definition(List.of("T1", "T2", "T3", "T4", "T5", "T6", "NON_RENSEIGNE"), true,
                    Serie04Attendue::typologie);
            case "TAB04-12" -> new Definition(List.of("MUTATION", "HORS_MUTATION"), false, Serie04Attendue::mutation);
            case "TAB04-13" -> new Definition(List.of("QPV", "HORS_QPV", "NON_RENSEIGNE"), true, Serie04Attendue::qpv);
            case "TAB04-14" -> new Definition(List.of("DALO", "PRIORITAIRE_HORS_DALO", "NON_PRIORITAIRE",
                    "NON_RENSEIGNE"), true, Serie04Attendue::daloPrioritaire);
            default -> throw new IllegalArgumentException(rapport);
        };
    }
}
