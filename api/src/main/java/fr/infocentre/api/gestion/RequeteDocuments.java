package fr.infocentre.api.gestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.infocentre.api.accounts.SavedQueries;
import fr.infocentre.api.render.CountTable;
import fr.infocentre.api.render.Values;
import fr.infocentre.api.request.RequestError;
import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.RequeteDefinition;
import fr.infocentre.warehouse.RequeteOptions;
import fr.infocentre.warehouse.RequeteResult;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The requêtes as the API's JSON documents, the pages' models and the downloads' tables. */
final class RequeteDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private RequeteDocuments() {
    }

    /** A definition as stored with a saved requête: its parameters, as a JSON object of lists. */
    static String toJson(RequeteDefinition definition) {
        try {
            return JSON.writeValueAsString(definition.parameters());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A saved requête's definition, read back (and checked) from its JSON. */
    static RequeteDefinition fromJson(String json) {
        Map<String, List<String>> parameters;
        try {
            parameters = JSON.readValue(json, new TypeReference<LinkedHashMap<String, List<String>>>() {
            });
        } catch (JsonProcessingException e) {
            throw new RequestError(500, null, "Requête enregistrée illisible.");
        }
        return RequeteDefinition.parse(parameters);
    }

    /** The definition as a query string (name=value&…, each value encoded), for links to its result and downloads. */
    static String query(RequeteDefinition definition) {
        List<String> pairs = new ArrayList<>();
        definition.parameters().forEach((name, values) -> values.forEach(v -> pairs.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return String.join("&", pairs);
    }

    /** The definition's parameters as hidden fields (name, value) of a form. */
    static List<Map<String, String>> fields(RequeteDefinition definition) {
        List<Map<String, String>> fields = new ArrayList<>();
        definition.parameters().forEach((name, values) -> values.forEach(v -> fields.add(Map.of("name", name, "value", v))));
        return fields;
    }

    /** The links of a result: its JSON, downloads, page, and the builder filled with it. */
    static Map<String, Object> links(RequeteDefinition definition) {
        String q = query(definition);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("json", RequeteRoutes.API + "/resultat?" + q);
        links.put("csv", RequeteRoutes.API + "/resultat.csv?" + q);
        links.put("xlsx", RequeteRoutes.API + "/resultat.xlsx?" + q);
        links.put("page", RequeteRoutes.PAGE + "/resultat?" + q);
        links.put("modifier", RequeteRoutes.PAGE + "?" + q);
        return links;
    }

    /** A result as the API gives it (and the page embeds for its chart). */
    static Map<String, Object> result(RequeteResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("titre", r.title());
        doc.put("population", ordered("cle", r.definition().population().key(), "libelle", r.definition().population().label()));
        doc.put("debut", r.start().toString());
        doc.put("fin", r.end().toString());
        doc.put("date_donnees", r.dataDate().toString());
        doc.put("perimetre", r.scope());
        doc.put("dimensions", r.dimensions().stream().map(d -> {
            Map<String, Object> dim = new LinkedHashMap<>();
            dim.put("nom", d.name());
            dim.put("entete", d.header());
            dim.put("libelle", d.label());
            dim.put("categories", categories(d.categories()));
            return dim;
        }).toList());
        doc.put("colonnes", categories(r.columns()));
        doc.put("lignes", r.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("cle", l.key());
            line.put("libelle", l.label());
            line.put("effectifs", l.counts());
            line.put("total", l.total());
            return line;
        }).toList());
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("effectifs", r.columnTotals());
        totals.put("total", r.total());
        doc.put("totaux", totals);
        doc.put("graphique", r.chart());
        doc.put("notes", r.notes());
        doc.put("parametres", r.definition().parameters());
        doc.put("liens", links(r.definition()));
        return doc;
    }

    /** A JSON object whose keys keep their order: name, value, name, value… */
    private static Map<String, Object> ordered(Object... nameValue) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            map.put((String) nameValue[i], nameValue[i + 1]);
        }
        return map;
    }

    private static List<Map<String, Object>> categories(List<RequeteResult.Category> categories) {
        return categories.stream().map(c -> ordered("cle", c.key(), "libelle", c.label())).toList();
    }

    /** A saved requête as listed. */
    static Map<String, Object> saved(SavedQueries.Saved s) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", s.id());
        doc.put("nom", s.name());
        doc.put("creee_le", s.created().toString());
        Map<String, Object> parameters;
        try {
            parameters = JSON.readValue(s.definition(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            parameters = Map.of();
        }
        doc.put("parametres", parameters);
        doc.put("url", RequeteRoutes.API + "/enregistrees/" + s.id());
        doc.put("page", RequeteRoutes.PAGE + "/enregistrees/" + s.id());
        return doc;
    }

    /** The table of the page: French figures, a total column for two dimensions, the total line. */
    static Map<String, Object> table(RequeteResult r) {
        boolean two = r.dimensions().size() > 1;
        List<String> headers = new ArrayList<>();
        headers.add(r.rowHeader());
        r.columns().forEach(c -> headers.add(c.label()));
        if (two) {
            headers.add("Total");
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (RequeteResult.Line l : r.lines()) {
            lines.add(Map.of("label", l.label(), "cells", cells(l.counts(), two ? l.total() : null)));
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("caption", r.title());
        table.put("headers", headers);
        table.put("lines", lines);
        table.put("total", cells(r.columnTotals(), two ? r.total() : null));
        return table;
    }

    private static List<String> cells(List<Long> counts, Long total) {
        List<String> cells = counts.stream().map(n -> Values.page(n, Column.Type.COUNT, false))
                .collect(Collectors.toCollection(ArrayList::new));
        if (total != null) {
            cells.add(Values.page(total, Column.Type.COUNT, false));
        }
        return cells;
    }

    /** The result as a table to download: a total column for two dimensions, the heading and notes. */
    static CountTable download(RequeteResult r, String name) {
        boolean two = r.dimensions().size() > 1;
        List<String> columns = new ArrayList<>(r.columns().stream().map(RequeteResult.Category::label).toList());
        if (two) {
            columns.add("Total");
        }
        List<CountTable.Line> lines = r.lines().stream().map(l -> new CountTable.Line(l.label(), withTotal(l.counts(),
                two ? l.total() : null))).toList();
        List<String> heading = new ArrayList<>(r.scope());
        heading.add("Données : extraction du " + r.dataDate().format(DATE) + " (chiffres exacts, à ne pas diffuser)");
        return new CountTable(r.title(), heading, r.rowHeader(), columns, lines,
                new CountTable.Line("Total", withTotal(r.columnTotals(), two ? r.total() : null)), r.notes(), name);
    }

    private static List<Long> withTotal(List<Long> counts, Long total) {
        List<Long> all = new ArrayList<>(counts);
        if (total != null) {
            all.add(total);
        }
        return all;
    }

    /** requete_en-cours_2024-12-31_tranche-age_mutation, requete_satisfaites_2024-01-01_2024-12-31_reservataire. */
    static String fileName(RequeteResult r) {
        List<String> parts = new ArrayList<>(List.of("requete", r.definition().population().key(), r.start().toString()));
        if (!r.end().equals(r.start())) {
            parts.add(r.end().toString());
        }
        parts.addAll(r.dimensions().stream().map(RequeteResult.Dimension::name).toList());
        return String.join("_", parts);
    }

    /** The options, restricted to the départements the account covers. */
    static Map<String, Object> options(RequeteOptions o, java.util.Set<String> departements) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date_donnees", o.dataDate().toString());
        doc.put("historique_depuis", o.coveredFrom().toString());
        doc.put("populations", java.util.Arrays.stream(RequeteDefinition.Population.values()).map(p -> {
            Map<String, Object> pop = new LinkedHashMap<>();
            pop.put("cle", p.key());
            pop.put("libelle", p.label());
            pop.put("dimensions", o.dimensions(p).stream().map(RequeteOptions.DimensionChoice::name).toList());
            return pop;
        }).toList());
        doc.put("dimensions", o.dimensions().stream().map(d -> {
            Map<String, Object> dim = new LinkedHashMap<>();
            dim.put("nom", d.name());
            dim.put("entete", d.header());
            dim.put("libelle", d.label());
            dim.put("categories", categories(d.categories()));
            dim.put("populations", java.util.Arrays.stream(RequeteDefinition.Population.values())
                    .filter(d.populations()::contains).map(RequeteDefinition.Population::key).toList());
            return dim;
        }).toList());
        doc.put("departements", o.departements().stream().filter(t -> departements.contains(t.code()))
                .map(t -> ordered("code", t.code(), "nom", t.name())).toList());
        doc.put("epci", o.epci().stream().filter(e -> e.departements().stream().anyMatch(departements::contains))
                .map(e -> ordered("code", e.code(), "nom", e.name(), "departements", e.departements())).toList());
        doc.put("guichets", o.guichets().stream().filter(g -> departements.contains(g.departement()))
                .map(g -> ordered("code", g.code(), "libelle", g.libelle(), "departement", g.departement())).toList());
        doc.put("associations", java.util.Arrays.stream(RequeteDefinition.Associations.values())
                .map(a -> ordered("cle", a.key(), "libelle", a.label())).toList());
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("duree_max_secondes", o.timeout().toMillis() / 1000.0);
        limits.put("lignes_max", o.maxRows());
        limits.put("dimensions_max", RequeteDefinition.MAX_DIMENSIONS);
        limits.put("valeurs_max", RequeteDefinition.MAX_VALUES);
        doc.put("limites", limits);
        return doc;
    }

    /** « 15/01/2025 ». */
    static String day(LocalDate date) {
        return date.format(DATE);
    }
}
