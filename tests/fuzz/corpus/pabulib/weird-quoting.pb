META
key;value
description;"  two
lines ""q"" ; x "
country;"=1+1"
unit;U
instance;I
num_projects;2
num_votes;2
budget;0
vote_type;Ordinal
rule;
date_begin;2020
date_end;2020
subunit;"	"
PROJECTS
PROJECT_ID;Cost;Name
"a;b";0.01;"  x  "
"q""";1,5;
VOTES
Voter_ID;Vote
"meta";"q"",a;b"
"v;2";"a;b"
