META
key;value
description;"Choose one; with a quoted description"
country;Poland
unit;Wroclaw
instance;2017
num_projects;3
num_votes;4
budget;106165.64
vote_type;choose-1
rule;greedy
date_begin;2017
date_end;2017
comment;#1: a comment
PROJECTS
project_id;cost;votes;name;category;selected
18;1000000;2;Rowerowy Wrocław 2017;category;1
50;1000000;1;"Zielona rowerowo-piesza obwodnica Wrocławia; ETAP II";category;0
499;1000000;1;"""Konikowo"" - Budowa autorskiego placu zabaw";category;0
VOTES
voter_id;vote;voting_method
v1;18;internet
v2;18;paper
v3;50;paper
v4;499;internet
