package fr.infocentre.api.gestion;

import fr.infocentre.api.accounts.Account;
import fr.infocentre.api.accounts.Role;
import fr.infocentre.api.accounts.SavedQueries;
import fr.infocentre.api.render.CsvRenderer;
import fr.infocentre.api.render.HtmlRenderer;
import fr.infocentre.api.render.JsonRenderer;
import fr.infocentre.api.render.XlsxRenderer;
import fr.infocentre.api.request.RequestError;
import fr.infocentre.api.security.Access;
import fr.infocentre.api.security.Audit;
import fr.infocentre.api.security.Authenticated;
import fr.infocentre.api.security.GestionGuard;
import fr.infocentre.api.security.RestrictedRoutes;
import fr.infocentre.api.security.TerritoryParameter;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.RequeteDefinition;
import fr.infocentre.warehouse.RequeteDefinition.Population;
import fr.infocentre.warehouse.RequeteOptions;
import fr.infocentre.warehouse.RequeteResult;
import fr.infocentre.warehouse.Requetes;
import fr.infocentre.warehouse.restricted.CurrentWarehouse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requêtes of the espace gestionnaire (docs/gestion.md, "Requêtes"): a gestionnaire builds a table from the
 * catalogue's dimensions, sees it (table and chart), downloads it (CSV, XLSX) and saves it to run again.
 * <ul>
 * <li>{@code GET /gestion/requetes} the builder and the account's saved requêtes; {@code GET /gestion/requetes/resultat?…}
 * a result; {@code POST /gestion/requetes/enregistrees} saves one ({@code nom} and the definition's fields);
 * {@code GET /gestion/requetes/enregistrees/{requete}} runs a saved one; {@code POST …/{requete}/suppression} deletes it;</li>
 * <li>{@code GET /api/v1/gestion/requetes/options}, {@code …/resultat?…} (JSON), {@code …/resultat.csv?…},
 * {@code …/resultat.xlsx?…}, {@code GET, POST …/enregistrees}, {@code GET, DELETE …/enregistrees/{requete}}.</li>
 * </ul>
 * The definition is the query (or form) parameters of {@link RequeteDefinition}; every département it names is
 * checked against the account's scope — by the guard for the request's own parameters, and here again for every
 * requête that runs, a saved one included (its owner's scope may have changed since). Every run is recorded in the
 * audit log with its definition and the rows of its table; downloads as « export ».
 */
final class RequeteRoutes {

    static final String PAGE = RestrictedRoutes.PAGES + "/requetes";
    static final String API = RestrictedRoutes.API + "/requetes";
    /** The form field naming a requête to save. */
    static final String NAME = "nom";

    private static final Access ACCESS = Access.roles(Role.GESTIONNAIRE, Role.ETAT);
    /** Its départements checked by the guard, as every value of a conventional parameter. */
    private static final Access RUN = ACCESS.territory(TerritoryParameter.departement(RequeteDefinition.DEPARTEMENT));

    private final CurrentWarehouse warehouse;
    private final SavedQueries saved;
    private final HtmlRenderer html;
    private final JsonRenderer json;
    private final CsvRenderer csv = new CsvRenderer();
    private final XlsxRenderer xlsx = new XlsxRenderer();

    RequeteRoutes(CurrentWarehouse warehouse, SavedQueries saved, HtmlRenderer html, JsonRenderer json) {
        this.warehouse = warehouse;
        this.saved = saved;
        this.html = html;
        this.json = json;
    }

    void add(RestrictedRoutes routes) {
        routes.get(PAGE, RUN, this::builderPage);
        routes.get(PAGE + "/resultat", RUN, this::resultPage);
        routes.post(PAGE + "/enregistrees", RUN, this::savePage);
        routes.get(PAGE + "/enregistrees/{requete}", ACCESS, this::savedPage);
        routes.post(PAGE + "/enregistrees/{requete}/suppression", ACCESS, this::deletePage);
        routes.get(API + "/options", ACCESS, this::options);
        routes.get(API + "/resultat", RUN, this::result);
        routes.get(API + "/resultat.csv", RUN, ctx -> download(ctx, false));
        routes.get(API + "/resultat.xlsx", RUN, ctx -> download(ctx, true));
        routes.get(API + "/enregistrees", ACCESS, this::list);
        routes.post(API + "/enregistrees", RUN, this::save);
        routes.get(API + "/enregistrees/{requete}", ACCESS, this::runSaved);
        routes.delete(API + "/enregistrees/{requete}", ACCESS, this::delete);
    }

    private Requetes requetes() {
        return warehouse.current().requetes();
    }

    // ---- Running a requête ----

    /** The definition a request gives (its query, or its form but the CSRF token and the name), within the account's scope. */
    private static RequeteDefinition definition(Context ctx, Map<String, List<String>> parameters) {
        Map<String, List<String>> p = new LinkedHashMap<>(parameters);
        p.remove(GestionGuard.CSRF_FIELD);
        p.remove(NAME);
        RequeteDefinition d = RequeteDefinition.parse(p);
        withinScope(Authenticated.account(ctx), d);
        return d;
    }

    /** Every département of a requête must be the account's, at the time it runs. */
    private static void withinScope(Account account, RequeteDefinition d) {
        for (String departement : d.departements()) {
            if (!account.scope().coversDepartement(departement)) {
                throw new RequestError(403, RequeteDefinition.DEPARTEMENT, "Accès refusé : le département " + departement
                        + " n'est pas dans votre périmètre.");
            }
        }
    }

    /** Runs a requête, recording its definition and rows with the request. */
    private RequeteResult run(Context ctx, RequeteDefinition d, String action) {
        Audit.action(ctx, action);
        Map<String, List<String>> recorded = new LinkedHashMap<>();
        d.parameters().forEach((k, v) -> recorded.put("requete." + k, v));
        Audit.parameters(ctx, recorded);
        RequeteResult r = requetes().run(d);
        Audit.rows(ctx, r.lines().size());
        return r;
    }

    private void result(Context ctx) {
        RequeteResult r = run(ctx, definition(ctx, ctx.queryParamMap()), "exécution de requête");
        json.write(ctx, RequeteDocuments.result(r));
    }

    private void download(Context ctx, boolean workbook) {
        RequeteResult r = run(ctx, definition(ctx, ctx.queryParamMap()), "export");
        var table = RequeteDocuments.download(r, RequeteDocuments.fileName(r));
        if (workbook) {
            xlsx.write(ctx, table);
        } else {
            csv.write(ctx, table);
        }
    }

    // ---- Pages ----

    /** The builder, empty or filled with a requête to change (checked, not run: a wrong one is shown with its error, 400). */
    private void builderPage(Context ctx) {
        InvalidRequest error = null;
        if (!ctx.queryParamMap().isEmpty()) {
            try {
                requetes().check(definition(ctx, ctx.queryParamMap()));
            } catch (InvalidRequest e) {
                error = e;
                ctx.status(RequestError.of(e).status());
            }
        }
        builder(ctx, ctx.queryParamMap(), error);
    }

    /**
     * The builder, filled with the parameters given (values shown as given, checked only when it runs), the
     * account's saved requêtes, and an error to show.
     */
    private void builder(Context ctx, Map<String, List<String>> given, InvalidRequest error) {
        Account account = Authenticated.account(ctx);
        Set<String> scope = account.scope().departements();
        RequeteOptions o = requetes().options();
        Map<String, Object> model = PageModels.base(ctx);
        String population = first(given, RequeteDefinition.POPULATION, Population.EN_COURS.key());
        model.put("populations", java.util.Arrays.stream(Population.values()).map(p -> item("cle", p.key(), "libelle",
                p.label(), "checked", p.key().equals(population))).toList());
        model.put("date", first(given, RequeteDefinition.DATE, ""));
        model.put("du", first(given, RequeteDefinition.DU, ""));
        model.put("au", first(given, RequeteDefinition.AU, ""));
        model.put("dateDonnees", o.dataDate().toString());
        model.put("historiqueDepuis", o.coveredFrom().toString());
        model.put("dateDonneesTexte", RequeteDocuments.day(o.dataDate()));
        model.put("historiqueDepuisTexte", RequeteDocuments.day(o.coveredFrom()));
        List<String> dimensions = given.getOrDefault(RequeteDefinition.DIMENSION, List.of()).stream()
                .filter(s -> !s.isBlank()).toList();
        model.put("lignes", dimensionItems(o, dimensions.isEmpty() ? null : dimensions.get(0)));
        model.put("colonnes", dimensionItems(o, dimensions.size() > 1 ? dimensions.get(1) : null));
        List<String> departements = given.getOrDefault(RequeteDefinition.DEPARTEMENT, List.of());
        List<Map<String, Object>> deps = o.departements().stream().filter(t -> scope.contains(t.code()))
                .map(t -> item("code", t.code(), "nom", t.name(), "checked", departements.contains(t.code()))).toList();
        if (deps.size() == 1) {
            deps = List.of(item("code", deps.get(0).get("code"), "nom", deps.get(0).get("nom"), "checked", true));
        }
        model.put("departements", deps);
        model.put("epci", String.join(" ", given.getOrDefault(RequeteDefinition.EPCI, List.of())));
        model.put("communes", String.join(" ", given.getOrDefault(RequeteDefinition.COMMUNES, List.of())));
        model.put("epciConnus", o.epci().stream().filter(e -> e.departements().stream().anyMatch(scope::contains))
                .map(e -> item("code", e.code(), "nom", e.name())).toList());
        List<String> guichets = given.getOrDefault(RequeteDefinition.GUICHET, List.of());
        model.put("guichets", o.guichets().stream().filter(g -> scope.contains(g.departement()))
                .map(g -> item("code", g.code(), "libelle", g.libelle(), "departement", g.departement(),
                        "selected", guichets.contains(g.code()))).toList());
        List<String> filtres = given.getOrDefault(RequeteDefinition.FILTRE, List.of());
        model.put("filtres", o.dimensions().stream().map(d -> item("nom", d.name(), "entete", d.header(),
                "populations", populations(d), "open", d.categories().stream().anyMatch(c -> filtres.contains(d.name() + ":" + c.key())),
                "categories", d.categories().stream().map(c -> item("valeur", d.name() + ":" + c.key(), "libelle", c.label(),
                        "checked", filtres.contains(d.name() + ":" + c.key()))).toList())).toList());
        String associations = first(given, RequeteDefinition.ASSOCIATIONS, RequeteDefinition.Associations.EXCLUES.key());
        model.put("associations", java.util.Arrays.stream(RequeteDefinition.Associations.values()).map(a -> item("cle",
                a.key(), "libelle", a.label(), "selected", a.key().equals(associations))).toList());
        model.put("dureeMax", seconds(o));
        model.put("lignesMax", String.format(java.util.Locale.FRANCE, "%,d", o.maxRows()));
        model.put("enregistrees", saved.list(account.login()).stream().map(s -> item("id", s.id(), "nom", s.name(),
                "creee", Dates.longForm(s.created()), "page", PAGE + "/enregistrees/" + s.id(),
                "suppression", PAGE + "/enregistrees/" + s.id() + "/suppression")).toList());
        if (error != null) {
            model.put("erreur", error.getMessage());
            model.put("erreurParametre", error.parameter());
        }
        html.write(ctx, "gestion-requetes", model);
    }

    private static String seconds(RequeteOptions o) {
        long s = o.timeout().toSeconds();
        return s + (s > 1 ? " secondes" : " seconde");
    }

    private static List<Map<String, Object>> dimensionItems(RequeteOptions o, String selected) {
        return o.dimensions().stream().map(d -> item("nom", d.name(), "entete", d.header(), "populations", populations(d),
                "selected", d.name().equals(selected))).toList();
    }

    private static String populations(RequeteOptions.DimensionChoice d) {
        return String.join(" ", java.util.Arrays.stream(Population.values()).filter(d.populations()::contains)
                .map(Population::key).toList());
    }

    private void resultPage(Context ctx) {
        RequeteDefinition d;
        RequeteResult r;
        try {
            d = definition(ctx, ctx.queryParamMap());
            r = run(ctx, d, "exécution de requête");
        } catch (InvalidRequest e) {
            ctx.status(RequestError.of(e).status());
            builder(ctx, ctx.queryParamMap(), e);
            return;
        }
        Map<String, Object> model = resultModel(ctx, r);
        model.put("enregistrer", true);
        model.put("champs", RequeteDocuments.fields(d));
        html.write(ctx, "gestion-requete", model);
    }

    private Map<String, Object> resultModel(Context ctx, RequeteResult r) {
        Map<String, Object> model = PageModels.base(ctx);
        model.put("titre", r.title());
        model.put("perimetre", r.scope());
        model.put("notes", r.notes());
        model.put("table", RequeteDocuments.table(r));
        model.put("graphique", r.chart());
        model.put("donnees", json.forScript(RequeteDocuments.result(r)));
        model.put("liens", RequeteDocuments.links(r.definition()));
        model.put("fichier", RequeteDocuments.fileName(r));
        return model;
    }

    private void savedPage(Context ctx) {
        SavedQueries.Saved s = own(ctx);
        RequeteDefinition d = RequeteDocuments.fromJson(s.definition());
        withinScope(Authenticated.account(ctx), d);
        RequeteResult r = run(ctx, d, "exécution de requête enregistrée");
        Map<String, Object> model = resultModel(ctx, r);
        model.put("enregistree", item("id", s.id(), "nom", s.name(), "creee", Dates.longForm(s.created()),
                "suppression", PAGE + "/enregistrees/" + s.id() + "/suppression"));
        html.write(ctx, "gestion-requete", model);
    }

    private void savePage(Context ctx) {
        long id = store(ctx);
        ctx.redirect(PAGE + "/enregistrees/" + id, HttpStatus.SEE_OTHER);
    }

    private void deletePage(Context ctx) {
        remove(ctx);
        ctx.redirect(PAGE, HttpStatus.SEE_OTHER);
    }

    // ---- Saved requêtes ----

    private void options(Context ctx) {
        Set<String> scope = Authenticated.account(ctx).scope().departements();
        json.write(ctx, RequeteDocuments.options(requetes().options(), scope));
    }

    private void list(Context ctx) {
        List<Map<String, Object>> list = saved.list(Authenticated.account(ctx).login()).stream()
                .map(RequeteDocuments::saved).toList();
        Audit.rows(ctx, list.size());
        json.write(ctx, list);
    }

    private void save(Context ctx) {
        long id = store(ctx);
        SavedQueries.Saved s = saved.find(Authenticated.account(ctx).login(), id).orElseThrow();
        ctx.status(HttpStatus.CREATED).header("Location", API + "/enregistrees/" + id);
        json.write(ctx, RequeteDocuments.saved(s));
    }

    /** Saves the requête of a form (checked, and run once: only a requête that runs is saved); its id. */
    private long store(Context ctx) {
        Map<String, List<String>> form = ctx.formParamMap();
        List<String> names = form.getOrDefault(NAME, List.of());
        String name = names.size() == 1 ? names.get(0).strip() : null;
        if (!SavedQueries.validName(name)) {
            throw new RequestError(400, NAME, "Donnez un nom à la requête : de 1 à " + SavedQueries.NAME_MAX
                    + " caractères, sans caractère de contrôle.");
        }
        RequeteDefinition d = definition(ctx, form);
        run(ctx, d, "enregistrement de requête");
        try {
            return saved.save(Authenticated.account(ctx).login(), name, RequeteDocuments.toJson(d));
        } catch (SavedQueries.Refused e) {
            throw new RequestError(400, NAME, e.getMessage());
        }
    }

    private void runSaved(Context ctx) {
        SavedQueries.Saved s = own(ctx);
        RequeteDefinition d = RequeteDocuments.fromJson(s.definition());
        withinScope(Authenticated.account(ctx), d);
        RequeteResult r = run(ctx, d, "exécution de requête enregistrée");
        Map<String, Object> doc = RequeteDocuments.saved(s);
        doc.put("resultat", RequeteDocuments.result(r));
        json.write(ctx, doc);
    }

    private void delete(Context ctx) {
        remove(ctx);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void remove(Context ctx) {
        SavedQueries.Saved s = own(ctx);
        Audit.action(ctx, "suppression de requête");
        saved.delete(s.owner(), s.id());
        Audit.rows(ctx, 1);
    }

    /** The account's saved requête the path names: 400 for a malformed number, 404 for none of the account's. */
    private SavedQueries.Saved own(Context ctx) {
        String asked = ctx.pathParam("requete");
        if (!asked.matches("[1-9][0-9]{0,17}")) {
            throw new RequestError(400, "requete", "Numéro de requête invalide.");
        }
        return saved.find(Authenticated.account(ctx).login(), Long.parseLong(asked)).orElseThrow(() ->
                new RequestError(404, "requete", "Requête enregistrée introuvable parmi les vôtres."));
    }

    private static String first(Map<String, List<String>> given, String name, String otherwise) {
        return given.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).findFirst().orElse(otherwise);
    }

    /** An ordered map of a page model's item: name, value, name, value… */
    private static Map<String, Object> item(Object... nameValue) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            item.put((String) nameValue[i], nameValue[i + 1]);
        }
        return item;
    }
}
