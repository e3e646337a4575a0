-- TAB01-01 Évolution du stock des demandes (hors associations), year getvariable('annee').
-- Built on the activity periods: stock(1 Jan) + openings - closings = stock(31 Dec) exactly.
WITH demandes_ha AS (
    SELECT numero_unique, commune_premier_choix AS code_commune,
           colonne_mutation(logement_actuel) AS colonne
    FROM demandes_hors_associations()
),
mouvements AS (
    -- active on 31 December of the previous year
    SELECT numero_unique, 'STOCK_DEBUT' AS categorie
    FROM periodes WHERE actif_le(debut, fin, debut_annee() - INTERVAL 1 DAY)
    UNION ALL
    -- periods opening in the year: by a CREATION, otherwise a reactivation
    SELECT numero_unique, CASE WHEN evenement_debut = 'CREATION' THEN 'NOUVELLES' ELSE 'REACTIVATIONS' END
    FROM periodes WHERE dans_annee(debut)
    UNION ALL
    -- periods closing in the year, by motif of the radiation
    SELECT numero_unique, 'RADIATION_' || motif_fin
    FROM periodes WHERE dans_annee(fin)
    UNION ALL
    SELECT numero_unique, 'STOCK_FIN'
    FROM periodes WHERE actif_le(debut, fin, fin_annee())
    UNION ALL
    SELECT numero_unique, 'RENOUVELLEMENTS'
    FROM evenements WHERE type = 'RENOUVELLEMENT' AND dans_annee(date_evenement)
)
SELECT d.code_commune, m.categorie, d.colonne, count(*) AS n
FROM mouvements m JOIN demandes_ha d USING (numero_unique)
GROUP BY ALL
