-- TAB04-16 Pression de la demande par typologie, year getvariable('annee'), hors associations:
-- demandes active on 31 December by typologie sought (located by the first-choice commune) and
-- attributions whose lease was signed in the year by typologie attributed (located by the
-- dwelling's commune). The pressure (demandes / attributions) is computed by the engine.
SELECT commune_premier_choix AS code_commune, categorie_typologie(typologie) AS categorie,
       'demandes' AS colonne, count(*) AS n
FROM demandes_active_on(year_end())
WHERE NOT personne_morale
GROUP BY ALL
UNION ALL
SELECT code_commune, categorie_typologie(typologie), 'attributions', count(*)
FROM attributions_hors_associations_in_year()
GROUP BY ALL
