-- TAB01-02 Évolution du stock des demandes des associations (personne_morale), year
-- getvariable('annee'): the same flow as TAB01-01 (macro stock_movements, macros.sql).
SELECT code_commune, categorie, colonne, n
FROM stock_movements(true)
