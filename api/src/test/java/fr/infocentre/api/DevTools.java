package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One page of a headless {@link Chromium} driven through the Chrome DevTools Protocol over its WebSocket, with the
 * JDK's own client: navigate, run a script in the page (to type into a form and click), read what it shows. Every
 * Content-Security-Policy violation of every page it loads is collected ({@link #cspViolations()}). Local only: the
 * browser listens on 127.0.0.1 and is stopped on close.
 */
final class DevTools implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Collects the page's CSP violations, installed in every document before its own scripts. */
    private static final String CSP_LISTENER = "window.__csp = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
            + "e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));";

    private final Process chromium;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending;

    private DevTools(Process chromium, Path profile, WebSocket socket, Map<Integer, CompletableFuture<JsonNode>> pending) {
        this.chromium = chromium;
        this.profile = profile;
        this.socket = socket;
        this.pending = pending;
    }

    /** Starts a browser and connects to its blank page. */
    static DevTools open() throws IOException, InterruptedException {
        if (!Files.isExecutable(Chromium.BINARY)) {
            throw new IllegalStateException(Chromium.BINARY + " not found: run .ci/install-test-tools (or ./infocentre test)");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path profile = Files.createTempDirectory("chromium-profile-");
        List<String> command = new ArrayList<>(List.of(Chromium.BINARY.toString()));
        command.addAll(Chromium.HEADLESS);
        command.addAll(List.of("--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=" + port, "about:blank"));
        Process chromium = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        HttpClient http = HttpClient.newHttpClient();
        String pageSocket = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pageSocket == null) {
            if (System.nanoTime() > deadline || !chromium.isAlive()) {
                chromium.destroyForcibly();
                throw new IllegalStateException("Chromium's DevTools did not answer on port " + port);
            }
            try {
                String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                for (JsonNode target : JSON.readTree(list)) {
                    if ("page".equals(target.path("type").asText())) {
                        pageSocket = target.get("webSocketDebuggerUrl").asText();
                    }
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (pageSocket == null) {
                Thread.sleep(100);
            }
        }
        Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener(pending)).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            chromium.destroyForcibly();
            throw new IllegalStateException("cannot connect to Chromium's page " + pageSocket, e);
        }
        DevTools page = new DevTools(chromium, profile, socket, pending);
        page.send("Page.enable", Map.of());
        page.send("Runtime.enable", Map.of());
        page.send("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_LISTENER));
        return page;
    }

    /** Sends a command, waits for its result (10 s at most). */
    JsonNode send(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        try {
            socket.sendText(message.toString(), true).get(10, TimeUnit.SECONDS);
            JsonNode reply = answer.get(10, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + ": " + reply.get("error"));
            }
            return reply.get("result");
        } catch (Exception e) {
            throw new IllegalStateException(method + " failed", e);
        } finally {
            pending.remove(id);
        }
    }

    /** Loads a URL and waits until the document it ends on (after redirects) is loaded. */
    void navigate(URI url) {
        send("Page.navigate", Map.of("url", url.toString()));
        waitFor(() -> "complete".equals(evaluate("document.readyState")) && !"about:blank".equals(evaluate("location.href")),
                "the page loaded: " + url);
    }

    /** The value of a script run in the page (a string, or the JSON of anything else). */
    String evaluate(String script) {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", script, "returnByValue", true,
                "awaitPromise", true)).get("result");
        JsonNode value = result.get("value");
        return value == null ? null : value.isTextual() ? value.asText() : value.toString();
    }

    /** Waits (10 s at most) until a condition holds. */
    void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (IllegalStateException e) {
                // the document is being replaced: try again
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 10 s for " + what + "; the page is at " + evaluate("location.href"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The CSP violations of the current document, as « directive blocked-URI source:line ». */
    List<String> cspViolations() {
        List<String> violations = new ArrayList<>();
        try {
            JSON.readTree(evaluate("JSON.stringify(window.__csp || ['no listener'])")).forEach(v -> violations.add(v.asText()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return violations;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.abort();
        chromium.destroy();
        if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Routes each reply to the command waiting for it; events are ignored (the page is read by scripts). */
    private static final class Listener implements WebSocket.Listener {
        private final Map<Integer, CompletableFuture<JsonNode>> pending;
        /** The parts of a message received so far (the listener is called for one part at a time). */
        private final StringBuilder parts = new StringBuilder();

        Listener(Map<Integer, CompletableFuture<JsonNode>> pending) {
            this.pending = pending;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                String text = parts.toString();
                parts.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> waiting = pending.get(message.get("id").asInt());
                        if (waiting != null) {
                            waiting.complete(message);
                        }
                    }
                } catch (IOException e) {
                    // not JSON: ignored
                }
            }
            socket.request(1);
            return null;
        }
    }
}
