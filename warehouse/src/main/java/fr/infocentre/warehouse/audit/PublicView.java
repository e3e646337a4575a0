package fr.infocentre.warehouse.audit;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.engine.ComputedTable;


import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Identity;
import fr.infocentre.warehouse.storage.Territoires.Membership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What the public knows of one rapport and millésime, as a {@link CellSystem} for the
 * {@link Attacker}: the published tables of every level (a figure, or {@code s}: an unknown
 * count ≥ 0, since a secondary cell may be a 0), and the links anyone can rebuild from the
 * published metadata and the COG — a territory is the sum of its communes, the total line the sum
 * of the categories, a sum column the sum of its columns, and the dimension's accounting identity.
 * A rapport without a total line whose lines add up to another rapport's figure ({@code same_figures}
 * on the total line) has its total line all the same, as unknowns, for {@link JointAudit} to tie.
 * When communes are not published, the unknowns below the published levels are the parts of
 * communes that no published cell tells apart: an EPCI's communes within one département.
 */
public final class PublicView {

    private final CellSystem system = new CellSystem();
    private final RapportDefinition def;
    private final List<String> lines = new ArrayList<>();
    private final List<String> columns;
    private final boolean[] available;
    /** Territory (level and code; pieces as EPCI level "siren|département") → index of its first variable. */
    private final Map<String, Integer> start = new LinkedHashMap<>();

    private PublicView(RapportDefinition def) {
        this.def = def;
        def.dimension().categories().forEach(c -> lines.add(c.key()));
        lines.add(ComputedTable.TOTAL_KEY);
        this.columns = def.columns().stream().filter(DeclaredColumn::isCount).map(DeclaredColumn::key).toList();
        this.available = new boolean[lines.size()];
    }

    /**
     * @param published   every published table of the rapport and millésime, at every level it is published at
     * @param memberships commune → its territories (the COG)
     */
    public static PublicView build(RapportDefinition def, List<RapportTable> published,
                                  Map<String, Membership> memberships) {
        PublicView v = new PublicView(def);
        for (RapportTable t : published) {
            for (int l = 0; l < v.lines.size(); l++) {
                Map<String, Object> line = v.line(t, l);
                for (String c : v.columns) {
                    v.available[l] |= line != null && (line.get(c) != null || t.mask(line, c));
                }
            }
        }
        // a sum of the lines another rapport publishes (same_figures on the total line): an unknown here, tied to them
        v.available[v.lines.size() - 1] |= def.sameFigures().stream().anyMatch(RapportDefinition.SameFigure::sumOfLines);
        published.forEach(v::addPublished);
        boolean publishedCommunes = def.rapport().levels().contains(Level.COMMUNE);
        Map<String, Set<String>> leavesOf = new LinkedHashMap<>();
        for (Map.Entry<String, Membership> e : memberships.entrySet()) {
            Membership a = e.getValue();
            String leaf = publishedCommunes ? key(Level.COMMUNE, e.getKey()) : "piece:" + a.epci() + "|" + a.departement();
            if (!v.start.containsKey(leaf)) {
                v.addHidden(leaf);
            }
            for (Level n : def.rapport().levels()) {
                if (n != Level.COMMUNE && a.code(n, e.getKey()) != null) {
                    leavesOf.computeIfAbsent(key(n, a.code(n, e.getKey())), k -> new LinkedHashSet<>()).add(leaf);
                }
            }
        }
        leavesOf.forEach((territoire, leaves) -> {
            if (v.start.containsKey(territoire)) {
                v.sum(territoire, leaves);
            }
        });
        v.start.keySet().forEach(v::internalLinks);
        return v;
    }

    public CellSystem system() {
        return system;
    }

    /** The variable of a published cell, or null (line not available, territory not published). */
    public Integer variable(Territoire territoire, String line, String column) {
        Integer d = start.get(key(territoire.level(), territoire.code()));
        int l = lines.indexOf(line), j = columns.indexOf(column);
        return d == null || l < 0 || j < 0 || !available[l] ? null : d + l * columns.size() + j;
    }

    private static String key(Level level, String code) {
        return level.key() + ":" + code;
    }

    private Map<String, Object> line(RapportTable t, int l) {
        if (l == lines.size() - 1) {
            return t.total();
        }
        String key = lines.get(l);
        return t.lines().stream().filter(m -> key.equals(m.get("cle"))).findFirst().orElse(null);
    }

    private void addPublished(RapportTable t) {
        start.put(key(t.territoire().level(), t.territoire().code()), next());
        for (int l = 0; l < lines.size(); l++) {
            Map<String, Object> line = line(t, l);
            for (String c : columns) {
                Object value = line == null ? null : line.get(c);
                system.variable(value == null ? null : ((Number) value).longValue(), 0);
            }
        }
    }

    private void addHidden(String leaf) {
        start.put(leaf, next());
        for (int i = 0; i < lines.size() * columns.size(); i++) {
            system.variable(null, 0);
        }
    }

    private int next() {
        return system.size();
    }

    /** A territory's cell = the sum of its leaves' cells, for every line and column. */
    private void sum(String territoire, Set<String> leaves) {
        for (int l = 0; l < lines.size(); l++) {
            if (!available[l]) {
                continue;
            }
            for (int j = 0; j < columns.size(); j++) {
                int offset = l * columns.size() + j;
                system.relation(new int[]{start.get(territoire) + offset},
                        leaves.stream().mapToInt(f -> start.get(f) + offset).toArray());
            }
        }
    }

    /** Within one territory: total line, sum columns, accounting identity. */
    private void internalLinks(String territoire) {
        int d = start.get(territoire);
        int nc = columns.size(), total = lines.size() - 1;
        int[] categories = IntStream.range(0, total).filter(l -> available[l]).toArray();
        for (int j = 0; j < nc; j++) {
            int jj = j;
            if (available[total]) {
                system.relation(new int[]{d + total * nc + j}, IntStream.of(categories).map(l -> d + l * nc + jj).toArray());
            }
            Identity identity = def.dimension().identity();
            if (identity != null) {
                system.relation(IntStream.of(categories).filter(l -> identity.side(lines.get(l)) > 0)
                                .map(l -> d + l * nc + jj).toArray(),
                        IntStream.of(categories).filter(l -> identity.side(lines.get(l)) < 0)
                                .map(l -> d + l * nc + jj).toArray());
            }
        }
        for (DeclaredColumn c : def.columns()) {
            if (c.isSum()) {
                int s = columns.indexOf(c.key());
                int[] members = c.sum().stream().mapToInt(columns::indexOf).toArray();
                for (int l = 0; l < lines.size(); l++) {
                    if (available[l]) {
                        int ll = l;
                        system.relation(new int[]{d + l * nc + s}, IntStream.of(members).map(m -> d + ll * nc + m).toArray());
                    }
                }
            }
        }
    }
}
