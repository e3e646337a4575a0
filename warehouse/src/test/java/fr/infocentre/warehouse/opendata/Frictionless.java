package fr.infocentre.warehouse.opendata;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Frictionless Data's own validator for Node (datapackage-js and tableschema-js, pinned in
 * {@code .ci/datapackage-validate/package.json}, installed by {@code .ci/install-test-tools})
 * through the repository's {@code .ci/datapackage-validate/validate.js}: a data package's
 * descriptor against its profile, and every row of its CSV resources cast against their Table
 * Schema. No Frictionless library for Java is on Maven Central (datapackage-java and
 * tableschema-java are released on JitPack only).
 */
final class Frictionless {

    private static final Path SCRIPT = Path.of("..", ".ci", "datapackage-validate", "validate.js");
    private static final long TIMEOUT_SECONDS = 120;

    private Frictionless() {
    }

    /** Whether the validator is installed here (Node on the PATH, the package installed). */
    static boolean available() {
        boolean node = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            node |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"));
        }
        return node && Files.isDirectory(SCRIPT.resolveSibling("node_modules").resolve("datapackage"));
    }

    /** What the validator says of the package: one line per error (file, row, field), none when it validates. */
    static List<String> errors(Path descriptor) throws IOException, InterruptedException {
        Path out = Files.createTempFile("datapackage-validate-", ".out");
        Path err = Files.createTempFile("datapackage-validate-", ".err");
        Process p = new ProcessBuilder("node", SCRIPT.toString(), descriptor.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("validate.js still running after " + TIMEOUT_SECONDS + " s");
        }
        List<String> errors = Files.readAllLines(out, StandardCharsets.UTF_8);
        if (p.exitValue() > 1 || (p.exitValue() == 1) == errors.isEmpty()) {
            throw new IllegalStateException("validate.js exited with " + p.exitValue() + ": "
                    + Files.readString(err, StandardCharsets.UTF_8) + String.join("\n", errors));
        }
        return errors;
    }
}
