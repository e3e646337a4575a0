package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.audit.JointAudit;
import fr.infocentre.warehouse.audit.SameFigures;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.format.ProjectVersion;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./infocentre audit --releases DIR --annee N --warehouse DIR}: the attacker on release N's
 * files ({@link JointAudit}), the rapports publishing the same total figure attacked together, and
 * the lines repeating a total figure checked against it ({@link SameFigures}). The
 * published figures come from the release only; the warehouse gives what the public knows besides:
 * the catalogue's definitions (sum columns, identities) and the geography (which commune is in
 * which EPCI, département, région).
 */
@Command(name = "infocentre audit", separator = " ", mixinStandardHelpOptions = true,
        versionProvider = AuditReleaseCommand.Version.class, sortOptions = false, sortSynopsis = false,
        description = "Plays the attacker on the files of release N: the rapports publishing the same total figure"
                + " (series 03, series 04) attacked together, each learning what the others bound of their shared totals.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no masked count from 1 to 10 can be pinned", "1:one can, or a file is unreadable",
                "2:usage error, or a millésime not released"})
public final class AuditReleaseCommand implements Callable<Integer> {

    @Option(names = "--releases", required = true, paramLabel = "DIR", description = "Folder of the releases.")
    private Path releases;

    @Option(names = "--annee", required = true, paramLabel = "N", description = "The millésime released to audit.")
    private int millesime;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR",
            description = "Warehouse folder: the catalogue's definitions and the geography (no figure is read from it).")
    private Path warehouseDir;

    private AuditReleaseCommand() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new AuditReleaseCommand());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return ProjectVersion.lines("audit of a release");
        }
    }

    @Override
    public Integer call() {
        try (ReleaseStore store = ReleaseStore.open(releases); DuckDbWarehouse warehouse = DuckDbWarehouse.open(warehouseDir)) {
            if (!store.millesimes().contains(millesime)) {
                System.err.println("error: millésime " + millesime + " not released in " + releases
                        + " (released: " + store.millesimes() + ")");
                return 2;
            }
            Map<String, RapportDefinition> definitions = new LinkedHashMap<>();
            for (Rapport r : store.catalogue()) {
                warehouse.catalogueDefinitions().definition(r.id()).ifPresent(d -> definitions.put(r.id(), d));
            }
            long start = System.nanoTime();
            List<JointAudit.Result> results = JointAudit.attack(definitions, id -> published(store, id),
                    warehouse.territoires().memberships());
            int disclosed = 0;
            for (JointAudit.Result r : results) {
                System.out.printf(Locale.ROOT, "total figure %s: %d rapports, %d rounds%s, %d narrowings of a shared"
                        + " total, %d masked counts from 1 to 10 pinned%n", r.figure(), r.rapports().size(), r.rounds(),
                        r.converged() ? "" : " (stopped before a fixpoint)",
                        r.narrowed(), r.disclosed().size());
                r.disclosed().stream().limit(20).forEach(d -> System.out.println("  PINNED " + d));
                r.provenSmall().forEach((level, c) -> System.out.printf(Locale.ROOT, "  %s: %,d masked count cells,"
                        + " %,d (%.1f %%) bounded above by 10 (proven small, not pinned)%n", level.key(), c[0], c[1],
                        c[0] == 0 ? 0.0 : 100.0 * c[1] / c[0]));
                disclosed += r.disclosed().size();
            }
            SameFigures.Result same = SameFigures.check(definitions, id -> published(store, id));
            System.out.printf(Locale.ROOT, "figures published more than once: %d cells compared, %d differ from the"
                    + " figure's first rapport%n", same.compared(), same.differences().size());
            same.differences().stream().limit(20).forEach(d -> System.out.println("  DIFFERS " + d));
            disclosed += same.differences().size();
            System.out.printf(Locale.ROOT, "time: %.1f s%n", (System.nanoTime() - start) / 1e9);
            System.out.println(disclosed == 0 ? "PASS: no masked count from 1 to 10 can be pinned across rapports"
                    : "FAIL: " + disclosed + " masked counts from 1 to 10 pinned, or figures with two statuses, across rapports");
            return disclosed == 0 ? 0 : 1;
        } catch (InvalidRequest e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /** Every published table of the rapport in release N, level after level. */
    private List<RapportTable> published(ReleaseStore store, String id) {
        List<RapportTable> tables = new ArrayList<>();
        for (Level level : store.rapport(id).orElseThrow().levels()) {
            for (Territoire t : store.territoires(level)) {
                tables.add(store.table(id, level, t.code(), millesime));
            }
        }
        return tables;
    }
}
