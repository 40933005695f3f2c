#!/usr/bin/env python3
"""Writes a synthetic list file of N rows (canonical headers, DD.MM.YYYY dates) for import
benchmarks and crash tests. Synthetic names only; deterministic for a given seed.

usage: gen_list.py ROWS OUT.csv [SEED]
"""
import random
import sys

SURNAMES = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник",
            "Шевчук", "Поліщук", "Лисенко", "Мельник", "Бойко", "Ковальчук", "Савченко",
            "Руденко", "Марченко", "Мороз", "Петренко", "Клименко", "Павленко", "Левченко"]
GIVEN = ["Олександр", "Андрій", "Сергій", "Володимир", "Дмитро", "Микола", "Юрій", "Василь",
         "Михайло", "Петро", "Павло", "Євген", "Олексій", "Григорій", "Федір", "Іван"]
PATRONYMIC = ["Олександрович", "Андрійович", "Сергійович", "Миколайович", "Юрійович",
              "Васильович", "Петрович", "Іванович"]


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("id,surname,given_name,patronymic,birth_date,birth_place,rank,unit\n")
        for i in range(rows):
            f.write(f"P{i:07d},{rng.choice(SURNAMES)},{rng.choice(GIVEN)},"
                    f"{rng.choice(PATRONYMIC)},{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}."
                    f"{rng.randint(1965, 2006)},Київ,солдат,А{rng.randint(1000, 9999)}\n")


if __name__ == "__main__":
    main()
