package fr.infocentre.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's {@code chromium}, installed by {@code .ci/install-test-tools}):
 * loads a page, runs its scripts, and returns the resulting DOM; or, for tests that type and click,
 * a page driven through the DevTools protocol ({@link DevTools}).
 */
final class Chromium {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    /** The flags of every headless run. */
    static final List<String> HEADLESS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1280,1000");

    private Chromium() {
    }

    /** The page's DOM once its scripts have run (virtual time budget of a few seconds). */
    static String domAfterScripts(URI page) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " not found: run .ci/install-test-tools (or ./infocentre test)");
        }
        Path profile = Files.createTempDirectory("chromium-profile-");
        Path output = Files.createTempFile("chromium-dom-", ".html");
        List<String> command = new java.util.ArrayList<>(List.of(BINARY.toString()));
        command.addAll(HEADLESS);
        command.addAll(List.of("--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", page.toString()));
        Process chromium = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish within 90 s on " + page);
        }
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
