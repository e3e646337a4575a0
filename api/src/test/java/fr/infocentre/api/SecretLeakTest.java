package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.infocentre.api.SecretReaders.CellRead;
import fr.infocentre.api.SecretReaders.Context;
import fr.infocentre.api.SecretReaders.Read;
import fr.infocentre.api.SecretReaders.Request;
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
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Secret statistique, end to end: no published count (a cell of a column of type COUNT) from 1
 * to 10, on any public route, in any format, for a small generated millésime.
 *
 * <p>The application runs over a small generated millésime ({@link GeneratedServer}: Hautes-Alpes and
 * Lozère, scale 0.05), a second server beside {@link InfocentreServer}'s fixture one.
 *
 * <p>The routes walked are the GET routes registered in the Javalin app (its router's list,
 * {@code app.unsafe.internalRouter.allHttpHandlers()}), not a list written here: each must have a
 * reader in {@link #READERS} (how to read its counts, or why it has none), so a new route or
 * format (ODS…) fails this test until someone says how to read it. Static files (/static,
 * /webjars: the site's CSS, JS and ECharts) are served outside the router and hold no data.
 *
 * <p>What is walked (all of it in JSON, CSV, HTML table, HTML chart data and data-* attributes; XLSX and PDF,
 * table and chart, for the fixed sample {@link #SAMPLE} of it):
 * <ul>
 *   <li>every rapport of /api/v1/rapports, at every level it declares, for the last millésime of
 *       /api/v1/millesimes: every territory of /api/v1/territoires at the national, region,
 *       departement and EPCI levels; at commune level, every commune for the two probe rapports (the
 *       first commune-level rapport of series 03 and of series 04), and for the other rapports a
 *       fixed sample: one in {@value #COMMUNE_SAMPLE_STEP} (in code order) of the communes where a
 *       probe is not empty;</li>
 *   <li>the first millésime (older lines not covered, left empty), every rapport at every level it
 *       declares: national, every region and departement, the first {@value #EPCI_FIRST_YEAR} EPCIs and
 *       the first {@value #COMMUNES_FIRST_YEAR} communes of the sample;</li>
 *   <li>the count-free routes (catalogue, territories, millésimes, home page) once per level and
 *       millésime walked: they must answer 200.</li>
 * </ul>
 * The walk is done once and shared by the tests below; it runs on {@value #THREADS} threads.
 */
class SecretLeakTest {

    private static final List<String> LEVELS = List.of("national", "region", "departement", "epci", "commune");
    /** One commune with data in this many (in code order) gets every commune-level rapport. */
    private static final int COMMUNE_SAMPLE_STEP = 5;
    /** For the earlier millésime: the first EPCIs and the first communes of the sample only. */
    private static final int EPCI_FIRST_YEAR = 2;
    private static final int COMMUNES_FIRST_YEAR = 4;
    private static final int THREADS = 3;
    private static final int MAX_THRESHOLD = 10;
    private static final int VIOLATIONS_SHOWN = 20;

    /** One EPCI or commune table in this many (by a hash of the request) is read in the sampled formats. */
    private static final int SAMPLE_STEP = 4;

    /**
     * The requests read in the formats slow to produce and read (XLSX, PDF: ≈ 25 and 45 ms a table, produced
     * and read back, against 3–7 ms for the others): every table at the national, region and departement
     * levels, and one in {@value #SAMPLE_STEP} of the EPCI and commune ones, chosen by a hash of the request
     * (String.hashCode, the same on every run).
     */
    static final Predicate<Request> SAMPLE = r -> !List.of("epci", "commune").contains(r.level())
            || Math.floorMod(r.toString().hashCode(), SAMPLE_STEP) == 0;

    /** Formats read for the requests of {@link #SAMPLE} only. */
    private static final Set<String> SAMPLED_FORMATS = Set.of(SecretReaders.XLSX, SecretReaders.PDF_TABLE,
            SecretReaders.PDF_CHART);

    /**
     * Every public GET route and how to read it. A route registered in the app but missing here
     * fails the test: add its reader (see {@link SecretReaders}) or declare it count-free, saying why.
     */
    static final Map<String, Reader> READERS = Map.ofEntries(
            Map.entry("/api/v1/rapports/{id}", Reader.byTable(SecretReaders::json)),
            Map.entry("/api/v1/rapports/{id}.csv", Reader.byTable(SecretReaders::csv)),
            Map.entry("/api/v1/rapports/{id}.xlsx", Reader.bySample(SecretReaders::xlsx)),
            Map.entry("/api/v1/rapports/{id}.pdf", Reader.bySample(SecretReaders::pdf)),
            Map.entry("/rapports/{id}", Reader.byTable(SecretReaders::page)),
            Map.entry("/api/v1/rapports", Reader.withoutCount("the catalogue: ids, titles, descriptions, levels, chart types")),
            Map.entry("/api/v1/territoires", Reader.withoutCount("codes and names of the territories of a level")),
            Map.entry("/api/v1/millesimes", Reader.withoutCount("the years published")),
            Map.entry("/api/v1/openapi.json", Reader.withoutCount("the description of the API: a static file, no figure")),
            Map.entry("/", Reader.withoutCount("the home page: pickers and links to the rapports, no figure")),
            Map.entry("/opendata", Reader.withoutCount("the list of the millésimes released")),
            Map.entry("/opendata/{annee}", Reader.withoutCount("the list of a release's files: names, sizes, descriptions")),
            Map.entry("/opendata/{annee}/{fichier}", Reader.withoutCount("walked here through datapackage.json; every"
                    + " count of every CSV and Parquet file of every millésime is read by OpenDataSecretTest")));

    /** Formats that show a part of the table only: not held to the JSON's number of count cells. */
    private static final Set<String> PARTIAL_FORMATS = Set.of(SecretReaders.HTML_ATTRIBUTES, SecretReaders.PDF_CHART);

    private static Javalin app;
    private static Client client;
    private static Walk walk;
    private static Throwable walkFailure;

    /**
     * How the walk reads one route: for every table request (the route has an {id}: the rapport),
     * or, for a count-free route, a fetch that must answer 200.
     */
    record Reader(BiFunction<String, Context, List<Read>> read, Predicate<Request> sample, String withoutCount) {

        static Reader byTable(BiFunction<String, Context, List<Read>> read) {
            return new Reader(read, r -> true, null);
        }

        /** A reader of the table requests in {@link #SAMPLE} only (a format slow to produce and to read). */
        static Reader bySample(BiFunction<String, Context, List<Read>> read) {
            return new Reader(read, SAMPLE, null);
        }

        static Reader withoutCount(String why) {
            return new Reader(null, r -> false, why);
        }

        boolean byTable() {
            return read != null;
        }
    }

    @BeforeAll
    static void start() {
        app = GeneratedServer.started().app();
        client = GeneratedServer.started().client();
    }

    @Test
    void everyRegisteredGetRouteHasAReader() {
        Set<String> routes = routesGet(app);

        assertTrue(routes.containsAll(List.of("/api/v1/rapports/{id}", "/rapports/{id}")),
                "the router's list of routes was read: " + routes);
        List<String> withoutReader = routes.stream().filter(r -> !READERS.containsKey(r)).toList();
        List<String> stale = READERS.keySet().stream().filter(r -> !routes.contains(r)).sorted().toList();
        assertAll(
                () -> assertTrue(withoutReader.isEmpty(), withoutReader.stream().map(SecretLeakTest::withoutReader)
                        .collect(Collectors.joining("\n"))),
                () -> assertTrue(stale.isEmpty(), "readers of routes the app no longer registers " + stale
                        + ": remove them from SecretLeakTest.READERS"));
    }

    @Test
    void walkCoversEveryFormatAndTheFormatsAgree() {
        Walk p = walk();

        List<Executable> checks = new ArrayList<>(List.of(
                () -> assertTrue(p.inconsistencies.isEmpty(), p.inconsistencies.size() + " responses the readers could not"
                        + " make sense of; first ones:\n" + first(p.inconsistencies)),
                () -> assertTrue(p.requests >= 500, "table requests walked: " + p.requests),
                () -> assertEquals(p.coverage.get("attendu"), p.coverage.get("lu"),
                        "every rapport at every level it declares, for each millésime walked, was read"),
                () -> assertTrue(p.communesRead >= 20, "communes walked: " + p.communesRead)));
        Count json = p.counts.get(SecretReaders.JSON);
        for (String f : List.of(SecretReaders.JSON, SecretReaders.CSV, SecretReaders.HTML_TABLE,
                SecretReaders.HTML_CHART)) {
            Count c = p.counts.get(f);
            checks.add(() -> {
                assertTrue(c != null && c.tables().get() >= 500 && c.counts().get() >= 5_000,
                        f + ": tables and count cells read: " + c);
                assertTrue(c.masks().get() >= 50, f + ": masked cells seen (the walk must exercise masking): " + c);
                assertTrue(c.published().get() >= 1_000, f + ": counts published and checked: " + c);
                assertEquals(json.counts().get(), c.counts().get(), f + " read as many count cells as JSON");
                assertEquals(json.masks().get(), c.masks().get(), f + " saw as many masked cells as JSON");
            });
        }
        long sampled = p.sampled;
        for (String f : SAMPLED_FORMATS) {
            Count c = p.counts.get(f);
            checks.add(() -> {
                // the same counts as the JSON, table by table, is checked by the walk (readTable)
                assertTrue(c != null && c.tables().get() == sampled && sampled >= 500, f + ": every table of the sample"
                        + " read (" + sampled + "): " + c);
                assertTrue(c.masks().get() >= 50, f + ": masked cells seen (the walk must exercise masking): " + c);
                assertTrue(c.published().get() >= 1_000, f + ": counts published and checked: " + c);
            });
        }
        assertAll(checks);
    }

    @Test
    void noCountFrom1To10IsPublished() {
        Walk p = walk();

        if (!p.violations.isEmpty()) {
            List<Violation> violations;
            synchronized (p.violations) {
                violations = new ArrayList<>(p.violations);
            }
            Map<String, Long> byLevelAndFormat = violations.stream().collect(Collectors.groupingBy(
                    v -> v.level() + " / " + v.format(), TreeMap::new, Collectors.counting()));
            long cells = violations.stream().map(v -> v.request() + v.line() + v.column()).distinct().count();
            long tables = violations.stream().map(Violation::request).distinct().count();
            fail(violations.size() + " published counts from 1 to " + MAX_THRESHOLD + " (secret statistique): " + cells
                    + " cells of " + tables + " tables, counted once per format showing them; by level and format: "
                    + byLevelAndFormat + "\nroute | format | rapport | niveau | code | annee | ligne | colonne | valeur\n"
                    + first(violations.stream().sorted(Comparator.comparing(Violation::sortKey)).map(Violation::toString).toList()));
        }
    }

    // ---------------------------------------------------------------- the walk

    /** What the walk saw. */
    static final class Walk {
        final Map<String, Count> counts = new ConcurrentHashMap<>();
        final List<Violation> violations = Collections.synchronizedList(new ArrayList<>());
        final List<String> inconsistencies = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Set<String>> coverage = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> durations = new ConcurrentHashMap<>();
        long requests;
        long sampled;
        int communesRead;
    }

    /** Per format: tables read, count cells, masked ones, published (non-null) ones. */
    public record Count(AtomicLong tables, AtomicLong counts, AtomicLong masks, AtomicLong published) {
        Count() {
            this(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
        }
    }

    record Violation(String route, String format, Request request, String line, String column, String value) {

        String level() {
            return request.level();
        }

        String sortKey() {
            return LEVELS.indexOf(request.level()) + " " + request + " " + line + " " + column + " " + route + " " + format;
        }

        @Override
        public String toString() {
            return "GET " + route + " | " + format + " | " + request + " | « " + line + " » | " + column + " | " + value;
        }
    }

    /** The walk, done by the first test that needs it; its failure is kept and rethrown to the others. */
    private static synchronized Walk walk() {
        if (walk == null && walkFailure == null) {
            long start = System.nanoTime();
            try {
                walk = runWalk();
            } catch (RuntimeException | Error e) {
                walkFailure = e;
            }
            System.out.printf("SecretLeakTest: walk done in %.1f s%n", (System.nanoTime() - start) / 1e9);
            if (walk != null) {
                System.out.printf("SecretLeakTest: %d table requests; per format %s; time per route (ms): %s%n",
                        walk.requests, new TreeMap<>(walk.counts), walk.durations.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue().get() / 1_000_000).collect(Collectors.joining(", ")));
            }
        }
        if (walkFailure != null) {
            throw new IllegalStateException("the walk failed", walkFailure);
        }
        return walk;
    }

    private static Walk runWalk() {
        Walk p = new Walk();
        Set<String> routes = routesGet(app);
        for (String route : routes) {
            if (!READERS.containsKey(route)) {
                p.inconsistencies.add(withoutReader(route));
            }
        }
        List<String> tableRoutes = routes.stream().filter(r -> READERS.containsKey(r) && READERS.get(r).byTable()).toList();
        List<String> routesWithoutCount = routes.stream().filter(r -> READERS.containsKey(r) && !READERS.get(r).byTable()).toList();

        Plan plan = schedule();
        p.requests = plan.requests.size();
        p.sampled = plan.requests.stream().filter(SAMPLE).count();
        p.communesRead = (int) plan.requests.stream().filter(r -> r.level().equals("commune")).map(Request::code).distinct().count();
        plan.requests.forEach(r -> p.coverage.computeIfAbsent("attendu", k -> ConcurrentHashMap.newKeySet())
                .add(r.rapport() + "/" + r.level() + "/" + r.millesime()));
        p.coverage.put("lu", ConcurrentHashMap.newKeySet());

        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (Request request : plan.requests) {
                tasks.add(threads.submit(() -> readTable(p, tableRoutes, request)));
            }
            for (Request request : plan.withoutCount) {
                tasks.add(threads.submit(() -> readWithoutCount(p, routesWithoutCount, request)));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the walk failed", e);
        } finally {
            threads.shutdownNow();
        }
        return p;
    }

    /** Every table route for one request; the formats must read as many count cells and masked cells as the JSON. */
    private static void readTable(Walk p, List<String> routes, Request request) {
        Context ctx = new Context(client, request);
        Map<String, long[]> byFormat = new LinkedHashMap<>();
        for (String route : routes) {
            if (!READERS.get(route).sample().test(request)) {
                continue;
            }
            long t0 = System.nanoTime();
            List<Read> reads = READERS.get(route).read().apply(route, ctx);
            p.durations.computeIfAbsent(route, r -> new AtomicLong()).addAndGet(System.nanoTime() - t0);
            for (Read read : reads) {
                p.inconsistencies.addAll(read.inconsistencies());
                Count count = p.counts.computeIfAbsent(read.format(), f -> new Count());
                count.tables.incrementAndGet();
                long[] n = byFormat.computeIfAbsent(read.format(), f -> new long[2]);
                for (CellRead c : read.counts()) {
                    count.counts.incrementAndGet();
                    n[0]++;
                    if (c.mask()) {
                        count.masks.incrementAndGet();
                        n[1]++;
                    } else if (c.value() != null) {
                        count.published.incrementAndGet();
                        if (c.value().compareTo(BigDecimal.ONE) >= 0 && c.value().compareTo(BigDecimal.valueOf(MAX_THRESHOLD)) <= 0) {
                            p.violations.add(new Violation(route, read.format(), request, c.line(), c.column(), c.text()));
                        }
                    }
                }
                if (read.format().equals(SecretReaders.JSON) && !read.counts().isEmpty()) {
                    p.coverage.get("lu").add(request.rapport() + "/" + request.level() + "/" + request.millesime());
                }
            }
        }
        long[] json = byFormat.get(SecretReaders.JSON);
        byFormat.forEach((format, n) -> {
            if (json != null && !PARTIAL_FORMATS.contains(format) && (n[0] != json[0] || n[1] != json[1])) {
                p.inconsistencies.add(request + ": " + format + " read " + n[0] + " count cells (" + n[1] + " masked), JSON "
                        + json[0] + " (" + json[1] + " masked)");
            }
        });
    }

    private static void readWithoutCount(Walk p, List<String> routes, Request request) {
        for (String route : routes) {
            String url = route.replace("{id}", request.rapport()).replace("{annee}", String.valueOf(request.millesime()))
                    .replace("{fichier}", "datapackage.json") + request.request();
            HttpResponse<String> response = client.get(url);
            p.counts.computeIfAbsent("sans effectif " + route, f -> new Count()).tables.incrementAndGet();
            if (response.statusCode() != 200) {
                p.inconsistencies.add(url + ": HTTP " + response.statusCode());
            }
        }
    }

    // ---------------------------------------------------------------- the plan

    record Plan(List<Request> requests, List<Request> withoutCount) {
    }

    /** The requests walked (see the class comment), from what the API itself lists. */
    private static Plan schedule() {
        List<JsonNode> rapports = new ArrayList<>();
        client.json("/api/v1/rapports").forEach(rapports::add);
        List<Integer> millesimes = new ArrayList<>();
        client.json("/api/v1/millesimes").forEach(a -> millesimes.add(a.asInt()));
        assertTrue(millesimes.size() >= 2, "the generated extract covers at least two millésimes: " + millesimes);
        int last = millesimes.get(millesimes.size() - 1);
        int first = millesimes.get(0);
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (String level : LEVELS) {
            List<String> c = new ArrayList<>();
            client.json("/api/v1/territoires?niveau=" + level).forEach(t -> c.add(t.get("code").asText()));
            assertTrue(!c.isEmpty(), "territories of level " + level);
            codes.put(level, c);
        }
        List<String> communeRapports = rapports.stream().filter(r -> Samples.published(r, "commune"))
                .map(r -> r.get("id").asText()).toList();
        List<String> probes = probes(rapports);
        List<String> communes = codes.get("commune");
        List<String> communesWithData = new ArrayList<>(new TreeSet<>(nonEmptyCommunes(probes, communes, last)));
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < communesWithData.size(); i += COMMUNE_SAMPLE_STEP) {
            sample.add(communesWithData.get(i));
        }

        Set<Request> requests = new LinkedHashSet<>();
        for (JsonNode rapport : rapports) {
            String id = rapport.get("id").asText();
            for (String level : LEVELS) {
                if (!Samples.published(rapport, level)) {
                    continue;
                }
                List<String> territoires = switch (level) {
                    case "commune" -> probes.contains(id) ? communes : sample;
                    default -> codes.get(level);
                };
                territoires.forEach(code -> requests.add(new Request(id, level, code, last)));
                List<String> before = switch (level) {
                    case "epci" -> codes.get(level).subList(0, Math.min(EPCI_FIRST_YEAR, codes.get(level).size()));
                    case "commune" -> sample.subList(0, Math.min(COMMUNES_FIRST_YEAR, sample.size()));
                    default -> codes.get(level);
                };
                before.forEach(code -> requests.add(new Request(id, level, code, first)));
            }
        }

        List<Request> withoutCount = new ArrayList<>();
        String firstRapport = rapports.get(0).get("id").asText();
        for (int millesime : List.of(last, first)) {
            codes.forEach((level, c) -> withoutCount.add(new Request(firstRapport, level, c.get(0), millesime)));
        }
        System.out.printf("SecretLeakTest: plan of %d table requests %s, millésimes %d and %d of %s, %d communes with data"
                        + " of %d (probes %s), sample %s of rapports %s%n", requests.size(),
                requests.stream().collect(Collectors.groupingBy(r -> r.level() + " " + r.millesime(), TreeMap::new,
                        Collectors.counting())), last, first, millesimes, communesWithData.size(), communes.size(),
                probes, sample, communeRapports);
        return new Plan(List.copyOf(requests), withoutCount);
    }

    /** The probes: the first commune-level rapport of series 03 (demandes) and of series 04 (attributions). */
    private static List<String> probes(List<JsonNode> rapports) {
        List<String> probes = new ArrayList<>();
        for (String series : List.of("03", "04")) {
            rapports.stream().filter(r -> r.get("serie").asText().equals(series) && Samples.published(r, "commune"))
                    .findFirst().ifPresent(r -> probes.add(r.get("id").asText()));
        }
        assertTrue(!probes.isEmpty(), "a rapport published at commune level");
        return probes;
    }

    /** The communes where a probe has a count that is not 0 (masked counts included), for that millésime. */
    private static Set<String> nonEmptyCommunes(List<String> probes, List<String> communes, int millesime) {
        Set<String> nonEmpty = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (String id : probes) {
                for (String code : communes) {
                    tasks.add(threads.submit(() -> {
                        Request r = new Request(id, "commune", code, millesime);
                        if (nonEmpty(client.json("/api/v1/rapports/" + id + r.request()))) {
                            nonEmpty.add(code);
                        }
                    }));
                }
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("probing the communes failed", e);
        } finally {
            threads.shutdownNow();
        }
        return nonEmpty;
    }

    private static boolean nonEmpty(JsonNode doc) {
        Set<String> counts = new LinkedHashSet<>();
        doc.get("colonnes").forEach(c -> {
            if (c.get("type").asText().equals("EFFECTIF")) {
                counts.add(c.get("cle").asText());
            }
        });
        List<JsonNode> lines = new ArrayList<>();
        doc.get("lignes").forEach(lines::add);
        if (doc.hasNonNull("total")) {
            lines.add(doc.get("total"));
        }
        return !doc.get("masques").isEmpty() || lines.stream()
                .anyMatch(l -> counts.stream().anyMatch(c -> l.path(c).isNumber() && l.path(c).asLong() != 0));
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

    private static String withoutReader(String route) {
        return "route " + route + " has no reader in SecretLeakTest: say how to read its counts (add it to"
                + " SecretLeakTest.READERS, with a reader in SecretReaders, or as count-free saying why)";
    }

    private static String first(List<String> lines) {
        List<String> copy;
        synchronized (lines) {
            copy = new ArrayList<>(lines);
        }
        return copy.stream().limit(VIOLATIONS_SHOWN).collect(Collectors.joining("\n"))
                + (copy.size() > VIOLATIONS_SHOWN ? "\n… and " + (copy.size() - VIOLATIONS_SHOWN) + " more" : "");
    }
}
