"""Index engines side by side: bulk loading speed and query latency, SQLite vs OpenSearch.

    .venv/bin/python -m benchmarks.index [--docs 100000] [--engines sqlite,opensearch]
    .venv/bin/python -m benchmarks.index --docs 5000          # a quick run
    .venv/bin/python -m benchmarks.index --url http://127.0.0.1:9200   # an existing cluster

Generates N synthetic but realistic district news and policy records
(``synthetic_records``: real-looking organisations, figures and signings,
written from templates), loads them into each engine, then runs a fixed mix
of queries several times. Prints JSON: documents per second loaded, and the
p50/p95 latency of each query and of the whole mix, per engine. Without
``--url`` an OpenSearch node is started for the run (index.launcher).

Beside wall-clock figures, ``cpu_*`` keys give the CPU time this process
spent (for a cluster engine only the client's share): on a shared machine
wall time also counts the time other processes held the cores. For SQLite,
``disk_*`` keys give the size of the index file (with its write-ahead log)
against the UTF-8 size of the titles and texts loaded.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

from policyminer.records import Extracted, Figure, Organization, Signing, doc_id

DISTRICTS = {   # district → (news source, government source)
    "北碚区": ("cqbb-news", "cqbb-gov"), "沙坪坝区": ("cqspb-news", "cqspb-gov"),
    "渝北区": ("cqyb-news", "cqyb-gov"), "江北区": ("cqjb-news", "cqjb-gov"),
    "九龙坡区": ("cqjlp-news", "cqjlp-gov"), "永川区": ("cqyc-news", "cqyc-gov"),
    "璧山区": ("cqbs-news", "cqbs-gov"), "南岸区": ("cqna-news", "cqna-gov"),
}
UNIVERSITIES = [("西南大学", ["西大"]), ("重庆大学", ["重大"]), ("重庆邮电大学", ["重邮"]),
                ("重庆交通大学", []), ("西南政法大学", []), ("重庆医科大学", ["重医"])]
COMPANIES = [("重庆大学知识产权运营有限公司", []), ("长安汽车股份有限公司", ["长安汽车"]),
             ("京东方科技集团股份有限公司", ["京东方"]), ("比亚迪股份有限公司", ["比亚迪"]),
             ("华为技术有限公司", ["华为"]), ("中国移动通信集团重庆有限公司", ["重庆移动"])]
PROJECTS = ["智能网联汽车零部件产业园", "数字经济产业园", "科技成果转化中试基地", "5G智慧园区",
            "新能源电池研发中心", "生物医药创新港", "大学科技园", "工业互联网标识解析节点"]
TOPICS = ["科技成果转化", "专利运营", "人才培养", "智能制造", "数字经济", "绿色低碳"]
SPAN_DAYS = 1461
MIX = ["签约", "重庆大学", "5G基站", "2.8亿元", "西南大学 签约", "签约 org:西南大学",
       "(产业园 OR 科技园) -开工", "type:policy 奖励", "published:2024-03..2024-06 亿元",
       "region:北碚区 合作"]


def synthetic_records(n: int, *, seed: int = 7, start: str = "2021-01-04") -> Iterator[Extracted]:
    """``n`` deterministic records published over four years from ``start``.

    While ``n`` is at most the number of days in that span, every record has
    a day of its own (so that sorting by date has no ties).
    Every tenth record is a city daily's reprint of an earlier signing report.
    """
    rng = random.Random(seed)
    first = date.fromisoformat(start)
    last_signing = None
    for i in range(n):
        day = first + timedelta(days=i * (SPAN_DAYS // n) if n <= SPAN_DAYS else i * SPAN_DAYS // n)
        district = rng.choice(sorted(DISTRICTS))
        kind = ("policy", "infrastructure", "signing", "signing", "university")[i % 5]
        if i % 10 == 9 and last_signing is not None:
            yield _reprint(i, last_signing, day)
            continue
        record = _BUILDERS[kind](i, rng, district, day)
        last_signing = record if record.signings else last_signing
        yield record


def _record(i: int, kind: str, title: str, text: str, district: str, day: date, *,
            doc_type: str = "news", orgs=(), figures=(), signings=()) -> Extracted:
    news, gov = DISTRICTS[district]
    url = f"https://{(gov if doc_type == 'policy' else news)}.example.cn/{kind}/{i:06d}.html"
    return Extracted(id=doc_id(url), url=url, title=title, published=day.isoformat(), text=text,
                     source=gov if doc_type == "policy" else news, doc_type=doc_type,
                     region=district, organizations=list(orgs), figures=list(figures),
                     signings=list(signings), extractor_version="synthetic-1")


def _org(text: str, name: str, kind: str, aliases=()) -> Organization:
    at = text.find(name)
    return Organization(name, kind, list(aliases), [[at, at + len(name)]] if at >= 0 else [])


def _figure(text: str, shown: str, value, unit: str, metric: str | None) -> Figure:
    at = text.find(shown)
    return Figure(shown, value, unit, None, metric, None, at, at + len(shown))


def _amount(rng: random.Random) -> float:
    return rng.choice([2.8, 2.8, 1.5, 3.6, 5.0, 12.0, 20.5, 0.8, 45.0])


def _signing_news(i: int, rng: random.Random, district: str, day: date) -> Extracted:
    name, aliases = rng.choice(COMPANIES + UNIVERSITIES)
    project, topic, amount = rng.choice(PROJECTS), rng.choice(TOPICS), _amount(rng)
    gov = f"{district}人民政府"
    signed = day - timedelta(days=rng.randint(0, 2))
    amount_text = f"{amount:g}亿元"
    text = (f"{signed.month}月{signed.day}日，{gov}与{name}在区行政中心签约，双方将围绕{topic}"
            f"开展全方位合作。根据协议，{project}项目总投资{amount_text}，计划{day.year + 1}年建成投用。"
            f"{district}相关负责人表示，将在用地保障、人才引进等方面给予支持，"
            f"推动项目早落地、早见效。")
    sentence = text[:text.index("。") + 1]
    orgs = [_org(text, gov, "government", ["区政府"]),
            _org(text, name, "company" if "公司" in name else "university", aliases)]
    signing = Signing(sentence, signed.isoformat(), [gov, name], [project], None,
                      {"value": amount * 1e8, "unit": "元"}, district, 0, len(sentence))
    return _record(i, "signing", f"{district}与{aliases[0] if aliases else name}签约共建{project}",
                   text, district, day, orgs=orgs, signings=[signing],
                   figures=[_figure(text, amount_text, amount * 1e8, "元", "总投资")])


def _infrastructure(i: int, rng: random.Random, district: str, day: date) -> Extracted:
    stations, parks = rng.randint(40, 600), rng.randint(2, 12)
    bureau = f"{district}经济信息委"
    text = (f"今年以来，{district}加快新型基础设施建设，累计新建5G基站{stations}个，"
            f"实现{parks}个重点园区和主要高校校园全覆盖。{bureau}负责人介绍，下一步将推动5G应用"
            f"在智能制造、智慧医疗、智慧交通等场景落地，培育一批可复制的示范项目。")
    shown = f"5G基站{stations}个"
    return _record(i, "infra", f"{district}新建5G基站{stations}个", text, district, day,
                   orgs=[_org(text, bureau, "government")],
                   figures=[_figure(text, shown, stations, "个", "5G基站")])


def _policy(i: int, rng: random.Random, district: str, day: date) -> Extracted:
    topic, reward = rng.choice(TOPICS), rng.choice([10, 20, 30, 50, 100])
    university, _ = rng.choice(UNIVERSITIES)
    text = (f"第一条　为加快建设环{university}创新生态圈，支持{topic}，结合本区实际，制定本措施。\n"
            f"第二条　对新认定的高新技术企业，给予一次性奖励{reward}万元。\n"
            f"第三条　对在区内签约落户的重大项目，按实际到位资金的一定比例给予补助。\n"
            f"第四条　本措施自印发之日起施行，由{district}科技局负责解释。")
    bureau = f"{district}科技局"
    return _record(i, "policy", f"{district}关于支持{topic}的若干措施", text, district, day,
                   doc_type="policy",
                   orgs=[_org(text, f"环{university}创新生态圈", "platform"),
                         _org(text, bureau, "government")],
                   figures=[_figure(text, f"{reward}万元", reward * 10000, "元", "奖励")])


def _university(i: int, rng: random.Random, district: str, day: date) -> Extracted:
    name, aliases = rng.choice(UNIVERSITIES)
    firms, revenue = rng.randint(30, 300), rng.choice([1.2, 2.8, 3.5, 6.4])
    park = f"{district}大学科技园"
    short = aliases[0] if aliases else name
    text = (f"日前，{name}与{district}共同推进{park}建设。园区已累计入驻企业{firms}家，"
            f"去年实现营收{revenue:g}亿元。{short}相关负责人表示，学校将推动更多科研成果就地转化，"
            f"并联合园区企业开展人才培养。")
    return _record(i, "campus", f"{name}与{district}共建大学科技园", text, district, day,
                   orgs=[_org(text, name, "university", aliases), _org(text, park, "platform")],
                   figures=[_figure(text, f"{firms}家", firms, "家", "入驻企业")])


def _reprint(i: int, original: Extracted, day: date) -> Extracted:
    url = f"https://cq-daily.example.cn/reprint/{i:06d}.html"
    return Extracted(id=doc_id(url), url=url, title=f"{original.title}（转载）", published=day.isoformat(),
                     text=original.text, source="cq-daily", doc_type="news", region=original.region,
                     organizations=original.organizations, figures=original.figures,
                     signings=original.signings, extractor_version="synthetic-1")


_BUILDERS = {"signing": _signing_news, "infrastructure": _infrastructure, "policy": _policy,
             "university": _university}


# -- the benchmark ---------------------------------------------------------------

def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(index, records: list[Extracted], repeat: int, facet_size: int = 10,
            warmup: int = 3) -> dict:
    """Load ``records`` into ``index`` (emptied first) and time the query mix (with facets).

    The first pass over the mix is timed apart (``cold_*``: a node that just
    loaded); ``warmup - 1`` more passes run untimed before the timed runs, so
    that those measure a node whose caches and JIT compiler have settled.
    """
    index.clear()
    started, cpu = time.perf_counter(), time.process_time()
    index.load(records)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    cold = []
    for query in MIX:
        begin = time.perf_counter()
        index.search(query, limit=10, facet_size=facet_size)
        cold.append((time.perf_counter() - begin) * 1000)
    for _ in range(warmup - 1):
        for query in MIX:
            index.search(query, limit=10, facet_size=facet_size)
    per_query, everything, everything_cpu = {}, [], []
    for query in MIX:
        times, cpu_times = [], []
        for _ in range(repeat):
            begin, begin_cpu = time.perf_counter(), time.process_time()
            index.search(query, limit=10, facet_size=facet_size)
            times.append((time.perf_counter() - begin) * 1000)
            cpu_times.append((time.process_time() - begin_cpu) * 1000)
        everything += times
        everything_cpu += cpu_times
        per_query[query] = {"p50_ms": round(_percentile(times, 0.5), 1),
                            "p95_ms": round(_percentile(times, 0.95), 1),
                            "cpu_p50_ms": round(_percentile(cpu_times, 0.5), 1),
                            "cpu_p95_ms": round(_percentile(cpu_times, 0.95), 1)}
    return {"documents": index.count(), "load_seconds": round(seconds, 1),
            "docs_per_second": round(len(records) / seconds), "queries": per_query,
            "cold_mix_max_ms": round(max(cold), 1),
            "cold_mix_p50_ms": round(_percentile(cold, 0.5), 1),
            "mix_p50_ms": round(_percentile(everything, 0.5), 1),
            "mix_p95_ms": round(_percentile(everything, 0.95), 1),
            "load_cpu_seconds": round(cpu, 1),
            "cpu_docs_per_second": round(len(records) / max(cpu, 1e-6)),
            "mix_cpu_p50_ms": round(_percentile(everything_cpu, 0.5), 1),
            "mix_cpu_p95_ms": round(_percentile(everything_cpu, 0.95), 1)}


def disk_usage(path: Path, records: list[Extracted]) -> dict:
    """Size of a SQLite index file (with its WAL) against the text it holds."""
    size = sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    text = sum(len((r.title or "").encode("utf-8")) + len((r.text or "").encode("utf-8"))
               for r in records)
    return {"disk_bytes": size, "disk_mb_per_1k_docs": round(size / 1e6 / len(records) * 1000, 2),
            "disk_to_text_ratio": round(size / text, 2)}


def main(argv: list[str] | None = None) -> None:
    from index.base import open_index
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20, help="runs of each query")
    parser.add_argument("--engines", default="sqlite,opensearch")
    parser.add_argument("--url", help="an existing cluster (else one node is started)")
    parser.add_argument("--shards", type=int, default=1,
                        help="primary shards of the cluster index (a node searches its shards in parallel)")
    parser.add_argument("--warmup", type=int, default=3,
                        help="passes over the query mix before timing (the first is reported as cold_*)")
    parser.add_argument("--facet-size", type=int, default=10,
                        help="facet values per field computed with each query (0: no facets)")
    args = parser.parse_args(argv)
    records = list(synthetic_records(args.docs))
    result = {"docs": args.docs, "facet_size": args.facet_size, "shards": args.shards,
              "warmup": args.warmup, "engines": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for engine in args.engines.split(","):
            if engine == "sqlite":
                path = Path(tmp) / "bench.db"
                with open_index(f"sqlite:///{path}") as index:
                    result["engines"]["sqlite"] = measure(index, records, args.repeat, args.facet_size,
                                                            args.warmup)
                result["engines"]["sqlite"].update(disk_usage(path, records))   # WAL folded in
            else:
                result["engines"][engine] = _cluster_run(engine, args, records)
            print(f"{engine}: done", file=sys.stderr)
    print(json.dumps(result, indent=2, ensure_ascii=False))


def _cluster_run(engine: str, args, records: list[Extracted]) -> dict:
    from index.base import open_index
    from index.launcher import Cluster
    alias = f"pm-benchmark?shards={args.shards}"
    if args.url:
        with open_index(f"{args.url.rstrip('/')}/{alias}", engine=engine) as index:
            return measure(index, records, args.repeat, args.facet_size, args.warmup)
    with Cluster(engine, heap="1g") as cluster:
        with open_index(f"{cluster.url}/{alias}", engine=engine) as index:
            return measure(index, records, args.repeat, args.facet_size, args.warmup)


if __name__ == "__main__":
    main()
