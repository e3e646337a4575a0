package fr.infocentre.api;

import fr.infocentre.api.accounts.AccountFixtures;
import fr.infocentre.api.accounts.Role;
import fr.infocentre.api.accounts.cli.AccountCommand;
import fr.infocentre.api.accounts.cli.PasswordSource;
import fr.infocentre.api.security.Access;
import fr.infocentre.api.security.RestrictedRoutes;
import fr.infocentre.api.security.TerritoryParameter;
import fr.infocentre.etl.CommandRun;
import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.restricted.RestrictedWarehouses;
import io.javalin.router.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of the server, enumerated from Javalin's router (never from a list kept by hand): each restricted
 * one refuses an anonymous visitor, an account of another département and a disabled account whose session was
 * opened before it was disabled (by the command line, as another process would); every public one stays public.
 * Routes are added here after the application was built, as later routes of the espace will be: they are covered
 * without anything to add to this test, even one registered without declaring its access.
 */
@ExtendWith(InfocentreServer.class)
class GestionRoutesTest {

    /** What the routes added below return: must never reach a refused visitor. */
    private static final String SECRET = "donnée-restreinte-06";
    private static final List<String> POSTED = new CopyOnWriteArrayList<>();

    private static GestionServer server;
    private static Client publicClient;

    @BeforeAll
    static void start(Releases releases, Client client, WeeklyWarehouse weekly) {
        publicClient = client;
        // with the weekly warehouse: the routes reading its figures are mounted, and checked here too
        server = GestionServer.start(releases, RestrictedWarehouses.follow(weekly.folder()), routes -> {
            RestrictedRoutes restricted = new RestrictedRoutes(routes);
            restricted.get("/api/v1/gestion/essai/guichets", Access.roles(Role.GESTIONNAIRE, Role.ETAT)
                    .territory(TerritoryParameter.departement("departement").required()), ctx -> ctx.result(SECRET));
            restricted.get("/gestion/essai/guichet/{guichet}", Access.anyRole().territory(TerritoryParameter.resolvedBy(
                    "guichet", g -> g.startsWith("G06") ? Optional.of(Set.of("06")) : Optional.empty())), ctx -> ctx.result(SECRET));
            restricted.post("/gestion/essai/commentaires/{departement}", Access.anyRole(), ctx -> {
                POSTED.add(ctx.pathParam("departement"));
                ctx.result(SECRET);
            });
            // a route registered without going through RestrictedRoutes: no access declared
            routes.get("/gestion/essai/oubliee", ctx -> ctx.result(SECRET));
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A route as Javalin registered it. */
    private record Route(String method, String path, Endpoint endpoint) {
        boolean restricted() {
            return RestrictedRoutes.isRestricted(path);
        }

        Access access() {
            return endpoint.metadata(Access.class);
        }

        /** A request of this route that names, wherever it takes a territory, the département 06 (jdupont's). */
        String request() {
            String concrete = path.replace("{departement}", "06").replace("{guichet}", "G06-001")
                    .replace("{id}", firstRapport()).replace("{annee}", firstMillesime()).replace("{fichier}", "datapackage.json")
                    .replace("{requete}", "1");
            if (concrete.contains("{")) {
                throw new AssertionError("no example for a path parameter of " + path + ": add one here");
            }
            Access access = access();
            if (access != null && access.territories().stream().anyMatch(t -> t.name().equals("departement")
                    && !path.contains("{departement}"))) {
                concrete += "?departement=06";
            } else if (access != null && access.territories().stream().anyMatch(t -> t.name().equals("guichet")
                    && !path.contains("{guichet}"))) {
                concrete += "?guichet=" + Rapport06Warehouse.G1; // a guichet of 06 in the weekly warehouse
            }
            return concrete;
        }

        /** Whether the request names a territory: the other département's account must then be refused. */
        boolean namesATerritory() {
            return request().contains("06");
        }
    }

    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (var handler : server.app.unsafe.internalRouter.allHttpHandlers()) {
            Endpoint endpoint = handler.endpoint;
            if (endpoint.method.isHttpMethod()) {
                routes.add(new Route(endpoint.method.name(), endpoint.path, endpoint));
            }
        }
        return routes;
    }

    private static HttpResponse<String> call(WebSession browser, Route route) {
        if (route.method().equals("GET")) {
            return browser.get(route.request());
        }
        // a state-changing request carries the browser's valid CSRF token when it has one: refused for another reason
        String token = browser.cookies.containsKey("infocentre-session")
                ? Client.read(browser.get("/api/v1/gestion/moi").body()).path("jeton_csrf").asText("") : "";
        return browser.send(route.method(), route.request(), "", "X-CSRF-Token", token);
    }

    @Test
    void theRoutesAddedLaterAreAmongThoseEnumerated() {
        Set<String> restricted = new TreeSet<>();
        routes().stream().filter(Route::restricted).forEach(r -> restricted.add(r.method() + " " + r.path()));
        assertTrue(restricted.containsAll(Set.of("GET /gestion", "GET /gestion/connexion", "POST /gestion/connexion",
                "POST /gestion/deconnexion", "GET /gestion/journal", "GET /api/v1/gestion/moi",
                "GET /api/v1/gestion/essai/guichets", "GET /gestion/essai/guichet/{guichet}",
                "POST /gestion/essai/commentaires/{departement}", "GET /gestion/essai/oubliee")), restricted.toString());
        Set<String> open = new TreeSet<>();
        routes().stream().filter(r -> r.restricted() && r.access() != null && r.access().isAnonymous())
                .forEach(r -> open.add(r.method() + " " + r.path()));
        assertEquals(Set.of("GET /gestion/connexion", "POST /gestion/connexion"), open, "only the login form is open");
    }

    @Test
    void everyRestrictedRouteRefusesAnAnonymousVisitor() {
        for (Route route : routes()) {
            if (!route.restricted() || route.access() != null && route.access().isAnonymous()) {
                continue;
            }
            HttpResponse<String> answer = call(server.browser(), route);
            String what = route.method() + " " + route.request() + " → " + answer.statusCode();
            if (route.method().equals("GET") && !RestrictedRoutes.isApi(route.path())) {
                assertEquals(303, answer.statusCode(), what);
                assertTrue(answer.headers().firstValue("Location").orElseThrow().startsWith("/gestion/connexion?retour="), what);
            } else {
                assertEquals(401, answer.statusCode(), what);
            }
            assertFalse(answer.body().contains(SECRET), what);
        }
        assertTrue(POSTED.isEmpty(), "nothing was posted: " + POSTED);
    }

    @Test
    void everyRestrictedRouteRefusesAnAccountOfAnotherDepartement() {
        WebSession autre = server.loggedIn("autre");
        WebSession jdupont = server.loggedIn("jdupont");
        int checked = 0;
        for (Route route : routes()) {
            if (!route.restricted() || route.access() != null && route.access().isAnonymous()
                    || route.path().equals("/gestion/deconnexion")) {
                continue;
            }
            HttpResponse<String> answer = call(autre, route);
            String what = route.method() + " " + route.request() + " → " + answer.statusCode();
            assertFalse(answer.body().contains(SECRET), what);
            assertFalse(answer.body().contains("jdupont") || answer.body().contains("Alpes-Maritimes"),
                    "nothing of the département 06 account: " + what);
            if (route.namesATerritory() || route.access() == null
                    || !route.access().allows(server.account("autre").role())) {
                assertEquals(403, answer.statusCode(), what);
                checked++;
            }
        }
        assertTrue(checked >= 5, "routes naming a territory or closed to the role: " + checked);
        assertTrue(POSTED.isEmpty(), "nothing was posted: " + POSTED);
        // the route that refuses a département 13 account serves the département 06 one: the refusal was for the territory
        assertTrue(jdupont.get("/api/v1/gestion/essai/guichets?departement=06").body().contains(SECRET));
        assertEquals(403, jdupont.get("/gestion/essai/oubliee").statusCode(), "a route declaring no access is closed to all");
    }

    @Test
    void everyRestrictedRouteRefusesADisabledAccountWhoseSessionWasOpenedBefore() {
        server.accounts.store().create("bientot-parti", "Bientôt parti", Role.GESTIONNAIRE,
                fr.infocentre.api.accounts.Scope.departements(server.accounts.geography(), List.of("06")),
                AccountFixtures.PASSWORD.toCharArray());
        WebSession browser = server.loggedIn("bientot-parti");
        String token = Client.read(browser.get("/api/v1/gestion/moi").body()).get("jeton_csrf").asText();
        assertTrue(browser.get("/api/v1/gestion/essai/guichets?departement=06").body().contains(SECRET), "open before");

        CommandRun disabled = CommandRun.of(AccountCommand.commandLine(PasswordSource.lines(new ByteArrayInputStream(new byte[0])),
                Clock.systemUTC()), "disable", "--accounts", server.folder.resolve("accounts.db").toString(), "--login", "bientot-parti");
        assertEquals(0, disabled.status(), disabled.err());

        for (Route route : routes()) {
            if (!route.restricted() || route.access() != null && route.access().isAnonymous()) {
                continue;
            }
            HttpResponse<String> answer = route.method().equals("GET") ? browser.get(route.request())
                    : browser.send(route.method(), route.request(), "", "X-CSRF-Token", token);
            String what = route.method() + " " + route.request() + " → " + answer.statusCode();
            assertTrue(answer.statusCode() == 303 || answer.statusCode() == 401, what);
            assertFalse(answer.body().contains(SECRET), what);
        }
        assertTrue(POSTED.isEmpty(), "nothing was posted: " + POSTED);
    }

    @Test
    void everyPublicRouteIsStillPublicAndTheSameWithOrWithoutASession() {
        WebSession anonymous = server.browser();
        WebSession admin = server.loggedIn("admin");
        int checked = 0;
        for (Route route : routes()) {
            if (route.restricted()) {
                continue;
            }
            assertEquals("GET", route.method(), "the public site only reads: " + route.path());
            HttpResponse<String> answer = anonymous.get(route.request());
            String what = route.path() + " → " + answer.statusCode();
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 400, what);
            assertTrue(answer.headers().firstValue("Location").isEmpty(), what);
            assertEquals(answer.statusCode(), admin.get(route.request()).statusCode(), what);
            assertEquals(answer.statusCode(), publicClient.get(route.request()).statusCode(),
                    "as on the server without an espace gestionnaire: " + what);
            checked++;
        }
        assertTrue(checked >= 10, "public routes checked: " + checked);
    }

    @Test
    void theServerWithoutAnAccountStoreServesNothingUnderGestion() {
        for (String path : List.of("/gestion", "/gestion/connexion", "/api/v1/gestion/moi", "/gestion/journal")) {
            assertEquals(404, publicClient.get(path).statusCode(), path);
        }
    }

    private static String firstRapport() {
        return Samples.rapports(publicClient).get(0).get("id").asText();
    }

    private static String firstMillesime() {
        return Client.read(publicClient.get("/api/v1/millesimes").body()).get(0).asText();
    }

    @Test
    void theOtherDepartementsAccountIsServedItsOwnTerritory() {
        WebSession autre = server.loggedIn("autre");
        assertTrue(autre.get("/api/v1/gestion/essai/guichets?departement=13").body().contains(SECRET));
        assertEquals(403, autre.get("/api/v1/gestion/essai/guichets?departement=06&departement=13").statusCode(),
                "every value of a repeated parameter is checked");
        WebSession paca = server.loggedIn("paca");
        assertEquals(200, paca.get("/api/v1/gestion/essai/guichets?departement=06").statusCode(), "06 is in région 93");
        assertEquals(403, paca.get("/api/v1/gestion/essai/guichets?departement=75").statusCode());
        assertEquals(403, paca.get("/api/v1/gestion/essai/guichets?departement=06&niveau=national&code=FR").statusCode(),
                "the conventional niveau and code are checked too");
        assertEquals(400, paca.get("/api/v1/gestion/essai/guichets").statusCode(), "a required territory");
    }
}
