* Golden .sav files for FornyeFormatsTests, written by GNU PSPP (scripts/spss/make-golden.sh).
* SYNTETISKE DATA: hand-made answers, no real municipality or person.
DATA LIST LIST /id (F8.0) sektor (F8.0) fornoyd (F8.0) q_1 (F1.0) q_2 (F1.0) q_3 (F1.0) ansatte (F8.2) tekst (A20) lang (A300).
BEGIN DATA
1 1 3 1 0 1 12.5 "Hei på deg" "kort"
2 2 8 0 1 0 3 "æøå ÆØÅ" "x"
3 2 9 1 1 . . "" ""
4 1 . 0 0 0 1000.25 "Ikke relevant" "y"
END DATA.
IF (id = 1) lang = "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijø12345".
EXECUTE.
VARIABLE LABELS sektor 'Sektor' fornoyd 'Hvor fornøyd er du?' q_1 'Type: tjeneste' q_2 'Type: prosess' q_3 'Type: organisering' ansatte 'Antall ansatte' tekst 'Fritekst'.
VALUE LABELS sektor 1 'Kommune' 2 'Fylkeskommune' /fornoyd 1 'Lite' 2 'Noe' 3 'Mye' 8 'Vet ikke' 9 'Ikke relevant' /q_1 q_2 q_3 0 'Ikke valgt' 1 'Valgt'.
MISSING VALUES fornoyd (8, 9).
VARIABLE LEVEL sektor (NOMINAL) fornoyd (ORDINAL) ansatte (SCALE).
MRSETS /MDGROUP NAME=$type LABEL='Type innovasjon' VARIABLES=q_1 q_2 q_3 VALUE=1.
FILE LABEL 'SYNTETISKE DATA golden'.
SAVE OUTFILE='OUT/pspp-compressed.sav' /COMPRESSED.
SAVE OUTFILE='OUT/pspp-uncompressed.sav' /UNCOMPRESSED.
* A missing range and a discrete code.
MISSING VALUES fornoyd (7 THRU 9).
SAVE OUTFILE='OUT/pspp-range.sav' /COMPRESSED.
