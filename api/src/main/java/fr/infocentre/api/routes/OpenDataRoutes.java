package fr.infocentre.api.routes;

import fr.infocentre.api.pages.OpenDataPage;
import fr.infocentre.api.render.HtmlRenderer;
import fr.infocentre.api.request.Parameters;
import fr.infocentre.api.request.RequestError;
import fr.infocentre.warehouse.Releases;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bulk open data of each release: {@code /opendata/} (the millésimes), {@code /opendata/{annee}/}
 * (a page listing the files with their sizes and descriptions) and the files themselves,
 * {@code /opendata/{annee}/{fichier}}, immutable like every release's content.
 */
public final class OpenDataRoutes {

    private static final Pattern FILE = Pattern.compile("(TAB[0-9]{2}-[0-9]{2}\\.(csv|parquet))|datapackage\\.json");
    private static final Map<String, String> TYPES = Map.of("csv", "text/csv; charset=utf-8",
            "parquet", "application/vnd.apache.parquet", "json", "application/json");

    private final Releases releases;
    private final HtmlRenderer html;

    public OpenDataRoutes(Releases releases, HtmlRenderer html) {
        this.releases = releases;
        this.html = html;
    }

    public void add(RoutesConfig routes) {
        routes.get("/opendata", ctx -> {
            if (!ReleaseCaching.page(ctx, releases)) {
                html.write(ctx, "opendata-index", Map.of("millesimes", releases.millesimes()));
            }
        });
        routes.get("/opendata/{annee}", ctx -> {
            int millesime = millesime(ctx);
            if (!ReleaseCaching.page(ctx, releases)) {
                html.write(ctx, "opendata", OpenDataPage.model(millesime, releases.millesimes(), folder(millesime)));
            }
        });
        routes.get("/opendata/{annee}/{fichier}", this::file);
    }

    private void file(Context ctx) {
        int millesime = millesime(ctx);
        String name = ctx.pathParam("fichier");
        if (!FILE.matcher(name).matches()) {
            throw new RequestError(404, "fichier", "Fichier inconnu : « " + name + " » (voir la liste sur /opendata/"
                    + millesime + "/).");
        }
        Path file = folder(millesime).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new RequestError(404, "fichier", "Fichier absent du millésime " + millesime + " : « " + name + " ».");
        }
        if (ReleaseCaching.file(ctx, releases, millesime)) {
            return;
        }
        try {
            ctx.contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            ctx.header("Content-Disposition", "attachment; filename=\"" + millesime + "_" + name + "\"");
            ctx.header("Content-Length", String.valueOf(Files.size(file)));
            ctx.result(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private int millesime(Context ctx) {
        return Parameters.releasedYear(ctx.pathParam("annee"), releases);
    }

    private Path folder(int millesime) {
        return releases.openData(millesime).orElseThrow(() -> new RequestError(404, "annee",
                "Pas de données ouvertes pour le millésime " + millesime + "."));
    }
}
