package fr.infocentre.api;

import fr.infocentre.warehouse.Warehouse;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;

/** Builds the Javalin application (site pages, API, static files) over a warehouse; start it with any port, 0 in tests. */
public final class InfocentreApp {

    private InfocentreApp() {
    }

    public static Javalin create(Warehouse warehouse) {
        CataloguePublic catalogue = new CataloguePublic(warehouse);
        JsonRenderer json = new JsonRenderer();
        HtmlRenderer html = new HtmlRenderer();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(fichiers -> {
                fichiers.hostedPath = "/static";
                fichiers.directory = "/site/static";
                fichiers.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            new CatalogueRoutes(catalogue, warehouse, json).ajouter(config.routes);
            new RapportRoutes(catalogue, warehouse, json, new CsvRenderer()).ajouter(config.routes);
            new PageRoutes(new PageAccueil(catalogue, warehouse), new PageRapport(catalogue, warehouse, json), html)
                    .ajouter(config.routes);
            new ErrorMapping(json, html).ajouter(config.routes);
        });
    }
}
