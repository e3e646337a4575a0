package fr.infocentre.api;

import io.javalin.config.RoutesConfig;

/** The site's HTML pages: the home page and the rapport pages. */
final class PageRoutes {

    private final PageAccueil accueil;
    private final PageRapport rapport;
    private final HtmlRenderer html;

    PageRoutes(PageAccueil accueil, PageRapport rapport, HtmlRenderer html) {
        this.accueil = accueil;
        this.rapport = rapport;
        this.html = html;
    }

    void ajouter(RoutesConfig routes) {
        routes.get("/", ctx -> html.ecrire(ctx, "accueil", accueil.modele(ctx)));
        routes.get("/rapports/{id}", ctx -> html.ecrire(ctx, "rapport", rapport.modele(ctx)));
    }
}
