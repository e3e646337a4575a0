package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.infocentre.api.LecteursSecret.CelluleLue;
import fr.infocentre.api.LecteursSecret.Contexte;
import fr.infocentre.api.LecteursSecret.Lecture;
import fr.infocentre.api.LecteursSecret.Requete;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Secret statistique, end to end: no published count (a cell of a column of type EFFECTIF) from 1
 * to 10, on any public route, in any format, for a small generated millésime.
 *
 * <p>The application runs over a small generated millésime ({@link ServeurGenere}: Hautes-Alpes and
 * Lozère, scale 0.05), a second server beside {@link InfocentreServeur}'s fixture one.
 *
 * <p>The routes walked are the GET routes registered in the Javalin app (its router's list,
 * {@code app.unsafe.internalRouter.allHttpHandlers()}), not a list written here: each must have a
 * reader in {@link #LECTEURS} (how to read its counts, or why it has none), so a new route or
 * format (XLSX, PDF…) fails this test until someone says how to read it. Static files (/static,
 * /webjars: the site's CSS, JS and ECharts) are served outside the router and hold no data.
 *
 * <p>What is walked (all of it in JSON, CSV, HTML table, HTML chart data and data-* attributes):
 * <ul>
 *   <li>every rapport of /api/v1/rapports, at every level it declares, for the last millésime of
 *       /api/v1/millesimes: every territory of /api/v1/territoires at the national, region,
 *       departement and EPCI levels; at commune level, every commune for the two probe rapports (the
 *       first commune-level rapport of series 03 and of series 04), and for the other rapports a
 *       fixed sample: one in {@value #PAS_ECHANTILLON_COMMUNES} (in code order) of the communes where a
 *       probe is not empty;</li>
 *   <li>the first millésime (older lines not covered, left empty), every rapport at every level it
 *       declares: national, every region and departement, the first {@value #EPCI_PREMIERE_ANNEE} EPCIs and
 *       the first {@value #COMMUNES_PREMIERE_ANNEE} communes of the sample;</li>
 *   <li>the count-free routes (catalogue, territories, millésimes, home page) once per level and
 *       millésime walked: they must answer 200.</li>
 * </ul>
 * The walk is done once and shared by the tests below; it runs on {@value #FILS} threads.
 */
class FuiteSecretTest {

    private static final List<String> NIVEAUX = List.of("national", "region", "departement", "epci", "commune");
    /** One commune with data in this many (in code order) gets every commune-level rapport. */
    private static final int PAS_ECHANTILLON_COMMUNES = 5;
    /** For the earlier millésime: the first EPCIs and the first communes of the sample only. */
    private static final int EPCI_PREMIERE_ANNEE = 2;
    private static final int COMMUNES_PREMIERE_ANNEE = 4;
    private static final int FILS = 3;
    private static final int SEUIL_MAX = 10;
    private static final int VIOLATIONS_MONTREES = 20;

    /**
     * Every public GET route and how to read it. A route registered in the app but missing here
     * fails the test: add its reader (see {@link LecteursSecret}) or declare it count-free, saying why.
     */
    static final Map<String, Lecteur> LECTEURS = Map.of(
            "/api/v1/rapports/{id}", Lecteur.parTableau(LecteursSecret::json),
            "/api/v1/rapports/{id}.csv", Lecteur.parTableau(LecteursSecret::csv),
            "/rapports/{id}", Lecteur.parTableau(LecteursSecret::page),
            "/api/v1/rapports", Lecteur.sansEffectif("the catalogue: ids, titles, descriptions, levels, chart types"),
            "/api/v1/territoires", Lecteur.sansEffectif("codes and names of the territories of a level"),
            "/api/v1/millesimes", Lecteur.sansEffectif("the years published"),
            "/", Lecteur.sansEffectif("the home page: pickers and links to the rapports, no figure"));

    private static Javalin app;
    private static Client client;
    private static Parcours parcours;
    private static Throwable echecParcours;

    /**
     * How the walk reads one route: for every table request (the route has an {id}: the rapport),
     * or, for a count-free route, a fetch that must answer 200.
     */
    record Lecteur(BiFunction<String, Contexte, List<Lecture>> lecture, String sansEffectif) {

        static Lecteur parTableau(BiFunction<String, Contexte, List<Lecture>> lecture) {
            return new Lecteur(lecture, null);
        }

        static Lecteur sansEffectif(String pourquoi) {
            return new Lecteur(null, pourquoi);
        }

        boolean parTableau() {
            return lecture != null;
        }
    }

    @BeforeAll
    static void demarrer() {
        app = ServeurGenere.demarre().app();
        client = ServeurGenere.demarre().client();
    }

    @Test
    void everyRegisteredGetRouteHasAReader() {
        Set<String> routes = routesGet(app);

        assertTrue(routes.containsAll(List.of("/api/v1/rapports/{id}", "/rapports/{id}")),
                "the router's list of routes was read: " + routes);
        List<String> sansLecteur = routes.stream().filter(r -> !LECTEURS.containsKey(r)).toList();
        List<String> perimes = LECTEURS.keySet().stream().filter(r -> !routes.contains(r)).sorted().toList();
        assertAll(
                () -> assertTrue(sansLecteur.isEmpty(), sansLecteur.stream().map(FuiteSecretTest::sansLecteur)
                        .collect(Collectors.joining("\n"))),
                () -> assertTrue(perimes.isEmpty(), "readers of routes the app no longer registers " + perimes
                        + ": remove them from FuiteSecretTest.LECTEURS"));
    }

    @Test
    void walkCoversEveryFormatAndTheFormatsAgree() {
        Parcours p = parcours();

        List<Executable> verifications = new ArrayList<>(List.of(
                () -> assertTrue(p.incoherences.isEmpty(), p.incoherences.size() + " responses the readers could not"
                        + " make sense of; first ones:\n" + premieres(p.incoherences)),
                () -> assertTrue(p.requetes >= 500, "table requests walked: " + p.requetes),
                () -> assertEquals(p.couverture.get("attendu"), p.couverture.get("lu"),
                        "every rapport at every level it declares, for each millésime walked, was read"),
                () -> assertTrue(p.communesLues >= 20, "communes walked: " + p.communesLues)));
        Compte json = p.comptes.get(LecteursSecret.JSON);
        for (String f : List.of(LecteursSecret.JSON, LecteursSecret.CSV, LecteursSecret.HTML_TABLEAU,
                LecteursSecret.HTML_GRAPHIQUE)) {
            Compte c = p.comptes.get(f);
            verifications.add(() -> {
                assertTrue(c != null && c.tableaux().get() >= 500 && c.effectifs().get() >= 5_000,
                        f + ": tables and count cells read: " + c);
                assertTrue(c.masques().get() >= 50, f + ": masked cells seen (the walk must exercise masking): " + c);
                assertTrue(c.publies().get() >= 1_000, f + ": counts published and checked: " + c);
                assertEquals(json.effectifs().get(), c.effectifs().get(), f + " read as many count cells as JSON");
                assertEquals(json.masques().get(), c.masques().get(), f + " saw as many masked cells as JSON");
            });
        }
        assertAll(verifications);
    }

    @Test
    void noCountFrom1To10IsPublished() {
        Parcours p = parcours();

        if (!p.violations.isEmpty()) {
            List<Violation> violations;
            synchronized (p.violations) {
                violations = new ArrayList<>(p.violations);
            }
            Map<String, Long> parNiveauEtFormat = violations.stream().collect(Collectors.groupingBy(
                    v -> v.niveau() + " / " + v.format(), TreeMap::new, Collectors.counting()));
            long cellules = violations.stream().map(v -> v.requete() + v.ligne() + v.colonne()).distinct().count();
            long tableaux = violations.stream().map(Violation::requete).distinct().count();
            fail(violations.size() + " published counts from 1 to " + SEUIL_MAX + " (secret statistique): " + cellules
                    + " cells of " + tableaux + " tables, counted once per format showing them; by level and format: "
                    + parNiveauEtFormat + "\nroute | format | rapport | niveau | code | annee | ligne | colonne | valeur\n"
                    + premieres(violations.stream().sorted(Comparator.comparing(Violation::cleTri)).map(Violation::toString).toList()));
        }
    }

    // ---------------------------------------------------------------- the walk

    /** What the walk saw. */
    static final class Parcours {
        final Map<String, Compte> comptes = new ConcurrentHashMap<>();
        final List<Violation> violations = Collections.synchronizedList(new ArrayList<>());
        final List<String> incoherences = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Set<String>> couverture = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> durees = new ConcurrentHashMap<>();
        long requetes;
        int communesLues;
    }

    /** Per format: tables read, count cells, masked ones, published (non-null) ones. */
    record Compte(AtomicLong tableaux, AtomicLong effectifs, AtomicLong masques, AtomicLong publies) {
        Compte() {
            this(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
        }
    }

    record Violation(String route, String format, Requete requete, String ligne, String colonne, String valeur) {

        String niveau() {
            return requete.niveau();
        }

        String cleTri() {
            return NIVEAUX.indexOf(requete.niveau()) + " " + requete + " " + ligne + " " + colonne + " " + route + " " + format;
        }

        @Override
        public String toString() {
            return "GET " + route + " | " + format + " | " + requete + " | « " + ligne + " » | " + colonne + " | " + valeur;
        }
    }

    /** The walk, done by the first test that needs it; its failure is kept and rethrown to the others. */
    private static synchronized Parcours parcours() {
        if (parcours == null && echecParcours == null) {
            long debut = System.nanoTime();
            try {
                parcours = parcourir();
            } catch (RuntimeException | Error e) {
                echecParcours = e;
            }
            System.out.printf("FuiteSecretTest: walk done in %.1f s%n", (System.nanoTime() - debut) / 1e9);
            if (parcours != null) {
                System.out.printf("FuiteSecretTest: %d table requests; per format %s; time per route (ms): %s%n",
                        parcours.requetes, new TreeMap<>(parcours.comptes), parcours.durees.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue().get() / 1_000_000).collect(Collectors.joining(", ")));
            }
        }
        if (echecParcours != null) {
            throw new IllegalStateException("the walk failed", echecParcours);
        }
        return parcours;
    }

    private static Parcours parcourir() {
        Parcours p = new Parcours();
        Set<String> routes = routesGet(app);
        for (String route : routes) {
            if (!LECTEURS.containsKey(route)) {
                p.incoherences.add(sansLecteur(route));
            }
        }
        List<String> routesTableaux = routes.stream().filter(r -> LECTEURS.containsKey(r) && LECTEURS.get(r).parTableau()).toList();
        List<String> routesSansEffectif = routes.stream().filter(r -> LECTEURS.containsKey(r) && !LECTEURS.get(r).parTableau()).toList();

        Plan plan = planifier();
        p.requetes = plan.requetes.size();
        p.communesLues = (int) plan.requetes.stream().filter(r -> r.niveau().equals("commune")).map(Requete::code).distinct().count();
        plan.requetes.forEach(r -> p.couverture.computeIfAbsent("attendu", k -> ConcurrentHashMap.newKeySet())
                .add(r.rapport() + "/" + r.niveau() + "/" + r.annee()));
        p.couverture.put("lu", ConcurrentHashMap.newKeySet());

        ExecutorService fils = Executors.newFixedThreadPool(FILS);
        try {
            List<Future<?>> taches = new ArrayList<>();
            for (Requete requete : plan.requetes) {
                taches.add(fils.submit(() -> lireTableau(p, routesTableaux, requete)));
            }
            for (Requete requete : plan.sansEffectif) {
                taches.add(fils.submit(() -> lireSansEffectif(p, routesSansEffectif, requete)));
            }
            for (Future<?> tache : taches) {
                tache.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the walk failed", e);
        } finally {
            fils.shutdownNow();
        }
        return p;
    }

    /** Every table route for one request; the formats must read as many count cells and masked cells as the JSON. */
    private static void lireTableau(Parcours p, List<String> routes, Requete requete) {
        Contexte ctx = new Contexte(client, requete);
        Map<String, long[]> parFormat = new LinkedHashMap<>();
        for (String route : routes) {
            long t0 = System.nanoTime();
            List<Lecture> lectures = LECTEURS.get(route).lecture().apply(route, ctx);
            p.durees.computeIfAbsent(route, r -> new AtomicLong()).addAndGet(System.nanoTime() - t0);
            for (Lecture lecture : lectures) {
                p.incoherences.addAll(lecture.incoherences());
                Compte compte = p.comptes.computeIfAbsent(lecture.format(), f -> new Compte());
                compte.tableaux.incrementAndGet();
                long[] n = parFormat.computeIfAbsent(lecture.format(), f -> new long[2]);
                for (CelluleLue c : lecture.effectifs()) {
                    compte.effectifs.incrementAndGet();
                    n[0]++;
                    if (c.masque()) {
                        compte.masques.incrementAndGet();
                        n[1]++;
                    } else if (c.valeur() != null) {
                        compte.publies.incrementAndGet();
                        if (c.valeur().compareTo(BigDecimal.ONE) >= 0 && c.valeur().compareTo(BigDecimal.valueOf(SEUIL_MAX)) <= 0) {
                            p.violations.add(new Violation(route, lecture.format(), requete, c.ligne(), c.colonne(), c.texte()));
                        }
                    }
                }
                if (lecture.format().equals(LecteursSecret.JSON) && !lecture.effectifs().isEmpty()) {
                    p.couverture.get("lu").add(requete.rapport() + "/" + requete.niveau() + "/" + requete.annee());
                }
            }
        }
        long[] json = parFormat.get(LecteursSecret.JSON);
        parFormat.forEach((format, n) -> {
            if (json != null && !format.equals(LecteursSecret.HTML_ATTRIBUTS) && (n[0] != json[0] || n[1] != json[1])) {
                p.incoherences.add(requete + ": " + format + " read " + n[0] + " count cells (" + n[1] + " masked), JSON "
                        + json[0] + " (" + json[1] + " masked)");
            }
        });
    }

    private static void lireSansEffectif(Parcours p, List<String> routes, Requete requete) {
        for (String route : routes) {
            String url = route.replace("{id}", requete.rapport()) + requete.requete();
            HttpResponse<String> reponse = client.get(url);
            p.comptes.computeIfAbsent("sans effectif " + route, f -> new Compte()).tableaux.incrementAndGet();
            if (reponse.statusCode() != 200) {
                p.incoherences.add(url + ": HTTP " + reponse.statusCode());
            }
        }
    }

    // ---------------------------------------------------------------- the plan

    record Plan(List<Requete> requetes, List<Requete> sansEffectif) {
    }

    /** The requests walked (see the class comment), from what the API itself lists. */
    private static Plan planifier() {
        List<JsonNode> rapports = new ArrayList<>();
        client.json("/api/v1/rapports").forEach(rapports::add);
        List<Integer> annees = new ArrayList<>();
        client.json("/api/v1/millesimes").forEach(a -> annees.add(a.asInt()));
        assertTrue(annees.size() >= 2, "the generated extract covers at least two millésimes: " + annees);
        int derniere = annees.get(annees.size() - 1);
        int premiere = annees.get(0);
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (String niveau : NIVEAUX) {
            List<String> c = new ArrayList<>();
            client.json("/api/v1/territoires?niveau=" + niveau).forEach(t -> c.add(t.get("code").asText()));
            assertTrue(!c.isEmpty(), "territories of level " + niveau);
            codes.put(niveau, c);
        }
        List<String> rapportsCommunaux = rapports.stream().filter(r -> Echantillons.publie(r, "commune"))
                .map(r -> r.get("id").asText()).toList();
        List<String> sondes = sondes(rapports);
        List<String> communes = codes.get("commune");
        List<String> communesAvecDonnees = new ArrayList<>(new TreeSet<>(communesNonVides(sondes, communes, derniere)));
        List<String> echantillon = new ArrayList<>();
        for (int i = 0; i < communesAvecDonnees.size(); i += PAS_ECHANTILLON_COMMUNES) {
            echantillon.add(communesAvecDonnees.get(i));
        }

        Set<Requete> requetes = new LinkedHashSet<>();
        for (JsonNode rapport : rapports) {
            String id = rapport.get("id").asText();
            for (String niveau : NIVEAUX) {
                if (!Echantillons.publie(rapport, niveau)) {
                    continue;
                }
                List<String> territoires = switch (niveau) {
                    case "commune" -> sondes.contains(id) ? communes : echantillon;
                    default -> codes.get(niveau);
                };
                territoires.forEach(code -> requetes.add(new Requete(id, niveau, code, derniere)));
                List<String> avant = switch (niveau) {
                    case "epci" -> codes.get(niveau).subList(0, Math.min(EPCI_PREMIERE_ANNEE, codes.get(niveau).size()));
                    case "commune" -> echantillon.subList(0, Math.min(COMMUNES_PREMIERE_ANNEE, echantillon.size()));
                    default -> codes.get(niveau);
                };
                avant.forEach(code -> requetes.add(new Requete(id, niveau, code, premiere)));
            }
        }

        List<Requete> sansEffectif = new ArrayList<>();
        String premier = rapports.get(0).get("id").asText();
        for (int annee : List.of(derniere, premiere)) {
            codes.forEach((niveau, c) -> sansEffectif.add(new Requete(premier, niveau, c.get(0), annee)));
        }
        System.out.printf("FuiteSecretTest: plan of %d table requests %s, millésimes %d and %d of %s, %d communes with data"
                        + " of %d (probes %s), sample %s of rapports %s%n", requetes.size(),
                requetes.stream().collect(Collectors.groupingBy(r -> r.niveau() + " " + r.annee(), TreeMap::new,
                        Collectors.counting())), derniere, premiere, annees, communesAvecDonnees.size(), communes.size(),
                sondes, echantillon, rapportsCommunaux);
        return new Plan(List.copyOf(requetes), sansEffectif);
    }

    /** The probes: the first commune-level rapport of series 03 (demandes) and of series 04 (attributions). */
    private static List<String> sondes(List<JsonNode> rapports) {
        List<String> sondes = new ArrayList<>();
        for (String serie : List.of("03", "04")) {
            rapports.stream().filter(r -> r.get("serie").asText().equals(serie) && Echantillons.publie(r, "commune"))
                    .findFirst().ifPresent(r -> sondes.add(r.get("id").asText()));
        }
        assertTrue(!sondes.isEmpty(), "a rapport published at commune level");
        return sondes;
    }

    /** The communes where a probe has a count that is not 0 (masked counts included), for that millésime. */
    private static Set<String> communesNonVides(List<String> sondes, List<String> communes, int annee) {
        Set<String> nonVides = ConcurrentHashMap.newKeySet();
        ExecutorService fils = Executors.newFixedThreadPool(FILS);
        try {
            List<Future<?>> taches = new ArrayList<>();
            for (String id : sondes) {
                for (String code : communes) {
                    taches.add(fils.submit(() -> {
                        Requete r = new Requete(id, "commune", code, annee);
                        if (nonVide(client.json("/api/v1/rapports/" + id + r.requete()))) {
                            nonVides.add(code);
                        }
                    }));
                }
            }
            for (Future<?> tache : taches) {
                tache.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("probing the communes failed", e);
        } finally {
            fils.shutdownNow();
        }
        return nonVides;
    }

    private static boolean nonVide(JsonNode doc) {
        Set<String> effectifs = new LinkedHashSet<>();
        doc.get("colonnes").forEach(c -> {
            if (c.get("type").asText().equals("EFFECTIF")) {
                effectifs.add(c.get("cle").asText());
            }
        });
        List<JsonNode> lignes = new ArrayList<>();
        doc.get("lignes").forEach(lignes::add);
        if (doc.hasNonNull("total")) {
            lignes.add(doc.get("total"));
        }
        return !doc.get("masques").isEmpty() || lignes.stream()
                .anyMatch(l -> effectifs.stream().anyMatch(c -> l.path(c).isNumber() && l.path(c).asLong() != 0));
    }

    // ---------------------------------------------------------------- helpers

    /** The paths of the GET routes registered in the app, from its router. */
    static Set<String> routesGet(Javalin app) {
        Set<String> routes = new TreeSet<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            if (e.endpoint.method.equals(HandlerType.GET)) {
                routes.add(e.endpoint.path);
            }
        }
        return routes;
    }

    private static String sansLecteur(String route) {
        return "route " + route + " has no reader in FuiteSecretTest: say how to read its counts (add it to"
                + " FuiteSecretTest.LECTEURS, with a reader in LecteursSecret, or as count-free saying why)";
    }

    private static String premieres(List<String> lignes) {
        List<String> copie;
        synchronized (lignes) {
            copie = new ArrayList<>(lignes);
        }
        return copie.stream().limit(VIOLATIONS_MONTREES).collect(Collectors.joining("\n"))
                + (copie.size() > VIOLATIONS_MONTREES ? "\n… and " + (copie.size() - VIOLATIONS_MONTREES) + " more" : "");
    }
}
