-- TAB04-15 Objectifs de la loi Égalité et citoyenneté, attributions of year N (lease signed in N,
-- hors associations), located by the dwelling's commune. One line per objective, two counts:
--   eligibles  = the attributions the objective is measured on (its denominator),
--   concernees = those meeting it (its numerator); the share is concernees / eligibles.
-- HORS_QPV_Q1_RU: dwellings outside QPV (qpv = false), to a household of the 1st quartile or
--   whose demande's motif is RENOUVELLEMENT_URBAIN (target >= 25 %).
-- QPV_Q2_Q4: dwellings in QPV (qpv = true), to a household of quartiles 2 to 4 (target >= 50 %).
-- DALO_PRIORITAIRES: every attribution, to a household DALO (attribution or demande) or
--   prioritaire (target >= 25 %).
-- Quartiles: thresholds in force in N = computed at 31 December N-1 (quartile_thresholds(N - 1)),
-- for the territory of the dwelling's commune. An attribution with qpv empty is in neither QPV
-- line; one whose quartile is unknown counts among the eligibles only.
WITH a AS (
    SELECT a.commune_logement_cog AS code_commune, a.qpv,
           coalesce(a.dalo, false) OR coalesce(d.dalo, false) OR coalesce(d.prioritaire, false) AS prioritaire,
           coalesce(d.motif = 'RENOUVELLEMENT_URBAIN', false) AS renouvellement_urbain,
           categorie_quartile_uc(resources_per_uc(d.revenu_mensuel, d.taille_menage, d.nb_enfants),
                       s.seuil_q1, s.seuil_q2, s.seuil_q3) AS quartile
    FROM attributions a
    JOIN versions_hors_associations() d  -- the demande as it stood at the lease date
      ON d.numero_unique = a.numero_unique
     AND version_valid_on(d.premiere_version, d.valide_du, d.valide_au, a.date_bail)
    LEFT JOIN quartile_territoires() t ON t.code_commune = a.commune_logement_cog
    LEFT JOIN quartile_thresholds(getvariable('annee') - 1) s USING (territoire_quartile)
    WHERE in_year(a.date_bail)
)
SELECT code_commune, 'HORS_QPV_Q1_RU' AS categorie, 'eligibles' AS colonne, count(*) AS n
FROM a WHERE NOT qpv GROUP BY ALL
UNION ALL
SELECT code_commune, 'HORS_QPV_Q1_RU', 'concernees', count(*)
FROM a WHERE NOT qpv AND (quartile = 'Q1' OR renouvellement_urbain) GROUP BY ALL
UNION ALL
SELECT code_commune, 'QPV_Q2_Q4', 'eligibles', count(*)
FROM a WHERE qpv GROUP BY ALL
UNION ALL
SELECT code_commune, 'QPV_Q2_Q4', 'concernees', count(*)
FROM a WHERE qpv AND quartile IN ('Q2', 'Q3', 'Q4') GROUP BY ALL
UNION ALL
SELECT code_commune, 'DALO_PRIORITAIRES', 'eligibles', count(*)
FROM a GROUP BY ALL
UNION ALL
SELECT code_commune, 'DALO_PRIORITAIRES', 'concernees', count(*)
FROM a WHERE prioritaire GROUP BY ALL
