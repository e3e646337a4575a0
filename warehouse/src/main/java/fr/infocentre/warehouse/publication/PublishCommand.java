package fr.infocentre.warehouse.publication;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.serving.Warehouses;


import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command line of the publication of a millésime ({@link Publication}):
 * {@code --warehouse DIR --millesime N --out DIR [--rapports TAB03-02,…] [--levels national,…] [--par-territoire]}.
 * Progress and a final summary on stderr. Exit code 2 on a usage error (or a year the data does
 * not cover), 1 on a failure.
 */
public final class PublishCommand {

    private static final String USAGE = "usage: PublierCommand --warehouse DIR --annee N --out DIR"
            + " [--rapports TAB03-02,TAB04-10] [--niveaux national,region,departement,epci,commune] [--par-territoire]";
    private static final List<String> OPTIONS = List.of("--warehouse", "--annee", "--out", "--rapports", "--niveaux");
    private static final String PER_TERRITOIRE = "--par-territoire";

    private PublishCommand() {
    }

    public static void main(String[] args) {
        Path warehouseDir;
        Path out;
        Publication.Options options;
        try {
            Map<String, String> values = parse(args);
            warehouseDir = Path.of(required(values, "--warehouse"));
            out = Path.of(required(values, "--out"));
            options = new Publication.Options(Integer.parseInt(required(values, "--annee")),
                    list(values.get("--rapports")),
                    list(values.get("--niveaux")).stream().map(key -> Level.byKey(key).orElseThrow(
                            () -> new IllegalArgumentException("unknown level " + key))).toList(),
                    values.containsKey(PER_TERRITOIRE));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try (Warehouse warehouse = Warehouses.open(warehouseDir)) {
            System.err.printf(Locale.ROOT, "publishing millésime %d of %s into %s (%s)%n", options.millesime(), warehouseDir,
                    out, options.perTerritoire() ? "territory by territory" : "level by level");
            Publication.Summary r = Publication.publish(warehouse, out, options, System.err);
            System.err.printf(Locale.ROOT, "published %d rapports, %,d tables in %.1f s into %s%n",
                    r.rapports(), r.tables(), r.seconds(), r.folder());
        } catch (InvalidRequest e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("publication failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static List<String> list(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> values = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals(PER_TERRITOIRE)) {
                values.put(name, "true");
                continue;
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            if (values.put(name, args[++i]) != null) {
                throw new IllegalArgumentException("option given twice: " + name);
            }
        }
        return values;
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }
}
