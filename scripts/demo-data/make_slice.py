#!/usr/bin/env python3
"""Record of how the demo catalogue slice in src/Grains/Catalogue/DemoData was made.

Not needed at run time: the product reads the committed CSV files. Re-run only to rebuild them:

    python3 scripts/demo-data/make_slice.py --data /path/to/shared/data

Inputs (see the data README and DemoData/NOTICE.md): iowa_products_2024.csv,
iowa_stores_2024.csv and iowa_sales_4stores_2016_2021.csv (used only to rank items by how much
the three demo stores bought, so the demo shelf holds what Des Moines actually buys).
Output is deterministic: same inputs, same bytes.
"""

import argparse
import collections
import csv
import re
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "src" / "Grains" / "Catalogue" / "DemoData"

DEMO_STORES = ("2633", "4829", "2190")
STORE_NAMES = {
    "2633": "Three Rivers \u2014 SE 14th Street",
    "4829": "Three Rivers \u2014 Michigan Avenue",
    "2190": "Three Rivers \u2014 Second Avenue",
}

# Slots per Iowa category: a bar-and-bottle shop carries mostly whiskey, vodka, tequila and rum.
QUOTAS = {
    "STRAIGHT BOURBON WHISKIES": 28,
    "BLENDED WHISKIES": 10,
    "CANADIAN WHISKIES": 12,
    "TENNESSEE WHISKIES": 10,
    "IRISH WHISKIES": 10,
    "SCOTCH WHISKIES": 10,
    "SINGLE MALT SCOTCH": 10,
    "STRAIGHT RYE WHISKIES": 8,
    "SINGLE BARREL BOURBON WHISKIES": 4,
    "BOTTLED IN BOND BOURBON": 3,
    "WHISKEY LIQUEUR": 8,
    "CORN WHISKIES": 2,
    "AMERICAN VODKAS": 20,
    "IMPORTED VODKAS": 10,
    "AMERICAN FLAVORED VODKA": 12,
    "IMPORTED FLAVORED VODKA": 5,
    "100% AGAVE TEQUILA": 20,
    "MIXTO TEQUILA": 6,
    "MEZCAL": 4,
    "WHITE RUM": 8,
    "GOLD RUM": 5,
    "SPICED RUM": 8,
    "FLAVORED RUM": 6,
    "AGED DARK RUM": 5,
    "AMERICAN DRY GINS": 8,
    "IMPORTED DRY GINS": 8,
    "FLAVORED GIN": 3,
    "AMERICAN BRANDIES": 8,
    "IMPORTED BRANDIES": 8,
    "AMERICAN CORDIALS & LIQUEURS": 8,
    "IMPORTED CORDIALS & LIQUEURS": 10,
    "CREAM LIQUEURS": 6,
    "COFFEE LIQUEURS": 4,
    "TRIPLE SEC": 3,
    "AMERICAN SCHNAPPS": 6,
    "IMPORTED SCHNAPPS": 2,
}

# Popularity alone would give a shelf of 1-litre bar bottles; cap each size's share per category.
SIZE_SHARE = {750: 0.45, 1000: 0.20, 1750: 0.15, 375: 0.10, 50: 0.10}

# Gift sets, dispensers, discontinued ("DISCO") and ABD "SOOH"-prefixed listings would look odd on a demo shelf.
EXCLUDE_WORDS = re.compile(
    r"(\bW/|BAG IN BOX|\bGIFT\b|\bPACK\b|\bVAP\b|\bTRI-PACK\b|\bTIN\b|\bPET\b|\bDISCO\b|^SOOH\b"
    r"|\bBUCKET\b|\bDISPENSER\b|\bVARIETY\b|\bCOLLECTORS\b)"
)

GENERIC_WORDS = {
    "VODKA", "GIN", "RUM", "WHISKEY", "WHISKY", "BOURBON", "TEQUILA", "BRANDY", "LIQUEUR", "SCHNAPPS",
    "SILVER", "GOLD", "BLANCO", "REPOSADO", "ANEJO", "WHITE", "SPICED", "LIGHT", "DARK", "CINNAMON",
    "RYE", "SCOTCH", "MEZCAL", "CREAM", "COFFEE", "TRIPLE", "APPLE", "PEACH", "CHERRY", "GRAPE",
    "VANILLA", "COCONUT", "ORIGINAL", "STRAIGHT", "SINGLE", "BLENDED", "CANADIAN", "IRISH", "DRY",
    "FLAVORED", "VS", "VSOP", "XO", "&", "AMERICAN", "DANISH", "EXTRA", "GREEN", "LONDON", "STRAWBERRY",
    "POMEGRANATE", "PEPPERMINT", "MINI", "MIDWESTERN", "SWEDISH", "JAPANESE", "BLUE", "BLACK", "RED",
}
# A description starting with a spirit type gives no usable brand, so leave brand empty ("TEQUILA ROSE" is lost).
TYPE_WORDS = {"VODKA", "GIN", "RUM", "WHISKEY", "WHISKY", "BOURBON", "TEQUILA", "BRANDY", "LIQUEUR", "SCHNAPPS",
              "AMERICAN", "MEZCAL", "SCOTCH", "RYE"}
# First words that are rarely a brand on their own: "OLD CROW", "DR MCGILLICUDDYS", "SLOW AND LOW".
WEAK_FIRST_WORDS = {"OLD", "THE", "DR", "DR.", "ST", "ST.", "DON", "EL", "LA", "SLOW", "SAINT", "MR", "MR."}
UPPER_WORDS = {
    "VS", "VSOP", "XO", "VSO", "USA", "US", "UV", "II", "III", "IV", "XR", "BIB", "DOC", "OFC", "NY", "KY", "LLC",
}
LOWER_WORDS = {"OF", "THE", "AND", "DE", "DEL", "W/", "Y", "IN", "ON"}
NUMBER_SUFFIX = re.compile(r"^(\d+)(YR|PRF|ML|TH|ST|ND|RD)$")


def title_word(word, first):
    if word.rstrip(",.") in UPPER_WORDS:
        return word
    if not first and word in LOWER_WORDS:
        return word.lower()
    m = NUMBER_SUFFIX.match(word)
    if m:
        return m.group(1) + m.group(2).lower()
    if any(ch.isdigit() for ch in word):
        return word
    out = []
    cap_next = True
    for i, ch in enumerate(word):
        if ch.isalpha():
            out.append(ch.upper() if cap_next else ch.lower())
            cap_next = False
        else:
            out.append(ch)
            # O'Neill and D'Usse: a single letter before the apostrophe is a prefix, not a possessive.
            cap_next = ch in "-(/." or (ch == "'" and i == 1)
    text = "".join(out)
    if len(text) > 3 and text.startswith("Mc"):
        text = "Mc" + text[2].upper() + text[3:]
    return text


def title_case(text):
    words = " ".join(text.split()).split(" ")
    return " ".join(title_word(w, i == 0) for i, w in enumerate(words))


def check_digit(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def normalise_upc(raw):
    raw = raw.strip()
    if not raw.isdigit() or len(raw) not in (11, 12):
        return None
    upc = raw.zfill(12)
    return upc if check_digit(upc[:11]) == upc[11] else None


def bottle_cost(p):
    # ABD's "bottle" price for 50 ml is per sleeve of Inner Pack minis; a shop sells them one by one.
    sleeve = Decimal(p["State Bottle Retail"])
    return (sleeve / int(p["Inner Pack"])).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def case_pack(p):
    return int(p["Pack"]) * int(p["Inner Pack"])


def shelf_price(cost):
    # Smallest n.99 at or above cost x 1.35, the usual shelf-price ending.
    target = cost * Decimal("1.35")
    whole = (target - Decimal("0.99")).to_integral_value(rounding=ROUND_CEILING)
    return whole + Decimal("0.99")


def fmt_decimal(value):
    text = format(value.quantize(Decimal("0.01")), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def brand_guess(desc, vendor, prefix_counts):
    words = desc.split()
    first = words[0]
    if first in TYPE_WORDS:
        return ""
    if first in WEAK_FIRST_WORDS and len(words) >= 2:
        if words[1] in LOWER_WORDS and len(words) >= 3:
            return title_case(" ".join(words[:3]))
        return title_case(" ".join(words[:2]))
    if len(words) >= 2 and words[1] not in GENERIC_WORDS and not any(ch.isdigit() for ch in words[1]):
        one = prefix_counts[(vendor, first)]
        two = prefix_counts[(vendor, first + " " + words[1])]
        # Keep the second word when it nearly always follows the first: "JACK DANIELS", not "UV GRAPE".
        if two * 2 > one:
            return title_case(first + " " + words[1])
    return title_case(first)


def load_popularity(sales_path):
    bottles = collections.Counter()
    with open(sales_path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["store_number"] in DEMO_STORES:
                bottles[r["item_number"]] += int(r["bottles_sold"])
    return bottles


def select_products(products, popularity):
    upc_uses = collections.Counter(normalise_upc(p["UPC"]) for p in products)
    candidates = collections.defaultdict(list)
    for p in products:
        cat = p["Category Name"]
        if cat not in QUOTAS:
            continue
        upc = normalise_upc(p["UPC"])
        try:
            size = int(p["Bottle Volume__ml"])
            inner = int(p["Inner Pack"])
            cost = bottle_cost(p)
            proof = Decimal(p["Proof"])
        except (ValueError, ArithmeticError):
            continue
        # Above $150 a bottle is a collector's item, not stock for a neighbourhood bar-and-bottle shop.
        if upc is None or upc_uses[upc] > 1 or size not in SIZE_SHARE or not 0 < cost <= 150 or proof <= 0:
            continue
        # ABD sells minis by the sleeve and lists big sizes with Inner Pack 1; anything else is a combo pack.
        if (size == 50) != (inner > 1):
            continue
        if EXCLUDE_WORDS.search(p["Item Description"]):
            continue
        candidates[cat].append(p)

    chosen = []
    seen_items, seen_upcs = set(), set()

    def take(p):
        upc = normalise_upc(p["UPC"])
        if p["Item Number"] in seen_items or upc in seen_upcs:
            return False
        seen_items.add(p["Item Number"])
        seen_upcs.add(upc)
        chosen.append(p)
        return True

    for cat in sorted(QUOTAS):
        quota = QUOTAS[cat]
        ranked = sorted(candidates[cat], key=lambda p: (-popularity[p["Item Number"]], int(p["Item Number"])))
        caps = {size: max(1, round(quota * share)) for size, share in SIZE_SHARE.items()}
        per_size = collections.Counter()
        taken = 0
        for p in ranked:
            size = int(p["Bottle Volume__ml"])
            if taken < quota and per_size[size] < caps[size] and take(p):
                per_size[size] += 1
                taken += 1
        for p in ranked:
            if taken < quota and take(p):
                taken += 1
    return sorted(chosen, key=lambda p: int(p["Item Number"]))


def spirit_rows(chosen, products):
    prefix_counts = collections.Counter()
    for desc, vendor in {(p["Item Description"], p["Vendor"]) for p in products}:
        words = desc.split()
        prefix_counts[(vendor, words[0])] += 1
        if len(words) >= 2:
            prefix_counts[(vendor, words[0] + " " + words[1])] += 1

    for p in chosen:
        cost = bottle_cost(p)
        yield [
            p["Item Number"],
            title_case(p["Item Description"]),
            brand_guess(p["Item Description"], p["Vendor"], prefix_counts),
            "spirits",
            p["Category Name"],
            str(int(p["Bottle Volume__ml"])),
            fmt_decimal(Decimal(p["Proof"]) / 2),
            normalise_upc(p["UPC"]),
            format(cost.quantize(Decimal("0.01")), "f"),
            format(shelf_price(cost), "f"),
            title_case(p["Vendor Name"]),
            str(case_pack(p)),
        ]


# Invented rows: Iowa's list is spirits only, and a bar needs wine and beer on the demo shelf.
WINES = [
    ("House Cabernet Sauvignon", "RED WINE", "13.5", "8.50"),
    ("House Merlot", "RED WINE", "13.5", "7.75"),
    ("House Pinot Noir", "RED WINE", "13", "10.25"),
    ("House Malbec", "RED WINE", "13.5", "8.25"),
    ("House Zinfandel", "RED WINE", "14.5", "9.50"),
    ("House Syrah", "RED WINE", "14", "9.00"),
    ("House Red Blend", "RED WINE", "13.5", "7.25"),
    ("House Tempranillo", "RED WINE", "13.5", "8.75"),
    ("House Sangiovese", "RED WINE", "13", "9.25"),
    ("Reserve Cabernet Sauvignon", "RED WINE", "14.5", "17.50"),
    ("House Chardonnay", "WHITE WINE", "13.5", "7.75"),
    ("House Sauvignon Blanc", "WHITE WINE", "12.5", "8.00"),
    ("House Pinot Grigio", "WHITE WINE", "12", "7.25"),
    ("House Riesling", "WHITE WINE", "12", "7.50"),
    ("Reserve Chardonnay", "WHITE WINE", "14", "15.75"),
    ("House Moscato", "WHITE WINE", "12", "6.75"),
    ("House Rose", "ROSE WINE", "12.5", "8.25"),
    ("House Prosecco", "SPARKLING WINE", "12", "9.75"),
    ("House Brut Sparkling", "SPARKLING WINE", "12", "8.50"),
    ("House Brut Rose Sparkling", "SPARKLING WINE", "12", "11.25"),
]

BEERS = [
    ("House Lager", "LAGER", 355, "4.5", "1.05"),
    ("House Light Lager", "LAGER", 355, "4.2", "0.95"),
    ("House Pilsner", "LAGER", 355, "5", "1.25"),
    ("House Mexican-Style Lager", "LAGER", 355, "4.5", "1.15"),
    ("House Amber Lager", "LAGER", 355, "5.2", "1.25"),
    ("House Oktoberfest Marzen", "LAGER", 473, "5.8", "1.85"),
    ("House IPA", "IPA", 355, "6.5", "1.45"),
    ("House Hazy IPA", "IPA", 473, "6.8", "2.25"),
    ("House Double IPA", "IPA", 473, "8", "2.75"),
    ("House Session IPA", "IPA", 355, "4.5", "1.35"),
    ("House Pale Ale", "ALE", 355, "5.5", "1.35"),
    ("House Amber Ale", "ALE", 355, "5.3", "1.30"),
    ("House Brown Ale", "ALE", 355, "5.4", "1.35"),
    ("House Cream Ale", "ALE", 355, "5", "1.20"),
    ("House Golden Ale", "ALE", 473, "5", "1.75"),
    ("House Stout", "STOUT & PORTER", 473, "6", "2.15"),
    ("House Porter", "STOUT & PORTER", 355, "5.8", "1.50"),
    ("House Hefeweizen", "WHEAT BEER", 473, "5.2", "1.85"),
    ("House Belgian-Style Witbier", "WHEAT BEER", 355, "5", "1.40"),
    ("House Fruited Sour Ale", "SOUR", 473, "4.8", "2.45"),
]


def demo_rows():
    for i, (name, sub, abv, cost) in enumerate(WINES, start=1):
        yield [f"DEMO-W-{i:03d}", f"{name} (demo)", "Demo Cellars", "wine", sub, "750", abv, "",
               cost, format(shelf_price(Decimal(cost)), "f"), "Demo Wine Distributors", "12"]
    for i, (name, sub, size, abv, cost) in enumerate(BEERS, start=1):
        yield [f"DEMO-B-{i:03d}", f"{name} (demo)", "Demo Brewing", "beer", sub, str(size), abv, "",
               cost, format(shelf_price(Decimal(cost)), "f"), "Demo Beer Distributors", "24"]


def title_address(text):
    out = []
    for w in text.split():
        if w in {"N", "S", "E", "W", "NE", "NW", "SE", "SW"}:
            out.append(w)
        else:
            out.append(title_word(w, True))
    return " ".join(out)


def location_rows(stores_path):
    by_number = {}
    with open(stores_path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            by_number[str(int(r["Store"]))] = r
    for number in DEMO_STORES:
        r = by_number[number]
        if r["Store Status"] != "A":
            raise SystemExit(f"store {number} is not active in the stores list")
        m = re.fullmatch(r"POINT \((\S+) (\S+)\)", r["Store Address"])
        if m is None:
            raise SystemExit(f"store {number} has no coordinates")
        lon, lat = m.group(1), m.group(2)
        yield [number, STORE_NAMES[number], title_address(r["Address"]), title_case(r["City"]), r["State"],
               r["Zip Code"], lat, lon, r["Name"]]


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, type=Path, help="folder holding the Iowa CSV files")
    ap.add_argument("--out", default=DEFAULT_OUT, type=Path)
    args = ap.parse_args()

    with open(args.data / "iowa_products_2024.csv", encoding="utf-8", newline="") as f:
        products = list(csv.DictReader(f))
    popularity = load_popularity(args.data / "iowa_sales_4stores_2016_2021.csv")
    chosen = select_products(products, popularity)

    write_csv(
        args.out / "products.csv",
        ["sku", "name", "brand", "category", "subcategory", "sizeMl", "abv", "upc", "cost", "price",
         "supplier", "casePack"],
        list(spirit_rows(chosen, products)) + list(demo_rows()),
    )
    write_csv(
        args.out / "locations.csv",
        ["licenseNumber", "name", "addressLine1", "city", "state", "zip", "latitude", "longitude", "sourceName"],
        location_rows(args.data / "iowa_stores_2024.csv"),
    )


if __name__ == "__main__":
    main()
