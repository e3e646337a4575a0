-- TAB04-10 Demandes satisfaites (lease signed in year getvariable('annee'), hors associations)
-- by type of réservataire, located by the dwelling's commune.
SELECT a.commune_logement_cog AS code_commune,
       coalesce(a.reservataire, 'NON_RENSEIGNE') AS categorie,
       count(*) AS n
FROM attributions a
JOIN demandes_hors_associations() d USING (numero_unique)
WHERE dans_annee(a.date_bail)
GROUP BY ALL
