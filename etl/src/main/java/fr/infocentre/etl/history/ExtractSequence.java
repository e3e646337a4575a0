package fr.infocentre.etl.history;

import fr.infocentre.etl.contract.ExtractFile;
import fr.infocentre.etl.extract.ExtractRefused;
import fr.infocentre.etl.extract.Manifest;
import fr.infocentre.warehouse.format.LoadJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an extract may be merged into the history it follows (docs/warehouse-format.md, "The
 * weekly merge"): one older than the last loaded is refused; the same extract again changes nothing;
 * one of another content but the same date is refused; one whose perimeter does not cover the
 * warehouse's, or one of whose files has lost more than a share of its rows since the last load, is
 * refused unless the operator accepts it. Checked on the manifest alone, before any file is read.
 */
public final class ExtractSequence {

    /**
     * What the operator accepts beyond the usual.
     *
     * @param narrowerPerimetre an extract whose perimeter does not cover the warehouse's (the
     *                          départements it lacks keep their history as it was)
     * @param rowDrop           a file whose data rows fell by more than {@code maxRowDrop}
     * @param maxRowDrop        the share of a file's rows that may disappear from one load to the
     *                          next (0.1: 10 %)
     */
    public record Acceptance(boolean narrowerPerimetre, boolean rowDrop, double maxRowDrop) {

        public static final double DEFAULT_MAX_ROW_DROP = 0.10;

        /** Nothing beyond the usual, 10 % of rows at most lost per file. */
        public static Acceptance usual() {
            return new Acceptance(false, false, DEFAULT_MAX_ROW_DROP);
        }
    }

    /** The verdict on an extract that is not refused. */
    public enum Verdict {
        /** The first load of the warehouse, or an extract later than the last loaded. */
        MERGE,
        /** The very extract last loaded (same date, same files): nothing to do. */
        ALREADY_LOADED
    }

    private ExtractSequence() {
    }

    /**
     * @throws ExtractRefused saying why, and which option would accept it when the operator may
     */
    public static Verdict check(Manifest extract, Optional<LoadJson> last, Acceptance acceptance) {
        if (last.isEmpty()) {
            return Verdict.MERGE;
        }
        LoadJson l = last.get();
        if (extract.dateExtraction().isBefore(l.dateExtraction())) {
            throw new ExtractRefused("extract of " + extract.dateExtraction() + " is older than the last one loaded ("
                    + l.dateExtraction() + "): the history cannot go back in time — nothing loaded");
        }
        if (extract.dateExtraction().equals(l.dateExtraction())) {
            if (sameFiles(extract, l)) {
                return Verdict.ALREADY_LOADED;
            }
            throw new ExtractRefused("an extract of " + extract.dateExtraction() + " with other files was already"
                    + " loaded: two extracts of one date cannot be ordered — nothing loaded");
        }
        List<String> lacking = lacking(extract, l);
        if (!lacking.isEmpty() && !acceptance.narrowerPerimetre()) {
            throw new ExtractRefused("manifest.json: perimetre " + extract.perimetre().map(Object::toString)
                    .orElse("(France)") + " does not cover the warehouse's (" + l.perimetre().map(Object::toString)
                    .orElse("France") + "), départements " + lacking + " missing; their history would stop"
                    + " — nothing loaded (--accept-perimetre to load it anyway, keeping their history as it is)");
        }
        if (!acceptance.rowDrop()) {
            for (ExtractFile f : ExtractFile.values()) {
                LoadJson.FileDigest before = l.extractFiles().get(f.fileName());
                long now = extract.declared().get(f).lignes();
                if (before != null && now < before.lignes() * (1 - acceptance.maxRowDrop())) {
                    throw new ExtractRefused(String.format(Locale.ROOT, "%s: %,d data rows where the last extract"
                                    + " (%s) had %,d: %.1f %% fewer, more than the %.0f %% allowed — nothing loaded"
                                    + " (--accept-row-drop to load it anyway)", f.fileName(), now, l.dateExtraction(),
                            before.lignes(), 100.0 * (before.lignes() - now) / before.lignes(),
                            100 * acceptance.maxRowDrop()));
                }
            }
        }
        return Verdict.MERGE;
    }

    /** The perimeter of the warehouse once the extract is merged: the union of both, France when either is. */
    public static Optional<List<String>> perimetreAfter(Manifest extract, Optional<LoadJson> last) {
        if (extract.perimetre().isEmpty() || last.isPresent() && last.get().perimetre().isEmpty()) {
            return Optional.empty();
        }
        List<String> union = new ArrayList<>(last.flatMap(LoadJson::perimetre).orElse(List.of()));
        extract.perimetre().get().stream().filter(d -> !union.contains(d)).forEach(union::add);
        return Optional.of(List.copyOf(union));
    }

    private static boolean sameFiles(Manifest extract, LoadJson last) {
        for (ExtractFile f : ExtractFile.values()) {
            LoadJson.FileDigest before = last.extractFiles().get(f.fileName());
            Manifest.Declared now = extract.declared().get(f);
            if (before == null || before.lignes() != now.lignes() || !before.sha256().equalsIgnoreCase(now.sha256())) {
                return false;
            }
        }
        return true;
    }

    /** The départements of the warehouse's perimeter the extract does not cover ("France" when it covers France). */
    private static List<String> lacking(Manifest extract, LoadJson last) {
        if (extract.perimetre().isEmpty()) {
            return List.of();
        }
        if (last.perimetre().isEmpty()) {
            return List.of("(all of France)");
        }
        return last.perimetre().get().stream().filter(d -> !extract.perimetre().get().contains(d)).toList();
    }
}
