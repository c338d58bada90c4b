#!/usr/bin/env bash
# Makes the seed reports in the forms they are published in, for the tests
# that check each gives the same findings as its text:
#   NNN.html             the page a site would publish (seed2html.go: prose as
#                        paragraphs, the template tables as real <table>s with
#                        rowspan and colspan), UTF-8 with <meta charset>
#   NNN.docx             LibreOffice's conversion of NNN.html to Word
#                        (tables with w:gridSpan and w:vMerge)
#   NNN.gbk.txt          the seed text encoded as GBK, or as GB18030 (its
#                        superset, same bytes for every GBK character) where
#                        the seed holds a character GBK lacks (U+00A0)
#   002.gb2312.html      seed 002's page in GBK (GB18030), declared <meta charset="gb2312">
#   004.nocharset.html   seed 004's page in GBK (GB18030) with no charset declared
# Needs go, iconv and LibreOffice (Debian: apt-get install libreoffice-writer-nogui).
# The generated files are committed; run this again only when the seeds change.
set -euo pipefail
cd "$(dirname "$0")"
pages=()
for seed in ../seeds/*.txt; do
  n=$(basename "$seed" .txt)
  go run seed2html.go "$seed" > "$n.html"
  iconv -f UTF-8 -t GBK "$seed" > "$n.gbk.txt" 2>/dev/null || iconv -f UTF-8 -t GB18030 "$seed" > "$n.gbk.txt"
  pages+=("$n.html")
done
soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir . "${pages[@]}" >/dev/null
sed 's/<meta charset="utf-8">/<meta charset="gb2312">/' 002.html | iconv -f UTF-8 -t GB18030 > 002.gb2312.html
grep -v '<meta charset=' 004.html | iconv -f UTF-8 -t GB18030 > 004.nocharset.html
