-- TAB02-05 For each of the 5 years N-4 … N (N = getvariable('annee')), hors associations:
-- demandes active on 31 December (as they stood that day; located by the first-choice commune) and
-- attributions whose lease was signed in the year (demande as it stood at the lease date; located
-- by the dwelling's commune). The pressure (demandes / attributions) is computed by the engine
-- (ratio column); a year the data does not cover is left empty.
SELECT dm.commune_premier_choix AS code_commune, a.categorie, 'demandes' AS colonne, count(*) AS n
FROM last_years(5) a
JOIN periodes p ON active_on(p.debut, p.fin, year_end_offset(a.k))
JOIN versions_hors_associations() dm
  ON dm.numero_unique = p.numero_unique
 AND version_valid_on(dm.premiere_version, dm.valide_du, dm.valide_au, year_end_offset(a.k))
GROUP BY ALL
UNION ALL
SELECT att.commune_logement_cog, a.categorie, 'attributions', count(*)
FROM last_years(5) a
JOIN attributions att ON year(att.date_bail) = year(year_end_offset(a.k))
JOIN versions_hors_associations() dm
  ON dm.numero_unique = att.numero_unique
 AND version_valid_on(dm.premiere_version, dm.valide_du, dm.valide_au, att.date_bail)
GROUP BY ALL
