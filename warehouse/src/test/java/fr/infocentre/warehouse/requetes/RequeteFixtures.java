package fr.infocentre.warehouse.requetes;

import fr.infocentre.warehouse.RequeteDefinition;
import fr.infocentre.warehouse.RequeteResult;
import fr.infocentre.warehouse.Requetes;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;
import fr.infocentre.warehouse.fixtures.Series04Warehouse;
import fr.infocentre.warehouse.fixtures.Series06Warehouse;
import fr.infocentre.warehouse.serving.DuckDbRestrictedWarehouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requêtes over the hand-written extracts, each loaded once per JVM through the real ETL and opened as the
 * restricted space: mini (etl/src/test/resources/extracts/mini, 2025-01-15, départements 06 and 69, history
 * from 2023), serie04 (its variant for series 04) and serie06 (three guichets in 06, 2025-04-10, from 2024).
 */
final class RequeteFixtures {

    private static final Map<Path, DuckDbRestrictedWarehouse> OPENED = new LinkedHashMap<>();

    private RequeteFixtures() {
    }

    static Requetes mini() {
        return open(MiniWarehouse.folder());
    }

    static Requetes serie04() {
        return open(Series04Warehouse.folder());
    }

    static Requetes serie06() {
        return open(Series06Warehouse.folder());
    }

    /** The requêtes of another instance over that folder, under other limits. */
    static DuckDbRestrictedWarehouse openWith(Path folder, Limits limits) {
        return DuckDbRestrictedWarehouse.open(folder, limits);
    }

    private static synchronized Requetes open(Path folder) {
        return OPENED.computeIfAbsent(folder, f -> DuckDbRestrictedWarehouse.open(f, Limits.DEFAULT)).requetes();
    }

    /** A definition from its parameters: name, value, name, value… (a name repeated for several values). */
    static RequeteDefinition definition(String... nameValue) {
        return RequeteDefinition.parse(parameters(nameValue));
    }

    static Map<String, List<String>> parameters(String... nameValue) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            p.computeIfAbsent(nameValue[i], k -> new ArrayList<>()).add(nameValue[i + 1]);
        }
        return p;
    }

    /** Each line's counts, "KEY=a/b" (two dimensions) or "KEY=n", in order, then "Total=…". */
    static List<String> counts(RequeteResult r) {
        List<String> lines = new ArrayList<>();
        for (RequeteResult.Line l : r.lines()) {
            lines.add(l.key() + "=" + String.join("/", l.counts().stream().map(String::valueOf).toList()));
        }
        lines.add("Total=" + String.join("/", r.columnTotals().stream().map(String::valueOf).toList()));
        return lines;
    }
}
