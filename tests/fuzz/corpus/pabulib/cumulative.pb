META
key;value
description;Cumulative test
country;Netherlands
unit;Utrecht
instance;2026
num_projects;3
num_votes;3
budget;100000
vote_type;cumulative
rule;greedy
date_begin;2026
date_end;2026
max_sum_points;10
max_points;10
PROJECTS
project_id;cost;votes;score;name
A;40000;2;11;Trees
B;30000.5;2;14;"Benches; ""new"""
C;50000;1;5;Lights
VOTES
voter_id;vote;points;district
1;A,B;6,4;Noord
2;C,A,B;5.0,5,0;Zuid
3;B;10;Oost
