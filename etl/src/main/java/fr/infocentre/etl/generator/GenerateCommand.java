package fr.infocentre.etl.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command line of the synthetic SNE extract generator:
 * {@code --scale S --seed N --until YYYY-MM-DD [--departements 06,13] [--history-from YYYY-MM-DD] --out DIR}.
 * Exit code 2 on a usage error, 1 on a failure. See {@link Generator}.
 */
public final class GenerateCommand {

    private static final String USAGE = "usage: GenerateCommand --scale S --seed N --until YYYY-MM-DD"
            + " [--departements 06,13] [--history-from YYYY-MM-DD] --out DIR";
    private static final List<String> OPTIONS = List.of("--scale", "--seed", "--until", "--departements",
            "--history-from", "--out");

    private GenerateCommand() {
    }

    public static void main(String[] args) {
        GeneratorOptions options;
        Path out;
        try {
            Map<String, String> values = parse(args);
            out = Path.of(required(values, "--out"));
            options = new GeneratorOptions(
                    Double.parseDouble(required(values, "--scale")),
                    Long.parseLong(required(values, "--seed")),
                    LocalDate.parse(required(values, "--until")),
                    values.containsKey("--departements")
                            ? Arrays.stream(values.get("--departements").split(",")).map(String::trim).toList()
                            : List.of(),
                    values.containsKey("--history-from") ? LocalDate.parse(values.get("--history-from"))
                            : GeneratorOptions.DEFAULT_HISTORY_FROM);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            long started = System.nanoTime();
            Generator generator = new Generator(options);
            ExtractSummary summary = generator.writeTo(out, System.err::println);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.err.printf(Locale.ROOT, "extract written to %s in %.1f s (%,d demandes simulated, %,d purged)%n",
                    out, seconds, summary.demandesSimulated(), summary.demandesPurged());
            summary.fichiers().forEach((file, info) ->
                    System.err.printf(Locale.ROOT, "  %-17s %,12d rows%n", file, info.lignes()));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (IOException | RuntimeException e) {
            System.err.println("generation failed: " + e);
            System.exit(1);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> values = new TreeMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            if (values.put(name, args[i + 1]) != null) {
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
