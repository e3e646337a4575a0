package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.audit.Attacker;
import fr.infocentre.warehouse.audit.Audit;
import fr.infocentre.warehouse.audit.JointAudit;
import fr.infocentre.warehouse.audit.SameFigures;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.format.ProjectVersion;
import fr.infocentre.warehouse.opendata.OpenData;
import fr.infocentre.warehouse.publication.Checksums;
import fr.infocentre.warehouse.publication.Publication;
import fr.infocentre.warehouse.secret.FixedFigures;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds release N (docs/releases.md): publishes it into a hidden folder beside the editions,
 * each rapport audited before its tables are written (a primary cell pinned refuses the release
 * and deletes the hidden folder: nothing served changes), writes its open data, writes its manifest {@code release.json} (metadata, protection summary and the
 * SHA-256 of every file), makes it read-only, renames it into edition k and points CURRENT at
 * it. An existing release is never touched: republishing needs a reason and adds edition k+1.
 */
public final class ReleasePublisher {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The open data's folder in a release. */
    public static final String OPEN_DATA = "opendata";
    private static final Set<PosixFilePermission> READ_ONLY_FILE = PosixFilePermissions.fromString("r--r--r--");
    private static final Set<PosixFilePermission> READ_ONLY_FOLDER = PosixFilePermissions.fromString("r-xr-xr-x");

    private ReleasePublisher() {
    }

    /** What was released: its folder, edition, the publication summary and the protection per level. */
    public record Released(Path folder, int edition, Publication.Summary publication, Map<Level, long[]> protection,
                           Map<Level, long[]> primaryBounded, double auditSeconds) {
    }

    /**
     * @param republication the reason to republish a millésime already released, empty otherwise
     * @throws ReleaseRefused   when N is already released and no reason is given (or a reason is
     *                          given for a millésime never released), or when the audit pins a
     *                          primary cell; nothing is left written then (the hidden folder is deleted)
     * @throws InvalidRequest   for a year the data does not cover or an unknown rapport
     */
    public static Released publish(DuckDbWarehouse warehouse, Path releases, Publication.Options options,
                                   Optional<String> republication, PrintStream progress) {
        int millesime = options.millesime();
        OptionalInt current = ReleaseLayout.current(releases, millesime);
        if (current.isPresent() && republication.isEmpty()) {
            throw new ReleaseRefused("Le millésime " + millesime + " est déjà publié (édition " + current.getAsInt()
                    + ", " + ReleaseLayout.edition(releases, millesime, current.getAsInt())
                    + ") : une release publiée ne change pas. Pour la remplacer, donner --republier \"motif\".");
        }
        if (current.isEmpty() && republication.isPresent()) {
            throw new ReleaseRefused("Le millésime " + millesime + " n'a jamais été publié : --republier est sans objet.");
        }
        if (!warehouse.millesimes().contains(millesime)) {
            throw new InvalidRequest(InvalidRequest.Cause.YEAR_NOT_COVERED, "Année " + millesime
                    + " non couverte par les données (années couvertes : " + warehouse.millesimes() + ")");
        }
        List<Rapport> rapports = Publication.rapports(warehouse, options);
        int edition = current.isPresent() ? nextEdition(releases, millesime) : 1;
        Path partial = ReleaseLayout.year(releases, millesime).resolve("." + edition + ".partial");
        Path folder = ReleaseLayout.edition(releases, millesime, edition);
        try (ReleaseStore earlier = ReleaseStore.open(Files.createDirectories(releases))) {
            AuditedTables audited = new AuditedTables(warehouse, earlier, rapports, progress);
            deleteWritable(partial);
            String publishedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            Publication.Summary summary;
            try {
                summary = Publication.publish(warehouse, partial, options, progress, audited);
            } catch (ReleaseRefused e) {
                deleteWritable(partial);
                throw e;
            }
            progress.printf(Locale.ROOT, "audit of millésime %d: %d rapports, no primary cell pinned (%.1f s: compute %.1f s,"
                            + " protect %.1f s, attack %.1f s summed over the rapports attacked side by side, joint"
                            + " attack %.1f s)%n", millesime, rapports.size(),
                    audited.seconds(), audited.computeSeconds, audited.protectSeconds, audited.attackSeconds,
                    audited.jointSeconds);
            progress.println("primary cells whose upper bound is below 11 (bounds by propagation and exact elimination,"
                    + " jointly over the rapports sharing a figure; not LP), by level: primary, bounded below 11 (share)");
            audited.primaryBounded().forEach((level, c) -> progress.printf(Locale.ROOT, "  %-12s %,10d %,10d (%.2f %%)%n",
                    level.key(), c[0], c[1], c[0] == 0 ? 0.0 : 100.0 * c[1] / c[0]));
            catalogue(warehouse, rapports).write(partial);
            long openData = System.nanoTime();
            OpenData.write(partial, partial.resolve(OPEN_DATA), Optional.of(publishedAt));
            progress.printf(Locale.ROOT, "open data written in %.1f s%n", (System.nanoTime() - openData) / 1e9);
            Map<String, Object> manifest = manifest(warehouse, millesime, edition, publishedAt, options, rapports,
                    audited.protection(), audited.protectionByRapport(), audited.primaryBounded(), current,
                    republication, partial);
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.resolve(ReleaseLayout.MANIFEST).toFile(), manifest);
            makeReadOnly(partial);
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            Files.setPosixFilePermissions(folder, READ_ONLY_FOLDER);
            ReleaseLayout.switchTo(releases, millesime, edition);
            return new Released(folder, edition, summary, audited.protection(), audited.primaryBounded(),
                    audited.seconds());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write release " + millesime + " into " + partial
                    + " (what was served is unchanged)", e);
        }
    }

    /**
     * The tables of a release, each rapport audited before its tables are written: the audit
     * computes and protects the rapport's linked tables as published (the earlier years' figures
     * as the earlier releases published them), attacks them, and hands over the very tables it
     * attacked (computed once). The rapports of the release sharing a total figure are protected
     * together when the first of them is asked, each attacked on its own, then all of them jointly
     * ({@link JointAudit}). A line repeating a total figure ({@code same_figures}) takes the status
     * the figure's rapports gave it ({@link FixedFigures#sameFigures}). A primary cell pinned
     * refuses the release.
     */
    private static final class AuditedTables implements Publication.TableSource {

        private final DuckDbWarehouse warehouse;
        private final Releases earlier;
        /** Rapport id → the rapports of the release protected with it (itself alone, or its total figure's). */
        private final Map<String, List<String>> families = new HashMap<>();
        private final Map<String, Audit.Result> audited = new HashMap<>();
        /** Figure → the published tables of one of the rapports holding it (all show it alike). */
        private final Map<String, FixedFigures.FigureTables> figures = new HashMap<>();
        /** Figure → the rapport whose tables {@link #figures} holds. */
        private final Map<String, String> figureRapports = new HashMap<>();
        private final Map<Level, long[]> protection = new EnumMap<>(Level.class);
        /** Rapport id → its protection per level, in publication order. */
        private final Map<String, Map<Level, long[]>> byRapport = new LinkedHashMap<>();
        /**
         * Rapport id → per level: its primary cells and those bounded above by 10, by the last attack
         * that bounded them (its own, then the joint attack of each figure it publishes).
         */
        private final Map<String, Map<Level, long[]>> bounded = new HashMap<>();
        private final PrintStream progress;
        private long nanos;
        /** Time spent, in all: computing, protecting, attacking each rapport, attacking the families jointly. */
        private double computeSeconds, protectSeconds, attackSeconds, jointSeconds;
        /** Nesting of {@link #audit} (a figure's rapports audited for a rapport repeating it), timed once. */
        private int depth;

        AuditedTables(DuckDbWarehouse warehouse, Releases earlier, List<Rapport> rapports, PrintStream progress) {
            this.warehouse = warehouse;
            this.earlier = earlier;
            this.progress = progress;
            for (List<String> family : Audit.families(warehouse, rapports.stream().map(Rapport::id).toList())) {
                family.forEach(id -> families.put(id, family));
            }
        }

        private RapportDefinition definition(String rapportId) {
            return warehouse.catalogueDefinitions().definition(rapportId).orElseThrow();
        }

        @Override
        public void tables(String rapportId, List<Level> levels, int millesime, Consumer<RapportTable> output) {
            if (!audited.containsKey(rapportId)) {
                audit(families.get(rapportId), millesime);
            }
            Audit.Result result = audited.remove(rapportId);
            byRapport.put(rapportId, result.counts());
            result.counts().forEach((level, c) -> {
                long[] t = protection.computeIfAbsent(level, k -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    t[i] += c[i];
                }
            });
            for (Level level : levels) {
                result.published().stream().filter(t -> t.territoire().level() == level).forEach(output);
            }
        }

        /**
         * Protects and attacks the family. A rapport repeating a total figure on one of its lines
         * ({@code same_figures}) is protected right after that figure's rapports, so that the
         * line takes their status, and attacked jointly with them.
         */
        private void audit(List<String> family, int millesime) {
            long start = depth++ == 0 ? System.nanoTime() : 0;
            try {
                for (String id : family) {
                    for (RapportDefinition.SameFigure f : definition(id).sameFigures()) {
                        for (String figure : f.figures()) {
                            String member = rapportOf(figure);
                            if (member != null && !figures.containsKey(figure)) {
                                audit(families.get(member), millesime);
                            }
                        }
                    }
                }
                if (family.stream().allMatch(audited::containsKey)) {
                    return; // audited with a figure it repeats
                }
                auditFamily(family, millesime);
            } finally {
                if (--depth == 0) {
                    nanos += System.nanoTime() - start;
                }
            }
        }

        private void auditFamily(List<String> family, int millesime) {
            long start = System.nanoTime();
            List<Audit.Result> results = Audit.audit(warehouse, family, millesime, earlier, figures);
            Set<String> held = new TreeSet<>();
            List<RapportDefinition> members = family.stream().map(this::definition).toList();
            members.forEach(m -> held.addAll(m.ownFigures()));
            for (String figure : held) {
                RapportDefinition holder = RapportDefinition.figureHolder(members, figure).orElseThrow();
                int i = members.indexOf(holder);
                figures.put(figure, new FixedFigures.FigureTables(holder.figureLine(figure), results.get(i).published()));
                figureRapports.put(figure, family.get(i));
            }
            for (Audit.Result result : results) {
                refuseIfDifferent(millesime, result);
                refuseIfPinned(millesime, result.rapport(), result.disclosed());
                audited.put(result.rapport(), result);
                bounded.put(result.rapport(), result.boundedBelowThreshold());
                computeSeconds += result.computeSeconds();
                protectSeconds += result.protectSeconds();
                attackSeconds += result.attackSeconds();
                int unwitnessed = result.unwitnessed().size();
                if (unwitnessed > 0) {
                    progress.printf(Locale.ROOT, "%s: %d cells repeated from a total figure masked without a witness"
                            + " of their own (the joint attack vouches for them)%n", result.rapport(), unwitnessed);
                }
            }
            if (!held.isEmpty()) {
                attackJointly(family, held, millesime, start, results);
            }
        }

        /**
         * Attacks the family with the rapports repeating one of its figures (audited first), all
         * together ({@link JointAudit}), every cell of those figures exchanged.
         */
        private void attackJointly(List<String> family, Set<String> held, int millesime, long start,
                                   List<Audit.Result> results) {
            RapportDefinition first = definition(family.get(0));
            String group = first.totalFigure() != null ? first.totalFigure()
                    : "line figures of " + String.join(", ", family);
            List<String> repeating = families.keySet().stream().sorted().filter(id -> !family.contains(id)
                    && definition(id).sameFigures().stream().anyMatch(f -> f.figures().stream().anyMatch(held::contains)))
                    .toList();
            for (String id : repeating) {
                if (!audited.containsKey(id)) {
                    audit(families.get(id), millesime);
                }
            }
            long joint = System.nanoTime();
            Map<String, RapportDefinition> definitions = new LinkedHashMap<>();
            Map<JointAudit.TotalCell, long[]> known = new HashMap<>();
            Map<String, Attacker.Result> attacks = new HashMap<>();
            Map<String, BitSet> primaries = new HashMap<>();
            for (String id : Stream.concat(family.stream(), repeating.stream()).toList()) {
                definitions.put(id, definition(id));
                JointAudit.intersect(known, audited.get(id).totalBounds());
                attacks.put(id, audited.get(id).attack());
                primaries.put(id, audited.get(id).primaries());
            }
            JointAudit.attack(group, held, definitions, id -> audited.get(id).published(),
                    warehouse.territoires().memberships(), known, attacks, primaries).ifPresent(result -> {
                result.primaryBounded().forEach((id, byLevel) -> bounded.merge(id, byLevel, AuditedTables::tighter));
                refuseIfPinned(millesime, String.join(", ", result.rapports()) + " (ensemble)", result.disclosed());
                jointSeconds += (System.nanoTime() - joint) / 1e9;
                progress.printf(Locale.ROOT, "%s (%d figures): %d rapports protected together and attacked one by one"
                                + " in %.1f s (compute %.1f s, protect %.1f s), then jointly with %d rapports repeating"
                                + " them in %d rounds (%.1f s%s): no count from 1 to 10 pinned%n",
                        group, held.size(), family.size(), (joint - start) / 1e9,
                        results.stream().mapToDouble(Audit.Result::computeSeconds).sum(),
                        results.stream().mapToDouble(Audit.Result::protectSeconds).sum(), repeating.size(),
                        result.rounds(), (System.nanoTime() - joint) / 1e9,
                        result.converged() ? "" : ", stopped before a fixpoint");
            });
        }

        /** The first rapport of the release (by id) holding that figure, null when none. */
        private String rapportOf(String figure) {
            return families.keySet().stream().sorted().filter(o -> definition(o).ownFigures().contains(figure))
                    .findFirst().orElse(null);
        }

        /** Refuses a rapport whose line repeating a total figure differs from it (it cannot, by construction). */
        private void refuseIfDifferent(int millesime, Audit.Result result) {
            Map<String, RapportDefinition> definitions = new LinkedHashMap<>();
            Map<String, List<RapportTable>> published = new HashMap<>();
            for (RapportDefinition.SameFigure f : definition(result.rapport()).sameFigures()) {
                for (String figure : f.figures()) {
                    String id = figureRapports.get(figure);
                    if (id != null) {
                        definitions.put(id, definition(id));
                        published.put(id, figures.get(figure).tables());
                    }
                }
            }
            if (definitions.isEmpty()) {
                return;
            }
            definitions.put(result.rapport(), definition(result.rapport()));
            published.put(result.rapport(), result.published());
            List<String> differences = SameFigures.check(definitions, published::get).differences();
            if (!differences.isEmpty()) {
                throw new ReleaseRefused("Audit du millésime " + millesime + " en échec, release refusée : "
                        + differences.size() + " case(s) de " + result.rapport() + " publiant un total d'un autre rapport"
                        + " avec un autre statut, dont " + String.join(" ; ", differences.subList(0, Math.min(5, differences.size()))));
            }
        }

        private static void refuseIfPinned(int millesime, String rapports, List<String> pinned) {
            if (!pinned.isEmpty()) {
                throw new ReleaseRefused("Audit du millésime " + millesime + " en échec, release refusée : "
                        + pinned.size() + " case(s) primaire(s) de " + rapports + " retrouvée(s) exactement, dont "
                        + String.join(" ; ", pinned.subList(0, Math.min(5, pinned.size()))));
            }
        }

        Map<Level, long[]> protection() {
            return protection;
        }

        Map<String, Map<Level, long[]>> protectionByRapport() {
            return byRapport;
        }

        /** Per level: the primary cells of every rapport, and those bounded above by 10. */
        Map<Level, long[]> primaryBounded() {
            Map<Level, long[]> total = new EnumMap<>(Level.class);
            bounded.values().forEach(byLevel -> byLevel.forEach((level, c) -> {
                long[] t = total.computeIfAbsent(level, k -> new long[2]);
                t[0] += c[0];
                t[1] += c[1];
            }));
            return total;
        }

        /** Of two attacks of the same primary cells, the counts of the one that bounded more of them. */
        private static Map<Level, long[]> tighter(Map<Level, long[]> a, Map<Level, long[]> b) {
            long boundedA = a.values().stream().mapToLong(c -> c[1]).sum();
            long boundedB = b.values().stream().mapToLong(c -> c[1]).sum();
            return boundedB > boundedA ? b : a;
        }

        double seconds() {
            return nanos / 1e9;
        }
    }

    /** The release's own catalogue: its rapports, their series and the territories of every level. */
    private static ReleaseCatalogue catalogue(DuckDbWarehouse warehouse, List<Rapport> rapports) {
        Set<String> series = rapports.stream().map(Rapport::series).collect(Collectors.toSet());
        Map<Level, List<Territoire>> territoires = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            territoires.put(level, warehouse.territoires(level));
        }
        return new ReleaseCatalogue(warehouse.series().stream().filter(s -> series.contains(s.id())).toList(),
                rapports, territoires);
    }

    private static Map<String, Object> manifest(DuckDbWarehouse warehouse, int millesime, int edition,
                                                String publishedAt, Publication.Options options, List<Rapport> rapports,
                                                Map<Level, long[]> protection,
                                                Map<String, Map<Level, long[]>> protectionByRapport,
                                                Map<Level, long[]> primaryBounded, OptionalInt replaced,
                                                Optional<String> reason, Path folder) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("millesime", millesime);
        m.put("edition", edition);
        m.put("publie_le", publishedAt);
        m.put("source", OpenData.SOURCE);
        m.put("date_extraction", warehouse.version().load().dateExtraction().toString());
        m.put("version_entrepot", warehouse.version().name());
        m.put("logiciel", ProjectVersion.get());
        m.put("perimetre", warehouse.version().load().perimetre().orElse(List.of()));
        m.put("niveaux", options.levels().isEmpty() ? Arrays.stream(Level.values()).map(Level::key).toList() : options.levels().stream().map(Level::key).toList());
        m.put("rapports", rapports.stream().map(Rapport::id).toList());
        Map<String, Object> byRapport = new LinkedHashMap<>();
        protectionByRapport.forEach((id, counts) -> byRapport.put(id, byLevel(counts)));
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("seuil", 11);
        secret.put("audit", "PASS");
        secret.put("par_niveau", byLevel(protection));
        secret.put("par_rapport", byRapport);
        Map<String, Object> bounds = new LinkedHashMap<>();
        primaryBounded.forEach((level, c) -> bounds.put(level.key(), Map.of("primaires", c[0], "majorees_par_10", c[1])));
        secret.put("bornes", Map.of("methode", "propagation et élimination exacte (pas de programmation linéaire),"
                + " conjointement sur les rapports publiant un même chiffre", "par_niveau", bounds));
        m.put("secret_statistique", secret);
        if (replaced.isPresent()) {
            m.put("republication", Map.of("remplace", replaced.getAsInt(), "motif", reason.orElseThrow()));
        }
        Map<String, Object> files = new LinkedHashMap<>();
        Checksums.of(folder, ReleaseLayout.MANIFEST).forEach((path, sum) -> files.put(path, Map.of("octets", sum.octets(), "sha256", sum.sha256())));
        m.put("fichiers", files);
        return m;
    }

    /** Per level: count cells published, masked primary, masked secondary. */
    private static Map<String, Object> byLevel(Map<Level, long[]> counts) {
        Map<String, Object> byLevel = new LinkedHashMap<>();
        counts.forEach((level, c) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("cases_publiees", c[0]);
            p.put("masquees_primaires", c[1]);
            p.put("masquees_secondaires", c[2]);
            byLevel.put(level.key(), p);
        });
        return byLevel;
    }

    private static int nextEdition(Path releases, int millesime) {
        try (Stream<Path> children = Files.list(ReleaseLayout.year(releases, millesime))) {
            return children.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]+"))
                    .mapToInt(Integer::parseInt).max().orElse(0) + 1;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + ReleaseLayout.year(releases, millesime), e);
        }
    }

    private static void makeReadOnly(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) {
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? READ_ONLY_FOLDER : READ_ONLY_FILE);
                }
            }
        }
    }

    /** Deletes what an interrupted release left (never an edition: only its hidden partial folder). */
    private static void deleteWritable(Path partial) throws IOException {
        if (!Files.exists(partial)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(partial)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
            }
        }
        try (Stream<Path> paths = Files.walk(partial)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
