#!/usr/bin/env python3
"""Writes a SYNTHETIC ACLED-style CSV for the `atlas import` benchmark.

    python3 bench/make_acled_csv.py 1000000 /tmp/acled-1m.csv

Columns as in ACLED's codebook; rows are deterministic (seeded), about 10%
outside Syria, with quoted notes holding commas. Nothing in it is real.
"""
import random
import sys

HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
          "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,interaction,civilian_targeting,iso,region,"
          "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
          "notes,fatalities,tags,timestamp")
SUB = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
       ("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Violence against civilians", "Attack"),
       ("Violence against civilians", "Abduction/forced disappearance"), ("Explosions/Remote violence", "Air/drone strike")]
PLACES = [("Homs", "Tadmor", "Palmyra", 34.556, 38.267), ("Deir ez Zor", "Al Mayadin", "Mayadin", 35.019, 40.452),
          ("Rural Damascus", "Qatana", "Qatana", 33.437, 36.080), ("Aleppo", "Al Bab", "Al Bab", 36.370, 37.517),
          ("Hama", "Salamiyeh", "Salamiyeh", 35.011, 37.053), ("Ar-Raqqa", "Ar-Raqqa", "Raqqa", 35.950, 39.010)]
OUTSIDE = [("Iraq", 368, "Al Anbar", 33.4, 42.0), ("Yemen", 887, "Marib", 15.46, 45.32), ("Lebanon", 422, "Bekaa", 33.85, 35.9)]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SOURCES = ["SOHR", "Step Agency", "SANA", "Syria TV; SOHR", "Deir Ezzor 24", "North Press Agency"]


def main():
    n = int(sys.argv[1])
    out = open(sys.argv[2], "w", encoding="utf-8", newline="")
    rnd = random.Random(7)
    out.write("\ufeff" + HEADER + "\r\n")
    for i in range(n):
        et, st = rnd.choice(SUB)
        y, m, d = 2017 + rnd.randrange(7), rnd.randrange(12), 1 + rnd.randrange(28)
        date = f"{d:02d} {MONTHS[m]} {y}" if i % 2 else f"{y}-{m + 1:02d}-{d:02d}"
        if rnd.random() < 0.1:
            country, iso, admin1, lat, lon = rnd.choice(OUTSIDE)
            admin2 = location = admin1
            prefix = country[:3].upper()
        else:
            admin1, admin2, location, lat, lon = rnd.choice(PLACES)
            country, iso, prefix = "Syria", 760, "SYR"
        lat += rnd.uniform(-0.2, 0.2)
        lon += rnd.uniform(-0.2, 0.2)
        fat = rnd.choice([0, 0, 0, 1, 2, 3, 5, 12])
        notes = f'"On {date}, {st.lower()} near {location}, {admin1}. {fat} fatalities reported."'
        out.write(f"{prefix}{i},{date},{y},{rnd.choice('1112223')},Political violence,{et},\"{st}\","
                  f"Islamic State ({country}),,2,Military Forces of {country},,12,,{iso},Middle East,"
                  f"{country},{admin1},{admin2},,{location},{lat:.4f},{lon:.4f},{rnd.choice('1123')},"
                  f"\"{rnd.choice(SOURCES)}\",Other,{notes},{fat},,1618000000\r\n")
    out.close()


if __name__ == "__main__":
    main()
