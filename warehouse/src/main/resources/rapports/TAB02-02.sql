-- TAB02-02 Demandes actives (hors associations) on 31 December of N-2, N-1 and N
-- (N = getvariable('annee')), with their attributes as they stood that day; located by the
-- first-choice commune. The change in % is computed by the engine (variation column); a year the
-- data does not cover is left empty.
SELECT dm.commune_premier_choix AS code_commune, a.categorie, count(*) AS n
FROM last_years(3) a
JOIN periodes p ON active_on(p.debut, p.fin, year_end_offset(a.k))
JOIN versions_hors_associations() dm
  ON dm.numero_unique = p.numero_unique
 AND version_valid_on(dm.premiere_version, dm.valide_du, dm.valide_au, year_end_offset(a.k))
GROUP BY ALL
