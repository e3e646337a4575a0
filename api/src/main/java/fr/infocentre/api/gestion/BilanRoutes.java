package fr.infocentre.api.gestion;

import fr.infocentre.api.accounts.Role;
import fr.infocentre.api.render.HtmlRenderer;
import fr.infocentre.api.request.RequestError;
import fr.infocentre.api.security.Access;
import fr.infocentre.api.security.Audit;
import fr.infocentre.api.security.Authenticated;
import fr.infocentre.api.security.RestrictedRoutes;
import fr.infocentre.api.security.TerritoryParameter;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.RestrictedWarehouse;
import fr.infocentre.warehouse.restricted.CurrentWarehouse;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.Map;

/**
 * The semestrial bilan in the espace (docs/gestion.md, "Bilan semestriel"): the form {@code GET /gestion/bilan}
 * (a département of the account, an ended semester) and its button {@code POST /gestion/bilan} (CSRF), which answers
 * {@code bilan-<dep>-<semestre>.zip} holding the PDF and the XLSX that {@code ./infocentre bilan} writes. The pack
 * holds protected figures only; the request is in the audit log (action « export »).
 */
final class BilanRoutes {

    static final String PAGE = RestrictedRoutes.PAGES + "/bilan";

    private final CurrentWarehouse warehouse;
    private final HtmlRenderer html;
    private final Clock clock;

    BilanRoutes(CurrentWarehouse warehouse, HtmlRenderer html, Clock clock) {
        this.warehouse = warehouse;
        this.html = html;
        this.clock = clock;
    }

    void add(RestrictedRoutes routes) {
        TerritoryParameter departement = TerritoryParameter.departement("departement");
        routes.get(PAGE, Access.roles(Role.GESTIONNAIRE, Role.ETAT, Role.ADMINISTRATEUR).territory(departement), this::form);
        routes.post(PAGE, Access.roles(Role.GESTIONNAIRE, Role.ETAT, Role.ADMINISTRATEUR).territory(departement.required()),
                this::download);
    }

    private void form(Context ctx) {
        RestrictedWarehouse w = warehouse.current();
        Map<String, Object> model = PageModels.base(ctx);
        model.put("dateDonnees", w.dataDate().format(BilanPack.DATE));
        model.put("departements", DoublonRoutes.departements(w, Authenticated.account(ctx)).stream()
                .map(t -> Map.of("code", t.code(), "nom", t.name())).toList());
        model.put("choisi", ctx.queryParam("departement"));
        model.put("semestres", w.doublonsEtBilans().semestres().stream()
                .map(s -> Map.of("cle", s.key(), "libelle", s.longLabel())).toList());
        Audit.rows(ctx, 0);
        html.write(ctx, "gestion-bilan", model);
    }

    private void download(Context ctx) {
        String departement = ctx.formParam("departement");
        String semestre = ctx.formParam("semestre");
        BilanFiles files;
        try {
            files = BilanFiles.of(warehouse.current(), departement, semestre, clock);
        } catch (InvalidRequest e) {
            throw e.motif() == InvalidRequest.Cause.UNKNOWN_TERRITOIRE ? new RequestError(404, "departement", e.getMessage())
                    : new RequestError(400, "semestre", e.getMessage());
        }
        Audit.action(ctx, "export");
        Audit.rows(ctx, files.pack().rows());
        ctx.contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + files.zipName() + "\"")
                .result(files.zip());
    }
}
