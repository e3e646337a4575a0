package fr.infocentre.warehouse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The expected figures of the series-03 rapports by a route of its own, never through the ETL,
 * DuckDB or the rapports' SQL: plain Java reading the fixture's CSV files and applying the
 * spec's definitions directly (../shared/spec/rapports.md, extract-format.md):
 * <ul>
 *   <li>a demande is active on d when its last CREATION / RENOUVELLEMENT / MODIFICATION /
 *       REACTIVATION / RADIATION event dated on or before d (same day: file order) is not a
 *       RADIATION;</li>
 *   <li>hors associations: personne_morale = 0;</li>
 *   <li>located by the first of communes_souhaitees, an arrondissement rolled up to its commune
 *       through the COG reference (etl/src/main/resources/ref/communes.csv);</li>
 *   <li>each category derived from the raw field by {@link #categorie} functions written from the
 *       spec's Dimensions table.</li>
 * </ul>
 */
final class ReferenceSerie03 {

    static final Path REF_COMMUNES = Path.of("..", "etl", "src", "main", "resources", "ref", "communes.csv");
    private static final Set<String> STATUTS = Set.of("CREATION", "RENOUVELLEMENT", "MODIFICATION", "REACTIVATION",
            "RADIATION");

    /** One demande: its raw fields (empty = null) and where it is counted. */
    record Demande(Map<String, String> champs, String commune, String epci, String departement, String region) {

        String champ(String nom) {
            String v = champs.get(nom);
            return v == null || v.isEmpty() ? null : v;
        }

        boolean mutation() {
            return "LOCATAIRE_HLM".equals(champ("logement_actuel"));
        }

        boolean dans(Niveau niveau, String code) {
            return switch (niveau) {
                case NATIONAL -> true;
                case REGION -> code.equals(region);
                case DEPARTEMENT -> code.equals(departement);
                case EPCI -> code.equals(epci);
                case COMMUNE -> code.equals(commune);
            };
        }
    }

    private ReferenceSerie03() {
    }

    /** The demandes hors associations active on day d, read from the extract folder. */
    static List<Demande> demandesEnCours(Path extrait, LocalDate d) {
        Map<String, String> dernierStatut = new HashMap<>();
        Map<String, LocalDate> dateDernier = new HashMap<>();
        for (CSVRecord e : lire(extrait.resolve("evenements.csv"), ';')) {
            LocalDate date = LocalDate.parse(e.get("date_evenement"));
            String id = e.get("numero_unique");
            // file order breaks ties: a later line of the same day wins
            if (STATUTS.contains(e.get("type")) && !date.isAfter(d)
                    && (!dateDernier.containsKey(id) || !date.isBefore(dateDernier.get(id)))) {
                dernierStatut.put(id, e.get("type"));
                dateDernier.put(id, date);
            }
        }
        Map<String, String[]> geo = geographie();
        List<Demande> demandes = new ArrayList<>();
        for (CSVRecord r : lire(extrait.resolve("demandes.csv"), ';')) {
            String id = r.get("numero_unique");
            if (!"0".equals(r.get("personne_morale")) || dernierStatut.get(id) == null
                    || "RADIATION".equals(dernierStatut.get(id))) {
                continue;
            }
            String premier = r.get("communes_souhaitees").split("\\|")[0];
            String[] g = geo.get(premier);
            if (!g[0].isEmpty()) {                       // an arrondissement: its parent commune
                premier = g[0];
                g = geo.get(premier);
            }
            demandes.add(new Demande(new LinkedHashMap<>(r.toMap()), premier, g[1], g[2], g[3]));
        }
        return demandes;
    }

    /** categorie → {mutation, hors mutation}, for the demandes of the territory. */
    static Map<String, long[]> compter(List<Demande> demandes, Function<Demande, String> categorie,
                                       Niveau niveau, String code) {
        Map<String, long[]> n = new HashMap<>();
        for (Demande d : demandes) {
            if (d.dans(niveau, code)) {
                n.computeIfAbsent(categorie.apply(d), k -> new long[2])[d.mutation() ? 0 : 1]++;
            }
        }
        return n;
    }

    /** code_commune → {commune_parent, siren_epci, code_departement, code_region}. */
    private static Map<String, String[]> geographie() {
        Map<String, String[]> geo = new HashMap<>();
        for (CSVRecord r : lire(REF_COMMUNES, ',')) {
            geo.put(r.get("code_commune"), new String[]{r.get("commune_parent"), r.get("siren_epci"),
                    r.get("code_departement"), r.get("code_region")});
        }
        return geo;
    }

    private static List<CSVRecord> lire(Path fichier, char separateur) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separateur).setHeader()
                .setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(fichier, StandardCharsets.UTF_8)) {
            return format.parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- The spec's Dimensions table, in plain Java (a field getter: empty = null) ----

    static final String NR = "NON_RENSEIGNE";

    /** Whole years from date_depot to the reference date. */
    static String anciennete(Function<String, String> f, LocalDate reference) {
        int ans = Period.between(LocalDate.parse(f.apply("date_depot")), reference).getYears();
        if (ans < 1) {
            return "MOINS_1";
        }
        if (ans < 5) {
            return ans + "_" + (ans + 1);
        }
        return ans < 10 ? "5_10" : "10_PLUS";
    }

    static String nationalite(Function<String, String> f) {
        String v = f.apply("nationalite");
        return v == null ? NR : v;
    }

    static String tailleMenage(Function<String, String> f) {
        String v = f.apply("taille_menage");
        if (v == null) {
            return NR;
        }
        int t = Integer.parseInt(v);
        return t >= 6 ? "6_PLUS" : String.valueOf(t);
    }

    /**
     * Couple = co_demandeur, or situation MARIE / PACSE / CONCUBIN, with taille ≥ 2; children =
     * nb_enfants > 0; Famille monoparentale = not couple with children; Personne seule = taille 1;
     * Autre otherwise. Undecidable from empty fields: Non renseigné.
     */
    static String compositionFamiliale(Function<String, String> f) {
        String taille = f.apply("taille_menage");
        if (taille == null) {
            return NR;
        }
        if (Integer.parseInt(taille) == 1) {
            return "PERSONNE_SEULE";
        }
        String co = f.apply("co_demandeur");
        String situation = f.apply("situation_familiale");
        String enfants = f.apply("nb_enfants");
        Boolean couple;
        if ("1".equals(co) || situation != null && Set.of("MARIE", "PACSE", "CONCUBIN").contains(situation)) {
            couple = true;
        } else if (co == null || situation == null) {
            couple = null;
        } else {
            couple = false;
        }
        if (couple == null || enfants == null) {
            return NR;
        }
        boolean avecEnfants = Integer.parseInt(enfants) > 0;
        if (couple) {
            return avecEnfants ? "COUPLE_AVEC_ENFANTS" : "COUPLE_SANS_ENFANT";
        }
        return avecEnfants ? "FAMILLE_MONOPARENTALE" : "AUTRE";
    }

    static String situationProfessionnelle(Function<String, String> f) {
        String v = f.apply("situation_professionnelle");
        if (v == null) {
            return NR;
        }
        return switch (v) {
            case "CDI", "FONCTIONNAIRE" -> "CDI_FONCTIONNAIRE";
            case "CDD", "INTERIM", "APPRENTI" -> "CDD_INTERIM_APPRENTI";
            case "SANS_EMPLOI", "AUTRE" -> "SANS_EMPLOI_AUTRE";
            default -> v;
        };
    }

    static String situationFamiliale(Function<String, String> f) {
        String v = f.apply("situation_familiale");
        if (v == null) {
            return NR;
        }
        return v.equals("DIVORCE") || v.equals("SEPARE") ? "DIVORCE_SEPARE" : v;
    }

    static String revenusMensuels(Function<String, String> f) {
        String v = f.apply("revenu_mensuel");
        if (v == null) {
            return NR;
        }
        int r = Integer.parseInt(v);
        int[] bornes = {1, 500, 1000, 1500, 2000, 3000};
        String[] cles = {"AUCUN", "MOINS_500", "500_999", "1000_1499", "1500_1999", "2000_2999"};
        for (int i = 0; i < bornes.length; i++) {
            if (r < bornes[i]) {
                return cles[i];
            }
        }
        return "3000_PLUS";
    }

    static String logementActuel(Function<String, String> f) {
        String v = f.apply("logement_actuel");
        if (v == null) {
            return NR;
        }
        return switch (v) {
            case "STRUCTURE_HEBERGEMENT", "CDEF_CENTRE_MATERNEL", "HOTEL" -> "STRUCTURE_HEBERGEMENT";
            case "FOYER_RESIDENCE_SOCIALE", "RESIDENCE_ETUDIANT" -> "FOYER_RESIDENCE";
            case "SANS_ABRI", "HABITAT_MOBILE", "OCCUPANT_SANS_TITRE" -> "SANS_ABRI_MOBILE_SANS_TITRE";
            case "LOGEMENT_FONCTION", "AUTRE" -> "AUTRE";
            default -> v;   // LOCATAIRE_HLM, LOCATAIRE_PRIVE, PROPRIETAIRE, CHEZ_PARENTS, CHEZ_PARTICULIER
        };
    }

    /** The grouping documented in dimensions/motif.yaml. */
    static final Map<String, String> FAMILLES_MOTIF = Map.ofEntries(
            Map.entry("SANS_LOGEMENT", "SANS_LOGEMENT_HEBERGE"), Map.entry("HEBERGE", "SANS_LOGEMENT_HEBERGE"),
            Map.entry("LOGEMENT_TROP_CHER", "TROP_CHER"),
            Map.entry("TROP_PETIT", "TAILLE_INADAPTEE"), Map.entry("TROP_GRAND", "TAILLE_INADAPTEE"),
            Map.entry("NON_DECENT", "NON_DECENT_INSALUBRE"), Map.entry("INSALUBRE", "NON_DECENT_INSALUBRE"),
            Map.entry("EXPULSION", "PERTE_LOGEMENT"), Map.entry("VENTE_OU_REPRISE", "PERTE_LOGEMENT"),
            Map.entry("RENOUVELLEMENT_URBAIN", "PERTE_LOGEMENT"),
            Map.entry("DIVORCE_SEPARATION", "EVOLUTION_FAMILIALE"), Map.entry("DECOHABITATION", "EVOLUTION_FAMILIALE"),
            Map.entry("VIOLENCES", "VIOLENCES"),
            Map.entry("HANDICAP", "HANDICAP_SANTE"), Map.entry("SANTE", "HANDICAP_SANTE"),
            Map.entry("RAPPROCHEMENT_TRAVAIL", "RAPPROCHEMENT_TRAVAIL"),
            Map.entry("MUTATION_PROFESSIONNELLE", "RAPPROCHEMENT_TRAVAIL"),
            Map.entry("RAPPROCHEMENT_FAMILLE", "FAMILLE_ENVIRONNEMENT"),
            Map.entry("ENVIRONNEMENT", "FAMILLE_ENVIRONNEMENT"),
            Map.entry("AUTRE", "AUTRE"));

    static String motif(Function<String, String> f) {
        String v = f.apply("motif");
        return v == null ? NR : FAMILLES_MOTIF.get(v);
    }

    static String typologie(Function<String, String> f) {
        String v = f.apply("typologie");
        return v == null ? NR : v;
    }

    static String mutation(Function<String, String> f) {
        return "LOCATAIRE_HLM".equals(f.apply("logement_actuel")) ? "MUTATION" : "HORS_MUTATION";
    }

    static String handicap(Function<String, String> f) {
        String v = f.apply("handicap");
        return v == null ? NR : v.equals("1") ? "OUI" : "NON";
    }

    static String daloPrioritaire(Function<String, String> f) {
        String dalo = f.apply("dalo");
        String prioritaire = f.apply("prioritaire");
        if ("1".equals(dalo)) {
            return "DALO";
        }
        if (dalo == null || prioritaire == null) {
            return NR;
        }
        return prioritaire.equals("1") ? "PRIORITAIRE_HORS_DALO" : "NON_PRIORITAIRE";
    }

    static String canal(Function<String, String> f) {
        return f.apply("canal");
    }
}
