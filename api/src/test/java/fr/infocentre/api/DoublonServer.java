package fr.infocentre.api;

import fr.infocentre.api.accounts.Account;
import fr.infocentre.api.accounts.AccountFixtures;
import fr.infocentre.api.accounts.Accounts;
import fr.infocentre.api.accounts.AuditEntry;
import fr.infocentre.api.accounts.TestClock;
import fr.infocentre.api.gestion.GestionOptions;
import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;
import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.restricted.CurrentWarehouse;
import fr.infocentre.warehouse.restricted.RestrictedWarehouses;
import io.javalin.Javalin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The application with its espace gestionnaire served with a weekly warehouse: the hand-written extract "doublons"
 * of the warehouse's tests ({@code warehouse/src/test/resources/extracts/doublons}, figures in
 * {@code attendus-doublons-bilan.md}: data of 10/08/2025, départements 06 and 83), loaded once per JVM through the
 * real ETL. Accounts: {@code jdupont} (gestionnaire of 06), {@code autre} (gestionnaire of 13, outside the data),
 * {@code varois} (gestionnaire of 83), {@code paca} (État, région 93: 06 and 83), {@code admin}.
 */
final class DoublonServer implements AutoCloseable {

    /** The extract, from the api module's folder (where Maven runs its tests). */
    static final Path EXTRACT = Path.of("..", "warehouse", "src", "test", "resources", "extracts", "doublons");

    private static Path warehouseDir;

    final Path folder;
    final TestClock clock = new TestClock();
    final Accounts accounts;
    final CurrentWarehouse warehouse;
    final Javalin app;
    final URI base;

    private DoublonServer(Releases releases) {
        try {
            folder = Files.createTempDirectory("infocentre-doublons-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        accounts = AccountFixtures.store(folder, clock);
        AccountFixtures.gestionnaire(accounts, "jdupont", "06");
        AccountFixtures.gestionnaire(accounts, "autre", "13");
        AccountFixtures.gestionnaire(accounts, "varois", "83");
        AccountFixtures.etatRegion(accounts, "paca", "93");
        AccountFixtures.administrateur(accounts, "admin");
        warehouse = RestrictedWarehouses.follow(warehouseDir());
        app = InfocentreApp.create(releases, Optional.of(new GestionOptions(accounts, false, Optional.of(warehouse))));
        app.start("127.0.0.1", 0);
        base = URI.create("http://127.0.0.1:" + app.port());
    }

    static DoublonServer start(Releases releases) {
        return new DoublonServer(releases);
    }

    /** The warehouse folder the extract is loaded into (once per JVM). */
    static synchronized Path warehouseDir() {
        if (warehouseDir == null) {
            try {
                Path d = Files.createTempDirectory("warehouse-doublons-");
                EtlJob.run(SharedSpark.session(), EXTRACT, d);
                warehouseDir = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return warehouseDir;
    }

    WebSession browser() {
        return new WebSession(base);
    }

    WebSession loggedIn(String login) {
        WebSession browser = browser();
        browser.login(login, AccountFixtures.PASSWORD);
        return browser;
    }

    Account account(String login) {
        return accounts.store().find(login).orElseThrow();
    }

    /** A request of that browser whose body is read as bytes (downloads). */
    HttpResponse<byte[]> bytes(WebSession browser, HttpRequest.Builder request) {
        if (!browser.cookies.isEmpty()) {
            request.header("Cookie", browser.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> getBytes(WebSession browser, String path) {
        return bytes(browser, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** The audit log's latest entries, newest first. */
    List<AuditEntry> audit(int n) {
        return accounts.audit().newestFirst(0, n).stream().map(s -> s.entry()).toList();
    }

    @Override
    public void close() {
        app.stop();
        warehouse.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
