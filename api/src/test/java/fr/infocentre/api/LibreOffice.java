package fr.infocentre.api;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Headless LibreOffice Calc (Debian's {@code libreoffice-calc}, installed by {@code .ci/install-test-tools})
 * through the repository's {@code .ci/xlsx-to-csv}: workbooks opened and saved as CSV, as a LibreOffice
 * user would read them. Run in the C.UTF-8 locale, so that LibreOffice shows figures as in en-US.
 */
final class LibreOffice {

    /** The program the script runs: {@code $SOFFICE}, as for the script, or {@code soffice} on the PATH. */
    private static final String SOFFICE = System.getenv().getOrDefault("SOFFICE", "soffice");
    private static final long TIMEOUT_SECONDS = 180;

    private LibreOffice() {
    }

    /** What one run of the script did: its exit code, the CSV paths it printed and its stderr. */
    record Conversion(int exitCode, List<Path> written, String stderr) {
    }

    /** Whether LibreOffice can be run here. */
    static boolean available() {
        if (SOFFICE.contains("/")) {
            return Files.isExecutable(Path.of(SOFFICE));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, SOFFICE))) {
                return true;
            }
        }
        return false;
    }

    /** Converts the workbooks into {@code outdir} in one LibreOffice run, values or figures as shown. */
    static Conversion toCsv(Path outdir, boolean asShown, List<Path> workbooks) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script().toString()));
        if (asShown) {
            command.add("--as-shown");
        }
        command.addAll(List.of("--outdir", outdir.toString()));
        workbooks.forEach(w -> command.add(w.toString()));
        Path stdout = Files.createTempFile(outdir, "xlsx-to-csv-", ".out");
        Path stderr = Files.createTempFile(outdir, "xlsx-to-csv-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.put("LC_ALL", "C.UTF-8");
        env.put("LANG", "C.UTF-8");
        env.put("XLSX_TO_CSV_TIMEOUT", String.valueOf(TIMEOUT_SECONDS - 20));
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(".ci/xlsx-to-csv did not finish within " + TIMEOUT_SECONDS + " s");
        }
        List<Path> written = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream().map(Path::of).toList();
        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        Files.delete(stdout);
        Files.delete(stderr);
        return new Conversion(process.exitValue(), written, errors);
    }

    /** {@code .ci/xlsx-to-csv} of this repository, found from the working folder (the module's) upwards. */
    static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve(".ci/xlsx-to-csv");
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        throw new UncheckedIOException(new IOException(".ci/xlsx-to-csv not found above " + Path.of("").toAbsolutePath()));
    }
}
