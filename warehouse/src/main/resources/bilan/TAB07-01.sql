-- TAB07-01 Chiffres clés du semestre (hors associations): the stock flow of series 01 (macros.sql,
-- stock_movements) over three semesters, one column each: the semester of the session variables annee and
-- semestre (1 or 2), the previous one, and the same semester a year before. Each demande is located by its
-- first-choice commune as known on the last day of the column's semester (its version valid that day), every
-- line of the column alike, so that start + openings - closings = end holds in each commune and column.
WITH semestres AS (
    SELECT colonne,
           make_date(CAST(i // 2 AS INTEGER), CASE WHEN i % 2 = 0 THEN 1 ELSE 7 END, 1) AS debut,
           CASE WHEN i % 2 = 0 THEN make_date(CAST(i // 2 AS INTEGER), 6, 30)
                ELSE make_date(CAST(i // 2 AS INTEGER), 12, 31) END AS fin
    FROM (SELECT colonne, CAST(getvariable('annee') AS INTEGER) * 2 + CAST(getvariable('semestre') AS INTEGER) - 1 - k AS i
          FROM (VALUES ('semestre', 0), ('semestre_precedent', 1), ('un_an_avant', 2)) AS v(colonne, k))
),
demandes_retenues AS (
    SELECT s.colonne, d.numero_unique, d.commune_premier_choix AS code_commune
    FROM semestres s
    JOIN demandes_versions d ON version_valid_on(d.premiere_version, d.valide_du, d.valide_au, s.fin)
    WHERE NOT d.personne_morale
),
mouvements AS (
    -- active the day before the semester's first day
    SELECT s.colonne, p.numero_unique, 'STOCK_DEBUT' AS categorie
    FROM semestres s JOIN periodes p ON active_on(p.debut, p.fin, CAST(s.debut - INTERVAL 1 DAY AS DATE))
    UNION ALL
    -- periods opening in the semester: by a CREATION, otherwise a reactivation
    SELECT s.colonne, p.numero_unique,
           CASE WHEN p.evenement_debut = 'CREATION' THEN 'NOUVELLES' ELSE 'REACTIVATIONS' END
    FROM semestres s JOIN periodes p ON p.debut BETWEEN s.debut AND s.fin
    UNION ALL
    -- periods closing in the semester, by motif of the radiation
    SELECT s.colonne, p.numero_unique, 'RADIATION_' || p.motif_fin
    FROM semestres s JOIN periodes p ON p.fin BETWEEN s.debut AND s.fin
    UNION ALL
    SELECT s.colonne, p.numero_unique, 'STOCK_FIN'
    FROM semestres s JOIN periodes p ON active_on(p.debut, p.fin, s.fin)
)
SELECT d.code_commune, m.categorie, m.colonne, count(*) AS n
FROM mouvements m JOIN demandes_retenues d USING (colonne, numero_unique)
GROUP BY ALL
