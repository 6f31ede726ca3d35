#!/usr/bin/env python3
"""Makes a site with one council of N wards: the example site (the repository root) plus N
synthetic wards under Southend-on-Sea, each with six years of a proportion (gld) with counts,
every seventh ward in the Better Start group.

Usage: bench/large-council/make_site.py N DEST
"""
import os
import random
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    wards, dest = int(sys.argv[1]), sys.argv[2]
    random.seed(1)
    if os.path.exists(dest):
        shutil.rmtree(dest)
    os.makedirs(dest)
    for part in ("site.yaml", "data", "content", "templates"):
        source = os.path.join(ROOT, part)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(dest, part))
        elif os.path.exists(source):
            shutil.copy(source, dest)
    areas = []
    rows = ["indicator,area,period,breakdown,value,count,denominator,lower_ci,upper_ci,note"]
    for idx in range(wards):
        code = f"E05{900000 + idx:06d}"
        areas.append(f"{code},Ward {idx},ward,E06000033,{'target-area' if idx % 7 == 0 else ''}")
        for year in range(2013, 2019):
            denominator = random.randint(50, 200)
            count = random.randint(0, denominator)
            rows.append(f"gld,{code},{year}/{str(year + 1)[2:]},,{100 * count / denominator:.1f},"
                        f"{count},{denominator},,,example")
    with open(os.path.join(dest, "data", "areas.csv"), "a", encoding="utf-8") as f:
        f.write("\n".join(areas) + "\n")
    with open(os.path.join(dest, "data", "observations", "large-council.csv"), "w",
              encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
