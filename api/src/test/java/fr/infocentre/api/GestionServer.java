package fr.infocentre.api;

import fr.infocentre.api.accounts.Account;
import fr.infocentre.api.accounts.AccountFixtures;
import fr.infocentre.api.accounts.Accounts;
import fr.infocentre.api.accounts.TestClock;
import fr.infocentre.api.gestion.GestionOptions;
import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.restricted.CurrentWarehouse;
import fr.infocentre.warehouse.restricted.RestrictedWarehouses;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The application with its espace gestionnaire, over {@link InfocentreServer}'s releases and a new account store in
 * a temporary folder, its clock moved by the test; listening on 127.0.0.1, a free port. Accounts: {@code jdupont}
 * (gestionnaire of 06), {@code autre} (gestionnaire of 13), {@code paca} (État, région 93), {@code admin}; their
 * password {@link AccountFixtures#PASSWORD}. Its weekly warehouse is {@link Rapport06Warehouse}'s (série 06 fixture).
 */
final class GestionServer implements AutoCloseable {

    final Path folder;
    final TestClock clock = new TestClock();
    final Accounts accounts;
    /** The weekly warehouse served: {@link Rapport06Warehouse}'s unless another is given. */
    final CurrentWarehouse warehouse;
    final Javalin app;
    final URI base;

    private GestionServer(Releases releases, boolean secureCookies, Consumer<RoutesConfig> laterRoutes) {
        this(releases, secureCookies, laterRoutes, null);
    }

    private GestionServer(Releases releases, boolean secureCookies, Consumer<RoutesConfig> laterRoutes,
                          CurrentWarehouse weekly) {
        try {
            folder = Files.createTempDirectory("infocentre-gestion-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        accounts = AccountFixtures.store(folder, clock);
        AccountFixtures.gestionnaire(accounts, "jdupont", "06");
        AccountFixtures.gestionnaire(accounts, "autre", "13");
        AccountFixtures.etatRegion(accounts, "paca", "93");
        AccountFixtures.administrateur(accounts, "admin");
        warehouse = weekly == null ? Rapport06Warehouse.follow() : weekly;
        app = InfocentreApp.create(releases, Optional.of(new GestionOptions(accounts, secureCookies, Optional.of(warehouse))));
        // routes added after the application was built, as a later route of the espace would be
        laterRoutes.accept(app.unsafe.routes);
        app.start("127.0.0.1", 0);
        base = URI.create("http://127.0.0.1:" + app.port());
    }

    static GestionServer start(Releases releases) {
        return new GestionServer(releases, false, routes -> {
        });
    }

    static GestionServer start(Releases releases, boolean secureCookies, Consumer<RoutesConfig> laterRoutes) {
        return new GestionServer(releases, secureCookies, laterRoutes);
    }

    /** With the weekly warehouse's figures (the pages reading them mounted), and routes added later. */
    static GestionServer start(Releases releases, CurrentWarehouse weekly, Consumer<RoutesConfig> laterRoutes) {
        return new GestionServer(releases, false, laterRoutes, weekly);
    }

    /** With the weekly warehouse's figures, its latest load followed. */
    static GestionServer start(Releases releases, WeeklyWarehouse weekly) {
        return start(releases, RestrictedWarehouses.follow(weekly.folder()), routes -> {
        });
    }

    /** A new browser of this server (its own cookies). */
    WebSession browser() {
        return new WebSession(base);
    }

    /** A browser logged in as that account. */
    WebSession loggedIn(String login) {
        WebSession browser = browser();
        browser.login(login, AccountFixtures.PASSWORD);
        return browser;
    }

    Account account(String login) {
        return accounts.store().find(login).orElseThrow();
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
