package fr.infocentre.api.routes;

import fr.infocentre.api.pages.HomePage;
import fr.infocentre.api.pages.RapportPage;
import fr.infocentre.api.render.HtmlRenderer;


import fr.infocentre.warehouse.Releases;
import io.javalin.config.RoutesConfig;

/** The site's HTML pages: the home page and the rapport pages. */
public final class PageRoutes {

    private final Releases releases;
    private final HomePage home;
    private final RapportPage rapport;
    private final HtmlRenderer html;

    public PageRoutes(Releases releases, HomePage home, RapportPage rapport, HtmlRenderer html) {
        this.releases = releases;
        this.home = home;
        this.rapport = rapport;
        this.html = html;
    }

    public void add(RoutesConfig routes) {
        routes.get("/", ctx -> {
            if (!ReleaseCaching.page(ctx, releases)) {
                html.write(ctx, "home", home.model(ctx));
            }
        });
        routes.get("/rapports/{id}", ctx -> {
            if (!ReleaseCaching.page(ctx, releases)) {
                html.write(ctx, "rapport", rapport.model(ctx));
            }
        });
    }
}
