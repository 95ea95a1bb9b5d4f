"""Independent expected values for the corpus golden tests.

Reads each bundled statement file with Python's own csv/xml/re modules (no Cashbook code)
and prints, per file: lines kept, sum of signed amounts, first and last date. The rules
applied are the import rules stated in test/import/corpus-golden.test.ts:
- Alipay/WeChat: 收入 +, 支出 -, neutral (不计收支, /) skipped, status 交易关闭 skipped.
- ICBC: 记账金额(收入) - 记账金额(支出); footer 合计 line skipped.
- MT940: booking date = :61: entry date when present; C +, D -.
- camt: CRDT +, DBIT -, booking date.
Run: python3 test/import/corpus-expectations.py samples/statements
"""
import csv, io, re, sys, os
from decimal import Decimal
import xml.etree.ElementTree as ET

root = sys.argv[1]

def report(name, amounts, dates):
    ds = sorted(dates)
    print(f"{name}: lines={len(amounts)} sum={sum(amounts, Decimal(0)):.2f} first={ds[0] if ds else None} last={ds[-1] if ds else None}")

def rows_after(text, header_start):
    lines = text.splitlines()
    i = next(i for i, l in enumerate(lines) if l.strip().startswith(header_start))
    return list(csv.reader(io.StringIO("\n".join(lines[i:]))))

def money(s):
    return Decimal(re.sub(r"[^\d.\-+]", "", s))

# Alipay (GBK)
rows = rows_after(open(f"{root}/alipay/deg-alipay-gbk.csv", encoding="gbk").read(), "交易时间")
h = [c.strip() for c in rows[0]]
a, d = [], []
for r in rows[1:]:
    r = [c.strip() for c in r]
    if len(r) < 7 or not re.match(r"\d{4}-\d{2}-\d{2}", r[0]): continue
    rec = dict(zip(h, r))
    if "关闭" in rec["交易状态"] or rec["收/支"] not in ("收入", "支出"): continue
    v = money(rec["金额"]); a.append(v if rec["收/支"] == "收入" else -v); d.append(r[0][:10])
report("alipay/deg-alipay-gbk.csv", a, d)

# WeChat
rows = rows_after(open(f"{root}/wechat/deg-wechat.csv", encoding="utf-8").read(), "交易时间")
h = [c.strip() for c in rows[0]]
a, d = [], []
for r in rows[1:]:
    r = [c.strip() for c in r]
    if not r or not re.match(r"\d{4}-\d{2}-\d{2}", r[0]): continue
    rec = dict(zip(h, r))
    if rec["收/支"] not in ("收入", "支出"): continue
    v = money(rec["金额(元)"]); a.append(v if rec["收/支"] == "收入" else -v); d.append(r[0][:10])
report("wechat/deg-wechat.csv", a, d)

# ICBC
rows = rows_after(open(f"{root}/cn-bank/deg-icbc-debit-v2.csv", encoding="utf-8").read(), "交易日期")
h = [c.strip() for c in rows[0]]
a, d = [], []
for r in rows[1:]:
    r = [c.strip() for c in r]
    if not r or not re.match(r"\d{4}-\d{2}-\d{2}", r[0]): continue
    rec = dict(zip(h, r))
    inn = money(rec["记账金额(收入)"]) if re.search(r"\d", rec["记账金额(收入)"]) else Decimal(0)
    out = money(rec["记账金额(支出)"]) if re.search(r"\d", rec["记账金额(支出)"]) else Decimal(0)
    a.append(inn - out); d.append(r[0])
report("cn-bank/deg-icbc-debit-v2.csv", a, d)

# CMB
rows = rows_after(open(f"{root}/cn-bank/deg-cmb-debit.csv", encoding="utf-8").read(), "记账日期")
a = [money(r[2]) for r in rows[1:] if r]; d = [r[0] for r in rows[1:] if r]
report("cn-bank/deg-cmb-debit.csv", a, d)

# ABC
rows = rows_after(open(f"{root}/cn-bank/deg-abc-debit.csv", encoding="utf-8").read(), "交易日期")
a = [money(r[3]) for r in rows[1:] if r]; d = [f"{r[0][:4]}-{r[0][4:6]}-{r[0][6:]}" for r in rows[1:] if r]
report("cn-bank/deg-abc-debit.csv", a, d)

# HSBC HK (DD/MM/YYYY)
rows = rows_after(open(f"{root}/cn-bank/deg-hsbchk-credit.csv", encoding="utf-8").read(), "Transaction date")
a, d = [], []
for r in rows[1:]:
    if not r: continue
    a.append(money(r[3])); dd, mm, yy = r[0].split("/"); d.append(f"{yy}-{mm}-{dd}")
report("cn-bank/deg-hsbchk-credit.csv", a, d)

# OFX: every <STMTTRN> with DTPOSTED and TRNAMT
for f in sorted(os.listdir(f"{root}/ofx")):
    t = open(f"{root}/ofx/{f}", encoding="utf-8").read()
    a, d = [], []
    for block in re.findall(r"<STMTTRN>(.*?)</STMTTRN>", t, re.S):
        amt = re.search(r"<TRNAMT>\s*([-\d.]+)", block).group(1)
        dt = re.search(r"<DTPOSTED>\s*(\d{8})", block).group(1)
        a.append(Decimal(amt)); d.append(f"{dt[:4]}-{dt[4:6]}-{dt[6:]}")
    report(f"ofx/{f}", a, d)

# MT940
for f in sorted(os.listdir(f"{root}/mt940")):
    t = open(f"{root}/mt940/{f}", encoding="utf-8").read()
    a, d = [], []
    for m in re.finditer(r"^:61:(\d{2})(\d{2})(\d{2})(\d{4})?(R?[CD])[A-Z]?(\d+),(\d*)", t, re.M):
        yy, mm, dd, entry, mark, whole, frac = m.groups()
        v = Decimal(f"{whole}.{frac or '0'}")
        a.append(-v if mark in ("D", "RC") else v)
        if entry: mm, dd = entry[:2], entry[2:]
        d.append(f"20{yy}-{mm}-{dd}")
    report(f"mt940/{f}", a, d)

# camt.053
ns = {"c": "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"}
for f in sorted(os.listdir(f"{root}/camt053")):
    tree = ET.parse(f"{root}/camt053/{f}")
    a, d = [], []
    for n in tree.getroot().iter("{%s}Ntry" % ns["c"]):
        v = Decimal(n.find("c:Amt", ns).text)
        a.append(-v if n.find("c:CdtDbtInd", ns).text == "DBIT" else v)
        d.append(n.find("c:BookgDt/c:Dt", ns).text)
    report(f"camt053/{f}", a, d)
