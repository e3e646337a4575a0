package fr.infocentre.api;

import fr.infocentre.api.gestion.GestionOptions;
import fr.infocentre.api.gestion.GestionSpace;
import fr.infocentre.api.pages.HomePage;
import fr.infocentre.api.pages.RapportPage;
import fr.infocentre.api.render.CsvRenderer;
import fr.infocentre.api.render.HtmlRenderer;
import fr.infocentre.api.render.JsonRenderer;
import fr.infocentre.api.render.PdfRenderer;
import fr.infocentre.api.render.XlsxRenderer;
import fr.infocentre.api.request.PublicCatalogue;
import fr.infocentre.api.routes.CatalogueRoutes;
import fr.infocentre.api.routes.ErrorMapping;
import fr.infocentre.api.routes.OpenApiRoutes;
import fr.infocentre.api.routes.OpenDataRoutes;
import fr.infocentre.api.routes.PageRoutes;
import fr.infocentre.api.routes.RapportRoutes;
import fr.infocentre.api.security.SecurityHeaders;
import fr.infocentre.warehouse.Releases;


import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;

import java.util.Optional;

/**
 * Builds the Javalin application (site pages, API, static files) over the releases; start it with any port, 0 in
 * tests. Security headers on every response; the espace gestionnaire ({@code /gestion}, {@code /api/v1/gestion})
 * only when an account store is given: without one, nothing is mounted there (404).
 */
public final class InfocentreApp {

    private InfocentreApp() {
    }

    /** The public site alone. */
    public static Javalin create(Releases releases) {
        return create(releases, Optional.empty());
    }

    /** The public site, and the espace gestionnaire when its options are given. */
    public static Javalin create(Releases releases, Optional<GestionOptions> gestion) {
        PublicCatalogue catalogue = new PublicCatalogue(releases);
        JsonRenderer json = new JsonRenderer();
        HtmlRenderer html = new HtmlRenderer();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/site/static";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            SecurityHeaders.add(config.routes);
            gestion.ifPresent(options -> new GestionSpace(options, html, json).add(config.routes));
            new CatalogueRoutes(catalogue, releases, json).add(config.routes);
            new RapportRoutes(catalogue, releases, json, new CsvRenderer(), new XlsxRenderer(), new PdfRenderer())
                    .add(config.routes);
            new OpenApiRoutes().add(config.routes);
            new OpenDataRoutes(releases, html).add(config.routes);
            new PageRoutes(releases, new HomePage(catalogue, releases), new RapportPage(catalogue, releases, json), html)
                    .add(config.routes);
            new ErrorMapping(json, html).add(config.routes);
        });
    }
}
